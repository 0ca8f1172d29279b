package dev.hlm.client;

import dev.hlm.api.CreateSpec;
import dev.hlm.api.Credentials;
import dev.hlm.api.Flavor;
import dev.hlm.api.Info;
import dev.hlm.api.SessionInfo;
import dev.hlm.api.Summary;
import dev.hlm.api.SyncProvider;
import dev.hlm.api.SyncProviderInfo;
import dev.hlm.api.VersionInfo;
import dev.hlm.tls.RecordingTrustManager;
import dev.hlm.tls.TlsContexts;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

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
 * <p>The parts, for whoever follows an operation to the wire: each public method names its descriptor in
 * {@link Operations}; {@link #call} adds the session ({@link Session}: login, expiry, logout), the capability
 * check ({@link ServerFacts}) and the dry run ({@link DryRun}); {@link Calls} sends it, repeating where safe
 * ({@link Retrier}), over {@link Transport}, which alone decides what an answer means. A lost create or delete
 * is settled by {@link LostAnswers}. This class is about 300 lines because it is the library's front page:
 * most of it is the documentation of the public operations, each a line or two of code.
 *
 * <pre>{@code
 * try (HlmClient vc = HlmClient.builder().server("vc.example.com").username("cloudadmin@vmc.local")
 *         .password(pw).trust(TrustPolicy.system()).build()) {
 *     String id = vc.createLink(spec).id();
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

    /** How {@link #deleteLink} removed a link. */
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

    private final Transport transport;
    private final Calls calls;
    private final Session session;
    private final ServerFacts facts;
    private final DryRun dryRun;
    private final RecoveryListener listener;
    private final LostAnswers lostAnswers;
    /** Changes go one at a time, so a lost answer is settled against a list no other change of this client moves. */
    private final ReentrantLock changes = new ReentrantLock();

    HlmClient(HlmClientBuilder b) {
        URI server = Objects.requireNonNull(b.server, "server");
        RecordingTrustManager trust;
        try {
            trust = TlsContexts.recorder(b.trust);
        } catch (GeneralSecurityException e) {
            throw new TransportException(TransportException.Kind.TLS, "cannot set up TLS: " + e.getMessage(), e);
        }
        Deadline deadline = b.deadline.get();
        this.transport = new Transport(server, trust, b.connectTimeout, b.trace, deadline);
        this.calls = new Calls(transport, new Retrier(b.retryPolicy, b.listener, deadline), deadline,
                b.requestTimeout, b.linkTimeout);
        this.session = new Session(calls, Objects.requireNonNull(b.username, "username"),
                Objects.requireNonNull(b.password, "password"), b.flavor,
                new FirstUseTrust(b.firstUse, b.trust, server), transport.hostPort());
        this.facts = new ServerFacts(f -> call(f, Operations.version()), session::flavor, transport.hostPort());
        this.dryRun = b.dryRun ? new DryRun() : null;
        this.listener = b.listener;
        this.lostAnswers = new LostAnswers(b.listener, this::listLinks);
    }

    public static HlmClientBuilder builder() {
        return new HlmClientBuilder();
    }

    public URI server() {
        return transport.server();
    }

    /** The flavor in use, after the first call; empty before. */
    public Optional<Flavor> flavor() {
        return Optional.ofNullable(session.flavor());
    }

    /** The certificate the server presented in the last handshake, trusted or not. */
    public Optional<X509Certificate> serverCertificate() {
        return transport.lastServerCertificate();
    }

    /** True when this client holds back every request that would change something (see {@link HlmClientBuilder#dryRun}). */
    public boolean dryRun() {
        return dryRun != null;
    }

    /** In a dry run, the requests held back so far, oldest first; always empty otherwise. */
    public List<PlannedRequest> plannedRequests() {
        return dryRun == null ? List.of() : dryRun.planned();
    }

    /**
     * Logs in, negotiating the flavor. Called by every operation when needed; explicit calls let a caller
     * check the credentials first. A server met for the first time under the known-hosts policy is put to
     * the {@link TrustOnFirstUse} decider, if there is one, before any credential is sent.
     */
    public void login() {
        session.open();
    }

    /**
     * Who this session is, as the server names the user: on a PSC {@code name@SSO-domain}, which is how a
     * caller learns the PSC's SSO domain.
     */
    public SessionInfo session() {
        return call(Operations.whoAmI());
    }

    /**
     * What the server is and offers: its version endpoint, read once (with the session, in the session's
     * flavor, else the other flavor's) and kept. Operations that differ between versions ask it first, and
     * only those: a plain create costs login, create and logout, nothing more.
     */
    public ServerInfo about() {
        return facts.about();
    }

    /**
     * Links the on-prem SSO domain. A create is never sent twice blindly: when its answer is lost (connection
     * dropped, timeout, an unreadable answer), the client lists the links. A link to the domain means it is
     * linked ({@link CreatedLink#foundAfterLostAnswer()}); none means it is not, and the failure says so.
     * A spec with {@code sslCertificate} is sent as is to vSphere 9.0 and later; older servers do not know the
     * field, so they get the certificate's SHA-256 thumbprint instead, which pins the same certificate. Only
     * such a spec makes the client ask the version.
     *
     * @return the new link's id (null in a dry run), and whether it was found after a lost answer
     * @throws TransportException when the answer was lost and no link to the domain is listed, or the listing
     *     failed too ({@link TransportException#outcomeChecked()})
     * @throws IllegalArgumentException when the spec's certificate is not PEM, or its thumbprint names another
     */
    public CreatedLink createLink(CreateSpec spec) {
        CreateSpec sent = spec.sslCertificate() == null ? spec : Negotiation.specFor(about(), spec);
        Operation<String> create = Operations.createLink(sent);
        return lostAnswers.create(create.name(), spec.domainName(), () -> call(create));
    }

    public List<Summary> listLinks() {
        return call(Operations.listLinks());
    }

    /**
     * The link's health (vSphere 8.0U1 and later).
     *
     * @throws ApiException.Unsupported without asking the server for the link, when its version has no get
     */
    public Info getLink(String linkId) {
        return call(Operations.getLink(linkId));
    }

    /**
     * The sync providers of a link: the preview sync API of vSphere 6.7 up to 8.0 GA.
     *
     * @throws ApiException.Unsupported without asking the server, when its version has no sync API
     */
    public List<SyncProvider> syncProviders(String linkId) {
        return call(Operations.syncProviders(linkId));
    }

    /** One provider's sync state: its last sync, status and current session (6.7 up to 8.0 GA). */
    public SyncProviderInfo syncProvider(String linkId, String provider) {
        return call(Operations.syncProvider(linkId, provider));
    }

    /**
     * Starts a sync of one provider (6.7 up to 8.0 GA).
     *
     * @throws ApiException of type RESOURCE_BUSY when a sync of that provider is running
     */
    public void startSync(String linkId, String provider) {
        call(Operations.startSync(linkId, provider));
    }

    /** Cancels what runs and starts a fresh sync of every provider of the link (6.7 up to 8.0 GA). */
    public void resetSync(String linkId) {
        call(Operations.resetSync(linkId));
    }

    /**
     * Unlinks the way this server wants: with the on-prem credentials when they are given and the server is a
     * cloud vCenter that has the call (vSphere 8.0U1 and later, {@code /api}); with {@code DELETE} otherwise,
     * which is also the call for a Cloud Gateway (docs/decisions.md B.12). Without credentials it asks nothing
     * first. Never sent twice blindly: a lost answer is settled by listing ({@link LostAnswers}).
     *
     * @param onPrem the on-prem SSO administrator, when the caller has them
     * @return the call used
     */
    public UnlinkMethod deleteLink(String linkId, Optional<Credentials> onPrem) {
        boolean withCredentials = onPrem.isPresent() && about().offers(HlmOperation.LINK_DELETE_WITH_CREDENTIALS);
        Operation<Void> unlink = withCredentials ? Operations.deleteLinkWithCredentials(linkId, onPrem.get())
                : Operations.deleteLink(linkId);
        lostAnswers.unlink(unlink.name(), linkId, () -> call(unlink));
        return withCredentials ? UnlinkMethod.DELETE_WITH_CREDENTIALS : UnlinkMethod.DELETE;
    }

    public List<String> administrators() {
        return call(Operations.administrators());
    }

    public void setAdministrators(Collection<String> groups) {
        call(Operations.setAdministrators(groups));
    }

    public void addAdministrator(String group) {
        call(Operations.addAdministrator(group));
    }

    public void removeAdministrator(String group) {
        call(Operations.removeAdministrator(group));
    }

    /** The appliance version (product, version, build), read with the session in the session's flavor. */
    public VersionInfo version() {
        return call(Operations.version());
    }

    /**
     * Logs out if logged in and forgets the password. Never throws: it runs on every exit path. Safe to call
     * from another thread while an operation waits for its answer (a shutdown hook on Ctrl-C), and more
     * than once. The logout is repeated like a read, each try with a short deadline. Then the connections
     * are let go (see {@link Transport#release}), which fails an operation still waiting.
     */
    @Override
    public void close() {
        try {
            session.close();
        } finally {
            transport.release();
        }
    }

    /** How {@link #close} ended the session: {@link SessionEnd#NONE} before then, or when there was none. */
    public SessionEnd sessionEnd() {
        return session.end();
    }

    private <T> T call(Operation<T> op) {
        return call(null, op);
    }

    /**
     * Sends {@code op} with the session, in flavor {@code f} (null: the session's): refused first if the server
     * does not offer it, planned instead of sent when it changes something in a dry run, and sent once more after
     * a new login if the session expired. Changes go one at a time; reads run side by side on one session.
     */
    private <T> T call(Flavor f, Operation<T> op) {
        if (op.requires() != null) {
            facts.require(op.requires());
        }
        try {
            if (!op.changesState()) {
                return callInSession(f, op);
            }
            changes.lock();
            try {
                return callInSession(f, op);
            } finally {
                changes.unlock();
            }
        } catch (ApiException.NotFound missing) {
            throw op.ofHlmApi() ? facts.explainMissingRoute(missing) : missing;
        }
    }

    private <T> T callInSession(Flavor f, Operation<T> op) {
        boolean loggedInAgain = false;
        while (true) {
            Session.Current current = session.open();
            Flavor using = f == null ? current.flavor() : f;
            if (dryRun != null && op.changesState()) {
                dryRun.plan(op, using);
                return null;
            }
            try {
                return calls.send(using, op, session::token);
            } catch (ApiException.Unauthenticated expired) {
                session.expired(current.token());
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
}
