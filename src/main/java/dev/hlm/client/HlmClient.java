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
import dev.hlm.api.SessionInfo;
import dev.hlm.api.Summary;
import dev.hlm.api.VersionInfo;
import dev.hlm.tls.KnownHosts;
import dev.hlm.tls.RecordingTrustManager;
import dev.hlm.tls.Thumbprint;
import dev.hlm.tls.TlsContexts;
import dev.hlm.tls.TrustPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
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
 * <p>One {@link HttpClient} per instance, so every call of a command reuses one TLS connection; its trust
 * policy is this instance's alone. The first call logs in (Basic auth once, then the session header);
 * {@link #close()} logs out. With {@link FlavorChoice#AUTO} the client speaks {@code /api} and falls back to
 * the legacy {@code /rest} when the server has no {@code /api} (vSphere before 7.0U2). Redirects are never
 * followed, so credentials only ever go to the server named.
 *
 * <p>What else differs between versions (get, unlink with credentials, {@code ssl_certificate}) the client
 * learns from the version endpoint, once, and only for the operations that depend on it: see {@link #about()}.
 * A plain create costs login, create and logout, nothing more.
 *
 * <p>It survives what real vCenters do ({@code docs/reliability.md}): every call has a deadline; a call that
 * failed in a way that may pass is repeated, with growing pauses ({@link RetryPolicy}), when that is safe:
 * reads, login, logout, the idempotent admin-group changes, and any call refused with 503 (refused before it
 * was carried out). A session that expires mid-command is renewed once. A create or delete whose answer is
 * lost is never sent again blindly: the client lists the links to learn what happened and reports that.
 * A {@link RecoveryListener} hears each of these steps.
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

    /** How {@link #close} ended the session. */
    public enum SessionEnd {
        /** There was none to end (never logged in, or another close ended it). */
        NONE,
        /** The server answered the logout. */
        LOGGED_OUT,
        /**
         * The logout went unanswered or failed, or a login was still waiting for its answer: a session
         * there ends on the server's idle timeout.
         */
        UNCONFIRMED
    }

    /** How {@link #unlink} removed a link. */
    public enum UnlinkMethod {
        /** {@code DELETE}: the unlink for a Cloud Gateway, and for servers before vSphere 8.0U1. */
        DELETE,
        /** {@code POST ?action=delete} with the on-prem credentials: the unlink started from a cloud vCenter. */
        DELETE_WITH_CREDENTIALS
    }

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long a call may take, from sending it to the last byte of its answer. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** Linking and unlinking take minutes on a real vCenter: create and delete wait this long. */
    public static final Duration DEFAULT_LINK_TIMEOUT = Duration.ofMinutes(10);
    /** A logout runs on every exit, Ctrl-C included: it must not hold the exit up for long. */
    static final Duration LOGOUT_TIMEOUT = Duration.ofSeconds(3);

    private final String username;
    private final char[] password;
    private final FlavorChoice flavorChoice;
    private final Transport transport;
    private final boolean dryRun;
    private final List<PlannedRequest> planned = new ArrayList<>();
    private final Duration linkTimeout;
    private final Deadline deadline;
    private final RecoveryListener listener;
    private final Retrier retrier;
    private final LostAnswers lostAnswers;
    private final TrustPolicy trustPolicy;
    private final TrustOnFirstUse firstUse;

    /*
     * Operations hold this object's monitor; the session's state has its own lock, so close() can log out
     * from another thread (a JVM shutdown hook on Ctrl-C) while an operation is still waiting for its answer.
     */
    private final Object sessionLock = new Object();
    private volatile Flavor flavor;
    private volatile String sessionToken;
    private boolean closed;
    private volatile SessionEnd sessionEnd = SessionEnd.NONE;
    private final Object closeLock = new Object();
    private volatile boolean loginInFlight;
    /** Set once close() has logged out and let go of the connections. */
    private boolean released;
    private ServerInfo serverInfo;

    private HlmClient(Builder b) {
        URI server = Objects.requireNonNull(b.server, "server");
        this.username = Objects.requireNonNull(b.username, "username");
        this.password = Objects.requireNonNull(b.password, "password").clone();
        this.flavorChoice = b.flavor;
        this.dryRun = b.dryRun;
        this.trustPolicy = b.trust;
        this.firstUse = b.firstUse;
        RecordingTrustManager trust;
        try {
            trust = TlsContexts.recorder(b.trust);
        } catch (GeneralSecurityException e) {
            throw new TransportException(TransportException.Kind.TLS, "cannot set up TLS: " + e.getMessage(), e);
        }
        this.deadline = b.deadline == null ? Deadline.NONE : Deadline.in(b.deadline);
        this.transport = new Transport(server, trust, b.connectTimeout, b.requestTimeout, b.trace, deadline);
        this.linkTimeout = b.linkTimeout;
        this.listener = b.listener;
        this.retrier = new Retrier(b.retryPolicy, b.listener, deadline);
        this.lostAnswers = new LostAnswers(b.listener, this::listLinks);
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

    /** True when this client holds back every request that would change something (see {@link Builder#dryRun}). */
    public boolean dryRun() {
        return dryRun;
    }

    /** In a dry run, the requests held back so far, oldest first; always empty otherwise. */
    public synchronized List<PlannedRequest> plannedRequests() {
        return List.copyOf(planned);
    }

    /**
     * Logs in, negotiating the flavor. Called by every operation when needed; explicit calls let a caller
     * check the credentials first. A server met for the first time under the known-hosts policy is put to
     * the {@link TrustOnFirstUse} decider, if there is one, before any credential is sent.
     */
    public synchronized void login() {
        if (sessionToken != null) {
            return;
        }
        synchronized (sessionLock) {
            if (closed) {
                throw new TransportException(TransportException.Kind.INTERRUPTED, "login: the client is closed", null);
            }
        }
        try {
            negotiateLogin();
        } catch (TransportException e) {
            if (!trustedOnFirstUse(e)) {
                throw e;
            }
            negotiateLogin();
        }
    }

    /**
     * True when the failure was an unknown server that the decider now trusts and the file remembers.
     *
     * @throws TransportException TLS_UNTRUSTED with {@link TrustOnFirstUse.Declined} when the decider says no
     */
    private boolean trustedOnFirstUse(TransportException e) {
        if (firstUse == null || !(trustPolicy instanceof TrustPolicy.KnownHostsPolicy)
                || !(e.trustFailure().orElse(null) instanceof KnownHosts.UnknownServer unknown)) {
            return false;
        }
        KnownHosts knownHosts = unknown.knownHosts();
        if (!firstUse.trust(unknown.server(), unknown.certificate(), knownHosts.file())) {
            throw new TransportException(TransportException.Kind.TLS_UNTRUSTED, "the certificate of "
                    + unknown.server() + " was declined: nothing was sent and nothing remembered", e,
                    unknown.certificate(), new TrustOnFirstUse.Declined(unknown.server()));
        }
        URI server = transport.server();
        try {
            knownHosts.add(server.getHost(), server.getPort() == -1 ? 443 : server.getPort(),
                    Thumbprint.sha256(unknown.certificate()));
        } catch (IOException | RuntimeException failure) {
            throw new TransportException(TransportException.Kind.TLS_UNTRUSTED, "cannot remember the certificate of "
                    + unknown.server() + " in " + knownHosts.file() + ": " + failure.getMessage(), failure,
                    unknown.certificate(), unknown);
        }
        return true;
    }

    private void negotiateLogin() {
        if (flavor != null || flavorChoice == FlavorChoice.REST) {
            // Logging in again after the session expired: the flavor is known.
            loginWith(flavor != null ? flavor : Flavor.REST);
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

    /** Repeating a login is safe: a session whose answer was lost just idles out on the server. */
    private void loginWith(Flavor f) {
        loginInFlight = true;
        String token;
        try {
            token = sendLogin(f);
        } finally {
            loginInFlight = false;
        }
        refuseUnusable(f, token);
        boolean closedMeanwhile;
        synchronized (sessionLock) {
            closedMeanwhile = closed;
            if (!closedMeanwhile) {
                this.flavor = f;
                this.sessionToken = token;
            }
        }
        if (closedMeanwhile) {
            logout(f, token);
            throw new TransportException(TransportException.Kind.INTERRUPTED, "login: the client was closed meanwhile", null);
        }
    }

    /**
     * A token that is not one (docs/security.md T20) is never used and never shown: the session is ended with
     * it where a header can carry it, and the failure says whether that happened.
     */
    private void refuseUnusable(Flavor f, String token) {
        String problem = SessionToken.problem(token);
        if (problem == null) {
            return;
        }
        String ending;
        if (!SessionToken.sendable(token)) {
            sessionEnd = SessionEnd.UNCONFIRMED;
            ending = "the session could not be ended (no header can carry that token): it will idle out on the server";
        } else {
            ending = logout(f, token) ? "the session was ended" : "ending the session failed: it will idle out on the server";
        }
        throw new TransportException(TransportException.Kind.PROTOCOL, "the session token from "
                + transport.hostPort() + " " + problem + "; hlm did not use it, and " + ending, null,
                TransportException.Delivery.ANSWERED, false);
    }

    private String sendLogin(Flavor f) {
        return retrier.run("login", true, () -> {
            JsonNode answer = transport.send("login", "POST", f.sessionPath(), null,
                    Map.of("Authorization", basicAuthorization()), true);
            String t = Transport.unwrap(f, answer).asText(null);
            if (t == null || t.isEmpty()) {
                throw new TransportException(TransportException.Kind.PROTOCOL,
                        "login to " + transport.hostPort() + " answered without a session token", null,
                        TransportException.Delivery.UNKNOWN, true);
            }
            return t;
        });
    }

    /**
     * Who this session is, as the server names the user: on a PSC {@code name@SSO-domain}, which is how a
     * caller learns the PSC's SSO domain. {@code GET /api/session}, or the legacy
     * {@code POST /rest/com/vmware/cis/session?~action=get}.
     */
    public synchronized SessionInfo session() {
        login();
        Map<String, String> auth = Map.of(Paths.SESSION_HEADER, sessionToken);
        JsonNode answer = flavor == Flavor.API
                ? transport.send("read session", "GET", flavor.sessionPath(), null, auth, true)
                : transport.send("read session", "POST", flavor.sessionPath() + "?~action=get", null, auth, true);
        try {
            return Json.mapper().treeToValue(Transport.unwrap(flavor, answer), SessionInfo.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new TransportException(TransportException.Kind.PROTOCOL,
                    "read session: the answer from " + transport.hostPort() + " does not have the expected fields", e);
        }
    }

    /**
     * What the server is and offers: its version endpoint, read once (with the session, in the session's
     * flavor, else the other flavor's) and kept. Operations that differ between versions ask it first.
     */
    public synchronized ServerInfo about() {
        if (serverInfo == null) {
            login();
            serverInfo = Negotiation.serverInfo(readVersion(), flavor);
        }
        return serverInfo;
    }

    /**
     * The version endpoint in the session's flavor; where that is missing, the other flavor's; null when
     * neither answers (missing, or closed to this user): then the client assumes what is safe on every
     * release the flavor allows (see {@link ServerInfo}).
     */
    private VersionInfo readVersion() {
        Operation<VersionInfo> read = Operation.query("read version", Paths.SYSTEM_VERSION, VersionInfo.class);
        try {
            return sendIn(flavor, read);
        } catch (ApiException.NotFound | ApiException.Unauthorized missing) {
            try {
                return sendIn(flavor == Flavor.API ? Flavor.REST : Flavor.API, read);
            } catch (ApiException.NotFound | ApiException.Unauthorized alsoMissing) {
                return null;
            }
        }
    }

    /** Links the on-prem SSO domain; answers the new link's id, null in a dry run (see {@link #createLinkReconciled}). */
    public String createLink(CreateSpec spec) {
        return createLinkReconciled(spec).id();
    }

    /**
     * Links the on-prem SSO domain. A create is never sent twice blindly: when its answer is lost (connection
     * dropped, timeout, an unreadable answer), the client lists the links. A link to the domain means it is
     * linked ({@link CreatedLink#foundAfterLostAnswer()}); none means it is not, and the failure says so.
     * A spec with {@code sslCertificate} is sent as is to vSphere 9.0 and later; older servers do not know the
     * field, so they get the certificate's SHA-256 thumbprint instead, which pins the same certificate. Only
     * such a spec makes the client ask the version.
     *
     * @throws TransportException when the answer was lost and no link to the domain is listed, or the listing
     *     failed too ({@link TransportException#outcomeChecked()})
     * @throws IllegalArgumentException when the spec's certificate is not PEM, or its thumbprint names another
     */
    public CreatedLink createLinkReconciled(CreateSpec spec) {
        CreateSpec sent = spec.sslCertificate() == null ? spec : Negotiation.specFor(about(), spec);
        return lostAnswers.create("create link", spec.domainName(),
                () -> send(Operation.create("create link", Paths.LINKS, sent, "spec", String.class)));
    }

    public List<Summary> listLinks() {
        return send(Operation.query("list links", Paths.LINKS, new TypeReference<List<Summary>>() {}));
    }

    /**
     * The link's health (vSphere 8.0U1 and later).
     *
     * @throws ApiException.Unsupported without asking the server for the link, when its version has no get
     */
    public Info getLink(String linkId) {
        require(HlmOperation.LINK_GET, "link health (get) needs vSphere 8.0 Update 1 or later");
        return send(Operation.query("get link", Paths.link(linkId), Info.class));
    }

    /** Unlinks as the Cloud Gateway path does: {@code DELETE}. A lost answer is settled by listing. */
    public void deleteLink(String linkId) {
        unlink(linkId, Operation.unlink("delete link", "DELETE", Paths.link(linkId), null));
    }

    /**
     * Unlinks from the cloud vCenter with the on-prem credentials (vSphere 8.0U1 and later, {@code /api}).
     *
     * @throws ApiException.Unsupported without sending, when the server has no unlink with credentials
     */
    public void deleteLink(String linkId, Credentials onPrem) {
        require(HlmOperation.LINK_DELETE_WITH_CREDENTIALS,
                "unlinking with on-prem credentials needs a cloud vCenter (not a Cloud Gateway) of vSphere 8.0 Update 1 "
                        + "or later, over /api");
        unlink(linkId, Operation.unlink("delete link with credentials", "POST",
                Paths.withAction(Paths.link(linkId), Paths.ACTION_DELETE), new DeleteWithCredentialsBody(onPrem)));
    }

    /** Sends an unlink; a lost answer is settled by listing ({@link LostAnswers}). */
    private void unlink(String linkId, Operation<Void> op) {
        lostAnswers.unlink(op.name(), linkId, () -> send(op));
    }

    /**
     * Unlinks the way this server wants: with the on-prem credentials when they are given and the server is a
     * cloud vCenter that has the call (vSphere 8.0U1 and later, {@code /api}); with {@code DELETE} otherwise,
     * which is also the call for a Cloud Gateway (docs/decisions.md B.12). Without credentials it asks nothing first.
     *
     * @param onPrem the on-prem SSO administrator, or null
     * @return the method used
     */
    public UnlinkMethod unlink(String linkId, Credentials onPrem) {
        if (onPrem != null && about().offers(HlmOperation.LINK_DELETE_WITH_CREDENTIALS)) {
            deleteLink(linkId, onPrem);
            return UnlinkMethod.DELETE_WITH_CREDENTIALS;
        }
        deleteLink(linkId);
        return UnlinkMethod.DELETE;
    }

    public List<String> administrators() {
        return send(Operation.query("list administrators", Paths.ADMINISTRATORS, new TypeReference<List<String>>() {}));
    }

    // Set, add and remove end in the same state however often they are sent (decision D11): repeatable.

    public void setAdministrators(Collection<String> groups) {
        send(Operation.idempotent("set administrators", "PUT", Paths.ADMINISTRATORS,
                new AdministratorsSetBody(new ArrayList<>(groups)), null));
    }

    public void addAdministrator(String group) {
        send(Operation.idempotent("add administrator", "POST", Paths.withAction(Paths.ADMINISTRATORS, Paths.ACTION_ADD),
                new AdministratorGroupBody(group), null));
    }

    public void removeAdministrator(String group) {
        send(Operation.idempotent("remove administrator", "POST",
                Paths.withAction(Paths.ADMINISTRATORS, Paths.ACTION_REMOVE), new AdministratorGroupBody(group), null));
    }

    /** The appliance version (product, version, build), read with the session in the session's flavor. */
    public VersionInfo version() {
        return send(Operation.query("read version", Paths.SYSTEM_VERSION, VersionInfo.class));
    }

    /**
     * Logs out if logged in and forgets the password. Never throws: it runs on every exit path. Safe to call
     * from another thread while an operation waits for its answer (a shutdown hook on Ctrl-C), and more
     * than once. The logout is repeated like a read, each try with a short deadline. Then the connections
     * are let go (at once on Java 21 and later; see {@link Transport#release}), which fails an operation
     * still waiting.
     */
    @Override
    public void close() {
        // A second close (the exit hook's, say) waits for the first to finish, so sessionEnd() is final after.
        synchronized (closeLock) {
            String token;
            Flavor f;
            synchronized (sessionLock) {
                if (closed && released) {
                    return;
                }
                closed = true;
                token = sessionToken;
                f = flavor;
                sessionToken = null;
            }
            try {
                if (token != null) {
                    logout(f, token);
                } else if (loginInFlight) {
                    // The server may be opening a session this client will never learn of, nor end.
                    sessionEnd = SessionEnd.UNCONFIRMED;
                }
            } finally {
                Arrays.fill(password, '\0');
                transport.release();
                released = true;
            }
        }
    }

    /**
     * Repeated like a read when it fails in a way that may pass, but each try has a short deadline: a logout
     * runs on every exit, Ctrl-C included, and must not hold it up for long; a session not ended here ends
     * on the server's idle timeout anyway.
     */
    private boolean logout(Flavor f, String token) {
        try {
            retrier.run("logout", true, () -> transport.sendLogout(f.sessionPath(), Map.of(Paths.SESSION_HEADER, token),
                    deadline.forLogout(LOGOUT_TIMEOUT)));
            sessionEnd = SessionEnd.LOGGED_OUT;
            return true;
        } catch (HlmException e) {
            // A failed logout must not hide the command's result; who asks can learn of it (sessionEnd).
            sessionEnd = SessionEnd.UNCONFIRMED;
            return false;
        }
    }

    /** How {@link #close} ended the session: {@link SessionEnd#NONE} before then, or when there was none. */
    public SessionEnd sessionEnd() {
        return sessionEnd;
    }

    /** Refuses, before sending, an operation the server's version does not have. */
    private void require(HlmOperation operation, String why) {
        ServerInfo info = about();
        if (!info.offers(operation)) {
            throw ApiException.notOffered(why + "; " + transport.hostPort() + " runs " + info.describe()
                    + " over " + info.flavor().label() + ".");
        }
    }

    /** The single executor, in the session's flavor. */
    private <T> T send(Operation<T> op) {
        return sendIn(null, op);
    }

    /**
     * Logs in if needed, sends in the given flavor (null: the session's), decodes the answer, repeats the
     * call where that is safe, and logs in again once if the session expired. In a dry run, a call that
     * changes something is planned instead of sent.
     */
    private <T> T sendIn(Flavor f, Operation<T> op) {
        if (!op.changesState()) {
            // Reads run side by side (link status reads the health of many links at once); login() is
            // synchronized, so they share one session.
            return sendOnce(f, op);
        }
        synchronized (this) {
            return sendOnce(f, op);
        }
    }

    private <T> T sendOnce(Flavor f, Operation<T> op) {
        boolean loggedInAgain = false;
        while (true) {
            login();
            if (dryRun && op.changesState()) {
                return plan(op);
            }
            Flavor using = f == null ? flavor : f;
            String used = sessionToken;
            try {
                return retrier.run(op.name(), op.repeatable(), () -> exchange(using, op));
            } catch (ApiException.Unauthenticated expired) {
                // The session is gone: its token is never sent again, and the next call logs in afresh. Only
                // that token: a read beside this one may have logged in anew already.
                synchronized (sessionLock) {
                    if (java.util.Objects.equals(sessionToken, used)) {
                        sessionToken = null;
                    }
                }
                // The server checks the session before anything else, so the call was not carried out: it is
                // safe to log in again and repeat it, even a create. Once only: a second expiry is reported.
                if (loggedInAgain) {
                    throw expired;
                }
                loggedInAgain = true;
                listener.loggingInAgain(op.name(), expired);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T exchange(Flavor f, Operation<T> op) {
        String token = sessionToken;
        if (token == null) {
            throw new TransportException(TransportException.Kind.INTERRUPTED, op.name() + ": the client is closed", null);
        }
        Duration timeout = op.slow() ? linkTimeout : null;
        String path = f.path(op.path());
        Map<String, String> session = Map.of(Paths.SESSION_HEADER, token);
        JsonNode answer = timeout == null
                ? transport.send(op.name(), op.method(), path, op.bodyFor(f), session, op.result() != null)
                : transport.send(op.name(), op.method(), path, op.bodyFor(f), session, op.result() != null, timeout);
        if (op.result() == null) {
            return null;
        }
        T result;
        try {
            result = (T) Json.mapper().treeToValue(Transport.unwrap(f, answer), op.result());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // A success whose result cannot be read: whether and what it did is unknown.
            throw unreadable(op, AnswerShape.mismatch(e), e);
        }
        Optional<String> unusable = AnswerShape.unusable(result);
        if (unusable.isPresent()) {
            throw unreadable(op, unusable.get(), null);
        }
        return result;
    }

    private TransportException unreadable(Operation<?> op, String how, Exception cause) {
        return new TransportException(TransportException.Kind.PROTOCOL, op.name() + ": the answer from "
                + transport.hostPort() + " " + how, cause, TransportException.Delivery.UNKNOWN, true);
    }

    /** Records what a dry run would have sent, passwords masked, and answers as a void call would: null. */
    private <T> T plan(Operation<T> op) {
        Object body = op.bodyFor(flavor);
        JsonNode masked = null;
        if (body != null) {
            try {
                masked = Json.mapper().readTree(HttpTrace.maskBody(Json.write(body)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot re-read a body hlm wrote itself", e);
            }
        }
        planned.add(new PlannedRequest(op.name(), op.method(), flavor.path(op.path()), masked));
        return null;
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
        private Duration linkTimeout = DEFAULT_LINK_TIMEOUT;
        private Duration deadline;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private RecoveryListener listener = RecoveryListener.NONE;
        private HttpTrace trace = HttpTrace.NONE;
        private boolean dryRun;
        private TrustOnFirstUse firstUse;

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

        /** How long each call may take, from sending it to the last byte of its answer (default 60 s). */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout);
            return this;
        }

        /** How long create and delete wait for their answer (default 10 min: they take minutes on a vCenter). */
        /**
         * One bound on all of the client's work from its creation ({@link Deadline}): each call waits at most what
         * is left of it, no repeat starts that could not end in time, and the logout gets a short grace after it.
         * Null (the default): no bound beyond each call's timeout.
         */
        public Builder deadline(Duration total) {
            this.deadline = total == null ? null : positive(total);
            return this;
        }

        public Builder linkTimeout(Duration timeout) {
            this.linkTimeout = positive(timeout);
            return this;
        }

        /** When and how patiently to repeat failed calls ({@link RetryPolicy#NONE} to never repeat). */
        public Builder retries(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy);
            return this;
        }

        /** Hears retries, new logins and the settling of lost answers, e.g. to print them. */
        public Builder listener(RecoveryListener listener) {
            this.listener = Objects.requireNonNull(listener);
            return this;
        }

        private static Duration positive(Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("a timeout must be positive");
            }
            return d;
        }

        public Builder trace(HttpTrace trace) {
            this.trace = Objects.requireNonNull(trace);
            return this;
        }

        /**
         * A dry run: the client logs in, reads and logs out as usual, but every operation that would change
         * something (any method but GET) is recorded in {@link HlmClient#plannedRequests()} instead of being sent, and
         * answers null.
         */
        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        /**
         * Who decides about a server met for the first time, with {@link TrustPolicy#knownHosts}; without one
         * such a server fails with TLS_UNTRUSTED.
         */
        public Builder trustOnFirstUse(TrustOnFirstUse decider) {
            this.firstUse = decider;
            return this;
        }

        public HlmClient build() {
            return new HlmClient(this);
        }
    }
}
