package dev.hlm.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.api.ErrorType;
import dev.hlm.api.Flavor;
import dev.hlm.api.Json;
import dev.hlm.api.LocalizableMessage;
import dev.hlm.api.RestError;
import dev.hlm.api.VapiError;
import dev.hlm.tls.KnownHosts;
import dev.hlm.tls.RecordingTrustManager;
import dev.hlm.tls.TlsContexts;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * One HTTPS exchange at a time with one server, and the single place that decides what an answer means:
 * 2xx is the result; a vAPI error body of either flavor is an {@link ApiException}; everything else (no
 * connection, TLS refused, timeout, a body that is not the API, a redirect) is a {@link TransportException}.
 * Owns the client's {@link HttpClient}, so every call reuses one TLS connection.
 */
final class Transport {
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final URI server;
    private final Duration requestTimeout;
    private final HttpTrace trace;
    private final RecordingTrustManager trust;
    private final HttpClient http;

    Transport(URI server, RecordingTrustManager trust, Duration connectTimeout, Duration requestTimeout, HttpTrace trace) {
        this.server = server;
        this.trust = trust;
        this.requestTimeout = requestTimeout;
        this.trace = trace;
        try {
            this.http = HttpClient.newBuilder()
                    .sslContext(TlsContexts.client(trust))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(connectTimeout)
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new TransportException(TransportException.Kind.TLS, "cannot set up TLS: " + e.getMessage(), e);
        }
    }

    URI server() {
        return server;
    }

    Optional<X509Certificate> lastServerCertificate() {
        return trust.lastServerCertificate();
    }

    /**
     * Sends one request and answers its JSON (null for an empty 2xx answer where none is expected).
     *
     * @param what the operation's name, for messages
     * @param headers extra headers (the session token, the Basic authorization)
     */
    JsonNode send(String what, String method, String path, Object body, Map<String, String> headers, boolean expectBody) {
        return send(what, method, path, body, headers, expectBody, requestTimeout);
    }

    /** As above, with its own bound on the answer's wait (a logout must not hold up the exit). */
    JsonNode send(String what, String method, String path, Object body, Map<String, String> headers, boolean expectBody,
            Duration timeout) {
        // Bytes rather than a String, so the body (a password, often) can be cleared once sent.
        byte[] json = body == null ? null : serialise(body);
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(server.resolve(path))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(json))
                    .timeout(timeout)
                    .header("Accept", "application/json");
            if (json != null) {
                b.header("Content-Type", "application/json");
            }
            headers.forEach(b::header);
            String traced = json == null || trace == HttpTrace.NONE ? null : new String(json, StandardCharsets.UTF_8);
            return exchange(b.build(), what, traced, expectBody);
        } finally {
            if (json != null) {
                Arrays.fill(json, (byte) 0);
            }
        }
    }

    private static byte[] serialise(Object body) {
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + body.getClass().getSimpleName(), e);
        }
    }

    private JsonNode exchange(HttpRequest request, String what, String body, boolean expectBody) {
        trace.request(request.method(), request.uri(), request.headers(), body);
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw new TransportException(TransportException.Kind.TIMEOUT,
                    "cannot connect to " + hostPort() + ": no answer within the connect timeout", e);
        } catch (HttpTimeoutException e) {
            throw new TransportException(TransportException.Kind.TIMEOUT,
                    what + ": " + hostPort() + " did not answer within " + request.timeout().orElse(requestTimeout).toSeconds() + " s", e);
        } catch (IOException e) {
            throw transportFailure(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(TransportException.Kind.INTERRUPTED, what + ": interrupted", e);
        }
        byte[] raw = response.body() == null ? new byte[0] : response.body();
        String text = new String(raw, 0, Math.min(raw.length, MAX_BODY_BYTES), StandardCharsets.UTF_8);
        trace.response(response.statusCode(), request.uri(), response.headers(), text);
        int status = response.statusCode();
        if (status >= 300 && status < 400) {
            throw new TransportException(TransportException.Kind.PROTOCOL, what + ": " + hostPort()
                    + " answered with a redirect (" + status + " to "
                    + response.headers().firstValue("Location").orElse("nowhere")
                    + "); hlm does not follow redirects, so credentials only go to the server named", null);
        }
        JsonNode json = parse(text);
        if (status >= 200 && status < 300) {
            if (json == null && expectBody) {
                throw new TransportException(TransportException.Kind.PROTOCOL,
                        what + ": " + hostPort() + " answered " + status + " with " + describe(response, text)
                                + " where JSON was expected", null);
            }
            return json;
        }
        VapiError error = json == null ? null : decodeError(json, status);
        if (error == null) {
            throw new TransportException(TransportException.Kind.PROTOCOL, what + ": " + hostPort()
                    + " answered HTTP " + status + " with " + describe(response, text) + ", not a vCenter API error", null);
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

    private static String describe(HttpResponse<?> response, String text) {
        if (text.isBlank()) {
            return "an empty body";
        }
        String type = response.headers().firstValue("Content-Type").orElse("no content type");
        return "a body that is not JSON (" + type + ", " + text.length() + " characters)";
    }

    private TransportException transportFailure(String what, IOException e) {
        Optional<X509Certificate> presented = trust.lastServerCertificate();
        if (trust.lastFailure().isPresent() && presented.isPresent()) {
            CertificateException why = trust.lastFailure().get();
            if (why instanceof KnownHosts.CertificateChanged) {
                return new TransportException(TransportException.Kind.TLS_CHANGED, why.getMessage(), e, presented.get(), why);
            }
            return new TransportException(TransportException.Kind.TLS_UNTRUSTED,
                    "the certificate of " + hostPort() + " is not trusted (" + rootMessage(why) + ")", e,
                    presented.get(), why);
        }
        if (e instanceof SSLHandshakeException || e instanceof SSLException) {
            return new TransportException(TransportException.Kind.TLS,
                    "TLS with " + hostPort() + " failed: " + rootMessage(e), e);
        }
        if (e instanceof ConnectException || e.getCause() instanceof java.nio.channels.UnresolvedAddressException) {
            return new TransportException(TransportException.Kind.CONNECT,
                    "cannot connect to " + hostPort() + ": " + connectReason(e), e);
        }
        return new TransportException(TransportException.Kind.CONNECT,
                what + ": the connection to " + hostPort() + " failed: " + rootMessage(e), e);
    }

    private static String connectReason(IOException e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof java.nio.channels.UnresolvedAddressException) {
            return "the name does not resolve";
        }
        String m = rootMessage(e);
        return m.isEmpty() ? "connection refused" : m;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null ? root.getClass().getSimpleName() : m;
    }

    String hostPort() {
        return server.getHost() + ":" + (server.getPort() == -1 ? 443 : server.getPort());
    }
}
