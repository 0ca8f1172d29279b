package dev.hlm.cli.check;

import dev.hlm.tls.HostNames;
import dev.hlm.tls.Thumbprint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The way to the PSC, as far as this machine can see it: its name resolves, its port opens within HLM's
 * round-trip limit, and its certificate is in date, names the host and is the one the user vouched for.
 * The cloud vCenter needs the same from its side of the VPN; these checks catch what both sides share.
 */
final class PscNetworkChecks {
    /** HLM needs a round trip of at most 100 ms between the sites (docs/decisions.md B.11). */
    static final Duration MAX_ROUND_TRIP = Duration.ofMillis(100);
    /** A certificate that expires sooner than this is a WARN: renewing it later breaks the pinned thumbprint. */
    static final Duration EXPIRY_WARNING = Duration.ofDays(30);
    private static final int CONNECT_ATTEMPTS = 3;

    private PscNetworkChecks() {}

    /** Runs the five checks; answers true when the PSC answered TLS, so the account checks can follow. */
    static boolean run(Checklist list, Network network, PreflightInput in, TimeBudget time, Instant now) {
        List<InetAddress> addresses = resolve(list, network, in);
        if (addresses == null) {
            skipAfter(list, Check.PSC_TCP, "not checked: the PSC name does not resolve");
            return false;
        }
        if (!connect(list, network, in, addresses, time)) {
            skipAfter(list, Check.PSC_CERT_DATES, "not checked: the PSC port does not open");
            return false;
        }
        X509Certificate certificate;
        try {
            certificate = network.certificate(in.bareHost(), in.pscPort(), time.attempt());
        } catch (IOException e) {
            list.fail(Check.PSC_CERT_DATES, time.explain(in.pscDisplay() + " answered no TLS: " + e.getMessage()),
                    "is " + in.pscPort() + " the PSC's HTTPS port? (443 unless changed)");
            list.skip(Check.PSC_CERT_NAME, "not checked: no certificate");
            list.skip(Check.PSC_THUMBPRINT, "not checked: no certificate");
            return false;
        }
        dates(list, certificate, now);
        name(list, certificate, in);
        thumbprint(list, certificate, in);
        return true;
    }

    private static void skipAfter(Checklist list, Check first, String why) {
        for (Check c : List.of(Check.PSC_TCP, Check.PSC_CERT_DATES, Check.PSC_CERT_NAME, Check.PSC_THUMBPRINT)) {
            if (c.compareTo(first) >= 0) {
                list.skip(c, why);
            }
        }
    }

