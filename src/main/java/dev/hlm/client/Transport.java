package dev.hlm.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.api.ErrorType;
import dev.hlm.api.Flavor;
import dev.hlm.api.Json;
import dev.hlm.api.LocalizableMessage;
import dev.hlm.api.RestError;
import dev.hlm.api.VapiError;
import dev.hlm.tls.RecordingTrustManager;
import dev.hlm.tls.TlsContexts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.ConnectException;
import java.net.HttpRetryException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTPS exchange at a time with one server, and the single place that decides what an answer means:
 * 2xx is the result; a vAPI error body of either flavor is an {@link ApiException}; everything else (no
 * connection, TLS refused, timeout, a body that is not the API, a redirect) is a {@link TransportException}.
 *
 * <p>It speaks through the JDK's {@link HttpsURLConnection} with this client's own socket factory, which
 * the JDK keeps alive between calls: every call of a command reuses one TLS connection. Not the
 * {@code java.net.http.HttpClient}: that one costs a command-line run about half a second, a quarter to
 * load and 300 ms at exit, where Java 17 waits for its selector thread (see docs/benchmarks.md). A request
 * with a body is streamed at its fixed length, so the JDK never sends it twice.
 */
final class Transport {
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final URI server;
    private final Duration requestTimeout;
    private final HttpTrace trace;
    private final RecordingTrustManager trust;
    private final Duration connectTimeout;
    /** One instance per client: the JDK reuses a kept-alive connection only for the same factory. */
    private final SSLSocketFactory sockets;

    Transport(URI server, RecordingTrustManager trust, Duration connectTimeout, Duration requestTimeout, HttpTrace trace) {
        this.server = server;
        this.trust = trust;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.trace = trace;
        try {
            this.sockets = new HostCheckingSocketFactory(TlsContexts.client(trust).getSocketFactory());
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
        String json = body == null ? null : Json.write(body);
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Accept", "application/json");
        if (json != null) {
            all.put("Content-Type", "application/json");
        }
        all.putAll(headers);
        return exchange(method, server.resolve(path), all, json, what, expectBody);
    }

    private JsonNode exchange(String method, URI uri, Map<String, String> headers, String body, String what,
            boolean expectBody) {
        boolean tracing = trace != HttpTrace.NONE;
        if (tracing) {
            trace.request(method, uri, traceHeaders(headers), body);
        }
        Answer answer = call(method, uri, headers, body, what);
        String text = new String(answer.body(), StandardCharsets.UTF_8);
        if (tracing) {
            trace.response(answer.status(), uri, HttpHeaders.of(answer.headers(), (k, v) -> true), text);
        }
        int status = answer.status();
        if (status >= 300 && status < 400) {
            throw new TransportException(TransportException.Kind.PROTOCOL, what + ": " + hostPort()
                    + " answered with a redirect (" + status + " to "
                    + answer.header("Location").orElse("nowhere")
                    + "); hlm does not follow redirects, so credentials only go to the server named", null);
        }
        JsonNode json = parse(text);
        if (status >= 200 && status < 300) {
            if (json == null && expectBody) {
                throw new TransportException(TransportException.Kind.PROTOCOL,
                        what + ": " + hostPort() + " answered " + status + " with " + describe(answer, text)
                                + " where JSON was expected", null);
            }
            return json;
        }
        VapiError error = json == null ? null : decodeError(json, status);
        if (error == null) {
            throw new TransportException(TransportException.Kind.PROTOCOL, what + ": " + hostPort()
                    + " answered HTTP " + status + " with " + describe(answer, text) + ", not a vCenter API error", null);
        }
        throw ApiException.of(status, error);
    }

    /** A status, the response headers and at most {@link #MAX_BODY_BYTES} of the body. */
    private record Answer(int status, Map<String, List<String>> headers, byte[] body) {
        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                    .map(e -> e.getValue().get(0))
                    .findFirst();
        }
    }

