package dev.hlm.sim;

import java.util.Locale;

/**
 * Which cloud-side appliance the simulator plays (decision D8). Both speak the same API; a gateway was set
 * up with the PSC it trusts, so it accepts a create without a thumbprint.
 */
public enum Role {
    CLOUD_VCENTER("cloud-vcenter", "VMware vCenter Server"),
    GATEWAY("gateway", "VMware vCenter Cloud Gateway");

    private final String label;
    private final String product;

    Role(String label, String product) {
        this.label = label;
        this.product = product;
    }

    /** Reads "cloud-vcenter" or "gateway" (any case; underscores work too). */
    public static Role parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Role r : values()) {
            if (r.label.equals(wanted)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "'; expected cloud-vcenter or gateway");
    }

    public String label() {
        return label;
    }

    /** The product name the version endpoint reports. */
    public String product() {
        return product;
    }

    @Override
    public String toString() {
        return label;
    }
}
