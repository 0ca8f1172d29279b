package dev.hlm.cli.check;

import dev.hlm.api.SessionInfo;
import dev.hlm.api.VersionInfo;
import dev.hlm.client.ApiException;
import dev.hlm.client.HlmClient;
import dev.hlm.client.HlmClientBuilder;
import dev.hlm.client.HlmException;
import dev.hlm.client.TransportException;
import dev.hlm.tls.TrustPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.UnaryOperator;

/**
 * What the cloud vCenter will do at the PSC while linking (decision D6), done first by hlm itself: log in
 * with the on-prem administrator over the PSC's own API, read who the session is ({@code user@SSO-domain},
 * which names the PSC's SSO domain), read its version, log out.
 *
 * <p>The PSC password goes only to a PSC the user vouched for: the one whose certificate matches
 * {@code --psc-thumbprint}, or, without one, a certificate the JDK's trust store accepts for that name.
 */
final class PscAccountChecks {
    private PscAccountChecks() {}

    static void run(Checklist list, PreflightInput in, char[] password, TimeBudget time,
            UnaryOperator<HlmClientBuilder> reporting, UnaryOperator<HlmClient> opened) {
        TrustPolicy trust = in.pscThumbprint() != null ? TrustPolicy.pinned(in.pscThumbprint()) : TrustPolicy.system();
        HlmClientBuilder builder = HlmClient.builder().server(uri(in)).username(in.pscUsername()).password(password)
                .trust(trust).connectTimeout(time.attempt()).requestTimeout(time.request()).deadline(time.deadline());
        try (HlmClient psc = opened.apply(reporting.apply(builder).build())) {
            if (!login(list, psc, in)) {
                list.skip(Check.PSC_DOMAIN, "not checked: needs the PSC login");
                list.skip(Check.PSC_VERSION, "not checked: needs the PSC login");
                return;
            }
            domain(list, psc, in);
            version(list, psc);
        }
    }

    private static URI uri(PreflightInput in) {
        try {
            return new URI("https", null, in.bareHost(), in.pscPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + in.pscHost() + "' is not a host name", e);
        }
    }

    private static boolean login(Checklist list, HlmClient psc, PreflightInput in) {
        try {
            psc.login();
            list.pass(Check.PSC_LOGIN, in.pscUsername() + " logged in at " + in.pscDisplay());
            return true;
        } catch (ApiException.Unauthenticated e) {
            list.fail(Check.PSC_LOGIN, in.pscDisplay() + " refused " + in.pscUsername() + " with the password given",
                    "check --psc-username (administrator@" + in.domainName() + " by default) and the PSC password "
                            + "(HLM_PSC_PASSWORD, --psc-password-file): the cloud vCenter logs in with them");
        } catch (TransportException e) {
            if (e.kind() == TransportException.Kind.TLS_UNTRUSTED) {
                list.skip(Check.PSC_LOGIN, "not tried, so the PSC password goes nowhere unverified: "
                        + (in.pscThumbprint() == null
                                ? "no --psc-thumbprint given, and the JDK does not trust the PSC's certificate"
                                : "the PSC's certificate is not the one --psc-thumbprint names"),
                        "see the psc-thumbprint row");
            } else {
                list.fail(Check.PSC_LOGIN, e.getMessage(), "check that " + in.pscDisplay()
                        + " is the PSC's HTTPS port (vCenter with embedded PSC: 443)");
            }
        } catch (ApiException e) {
            list.fail(Check.PSC_LOGIN, in.pscDisplay() + " refused the login: " + e.errorType() + ": " + e.serverMessage(),
                    "is " + in.pscDisplay() + " a vCenter (with its PSC)? --trace shows its answers");
        }
        return false;
    }

    /** The PSC names the session's user in its own SSO domain: that domain is what --domain-name must be. */
    private static void domain(Checklist list, HlmClient psc, PreflightInput in) {
        SessionInfo session;
        try {
            session = psc.session();
        } catch (HlmException e) {
            list.warn(Check.PSC_DOMAIN, "could not read the session: " + e.getMessage(),
                    "make sure --domain-name is the PSC's SSO domain (the part after @ of its administrator, or before \\)");
            return;
        }
        String user = session.user() == null ? "" : session.user();
        String domain = session.domain().orElse("");
        if (domain.equalsIgnoreCase(in.domainName())) {
            list.pass(Check.PSC_DOMAIN, in.domainName() + " (the PSC names the user " + user + ")");
        } else if (domain.isEmpty()) {
            list.warn(Check.PSC_DOMAIN, "the PSC names the user '" + user + "', without a domain",
                    "make sure --domain-name is the PSC's SSO domain");
        } else {
            list.fail(Check.PSC_DOMAIN, "the PSC's SSO domain is " + domain + ", not " + in.domainName()
                    + " (it names the user " + user + ")", "rerun with --domain-name " + domain);
        }
    }

    private static void version(Checklist list, HlmClient psc) {
        VersionInfo v;
        try {
            v = psc.version();
        } catch (HlmException e) {
            list.warn(Check.PSC_VERSION, "could not read the version: " + e.getMessage(),
                    "make sure the on-prem vCenter runs " + VersionInfo.MINIMUM_ONPREM_VERSION + " or later");
            return;
        }
        String seen = (v.product() == null ? "" : v.product() + " ") + v.version()
                + (v.build() == null ? "" : " build " + v.build());
        if (v.atLeast(VersionInfo.MINIMUM_ONPREM_VERSION)) {
            list.pass(Check.PSC_VERSION, seen);
        } else if (VersionInfo.compare(v.version(), "0") <= 0) {
            list.warn(Check.PSC_VERSION, "cannot read a version number from '" + v.version() + "'",
                    "make sure the on-prem vCenter runs " + VersionInfo.MINIMUM_ONPREM_VERSION + " or later");
        } else {
            list.fail(Check.PSC_VERSION, seen + ", older than the " + VersionInfo.MINIMUM_ONPREM_VERSION
                            + " Hybrid Linked Mode needs",
                    "upgrade the on-prem vCenter to " + VersionInfo.MINIMUM_ONPREM_VERSION
                            + " or later; until then the cloud vCenter refuses the link with UNSUPPORTED");
        }
    }
}
