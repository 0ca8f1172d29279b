package dev.hlm.cli;

import dev.hlm.client.TrustOnFirstUse;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

/**
 * Trust on first use at a terminal: shows the certificate of a vCenter that neither the system nor the known
 * hosts file trusts, and asks whether to remember it. Only ever set when a person is at a terminal.
 */
final class KnownHostsPrompt implements TrustOnFirstUse {
    private final CliContext ctx;

    KnownHostsPrompt(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public boolean trust(String server, X509Certificate certificate, Path knownHostsFile) {
        PrintWriter err = ctx.err();
        err.println("hlm: " + server + " presents a certificate that the system does not trust and that is not in "
                + knownHostsFile + ". Compare its SHA-256 with the vCenter's own (e.g. 'hlm thumbprint " + server
                + "' from a trusted network, or the vSphere Client's certificate view). Nothing has been sent yet.");
        // The thumbprints end the block, so they are the last lines above the question.
        CertificateText.print(err, certificate, "  ");
        boolean yes = CertificateText.yes(ctx.terminal().readLine("Trust it and remember it for " + server + "? [y/N] "));
        if (yes) {
            err.println("hlm: remembering " + server + " in " + knownHostsFile);
        }
        err.flush();
        return yes;
    }
}
