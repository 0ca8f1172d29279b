package dev.hlm.cli.link;

import dev.hlm.tls.HostNames;
import dev.hlm.api.CertificateInfo;
import dev.hlm.api.CreateSpec;
import dev.hlm.cli.CertificateText;
import dev.hlm.cli.CliContext;
import dev.hlm.cli.CliException;
import dev.hlm.cli.ExitCodes;
import dev.hlm.cli.Spinner;
import dev.hlm.client.ApiException;
import dev.hlm.client.CreatedLink;
import dev.hlm.client.HlmClient;
import dev.hlm.client.ServerInfo;
import dev.hlm.tls.CertificateFetcher;
import dev.hlm.tls.Pem;
import dev.hlm.tls.Thumbprint;
import java.io.IOException;
import java.io.PrintWriter;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;

/**
 * How {@code link create} comes to trust the PSC's certificate, which the cloud vCenter checks against the
 * thumbprint it is sent, and the create calls that this decides. Two views are compared: the certificate hlm fetches from the PSC itself, and the one
 * the cloud vCenter reports in UNVERIFIED_PEER. When both exist and differ, something between them presents
 * another certificate, and nothing is linked. When hlm cannot reach the PSC (often only the cloud side can),
 * it says so and relies on the cloud vCenter's view.
 */
final class PscCertificateTrust {
    /** Fetches the certificate the PSC presents to hlm; the real one trusts nothing and sends nothing. */
    interface Fetcher {
        X509Certificate fetch(String host, int port, Duration timeout) throws IOException;
    }

    private final CliContext ctx;
    private final String host;
    private final int port;
    private final Duration timeout;
    private final Fetcher fetcher;

    PscCertificateTrust(CliContext ctx, String host, int port, Duration timeout) {
        this(ctx, host, port, timeout, CertificateFetcher::fetch);
    }

    PscCertificateTrust(CliContext ctx, String host, int port, Duration timeout, Fetcher fetcher) {
        this.ctx = ctx;
        this.host = host;
        this.port = port;
        // Used before the connection options are checked: never zero, which a socket reads as "forever".
        this.timeout = timeout.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : timeout;
        this.fetcher = fetcher;
    }

    /** The spec to send: a thumbprint the user gave, checked and made SHA-256 by {@link #toSend}. */
    CreateSpec checkGivenThumbprint(CreateSpec spec) {
        return spec.sslThumbprint() == null ? spec : spec.withSslThumbprint(toSend(Thumbprint.parse(spec.sslThumbprint())));
    }

    /**
     * Creates the link with the thumbprint (or certificate) given; without one, first as the API intends: the cloud vCenter
     * refuses with the certificate it saw (UNVERIFIED_PEER), which is cross-checked and confirmed by
     * {@link #confirm}, then creates again with its SHA-256. A Cloud Gateway accepts without a thumbprint.
     */
    CreatedLink create(HlmClient vc, CreateSpec spec) {
        // A thumbprint or a PEM certificate from the user vouches for the PSC: the cloud vCenter's word is final.
        if (spec.sslThumbprint() != null || spec.sslCertificate() != null) {
            return send(vc, spec);
        }
        if (vc.dryRun()) {
            return planWithoutThumbprint(vc, spec);
        }
        CreatedLink id;
        try {
            id = send(vc, spec);
        } catch (ApiException e) {
            CertificateInfo reported = e.certificateInfo().orElseThrow(() -> e);
            return send(vc, spec.withSslThumbprint(confirm(reported, spec.domainName())));
        }
        if (id.id() != null) {
            note(vc.server().getHost() + " linked without a PSC thumbprint, as a Cloud Gateway does: it trusts the "
                    + "PSC it was set up with");
        }
        return id;
    }

