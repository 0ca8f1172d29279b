package dev.hlm.sim;

import dev.hlm.api.ErrorType;
import dev.hlm.api.Flavor;
import java.util.List;

/**
 * The vSphere releases the simulator can play (decision D7, docs/decisions.md B.10), each with the HLM capabilities
 * it has. The switches are the whole difference between versions: which flavors and routes exist, which error
 * a certificate failure raises, whether {@code ssl_certificate} is known, and what the version endpoint says.
 */
public enum ApiVersion {
    /** 6.7 Update 1: {@code /rest} only; certificate failure is INVALID_REQUEST. */
    V6_7("6.7", "6.7.0.20000", "10244745", "6.7 Update 1", "2018-10-16"),
    /** 7.0 Update 2: {@code /api} arrives; certificate failure is UNVERIFIED_PEER. */
    V7_0_2("7.0.2", "7.0.2.00000", "17694817", "7.0 Update 2", "2021-03-09"),
    /** 8.0 Update 1 (default): adds get (health) and delete-with-credentials. */
    V8_0_1("8.0.1", "8.0.1.00000", "21560480", "8.0 Update 1", "2023-04-18"),
    /** 9.0: adds {@code ssl_certificate} (PEM) to CreateSpec and CertificateInfo. */
    V9_0("9.0", "9.0.0.00000", "24755230", "9.0", "2025-06-17"),
    /**
     * 9.1: no HLM API; its specs have no {@code hvc} package. Sessions and the version endpoint only (decision D22:
     * its build number and date are the simulator's own).
     */
    V9_1("9.1", "9.1.0.00000", "25100000", "9.1", "2026-04-01");

    private final String label;
    private final String fullVersion;
    private final String build;
    private final String releaseName;
    private final String releaseDate;

    ApiVersion(String label, String fullVersion, String build, String releaseName, String releaseDate) {
        this.label = label;
        this.fullVersion = fullVersion;
        this.build = build;
        this.releaseName = releaseName;
        this.releaseDate = releaseDate;
    }

    /** Reads "6.7", "7.0.2", "8.0.1", "9.0" or "9.1". */
    public static ApiVersion parse(String text) {
        String wanted = text == null ? "" : text.trim();
        for (ApiVersion v : values()) {
            if (v.label.equals(wanted)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown API version '" + wanted + "'; expected one of " + labels());
    }

    private static List<String> labels() {
        return java.util.Arrays.stream(values()).map(ApiVersion::label).toList();
    }

    /** "8.0.1": what {@link #parse} reads and the CLI shows. */
    public String label() {
        return label;
    }

    /** What the version endpoint reports, e.g. {@code 8.0.1.00000}. */
    public String fullVersion() {
        return fullVersion;
    }

    public String build() {
        return build;
    }

    /** "8.0 Update 1", for the version endpoint's summary. */
    public String releaseName() {
        return releaseName;
    }

    public String releaseDate() {
        return releaseDate;
    }

    /** The flavors the cloud vCenter serves: {@code /api} exists from 7.0U2 on. */
    public List<Flavor> flavors() {
        return this == V6_7 ? List.of(Flavor.REST) : List.of(Flavor.API, Flavor.REST);
    }

    public boolean hasFlavor(Flavor flavor) {
        return flavors().contains(flavor);
    }

    /** The HLM API ({@code /hvc}) at all: every release the simulator plays but 9.1. */
    public boolean hasHlm() {
        return compareTo(V9_1) < 0;
    }

    /** Links.get (health), 8.0U1 and later. */
    public boolean hasLinkGet() {
        return compareTo(V8_0_1) >= 0;
    }

    /** Links.deleteWithCredentials ({@code POST /api/hvc/links/{link}?action=delete}), 8.0U1 and later. */
    public boolean hasDeleteWithCredentials() {
        return compareTo(V8_0_1) >= 0;
    }

    /** The preview sync API ({@code /hvc/links/{link}/sync...}), which 8.0U1 removed (decision D18). */
    public boolean hasSync() {
        return compareTo(V8_0_1) < 0;
    }

    /** {@code ssl_certificate} in CreateSpec and CertificateInfo, 9.0 and later. */
    public boolean hasSslCertificate() {
        return compareTo(V9_0) >= 0;
    }

    /** The error a certificate that cannot be verified raises: INVALID_REQUEST before UNVERIFIED_PEER existed. */
    public ErrorType certificateErrorType() {
        return this == V6_7 ? ErrorType.INVALID_REQUEST : ErrorType.UNVERIFIED_PEER;
    }

    @Override
    public String toString() {
        return label;
    }
}
