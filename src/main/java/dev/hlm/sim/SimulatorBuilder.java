package dev.hlm.sim;

import dev.hlm.sim.fault.Fault;
import dev.hlm.tls.GeneratedCertificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * Settings for a {@link Simulator}; every one has a default. Each method writes one field of the cloud
 * vCenter's or the PSC's settings (see {@code ServerSettings}), after checking it.
 */
public final class SimulatorBuilder {
    private final CloudSettings cloud = new CloudSettings();
    private final PscSettings psc = new PscSettings();

    SimulatorBuilder() {}

    public SimulatorBuilder apiVersion(ApiVersion version) {
        cloud.apiVersion = Objects.requireNonNull(version, "version");
        return this;
    }

    public SimulatorBuilder role(Role role) {
        cloud.role = Objects.requireNonNull(role, "role");
        return this;
    }

    /** The cloud administrator: HLM.Manage and System.Read. A null password keeps the random one. */
    public SimulatorBuilder cloudAdmin(String username, char[] password) {
        cloud.admin = renamed(cloud.admin, username, password);
        return this;
    }

    /** A user with System.Read only. */
    public SimulatorBuilder readOnlyUser(String username, char[] password) {
        cloud.readOnly = renamed(cloud.readOnly, username, password);
        return this;
    }

    /**
     * One more cloud vCenter user, holding exactly these privileges: {@code Set.of()} plays a user who can
     * log in but has no role on the vCenter, so even reads are UNAUTHORIZED.
     */
    public SimulatorBuilder cloudUser(String username, char[] password, Set<Privilege> privileges) {
        cloud.moreUsers.add(new Account(name(username), password(password), privileges));
        return this;
    }

    /** The on-prem SSO administrator the PSC accepts. */
    public SimulatorBuilder pscAdmin(String username, char[] password) {
        psc.admin = renamed(psc.admin, username, password);
        return this;
    }

    /** The PSC's SSO domain. */
    /**
     * How the PSC names a session's user: {@code administrator@vsphere.local} ({@link UserForm#UPN}, the default),
     * or {@code VSPHERE.LOCAL\administrator} as many real vCenters do.
     */
    public SimulatorBuilder pscUserForm(UserForm form) {
        psc.userForm = Objects.requireNonNull(form, "form");
        return this;
    }

    public SimulatorBuilder domainName(String domainName) {
        psc.domainName = name(domainName);
        return this;
    }

    /** 0 (the default) lets the OS choose. */
    public SimulatorBuilder cloudPort(int port) {
        cloud.port = port(port);
        return this;
    }

    /** 0 (the default) lets the OS choose. */
    public SimulatorBuilder pscPort(int port) {
        psc.port = port(port);
        return this;
    }

    /** How long a create waits before it answers; real links take minutes. */
    public SimulatorBuilder linkDelay(Duration delay) {
        cloud.linkDelay = nonNegative(delay, "link delay");
        return this;
    }

    /** How long a started sync session takes to go through its stages and complete (6.7 and 7.0.2 only). */
    public SimulatorBuilder syncDuration(Duration duration) {
        cloud.syncDuration = nonNegative(duration, "sync duration");
        return this;
    }

    /**
     * The cloud vCenter answers every request this much later, to play the distance to a real one (a
     * cloud vCenter is typically tens of milliseconds away). TLS handshakes are not delayed. The PSC is
     * not delayed by this ({@link #pscLatency} is its own): clients rarely talk to it, so its delay would
     * only add the same time to every client's create.
     */
    public SimulatorBuilder latency(Duration latency) {
        cloud.latency = nonNegative(latency, "latency");
        return this;
    }

    /**
     * The PSC answers every request, and each connection's TLS handshake, this much later: a PSC far from
     * the cloud vCenter (and from hlm's {@code link check}, whose round trip then shows it), or slow to
     * answer. Apart from {@link #latency}, which the cloud vCenter adds.
     */
    public SimulatorBuilder pscLatency(Duration latency) {
        psc.latency = nonNegative(latency, "PSC latency");
        return this;
    }

