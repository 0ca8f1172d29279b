package dev.hlm.cli;

import dev.hlm.api.CertificateInfo;
import dev.hlm.api.ErrorType;
import dev.hlm.client.ApiException;
import dev.hlm.client.TransportException;
import dev.hlm.tls.Thumbprint;
import java.util.Optional;

/** The next step to suggest for each failure: what a user should check or run. */
final class Hints {
    private Hints() {}

    static String forApi(ApiException e) {
        Optional<CertificateInfo> cert = e.certificateInfo();
        if (cert.isPresent()) {
            return "the PSC presented SHA-256 " + cert.get().sslThumbprint()
                    + "; if that is your PSC's certificate, rerun with --psc-thumbprint " + cert.get().sslThumbprint();
        }
        ErrorType type = e.errorType();
        return switch (type) {
            case UNAUTHENTICATED -> "check the user name and password (HLM_USERNAME, HLM_PASSWORD); sessions also end after 30 idle minutes";
            case UNAUTHORIZED -> "this needs the HLM.Manage privilege (System.Read to read): log in as cloudadmin or a member of Cloud Administrators";
            case ALREADY_EXISTS -> "a cloud vCenter links one on-prem SSO domain: see it with 'hlm link list', remove it with 'hlm link delete LINK'";
            case NOT_FOUND -> "list the links with 'hlm link list'";
            case INVALID_ARGUMENT -> "check the named field: PSC user and password, --domain-name (the PSC's SSO domain) and groups as group@domain";
            case UNSUPPORTED -> "the on-prem vCenter/PSC version is not supported for Hybrid Linked Mode: upgrade it (6.7 or later)";
            case SERVICE_UNAVAILABLE -> "the vCenter service is restarting or overloaded: try again in a minute";
            case ERROR, INTERNAL_SERVER_ERROR -> "check that the cloud vCenter can reach the PSC on its port (VPN, firewall, DNS) and retry";
            default -> null;
        };
    }

    static String forTransport(TransportException e) {
        return switch (e.kind()) {
            case TLS_UNTRUSTED -> e.serverCertificate()
                    .map(c -> "the server presented SHA-256 " + Thumbprint.sha256(c)
                            + "; if you trust it, rerun with --thumbprint " + Thumbprint.sha256(c)
                            + " (or --ca-cert FILE with its CA)" + TrustHints.firstUse(e))
                    .orElse("rerun with --ca-cert FILE or --thumbprint SHA256");
            case TLS_CHANGED -> TrustHints.changed(e);
            case CONNECT -> "check the host name and port, and that a firewall or VPN lets you reach it";
            case TIMEOUT -> "the server did not answer in time: check the network path, or raise the timeout";
            case TLS -> "the server's TLS setup is not compatible; is it a vCenter HTTPS port?";
            case PROTOCOL -> "is this the vCenter (or Cloud Gateway) API address? try --trace to see the answer";
            case INTERRUPTED -> null;
        };
    }
}