    /**
     * A dry run without a thumbprint foretells the real run. A Cloud Gateway links at once. A cloud vCenter
     * refuses the first create and reports the PSC certificate; the real run then asks a person to confirm it
     * and creates again with its SHA-256, or, without a terminal, stops (exit 2): so does the dry run, naming
     * the thumbprint the PSC presents to hlm when hlm can reach it.
     */
    private CreatedLink planWithoutThumbprint(HlmClient vc, CreateSpec spec) {
        CreatedLink planned = send(vc, spec);
        if (vc.about().role() == ServerInfo.Role.GATEWAY) {
            return planned;
        }
        Optional<Thumbprint> seen = fetchOurs().map(Thumbprint::sha256);
        String refused = "without --psc-thumbprint, " + vc.server().getHost() + " refuses this create and reports the "
                + "PSC certificate it sees";
        if (!ctx.terminal().isInteractive()) {
            throw CliException.usage(refused + "; a real run would then stop: the certificate must be confirmed, and "
                    + "there is no terminal to ask", seen.map(t -> "the PSC presents SHA-256 " + t + " to hlm; check "
                            + "it, then rerun with --psc-thumbprint " + t)
                    .orElse("give --psc-thumbprint; 'hlm thumbprint " + psc() + "' from a host that reaches the PSC shows it"));
        }
        note(refused + "; a real run shows it, asks you to confirm it, then creates again with its SHA-256"
                + seen.map(t -> " (the PSC presents SHA-256 " + t + " to hlm)").orElse(""));
        seen.ifPresent(t -> send(vc, spec.withSslThumbprint(t.toString())));
        return planned;
    }

    /** Never resent blindly: a lost answer is settled by listing (exit 3 when no link is found). */
    private CreatedLink send(HlmClient vc, CreateSpec spec) {
        try (Spinner ignored = Spinner.start(ctx, "linking " + spec.domainName())) {
            return vc.createLink(spec);
        }
    }

    /**
     * The thumbprint to send for the one the user gave. A SHA-256 goes as given (the cloud vCenter checks
     * it). A SHA-1 is checked against the certificate the PSC presents to hlm and replaced by that
     * certificate's SHA-256; when hlm cannot reach the PSC it goes as given, which the API also accepts.
     */
    String toSend(Thumbprint given) {
        if (given.algorithm() == Thumbprint.Algorithm.SHA256) {
            return given.toString();
        }
        X509Certificate seen;
        try {
            seen = fetcher.fetch(host, port, timeout);
        } catch (IOException e) {
            note("cannot reach the PSC at " + psc() + " from here (" + CertificateFetcher.reason(e, timeout)
                    + "); sending the SHA-1 thumbprint as given, for the cloud vCenter to check");
            return given.toString();
        }
        if (!given.matches(seen)) {
            throw new CliException(ExitCodes.API_REFUSED, "UNVERIFIED_PEER", "the PSC at " + psc()
                    + " presents a certificate with SHA-1 " + Thumbprint.sha1(seen) + ", not the --psc-thumbprint "
                    + given + "; nothing was sent",
                    "if that is your PSC's certificate ('hlm thumbprint " + psc() + "' shows it), rerun with "
                            + "--psc-thumbprint " + Thumbprint.sha256(seen));
        }
        return Thumbprint.sha256(seen).toString();
    }

