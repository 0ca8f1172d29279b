package dev.hlm.sim.vapi;

import static dev.hlm.sim.vapi.VapiType.STRING;
import static dev.hlm.sim.vapi.VapiType.list;
import static dev.hlm.sim.vapi.VapiType.optional;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.api.ErrorType;
import dev.hlm.api.Json;
import dev.hlm.api.LocalizableMessage;
import dev.hlm.api.VapiError;
import java.util.Locale;

/**
 * The vAPI standard errors in their JSON-RPC form: {@code {"ERROR": {"com.vmware.vapi.std.errors.<type>":
 * {"messages", "data", "error_type"}}}} (and {@code challenge} for UNAUTHENTICATED), the value the SDK runtimes
 * turn into their typed exceptions ({@code NotFound}, {@code UnverifiedPeer}, ...). Written from the REST
 * flavor's error body, which carries the same content.
 */
public final class StandardErrors {
    private static final String PREFIX = "com.vmware.vapi.std.errors.";

    /** {@code com.vmware.vapi.std.localizable_message}; the simulator never sets params nor localized. */
    public static final VapiType.Structure LOCALIZABLE_MESSAGE = VapiType.structure("com.vmware.vapi.std.localizable_message")
            .field("id", STRING)
            .field("default_message", STRING)
            .field("args", list(STRING))
            .field("params", optional(STRING))
            .field("localized", optional(STRING));

    private StandardErrors() {}

    /**
     * The error value of a REST {@code /api} error body.
     *
     * @param dataType how the error's {@code data} is written; a dynamic structure of that name
     */
    public static JsonNode fromRest(JsonNode restError, String dataType) {
        String type = restError.path("error_type").asText("ERROR").toLowerCase(Locale.ROOT);
        VapiType.Structure error = VapiType.error(PREFIX + type)
                .field("messages", list(LOCALIZABLE_MESSAGE))
                .field("data", optional(VapiType.dynamic(dataType)))
                .field("error_type", optional(STRING));
        if (type.equals("unauthenticated")) {
            error.field("challenge", optional(STRING));
        }
        return error.encode(restError);
    }

    /** The error of a service or operation the server does not have, as the runtimes' dispatcher answers it. */
    public static JsonNode operationNotFound(String serviceId, String operationId) {
        VapiError error = VapiError.of(ErrorType.OPERATION_NOT_FOUND, LocalizableMessage.of(
                "vapi.method.input.invalid.interface",
                "Cannot find service '" + serviceId + "' or its operation '" + operationId + "'.",
                serviceId, operationId));
        return fromRest(Json.mapper().valueToTree(error), VapiOperation.DYNAMIC);
    }
}
