package dev.hlm.client;

import dev.hlm.api.CreateSpec;
import dev.hlm.api.Flavor;
import dev.hlm.api.VersionInfo;
import dev.hlm.tls.Pem;
import dev.hlm.tls.Thumbprint;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * From a version endpoint's answer to what the server offers (decisions D7, D8; docs/decisions.md B.10, B.12). A
 * server whose version endpoint does not answer in either flavor is taken as the oldest release its flavor
 * implies ({@code /rest}: 6.7; {@code /api}: 7.0U2), so hlm never calls a route that may not exist.
 */
final class Negotiation {
    private static final List<Integer> V7_0_2 = List.of(7, 0, 2);
    private static final List<Integer> V8_0_1 = List.of(8, 0, 1);
    private static final List<Integer> V9_0 = List.of(9, 0);
    /** The first release without the HLM API (its specs have no hvc package). */
    private static final List<Integer> V9_1 = List.of(9, 1);
    private static final List<Integer> V6_7 = List.of(6, 7);

    private Negotiation() {}

    /** @param version the version endpoint's answer, or null when the server has none */
    static ServerInfo serverInfo(VersionInfo version, Flavor flavor) {
        List<Integer> release = version == null ? null : release(version.version());
        if (release == null) {
            release = flavor == Flavor.API ? V7_0_2 : V6_7;
        }
        Set<HlmOperation> offered = EnumSet.of(HlmOperation.LINK_CREATE, HlmOperation.LINK_LIST,
                HlmOperation.LINK_DELETE, HlmOperation.ADMINISTRATORS_GET, HlmOperation.ADMINISTRATORS_SET,
                HlmOperation.ADMINISTRATORS_ADD, HlmOperation.ADMINISTRATORS_REMOVE);
        ServerInfo.Role role = role(version);
        if (atLeast(release, V8_0_1)) {
            offered.add(HlmOperation.LINK_GET);
            // The unlink with credentials has no /rest route (docs/decisions.md B.6.5), and it is the unlink started
            // from a cloud vCenter: on a Cloud Gateway the unlink is DELETE (B.12).
            if (flavor == Flavor.API && role == ServerInfo.Role.CLOUD_VCENTER) {
                offered.add(HlmOperation.LINK_DELETE_WITH_CREDENTIALS);
            }
        }
        if (!atLeast(release, V8_0_1)) {
            offered.add(HlmOperation.LINK_SYNC);
        }
        if (atLeast(release, V9_0)) {
            offered.add(HlmOperation.LINK_CREATE_WITH_CERTIFICATE);
        }
        if (atLeast(release, V9_1)) {
            offered.clear(); // decision D22: no hvc package at all
        }
        return new ServerInfo(
                version == null ? null : version.product(),
                version == null ? null : version.version(),
                version == null ? null : version.build(),
                flavor,
                role,
                offered);
    }

    /**
     * The create spec as this server can take it: with {@code ssl_certificate} from 9.0 on; before, the
     * certificate's SHA-256 thumbprint instead, which pins the same certificate.
     *
     * @throws IllegalArgumentException when the certificate is not PEM, or the spec's thumbprint names another
     */
    static CreateSpec specFor(ServerInfo server, CreateSpec spec) {
        if (spec.sslCertificate() == null || server.offers(HlmOperation.LINK_CREATE_WITH_CERTIFICATE)) {
            return spec;
        }
        X509Certificate certificate = Pem.parseCertificates(spec.sslCertificate()).get(0);
        if (spec.sslThumbprint() != null && !Thumbprint.parse(spec.sslThumbprint()).matches(certificate)) {
            throw new IllegalArgumentException("the spec's ssl_thumbprint and ssl_certificate name different certificates");
        }
        return spec.withSslCertificate(null).withSslThumbprint(Thumbprint.sha256(certificate).toString());
    }

    /** A Cloud Gateway names itself so in the product text; everything else is a vCenter. */
    static ServerInfo.Role role(VersionInfo version) {
        String product = version == null || version.product() == null ? "" : version.product();
        return product.toLowerCase(Locale.ROOT).contains("gateway") ? ServerInfo.Role.GATEWAY
                : ServerInfo.Role.CLOUD_VCENTER;
    }

    /** The leading numbers of {@code 8.0.1.00000}: [8, 0, 1, 0]; null when it does not start with a number. */
    static List<Integer> release(String version) {
        if (version == null) {
            return null;
        }
        List<Integer> parts = new ArrayList<>();
        for (String part : version.trim().split("\\.")) {
            if (!part.matches("\\d{1,9}")) {
                break;
            }
            parts.add(Integer.parseInt(part));
        }
        return parts.isEmpty() ? null : parts;
    }

    /** Compares part by part; missing parts count as 0, so 9.0 is at least 9.0.0. */
    static boolean atLeast(List<Integer> release, List<Integer> wanted) {
        for (int i = 0; i < Math.max(release.size(), wanted.size()); i++) {
            int have = i < release.size() ? release.get(i) : 0;
            int want = i < wanted.size() ? wanted.get(i) : 0;
            if (have != want) {
                return have > want;
            }
        }
        return true;
    }
}
