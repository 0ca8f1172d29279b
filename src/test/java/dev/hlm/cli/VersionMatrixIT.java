package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.api.Json;
import dev.hlm.sim.ApiVersion;
import dev.hlm.sim.RecordedRequest;
import dev.hlm.sim.Role;
import dev.hlm.sim.Simulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The user's story through the real command line on every vSphere version and both roles: about, create,
 * list, get where it exists, delete, list empty. What differs is exactly what decisions D7 and D8 say.
 */
class VersionMatrixIT {
    @TempDir
    Path dir;

    static Stream<Arguments> versionsAndRoles() {
        List<Arguments> all = new ArrayList<>();
        for (ApiVersion v : ApiVersion.values()) {
            if (!v.hasHlm()) {
                continue; // 9.1 has its own story: NoHlmApiIT
            }
            for (Role r : Role.values()) {
                all.add(Arguments.of(v, r));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("versionsAndRoles")
    void theLinkStoryOnEachVersionAndRole(ApiVersion version, Role role) throws Exception {
        try (Simulator sim = Simulator.builder().apiVersion(version).role(role).build()) {
            Map<String, String> env = SimEnv.of(sim, dir);
            String api = version == ApiVersion.V6_7 ? "/rest" : "/api";

            Cli.Result about = Cli.run(env, "about");
            assertThat(about.exitCode()).as(about.toString()).isZero();
            assertThat(about.out()).contains("Product:  " + role.product(), "Version:  " + version.fullVersion(),
                    "Build:    " + version.build(), "Flavor:   " + api, "Role:     " + role.label());
            var json = Json.mapper().readTree(Cli.run(env, "about", "--json").out());
            assertThat(json.path("role").asText()).isEqualTo(role.label());
            assertThat(json.path("flavor").asText()).isEqualTo(api.substring(1));
            assertThat(json.path("operations").toString()).contains("links.create")
                    .satisfies(ops -> assertThat(ops.contains("\"links.get\"")).isEqualTo(version.hasLinkGet()));

            // A gateway trusts the PSC it was set up with (D8); a cloud vCenter needs the thumbprint.
            if (role == Role.GATEWAY) {
                env = SimEnv.with(env, "HLM_PSC_THUMBPRINT", null);
            } else {
                // Without a terminal to confirm the certificate the cloud vCenter reported, hlm stops and names
                // the thumbprint to pass once checked.
                Cli.Result unverified = Cli.run(SimEnv.with(env, "HLM_PSC_THUMBPRINT", null), "link", "create");
                assertThat(unverified.exitCode()).as(unverified.toString()).isEqualTo(ExitCodes.USAGE);
                assertThat(unverified.err()).contains("--psc-thumbprint " + sim.pscCertificate().sha256());
                assertThat(sim.links()).isEmpty();
            }
            int before = sim.requests().size();
            Cli.Result created = Cli.run(env, "link", "create");
            assertThat(created.exitCode()).as(created.toString()).isZero();
            List<RecordedRequest> createCalls = sim.requests().subList(before, sim.requests().size());
            assertThat(createCalls).as("a plain create asks no version").noneMatch(r -> r.path().contains("/appliance/"));
            if (version != ApiVersion.V6_7) {
                assertThat(createCalls).as("login, create, logout").hasSize(3);
            }
            String id = sim.links().get(0).link();

            assertThat(Cli.run(env, "link", "list").out()).contains(id, sim.domainName());

            before = sim.requests().size();
            Cli.Result health = Cli.run(env, "link", "get", id);
            if (version.hasLinkGet()) {
                assertThat(health.exitCode()).as(health.toString()).isZero();
                assertThat(health.out()).contains("link " + id + ": HEALTHY");
            } else {
                assertThat(health.exitCode()).as(health.toString()).isEqualTo(ExitCodes.API_REFUSED);
                assertThat(health.err()).startsWith("hlm: UNSUPPORTED: ").contains("needs vSphere 8.0 Update 1")
                        .contains(version.fullVersion()).contains("hint: 'hlm about'");
                assertThat(sim.requests().subList(before, sim.requests().size()))
                        .as("no request to a route the version lacks")
                        .noneMatch(r -> r.method().equals("GET") && r.path().contains("/hvc/links/"));
            }

            // The PSC password is in the environment: only a cloud vCenter of 8.0U1 or later unlinks with it.
            boolean withCredentials = version.hasDeleteWithCredentials() && role == Role.CLOUD_VCENTER;
            Cli.Result deleted = Cli.run(env, "link", "delete", id, "--yes");
            assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
            if (withCredentials) {
                assertThat(deleted.out()).contains("Unlinked " + id + " with the on-prem credentials (POST ?action=delete)");
                assertThat(sim.requests()).anyMatch(r -> r.method().equals("POST")
                        && r.path().equals("/api/hvc/links/" + id + "?action=delete"));
            } else {
                assertThat(deleted.out()).contains("Unlinked " + id + " (DELETE: ")
                        .contains(role == Role.GATEWAY ? "Cloud Gateway" : "needs vSphere 8.0 Update 1");
                assertThat(sim.requests()).anyMatch(r -> r.method().equals("DELETE")
                        && r.path().equals(api + "/hvc/links/" + id));
                assertThat(sim.requests()).noneMatch(r -> r.path().contains("?action=delete"));
            }
            assertThat(Cli.run(env, "link", "list").out()).contains("No links.");
            assertThat(sim.openSessions()).isZero();
        }
    }
}
