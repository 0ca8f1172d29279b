package dev.hlm.client;

import dev.hlm.api.Flavor;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a server is, as the client learned it on first need: the version endpoint's product, version and
 * build (decision D15), the flavor this client speaks with it, the role the product names, and the HLM
 * operations that follow from the version (decision D7).
 *
 * <p>When the version endpoint does not answer (missing, or closed to the user), version, product and build
 * are null and the operations are those of the oldest release the flavor allows: 6.7 for {@code /rest},
 * 7.0U2 for {@code /api}. So the client never calls a route that may not exist, and falls back to what works
 * everywhere: {@code DELETE}, and a thumbprint instead of a PEM.
 *
 * @param product e.g. {@code VMware vCenter Server}; null when the version is unknown
 * @param version e.g. {@code 8.0.1.00000}; null when the version is unknown
 * @param build null when the version is unknown
 * @param flavor the flavor this client speaks with the server
 * @param operations what the server offers in that flavor, in {@link HlmOperation} order
 */
public record ServerInfo(String product, String version, String build, Flavor flavor, Role role,
        Set<HlmOperation> operations) {

    /** The cloud-side appliance (decision D8), told apart by the product the version endpoint names. */
    public enum Role {
        CLOUD_VCENTER("cloud-vcenter"),
        GATEWAY("gateway");

        private final String label;

        Role(String label) {
            this.label = label;
        }

        /** "cloud-vcenter" or "gateway", as {@code hlm sim --role} spells it. */
        public String label() {
            return label;
        }
    }

    public ServerInfo {
        operations = operations.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(operations));
    }

    public boolean offers(HlmOperation operation) {
        return operations.contains(operation);
    }

    /** Whether the server has the HLM API at all: vSphere 9.1 and later have none (decision D22). */
    public boolean hasHlmApi() {
        return !operations.isEmpty();
    }

    /** "VMware vCenter Server 8.0.1.00000 (build 21560480)", or a note that the version is unknown. */
    public String describe() {
        if (version == null) {
            return "a server whose version endpoint did not answer (version unknown)";
        }
        return (product == null ? "vCenter" : product) + " " + version + (build == null ? "" : " (build " + build + ")");
    }
}
