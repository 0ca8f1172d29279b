package dev.hlm.sim;

import dev.hlm.api.CertificateInfo;
import dev.hlm.api.SessionInfo;
import dev.hlm.api.VersionInfo;
import dev.hlm.tls.Pem;
import dev.hlm.tls.Thumbprint;
import dev.hlm.tls.TrustPolicy;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Links.create (docs/decisions.md B.6.1), in the order decisions D5 and D6 give: the one-domain rule first, then
 * the real PSC: TLS and its certificate, its version (UNSUPPORTED before {@value VersionInfo#MINIMUM_ONPREM_VERSION},
 * asked before any credential is sent), login with the given account, its SSO domain, logout. Only then,
 * after the configured delay (real links take minutes), is the link stored and its admin groups added.
 */
final class LinkCreator {
    private final ApiVersion version;
    private final Role role;
    private final LinkStore links;
    private final AdministratorGroups administrators;
    private final Duration linkDelay;
    private final UnaryOperator<PscAddress> pscRoute;
    /** Guards {@link #finishCalls}; creates in their delay wait on it. */
    private final Object delay = new Object();
    /** How often {@link #finishLinking()} was called: a create ends its delay when this moves on. */
    private long finishCalls;

    LinkCreator(ApiVersion version, Role role, LinkStore links, AdministratorGroups administrators,
            Duration linkDelay, UnaryOperator<PscAddress> pscRoute) {
        this.version = version;
        this.role = role;
        this.links = links;
        this.administrators = administrators;
        this.linkDelay = linkDelay;
        this.pscRoute = pscRoute;
    }

    SimResponse create(Call call) {
        long finishCallsAtStart = finishCalls();
        LinkRequest spec = LinkRequest.read(call.body(), call.flavor(), version);
        try {
            LinkStore.Reservation slot = links.reserve(spec.domainName());
            try {
                Thumbprint thumbprint = checkPsc(spec);
                waitAsARealLinkWould(finishCallsAtStart);
                Link link = slot.commit(spec.psc(), thumbprint);
                administrators.addAll(spec.adminGroups());
                return Responses.created(call.flavor(), link.id());
            } finally {
                slot.release();
            }
        } finally {
            Arrays.fill(spec.password(), '\0');
        }
    }

    /**
     * Talks to the PSC; returns the SHA-256 thumbprint of its certificate, to pin on later calls. Also the fleet
     * simulator's warm-up ({@link Simulator#warmUp}), which runs it without a link to make.
     */
    Thumbprint checkPsc(LinkRequest spec) {
        try (PscProbe probe = new PscProbe(pscRoute.apply(spec.psc()), TrustPolicy.insecure())) {
            X509Certificate certificate = probe.certificate();
            verify(spec, certificate);
            String release = probe.version();
            if (VersionInfo.compare(release, VersionInfo.MINIMUM_ONPREM_VERSION) < 0) {
                throw Errors.unsupportedPscVersion(spec.psc(), release, VersionInfo.MINIMUM_ONPREM_VERSION);
            }
            String token = probe.login(spec.username(), spec.password())
                    .orElseThrow(() -> Errors.pscLoginRefused(spec.psc(), spec.username()));
            try {
                String domain = domainOf(probe.user(token));
                if (!domain.equalsIgnoreCase(spec.domainName())) {
                    throw Errors.wrongDomain(spec.psc(), spec.domainName(), domain);
                }
            } finally {
                probe.logout(token);
            }
            return Thumbprint.sha256(certificate);
        } catch (PscProbe.UnreachableException e) {
            throw Errors.pscUnreachable(spec.psc(), e.getMessage());
        }
    }

    /**
     * The certificate must be the one the caller vouched for: by thumbprint (SHA-256 or SHA-1, any case,
     * colons optional, decision D2) or, on 9.0, by PEM. A gateway trusts its PSC without either (D8), but
     * still refuses a wrong one.
     */
    private void verify(LinkRequest spec, X509Certificate certificate) {
        boolean vouched = spec.sslThumbprint() != null || spec.sslCertificate() != null;
        if (!vouched && role == Role.GATEWAY) {
            return;
        }
        boolean thumbprintMatches = spec.sslThumbprint() != null
                && Thumbprint.tryParse(spec.sslThumbprint()).map(t -> t.matches(certificate)).orElse(false);
        if (thumbprintMatches || samePem(spec.sslCertificate(), certificate)) {
            return;
        }
        String detail = vouched
                ? "The " + (spec.sslThumbprint() != null ? "ssl_thumbprint" : "ssl_certificate")
                        + " given does not match the certificate the PSC presented."
                : version.hasSslCertificate()
                        // 9.0 deprecates the thumbprint: ask for what it wants (decision D16).
                        ? "No ssl_certificate was given: check the PSC's certificate and resubmit with it."
                        : "No ssl_thumbprint was given: check the PSC's certificate and resubmit with its thumbprint.";
        CertificateInfo seen = new CertificateInfo(Thumbprint.sha256(certificate).toString(),
                version.hasSslCertificate() ? Pem.toPem(certificate) : null);
        throw Errors.unverifiedPeer(version, spec.psc(), seen, detail);
    }

    private static boolean samePem(String pem, X509Certificate certificate) {
        if (pem == null) {
            return false;
        }
        try {
            List<X509Certificate> given = Pem.parseCertificates(pem);
            return given.get(0).equals(certificate);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** "vsphere.local" of "administrator@vsphere.local" or "VSPHERE.LOCAL\administrator": the PSC's SSO domain. */
    private static String domainOf(String user) {
        return SessionInfo.domainOf(user).orElse("");
    }

    /**
     * Ends the delay of every create under way now, as if those links were done: for tests that act while a
     * link is being made and then want it made, without waiting for the delay. A create that started before
     * this call and has not reached its delay yet does not wait either.
     */
    void finishLinking() {
        synchronized (delay) {
            finishCalls++;
            delay.notifyAll();
        }
    }

    private long finishCalls() {
        synchronized (delay) {
            return finishCalls;
        }
    }

    private void waitAsARealLinkWould(long finishCallsAtStart) {
        if (linkDelay.isZero() || linkDelay.isNegative()) {
            return;
        }
        long deadline = System.nanoTime() + linkDelay.toNanos();
        try {
            synchronized (delay) {
                for (long left = linkDelay.toNanos(); left > 0 && finishCalls == finishCallsAtStart;
                        left = deadline - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.timedWait(delay, left);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.interrupted();
        }
    }
}
