package dev.hlm.cli;

import dev.hlm.client.TransportException;
import dev.hlm.tls.KnownHosts;

/**
 * The next step after a vCenter certificate the known hosts file had a say in: how to trust a new server once
 * and for all, and, like ssh, which line to delete when a certificate changed (only after checking it).
 */
final class TrustHints {
    /** For a changed certificate when the details are unknown. */
    static final String CHANGED = "do not connect until you know why the certificate changed";

    private TrustHints() {}

    /** Appended to the TLS_UNTRUSTED hint for a server the known hosts file does not hold; else empty. */
    static String firstUse(TransportException e) {
        return e.trustFailure().orElse(null) instanceof KnownHosts.UnknownServer unknown
                ? ", or run hlm on a terminal to check it once and remember it in " + unknown.knownHosts().file()
                : "";
    }

    /** The hint for TLS_CHANGED: check the new certificate, then delete the old line. */
    static String changed(TransportException e) {
        if (!(e.trustFailure().orElse(null) instanceof KnownHosts.CertificateChanged changed)) {
            return CHANGED;
        }
        int line = changed.known().get(0).line();
        return "if the vCenter's certificate was replaced on purpose, check the new one with 'hlm thumbprint "
                + changed.server() + "', then delete line " + line + " of " + changed.file() + " (sed -i '" + line
                + "d' " + changed.file() + ") and connect again; otherwise do not connect";
    }
}
