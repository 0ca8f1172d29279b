package dev.hlm.sim;

import dev.hlm.api.Flavor;
import dev.hlm.api.Paths;
import dev.hlm.api.VersionInfo;
import java.time.Instant;

/**
 * {@code GET /api/appliance/system/version} and its {@code /rest} twin (decision D15). Served without a
 * session: a client may ask what it talks to before it logs in, and the version is no secret worth a login
 * round trip in a simulator.
 */
final class VersionRoutes {
    static final String TYPE = "vCenter Server with an embedded Platform Services Controller";

    private final VersionInfo info;

    VersionRoutes(ApiVersion version, String product, Instant installTime) {
        this.info = new VersionInfo(
                version.fullVersion(),
                product,
                version.build(),
                TYPE,
                product + " " + version.releaseName() + " build " + version.build(),
                version.releaseDate(),
                installTime.toString());
    }

    /** A release the simulator has no {@link ApiVersion} for, e.g. an old PSC ({@code 6.5.0}). */
    VersionRoutes(String version, String product, Instant installTime) {
        this.info = new VersionInfo(version, product, "0", TYPE, product + " " + version, "", installTime.toString());
    }

    void register(Router router, Flavor flavor) {
        router.add("GET", flavor, Paths.SYSTEM_VERSION, null, Access.PUBLIC, call -> Responses.ok(flavor, info));
    }

    VersionInfo info() {
        return info;
    }
}