    private Answer call(String method, URI uri, Map<String, String> headers, String body, String what) {
        HttpsURLConnection conn;
        try {
            conn = (HttpsURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            throw new TransportException(TransportException.Kind.CONNECT, "cannot open " + uri + ": " + e.getMessage(), e);
        }
        conn.setSSLSocketFactory(sockets);
        conn.setInstanceFollowRedirects(false);
        conn.setUseCaches(false);
        conn.setAuthenticator(NO_AUTHENTICATOR);
        conn.setConnectTimeout(millis(connectTimeout));
        conn.setReadTimeout(millis(requestTimeout));
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        try {
            conn.setRequestMethod(method);
            headers.forEach(conn::setRequestProperty);
            if (bytes != null || method.equals("POST") || method.equals("PUT")) {
                conn.setDoOutput(true);
                if (bytes != null) {
                    conn.setFixedLengthStreamingMode(bytes.length);
                }
            }
        } catch (IOException e) {
            throw new TransportException(TransportException.Kind.PROTOCOL, what + ": " + e.getMessage(), e);
        }
        try {
            conn.connect();
        } catch (SocketTimeoutException e) {
            throw new TransportException(TransportException.Kind.TIMEOUT,
                    "cannot connect to " + hostPort() + ": no answer within the connect timeout", e);
        } catch (IOException e) {
            throw transportFailure(what, e);
        }
        try {
            if (conn.getDoOutput()) {
                try (OutputStream out = conn.getOutputStream()) {
                    if (bytes != null) {
                        out.write(bytes);
                    }
                }
            }
            int status = conn.getResponseCode();
            Map<String, List<String>> responseHeaders = responseHeaders(conn);
            try (InputStream in = status >= 400 ? conn.getErrorStream() : conn.getInputStream()) {
                if (status == 401 && in == null && bytes != null) {
                    throw sessionRefused();
                }
                byte[] raw = in == null ? new byte[0] : in.readNBytes(MAX_BODY_BYTES);
                if (in != null && in.read() != -1) {
                    conn.disconnect(); // not worth reading on; the connection cannot be reused unread
                }
                return new Answer(status, responseHeaders, raw);
            }
        } catch (HttpRetryException e) {
            if (e.responseCode() == 401 && bytes != null) {
                throw sessionRefused();
            }
            throw transportFailure(what, e);
        } catch (SocketTimeoutException e) {
            conn.disconnect();
            throw new TransportException(TransportException.Kind.TIMEOUT,
                    what + ": " + hostPort() + " did not answer within " + requestTimeout.toSeconds() + " s", e);
        } catch (IOException e) {
            conn.disconnect();
            throw transportFailure(what, e);
        }
    }

    /**
     * The JDK drops the body of a 401 answer to a streamed request (it would retry with credentials, which it
     * cannot for a stream). With a session, vCenter answers 401 with exactly this error (hlm-api.md B.13).
     */
    private static ApiException sessionRefused() {
        return ApiException.of(401, VapiError.of(ErrorType.UNAUTHENTICATED, LocalizableMessage.of(
                "com.vmware.vapi.endpoint.method.authentication.required", "Authentication required.")));
    }

    /**
     * Never answers a server's authentication challenge: per connection, so a JVM-wide default
     * {@link Authenticator} installed by other code never sends its credentials to a vCenter.
     */
    private static final Authenticator NO_AUTHENTICATOR = new Authenticator() {};

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }

    private static HttpHeaders traceHeaders(Map<String, String> headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        headers.forEach((k, v) -> map.put(k, List.of(v)));
        return HttpHeaders.of(map, (k, v) -> true);
    }

    /** The response headers without the status line, which the JDK files under a null name. */
    private static Map<String, List<String>> responseHeaders(HttpURLConnection conn) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        conn.getHeaderFields().forEach((k, v) -> {
            if (k != null) {
                map.put(k, v);
            }
        });
        return map;
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

    private static String describe(Answer answer, String text) {
        if (text.isBlank()) {
            return "an empty body";
        }
        String type = answer.header("Content-Type").orElse("no content type");
        return "a body that is not JSON (" + type + ", " + text.length() + " characters)";
    }

    private TransportException transportFailure(String what, IOException e) {
        Optional<X509Certificate> presented = trust.lastServerCertificate();
        if (trust.lastFailure().isPresent() && presented.isPresent()) {
            return new TransportException(TransportException.Kind.TLS_UNTRUSTED,
                    "the certificate of " + hostPort() + " is not trusted ("
                            + rootMessage(trust.lastFailure().get()) + ")", e, presented.get());
        }
        if (e instanceof SSLHandshakeException || e instanceof SSLException) {
            return new TransportException(TransportException.Kind.TLS,
                    "TLS with " + hostPort() + " failed: " + rootMessage(e), e);
        }
        if (e instanceof ConnectException || e instanceof UnknownHostException
                || e.getCause() instanceof java.nio.channels.UnresolvedAddressException) {
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
        if (root instanceof java.nio.channels.UnresolvedAddressException || root instanceof UnknownHostException) {
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
