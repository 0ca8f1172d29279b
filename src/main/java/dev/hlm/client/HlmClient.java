package dev.hlm.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.api.AdministratorGroupBody;
import dev.hlm.api.AdministratorsSetBody;
import dev.hlm.api.CreateSpec;
import dev.hlm.api.Credentials;
import dev.hlm.api.DeleteWithCredentialsBody;
import dev.hlm.api.Flavor;
import dev.hlm.api.Info;
import dev.hlm.api.Json;
import dev.hlm.api.Paths;
import dev.hlm.api.Summary;
import dev.hlm.api.VersionInfo;
import dev.hlm.tls.RecordingTrustManager;
import dev.hlm.tls.TlsContexts;
import dev.hlm.tls.TrustPolicy;
import java.net.URI;
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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A session with a cloud vCenter (or a vCenter Cloud Gateway) for the HLM API.
 *
 * <p>One kept-alive TLS connection per instance, so every call of a command reuses it; its trust
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

    private final String username;
    private final char[] password;
    private final FlavorChoice flavorChoice;
    private final Transport transport;

    private Flavor flavor;
    private String sessionToken;

    private HlmClient(Builder b) {
        URI server = Objects.requireNonNull(b.server, "server");
        this.username = Objects.requireNonNull(b.username, "username");
        this.password = Objects.requireNonNull(b.password, "password").clone();
        this.flavorChoice = b.flavor;
        RecordingTrustManager trust;
        try {
            trust = TlsContexts.recorder(b.trust);
        } catch (GeneralSecurityException e) {
            throw new TransportException(TransportException.Kind.TLS, "cannot set up TLS: " + e.getMessage(), e);
        }
        this.transport = new Transport(server, trust, b.connectTimeout, b.requestTimeout, b.trace);
    }

    public static Builder builder() {
        return new Builder();
    }

    public URI server() {
        return transport.server();
    }

    /** The flavor in use, after the first call; empty before. */
    public Optional<Flavor> flavor() {
        return Optional.ofNullable(flavor);
    }

    /** The certificate the server presented in the last handshake, trusted or not. */
    public Optional<X509Certificate> serverCertificate() {
        return transport.lastServerCertificate();
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
        JsonNode answer = transport.send("login", "POST", f.sessionPath(), null,
                Map.of("Authorization", basicAuthorization()), true);
        String token = Transport.unwrap(f, answer).asText(null);
        if (token == null || token.isEmpty()) {
            throw new TransportException(TransportException.Kind.PROTOCOL,
                    "login to " + transport.hostPort() + " answered without a session token", null);
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
                transport.send("logout", "DELETE", flavor.sessionPath(), null,
                        Map.of(Paths.SESSION_HEADER, sessionToken), false);
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
        JsonNode answer = transport.send(op.name(), op.method(), flavor.path(op.path()), op.bodyFor(flavor),
                Map.of(Paths.SESSION_HEADER, sessionToken), op.result() != null);
        if (op.result() == null) {
            return null;
        }
        try {
            return (T) Json.mapper().treeToValue(Transport.unwrap(flavor, answer), op.result());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new TransportException(TransportException.Kind.PROTOCOL,
                    op.name() + ": the answer from " + transport.hostPort() + " does not have the expected fields ("
                            + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()) + ")", e);
        }
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
