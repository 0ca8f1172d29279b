package dev.hlm.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.api.AdministratorGroupBody;
import dev.hlm.api.AdministratorsSetBody;
import dev.hlm.api.CreateSpec;
import dev.hlm.api.Credentials;
import dev.hlm.api.DeleteWithCredentialsBody;
import dev.hlm.api.ErrorType;
import dev.hlm.api.Flavor;
import dev.hlm.api.Info;
import dev.hlm.api.Json;
import dev.hlm.api.LocalizableMessage;
import dev.hlm.api.Paths;
import dev.hlm.api.RestError;
import dev.hlm.api.Summary;
import dev.hlm.api.VapiError;
import dev.hlm.api.VersionInfo;
import dev.hlm.tls.RecordingTrustManager;
import dev.hlm.tls.TlsContexts;
import dev.hlm.tls.TrustPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * A session with a cloud vCenter (or a vCenter Cloud Gateway) for the HLM API.
 *
 * <p>One {@link HttpClient} per instance, so every call of a command reuses one TLS connection; its trust
 * policy is this instance's alone. The first call logs in (Basic auth once, then the session header);
 * {@link #close()} logs out. With {@link FlavorChoice#AUTO} the client speaks {@code /api} and falls back to
 * the legacy {@code /rest} when the server has no {@code /api} (vSphere before 7.0U2). Redirects are never
 * followed, so credentials only ever go to the server named.
 *
 * <pre>{@code
 * try (HlmClient vc = HlmClient.builder().server("vc.example.com").username("cloudadmin@vmc.local")
 *         .password(pw).trust(TrustPolicy.system()).build()) {
 *     String id = vc.createLink(spec);
 * }
 * }</pre>
 */
public final class HlmClient implements AutoCloseable {
    /** Which flavor to speak: AUTO negotiates, the others force one. */
    public enum FlavorChoice { AUTO, API, REST }

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Linking can take minutes on a real vCenter; reads are quick but share this bound. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(10);
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final URI server;
    private final String username;
    private final char[] password;
    private final FlavorChoice flavorChoice;
    private final Duration requestTimeout;
    private final HttpTrace trace;
    private final RecordingTrustManager trust;
    private final HttpClient http;

    private Flavor flavor;
    private String sessionToken;

    private HlmClient(Builder b) {
        this.server = Objects.requireNonNull(b.server, "server");
        this.username = Objects.requireNonNull(b.username, "username");
        this.password = Objects.requireNonNull(b.password, "password").clone();
        this.flavorChoice = b.flavor;
        this.requestTimeout = b.requestTimeout;
        this.trace = b.trace;
        try {
            this.trust = TlsContexts.recorder(b.trust);
            this.http = HttpClient.newBuilder()
                    .sslContext(TlsContexts.client(trust))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(b.connectTimeout)
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new TransportException(TransportException.Kind.TLS, "cannot set up TLS: " + e.getMessage(), e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public URI server() {
        return server;
    }

    /** The flavor in use, after the first call; empty before. */
    public Optional<Flavor> flavor() {
        return Optional.ofNullable(flavor);
    }

    /** The certificate the server presented in the last handshake, trusted or not. */
    public Optional<X509Certificate> serverCertificate() {
        return trust.lastServerCertificate();
    }

    /**
     * Logs in, negotiating the flavor. Called by every operation when needed; explicit calls let a caller
     * check the credentials first.
     */
    public synchronized void login() {
        if (sessionToken != null) {
            return;
        }
        if (flavorChoice == FlavorChoice.REST) {
            loginWith(Flavor.REST);
            return;
        }
        try {
            loginWith(Flavor.API);
        } catch (ApiException e) {
            // A server without /api (vSphere 6.7 to 7.0U1) answers the login with a routing 404.
            if (flavorChoice == FlavorChoice.AUTO && e.httpStatus() == 404) {
                loginWith(Flavor.REST);
            } else {
                throw e;
            }
        }
    }

    private void loginWith(Flavor f) {
        String basic = basicAuthorization();
        HttpRequest request = request(f, "POST", f.sessionPath(), null)
                .header("Authorization", basic)
                .build();
        JsonNode answer = exchange(request, f, "login", null, true);
        String token = unwrap(f, answer).asText(null);
        if (token == null || token.isEmpty()) {
            throw new TransportException(TransportException.Kind.PROTOCOL,
                    "login to " + server + " answered without a session token", null);
        }
        this.flavor = f;
        this.sessionToken = token;
    }

    /** Links the on-prem SSO domain; answers the new link's id. */
    public String createLink(CreateSpec spec) {
        return send(Operation.create("create link", Paths.LINKS, spec, "spec", String.class));
    }

    public List<Summary> listLinks() {
        return send(Operation.query("list links", Paths.LINKS, new TypeReference<List<Summary>>() {}));
    }

    /** The link's health (vSphere 8.0U1 and later). */
    public Info getLink(String linkId) {
        return send(Operation.query("get link", Paths.link(linkId), Info.class));
    }

    /** Unlinks as the Cloud Gateway path does: {@code DELETE}. */
    public void deleteLink(String linkId) {
        send(Operation.call("delete link", "DELETE", Paths.link(linkId), null, null));
    }

    /** Unlinks from the cloud vCenter with the on-prem credentials (vSphere 8.0U1 and later). */
    public void deleteLink(String linkId, Credentials onPrem) {
        send(Operation.call("delete link with credentials", "POST",
                Paths.withAction(Paths.link(linkId), Paths.ACTION_DELETE), new DeleteWithCredentialsBody(onPrem), null));
    }

    public List<String> administrators() {
        return send(Operation.query("list administrators", Paths.ADMINISTRATORS, new TypeReference<List<String>>() {}));
    }

    public void setAdministrators(Collection<String> groups) {
        send(Operation.call("set administrators", "PUT", Paths.ADMINISTRATORS,
                new AdministratorsSetBody(new ArrayList<>(groups)), null));
    }

    public void addAdministrator(String group) {
        send(Operation.call("add administrator", "POST", Paths.withAction(Paths.ADMINISTRATORS, Paths.ACTION_ADD),
                new AdministratorGroupBody(group), null));
    }

    public void removeAdministrator(String group) {
        send(Operation.call("remove administrator", "POST",
                Paths.withAction(Paths.ADMINISTRATORS, Paths.ACTION_REMOVE), new AdministratorGroupBody(group), null));
    }

    /** The appliance version (product, version, build), read with the session. */
    public VersionInfo version() {
        return send(Operation.query("read version", Paths.SYSTEM_VERSION, VersionInfo.class));
    }

    /** Logs out if logged in and forgets the password. Never throws: it runs on every exit path. */
    @Override
    public synchronized void close() {
        try {
            if (sessionToken != null) {
                HttpRequest request = request(flavor, "DELETE", flavor.sessionPath(), null)
                        .header(Paths.SESSION_HEADER, sessionToken)
                        .build();
                exchange(request, flavor, "logout", null, false);
            }
        } catch (HlmException e) {
            // The session ends on the server's idle timeout anyway; a failed logout must not hide the result.
        } finally {
            sessionToken = null;
            Arrays.fill(password, '\0');
        }
    }

    /** The single executor: logs in if needed, sends in the negotiated flavor, decodes the answer. */
    @SuppressWarnings("unchecked")
    private synchronized <T> T send(Operation<T> op) {
        login();
        Object body = op.bodyFor(flavor);
        HttpRequest request = request(flavor, op.method(), flavor.path(op.path()), body)
                .header(Paths.SESSION_HEADER, sessionToken)
                .build();
        JsonNode answer = exchange(request, flavor, op.name(), body, op.result() != null);
        if (op.result() == null) {
            return null;
        }
        try {
            return (T) Json.mapper().treeToValue(unwrap(flavor, answer), op.result());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new TransportException(TransportException.Kind.PROTOCOL,
                    op.name() + ": the answer from " + server + " does not have the expected fields ("
                            + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()) + ")", e);
        }
    }

    private HttpRequest.Builder request(Flavor f, String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(Json.write(body));
        HttpRequest.Builder b = HttpRequest.newBuilder(server.resolve(path))
                .method(method, publisher)
                .timeout(requestTimeout)
                .header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return b;
    }

    /**
     * Sends one request. A 2xx answer returns its JSON (or null when there is none and none is expected);
     * anything else becomes an ApiException when the body is a vAPI error, else a TransportException.
     */
    private JsonNode exchange(HttpRequest request, Flavor f, String what, Object body, boolean expectBody) {
        trace.request(request.method(), request.uri(), request.headers(), body == null ? null : Json.write(body));
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw new TransportException(TransportException.Kind.TIMEOUT,
                    "cannot connect to " + hostPort() + ": no answer within the connect timeout", e);
        } catch (HttpTimeoutException e) {
            throw new TransportException(TransportException.Kind.TIMEOUT,
                    what + ": " + hostPort() + " did not answer within " + requestTimeout.toSeconds() + " s", e);
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
                ErrorType type = status == 404 ? ErrorType.NOT_FOUND : ErrorType.fromName(null);
                return VapiError.of(type, LocalizableMessage.of(json.path("name").asText(), message));
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    private static JsonNode unwrap(Flavor f, JsonNode answer) {
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
            return new TransportException(TransportException.Kind.TLS_UNTRUSTED,
                    "the certificate of " + hostPort() + " is not trusted ("
                            + rootMessage(trust.lastFailure().get()) + ")", e, presented.get());
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

    private String hostPort() {
        return server.getHost() + ":" + (server.getPort() == -1 ? 443 : server.getPort());
    }

    private String basicAuthorization() {
        char[] pair = new char[username.length() + 1 + password.length];
        username.getChars(0, username.length(), pair, 0);
        pair[username.length()] = ':';
        System.arraycopy(password, 0, pair, username.length() + 1, password.length);
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(pair));
        byte[] raw = new byte[bytes.remaining()];
        bytes.get(raw);
        Arrays.fill(pair, '\0');
        if (bytes.hasArray()) {
            Arrays.fill(bytes.array(), (byte) 0);
        }
        String header = "Basic " + Base64.getEncoder().encodeToString(raw);
        Arrays.fill(raw, (byte) 0);
        return header;
    }

    /** Settings for one client. Server, username and password are required. */
    public static final class Builder {
        private URI server;
        private String username;
        private char[] password;
        private TrustPolicy trust = TrustPolicy.system();
        private FlavorChoice flavor = FlavorChoice.AUTO;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private HttpTrace trace = HttpTrace.NONE;

        private Builder() {}

        /** A host, host:port or https URL (see {@link ServerAddress}). */
        public Builder server(String address) {
            this.server = ServerAddress.parse(address);
            return this;
        }

        public Builder server(URI address) {
            this.server = ServerAddress.parse(address.toString());
            return this;
        }

        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /** Copied; the client clears its copy on close. */
        public Builder password(char[] password) {
            this.password = password;
            return this;
        }

        public Builder trust(TrustPolicy trust) {
            this.trust = Objects.requireNonNull(trust);
            return this;
        }

        public Builder flavor(FlavorChoice flavor) {
            this.flavor = Objects.requireNonNull(flavor);
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        public Builder trace(HttpTrace trace) {
            this.trace = Objects.requireNonNull(trace);
            return this;
        }

        public HlmClient build() {
            return new HlmClient(this);
        }
    }
}