    private static List<InetAddress> resolve(Checklist list, Network network, PreflightInput in) {
        String host = in.bareHost();
        try {
            List<InetAddress> addresses = network.resolve(host);
            String shown = addresses.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", "));
            list.pass(Check.PSC_DNS, HostNames.isIpLiteral(host)
                    ? host + " is an address: nothing to resolve"
                    : host + " resolves to " + shown);
            return addresses;
        } catch (UnknownHostException e) {
            list.fail(Check.PSC_DNS, host + " does not resolve on this machine",
                    "check the name and this machine's DNS; the cloud vCenter must resolve it too, so the on-prem "
                            + "DNS must answer the SDDC (or give the PSC's IP address)");
            return null;
        }
    }

    /** Connects a few times and keeps the best time: the round trip, without the noise of one slow try. */
    private static boolean connect(Checklist list, Network network, PreflightInput in, List<InetAddress> addresses,
            TimeBudget time) {
        String lastError = "no address";
        for (InetAddress address : addresses) {
            InetSocketAddress target = new InetSocketAddress(address, in.pscPort());
            Duration best = null;
            for (int i = 0; i < CONNECT_ATTEMPTS; i++) {
                try {
                    Duration took = network.connect(target, time.attempt());
                    best = best == null || took.compareTo(best) < 0 ? took : best;
                } catch (IOException e) {
                    lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    break;
                }
            }
            if (best != null) {
                roundTrip(list, address.getHostAddress() + ":" + in.pscPort(), best);
                return true;
            }
        }
        list.fail(Check.PSC_TCP, time.explain("cannot connect to " + in.pscDisplay() + ": " + lastError),
                "check that the PSC is running and that firewalls and the VPN let TCP " + in.pscPort()
                        + " through; the cloud vCenter needs the same way in");
        return false;
    }

    static void roundTrip(Checklist list, String where, Duration best) {
        String observed = "connected to " + where + " in " + millis(best) + " (best of " + CONNECT_ATTEMPTS + ")";
        if (best.compareTo(MAX_ROUND_TRIP) > 0) {
            list.warn(Check.PSC_TCP, observed + ", above the " + MAX_ROUND_TRIP.toMillis() + " ms HLM allows",
                    "HLM needs a round trip of at most 100 ms between the sites: check the VPN or Direct Connect path");
        } else {
            list.pass(Check.PSC_TCP, observed);
        }
    }

    private static String millis(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f ms", d.toNanos() / 1e6);
    }

    static void dates(Checklist list, X509Certificate certificate, Instant now) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        String renew = "renew the PSC's certificate (vSphere Client: Administration > Certificates), then pass the "
                + "new thumbprint with --psc-thumbprint";
        if (now.isBefore(notBefore)) {
            list.fail(Check.PSC_CERT_DATES, "not valid before " + notBefore + " (now " + now.truncatedTo(ChronoUnit.SECONDS)
                    + ")", "check the clock of this machine and of the PSC; or " + renew);
        } else if (now.isAfter(notAfter)) {
            list.fail(Check.PSC_CERT_DATES, "expired on " + notAfter, renew);
        } else if (Duration.between(now, notAfter).compareTo(EXPIRY_WARNING) < 0) {
            list.warn(Check.PSC_CERT_DATES, "expires on " + notAfter + ", in "
                    + Duration.between(now, notAfter).toDays() + " days", renew + " before you link");
        } else {
            list.pass(Check.PSC_CERT_DATES, "valid until " + notAfter);
        }
    }

    static void name(Checklist list, X509Certificate certificate, PreflightInput in) {
        List<String> names = HostNames.issuedFor(certificate);
        if (HostNames.matches(certificate, in.bareHost())) {
            list.pass(Check.PSC_CERT_NAME, "issued for " + in.bareHost());
        } else {
            list.fail(Check.PSC_CERT_NAME, "issued for " + (names.isEmpty() ? "no name" : String.join(", ", names))
                            + ", not " + in.bareHost(),
                    names.isEmpty()
                            ? "replace the PSC's certificate with one issued for " + in.bareHost()
                            : "give the name the certificate is issued for as --psc-hostname (e.g. " + names.get(0)
                                    + "), or replace the PSC's certificate; if neither fits, this is not your PSC");
        }
    }

    static void thumbprint(Checklist list, X509Certificate certificate, PreflightInput in) {
        Thumbprint seen = Thumbprint.sha256(certificate);
        if (in.pscThumbprint() == null) {
            list.warn(Check.PSC_THUMBPRINT, "none given; the PSC presents SHA-256 " + seen,
                    "check that this is your PSC's certificate, then add --psc-thumbprint " + seen
                            + " (without it a cloud vCenter first refuses the link with UNVERIFIED_PEER and hlm "
                            + "asks you to confirm the certificate; a Cloud Gateway links without one)");
        } else if (in.pscThumbprint().matches(certificate)) {
            list.pass(Check.PSC_THUMBPRINT, "the PSC presents the certificate --psc-thumbprint names");
        } else {
            list.fail(Check.PSC_THUMBPRINT, "the PSC presents SHA-256 " + seen + ", not " + in.pscThumbprint(),
                    "if " + seen + " is your PSC's certificate (compare in its vSphere Client), rerun with "
                            + "--psc-thumbprint " + seen + "; otherwise " + in.pscDisplay() + " is not your PSC");
        }
    }
}