    /** Sessions unused for longer expire (decision D12), on both servers. */
    public SimulatorBuilder sessionIdleTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the session idle timeout must be positive");
        }
        cloud.sessionIdleTimeout = timeout;
        psc.sessionIdleTimeout = timeout;
        return this;
    }

    /** The cloud vCenter's clock (its Date header, session times) runs off by this (decision D14). */
    public SimulatorBuilder clockOffset(Duration offset) {
        cloud.clockOffset = Objects.requireNonNull(offset, "offset");
        return this;
    }

    /** The PSC's clock runs off by this. */
    public SimulatorBuilder pscClockOffset(Duration offset) {
        psc.clockOffset = Objects.requireNonNull(offset, "offset");
        return this;
    }

    /** A certificate of your own for the cloud vCenter; by default one is generated. */
    public SimulatorBuilder cloudCertificate(GeneratedCertificate certificate) {
        cloud.certificate = Objects.requireNonNull(certificate, "certificate");
        return this;
    }

    /** A certificate of your own for the PSC; by default one is generated. */
    public SimulatorBuilder pscCertificate(GeneratedCertificate certificate) {
        psc.certificate = Objects.requireNonNull(certificate, "certificate");
        return this;
    }

    /** Faults to inject into the cloud vCenter's answers (see {@link Fault}); may be called again to add more. */
    public SimulatorBuilder fault(Fault... faults) {
        Arrays.stream(faults).map(Objects::requireNonNull).forEach(cloud.faults::add);
        return this;
    }

    /** Seeds the faults' random draws ({@code p=}), so a run with the same calls meets the same faults. */
    public SimulatorBuilder seed(long seed) {
        cloud.seed = seed;
        return this;
    }

    /**
     * The release the PSC plays: an API version label ("6.7", "8.0.1") or any dotted number, such as
     * "6.5.0" for a PSC too old for HLM, which the cloud vCenter then refuses with UNSUPPORTED. By
     * default the PSC runs the cloud vCenter's release.
     */
    public SimulatorBuilder pscVersion(String version) {
        if (version == null || !version.trim().matches("\\d+(\\.\\d+)*")) {
            throw new IllegalArgumentException("PSC version '" + version + "' is not a dotted number such as 6.5.0");
        }
        psc.release = version.trim();
        return this;
    }

    /**
     * Puts a man in the middle on the cloud vCenter's way to the PSC: a second PSC (same accounts and
     * domain) presenting this certificate. A client that fetches the PSC's certificate itself sees the real
     * one, the cloud vCenter this one: for tests of that cross-check.
     */
    public SimulatorBuilder pscInterceptor(GeneratedCertificate certificate) {
        psc.interceptorCertificate = Objects.requireNonNull(certificate, "certificate");
        return this;
    }

    /**
     * Names the PSC by an address only the cloud vCenter reaches (see {@link #pscHostname()}), as when the
     * PSC sits behind a VPN that only the SDDC uses: a client cannot fetch its certificate itself.
     */
    public SimulatorBuilder pscReachableOnlyFromCloud() {
        psc.reachableOnlyFromCloud = true;
        return this;
    }

    /**
     * Starts both servers, on a snapshot of these settings: calls to this builder afterwards change nothing.
     *
     * @throws java.io.UncheckedIOException when a port cannot be bound
     */
    public Simulator build() {
        CloudSettings cloudNow = cloud.snapshot();
        return new Simulator(cloudNow, psc.snapshot(cloudNow.apiVersion)).start();
    }

    /** The account under another name, with another password unless that is null. */
    private static Account renamed(Account account, String username, char[] password) {
        String name = name(username);
        return new Account(name, password == null ? account.password() : password(password), account.privileges());
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a user or domain name must not be blank");
        }
        return name.trim();
    }

    /** Checked only: {@link Account} keeps a copy of its own. */
    private static char[] password(char[] password) {
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("a password must not be empty");
        }
        return password;
    }

    private static int port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not 0..65535");
        }
        return port;
    }

    private static Duration nonNegative(Duration d, String what) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException("the " + what + " must not be negative");
        }
        return d;
    }
}
