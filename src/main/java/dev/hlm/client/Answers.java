package dev.hlm.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.api.ErrorType;
import dev.hlm.api.Flavor;
import dev.hlm.api.Json;
import dev.hlm.api.LocalizableMessage;
import dev.hlm.api.RestError;
import dev.hlm.api.VapiError;
import java.net.http.HttpHeaders;

/**
 * What an answer means, decided in this one place: 2xx is the result; a vAPI error body of either flavor is an
 * {@link ApiException}; anything else (a redirect, a body that is not the API) is a {@link TransportException}
 * that says whether the call may have been carried out. {@link Transport} moves the bytes; this reads them.
 */
final class Answers {
    private Answers() {}

    /**
     * The JSON of a 2xx answer (null when empty and none is expected), or the failure the answer is.
     *
     * @param what the operation's name, for messages
     */
    static JsonNode read(String what, String hostPort, int status, HttpHeaders headers, String text, boolean expectBody) {
        if (status >= 300 && status < 400) {
            throw new TransportException(TransportException.Kind.PROTOCOL, what + ": " + hostPort
                    + " answered with a redirect (" + status + " to "
                    + headers.firstValue("Location").orElse("nowhere")
                    + "); hlm does not follow redirects, so credentials only go to the server named", null,
                    TransportException.Delivery.ANSWERED, false);
        }
        JsonNode json = parse(text);
        if (status >= 200 && status < 300) {
            if (json == null && expectBody) {
                // Success, but the result is unreadable: what it was (a link id, say) is lost.
                throw new TransportException(TransportException.Kind.PROTOCOL,
                        what + ": " + hostPort + " answered " + status + " with " + describe(headers, text)
                                + " where JSON was expected", null, TransportException.Delivery.UNKNOWN, true);
            }
            return json;
        }
        VapiError error = json == null ? null : decodeError(json, status);
        if (error == null) {
            // A 5xx page from a proxy or a restarting service says nothing of whether the call was carried out.
            boolean serverSide = status >= 500;
            throw new TransportException(TransportException.Kind.PROTOCOL, what + ": " + hostPort
                    + " answered HTTP " + status + " with " + (json == null ? describe(headers, text) + ", not"
                            : "JSON that is not") + " a vCenter API error", null,
                    serverSide ? TransportException.Delivery.UNKNOWN : TransportException.Delivery.ANSWERED, serverSide);
        }
        throw ApiException.of(status, error);
    }

    /** Reads either flavor's error body, or the {@code /rest} routing 404 (decision D13). */
    static VapiError decodeError(JsonNode json, int status) {
        try {
            if (json.hasNonNull("error_type")) {
                return Json.mapper().treeToValue(json, VapiError.class);
            }
            if (json.hasNonNull("type") && json.has("value")) {
                return Json.mapper().treeToValue(json, RestError.class).toVapiError();
            }
            if (json.hasNonNull("name") && json.has("majorErrorCode")) {
                String message = json.path("localizableMessages").path(0).path("defaultMessage").asText("Not found.");
                ErrorType type = status == 404 ? ErrorType.NOT_FOUND : ErrorType.UNKNOWN;
                return VapiError.of(type, LocalizableMessage.of(json.path("name").asText(), message));
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    /** The result inside an answer: bare in {@code /api}, under {@code "value"} in {@code /rest}. */
    static JsonNode unwrap(Flavor f, JsonNode answer) {
        if (answer == null) {
            throw new TransportException(TransportException.Kind.PROTOCOL, "empty answer where a value was expected", null);
        }
        if (f == Flavor.API) {
            return answer;
        }
        if (!answer.has("value")) {
            throw new TransportException(TransportException.Kind.PROTOCOL,
                    "a /rest answer without its {\"value\": ...} wrapper", null);
        }
        return answer.get("value");
    }

    private static JsonNode parse(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String describe(HttpHeaders headers, String text) {
        if (text.isBlank()) {
            return "an empty body";
        }
        String type = headers.firstValue("Content-Type").orElse("no content type");
        return "a body that is not JSON (" + type + ", " + text.length() + (text.length() == 1 ? " character)" : " characters)");
    }
}