    /**
     * The cloud vCenter refused a create without a thumbprint and reported the PSC certificate it saw:
     * cross-checks that with hlm's own view, shows the certificate and asks a person at a terminal.
     *
     * @return the SHA-256 thumbprint to send again
     * @throws CliException on a mismatch (exit 3), without a terminal (exit 2, the hint gives the thumbprint
     *     to pass after checking), or when the person declines (exit 1)
     */
    String confirm(CertificateInfo reported, String domainName) {
        Thumbprint theirs = Thumbprint.tryParse(reported.sslThumbprint())
                .filter(t -> t.algorithm() == Thumbprint.Algorithm.SHA256)
                .orElseThrow(() -> new CliException(ExitCodes.CONNECTION, "PROTOCOL", "the cloud vCenter reported '"
                        + reported.sslThumbprint() + "' as the PSC's thumbprint, which is not a SHA-256 thumbprint", null));
        Optional<X509Certificate> pem = reportedPem(reported, theirs);
        Optional<X509Certificate> ours = fetchOurs();
        if (ours.isPresent() && !theirs.matches(ours.get())) {
            throw new CliException(ExitCodes.CONNECTION, "PSC_CERTIFICATE_MISMATCH", "the PSC at " + psc()
                    + " presents SHA-256 " + Thumbprint.sha256(ours.get()) + " to hlm but SHA-256 " + theirs
                    + " to the cloud vCenter: something between them presents another certificate; nothing was linked",
                    "check the certificate on the PSC itself and the network path between the cloud vCenter and the "
                            + "PSC; link only when both see the same certificate");
        }
        show(theirs, ours, pem);
        if (!ctx.terminal().isInteractive()) {
            throw CliException.usage("the PSC certificate must be confirmed, and there is no terminal to ask: "
                    + "give --psc-thumbprint", "check the certificate above, then rerun with --psc-thumbprint " + theirs);
        }
        String answer = ctx.terminal().readLine("Trust this PSC certificate and link " + domainName + "? [y/N] ");
        if (!CertificateText.yes(answer)) {
            throw new CliException(ExitCodes.API_REFUSED, "UNVERIFIED_PEER",
                    "the PSC certificate was not confirmed; nothing was linked",
                    "once you have checked it, rerun with --psc-thumbprint " + theirs);
        }
        return theirs.toString();
    }

    /** vSphere 9.0 reports the PEM too; it must be the certificate of the thumbprint it reports. */
    private Optional<X509Certificate> reportedPem(CertificateInfo reported, Thumbprint theirs) {
        if (reported.sslCertificate() == null || reported.sslCertificate().isBlank()) {
            return Optional.empty();
        }
        X509Certificate pem;
        try {
            pem = Pem.parseCertificates(reported.sslCertificate()).get(0);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!theirs.matches(pem)) {
            throw new CliException(ExitCodes.CONNECTION, "PROTOCOL", "the cloud vCenter reported a PSC certificate "
                    + "whose SHA-256 is not the thumbprint it reported; nothing was linked", null);
        }
        return Optional.of(pem);
    }

    private Optional<X509Certificate> fetchOurs() {
        try {
            return Optional.of(fetcher.fetch(host, port, timeout));
        } catch (IOException e) {
            note("cannot reach the PSC at " + psc() + " from here (" + CertificateFetcher.reason(e, timeout)
                    + "), as is common when only the cloud side can; relying on the certificate the cloud vCenter reports");
            return Optional.empty();
        }
    }

    /**
     * Shows the certificate to confirm, ending with its thumbprints: the question, when there is one, comes
     * right after them.
     */
    private void show(Thumbprint theirs, Optional<X509Certificate> ours, Optional<X509Certificate> pem) {
        PrintWriter err = ctx.err();
        Optional<X509Certificate> shown = ours.or(() -> pem);
        if (shown.isPresent()) {
            err.println("The PSC at " + psc() + " presents this certificate"
                    + (ours.isPresent() ? " (hlm and the cloud vCenter see the same one):" : " (as the cloud vCenter reports it):"));
            CertificateText.print(err, shown.get(), "  ");
        } else {
            err.println("The cloud vCenter reports that the PSC at " + psc() + " presents a certificate, and no more: "
                    + "compare its SHA-256 with the PSC's own (the vSphere Client's certificate view, or "
                    + "'hlm thumbprint " + psc() + "' from a host that reaches the PSC).");
            err.println("  SHA-256:  " + theirs);
        }
        err.flush();
    }

    private void note(String message) {
        ctx.note(message);
    }

    private String psc() {
        return HostNames.hostPort(host, port);
    }
}
