package dev.hlm.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.ApiVersion;
import dev.hlm.sim.Simulator;
import dev.hlm.sim.fault.Fault;
import dev.hlm.tls.GeneratedCertificate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet library against a simulated fleet of mixed starting states, over real HTTPS: plan shows exactly the
 * differences, apply converges what it can, one failing target stops no other, a second plan is empty, and no
 * password reaches a plan or a report.
 */
class FleetSessionIT {
    @TempDir
    Path dir;

    private final SimulatedFleet fleet = new SimulatedFleet();

    @AfterEach
    void stop() {
        fleet.close();
    }

    /** Appends a target for {@code sim}, linking it to {@code psc}'s domain with {@code groups}. */
    private void target(String name, Simulator sim, Simulator psc, String trustLine, String... groups) throws IOException {
        Path ca = dir.resolve(name + "-ca.pem");
        Files.writeString(ca, sim.cloudCertificate().pem());
        fleet.env.put("PW_" + fleet.sims.indexOf(sim), new String(sim.cloudAdminPassword()));
        fleet.env.put("PSC_PW_" + fleet.sims.indexOf(psc), new String(psc.pscAdminPassword()));
        fleet.yaml.append("  - name: ").append(name).append('\n')
                .append("    server: ").append(sim.cloudUrl().getAuthority()).append('\n')
                .append("    username: ").append(sim.cloudAdminUsername()).append('\n')
                .append("    password: env:PW_").append(fleet.sims.indexOf(sim)).append('\n')
                .append(trustLine == null ? "    ca-cert: " + ca + "\n" : trustLine + "\n")
                .append("    link:\n")
                .append("      psc-hostname: ").append(psc.pscHostname()).append('\n')
                .append("      psc-port: ").append(psc.pscPort()).append('\n')
                .append("      domain-name: ").append(psc.domainName()).append('\n')
                .append("      psc-username: ").append(psc.pscAdminUsername()).append('\n')
                .append("      psc-password: env:PSC_PW_").append(fleet.sims.indexOf(psc)).append('\n')
                .append("      psc-thumbprint: \"").append(psc.pscCertificate().sha256()).append("\"\n")
                .append("      admin-groups: [").append(String.join(", ", groups)).append("]\n");
    }

    private static TargetPlan planOf(List<TargetPlan> plans, String name) {
        return plans.stream().filter(p -> p.target().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void planShowsTheDifferencesApplyConvergesThemAndASecondPlanIsEmpty() throws IOException {
        Simulator inSync = fleet.sim(Simulator.builder());
        SimulatedFleet.link(inSync, "ops@vsphere.local");
        Simulator unlinked = fleet.sim(Simulator.builder());
        Simulator extraGroups = fleet.sim(Simulator.builder());
        SimulatedFleet.link(extraGroups, "ops@vsphere.local", "old@vsphere.local");
        Simulator lostAnswer = fleet.sim(Simulator.builder().fault(Fault.parse("create:drop=after,times=1")));
        Simulator otherDomain = fleet.sim(Simulator.builder());
        SimulatedFleet.link(otherDomain);
        Simulator corp = fleet.sim(Simulator.builder().domainName("corp.local"));
        Simulator changedCertificate = fleet.sim(Simulator.builder());
        String otherThumbprint = GeneratedCertificate.builder("someone-else").build().sha256().toString();

        target("in-sync", inSync, inSync, null, "ops@vsphere.local");
        target("unlinked", unlinked, unlinked, null, "ops@vsphere.local");
        target("extra-groups", extraGroups, extraGroups, null, "ops@vsphere.local", "new@vsphere.local");
        target("lost-answer", lostAnswer, lostAnswer, null);
        target("other-domain", otherDomain, corp, null);
        target("changed-certificate", changedCertificate, changedCertificate, "    thumbprint: \"" + otherThumbprint + "\"");
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        fleet.yaml.append(("""
                  - name: unreachable
                    server: 127.0.0.1:%d
                    username: cloudadmin@vmc.local
                    password: env:PW_0
                    state: unlinked
                """).formatted(closedPort));
        Files.writeString(dir.resolve("hlm.yaml"), fleet.yaml);

        List<TargetPlan> plans;
        List<TargetReport> reports;
        try (FleetSession session = fleet.session(dir)) {
            plans = session.plan();
            assertThat(planOf(plans, "in-sync").kind()).isEqualTo(TargetPlan.Kind.IN_SYNC);
            assertThat(planOf(plans, "unlinked").steps()).singleElement().isInstanceOf(Step.CreateLink.class);
            assertThat(planOf(plans, "extra-groups").steps()).containsExactly(new Step.AddGroup("new@vsphere.local"),
                    new Step.RemoveGroup("old@vsphere.local"));
            assertThat(planOf(plans, "lost-answer").steps()).singleElement().isInstanceOf(Step.CreateLink.class);
            assertThat(planOf(plans, "other-domain").kind()).isEqualTo(TargetPlan.Kind.UNKNOWN);
            assertThat(planOf(plans, "other-domain").reason()).contains("linked to vsphere.local, not corp.local");
            assertThat(planOf(plans, "changed-certificate").kind()).isEqualTo(TargetPlan.Kind.UNKNOWN);
            assertThat(planOf(plans, "unreachable").kind()).isEqualTo(TargetPlan.Kind.UNKNOWN);
            // A large fleet holds sessions (and connections) only where apply has work to do.
            assertThat(inSync.openSessions()).as("in sync: logged out once planned").isZero();
            assertThat(otherDomain.openSessions()).as("cannot tell: logged out once planned").isZero();
            assertThat(unlinked.openSessions()).as("changes pending: kept for apply").isOne();

            reports = session.apply(plans, ApplyListener.NONE);
            assertThat(fleet.sims).allSatisfy(s -> assertThat(s.openSessions()).as("logged out as each target is done")
                    .isZero());
        }
        assertThat(reports).extracting(TargetReport::target).containsExactly("in-sync", "unlinked", "extra-groups",
                "lost-answer", "other-domain", "changed-certificate", "unreachable");
        assertThat(reports).filteredOn(TargetReport::converged).extracting(TargetReport::target)
                .containsExactly("in-sync", "unlinked", "extra-groups", "lost-answer");
        assertThat(unlinked.links()).singleElement().satisfies(l -> assertThat(l.displayName()).isEqualTo("vsphere.local"));
        assertThat(unlinked.administrators()).containsExactly("ops@vsphere.local");
        assertThat(extraGroups.administrators()).containsExactlyInAnyOrder("ops@vsphere.local", "new@vsphere.local");
        assertThat(lostAnswer.links()).hasSize(1);
        assertThat(lostAnswer.faultsStruck()).containsValue(1L);
        assertThat(otherDomain.links()).singleElement().satisfies(l -> assertThat(l.displayName()).isEqualTo("vsphere.local"));
        assertThat(fleet.sims).allSatisfy(s -> assertThat(s.openSessions()).as("logged out").isZero());

        String everything = plans.toString() + reports;
        fleet.env.values().forEach(secret -> assertThat(everything).doesNotContain(secret));

        try (FleetSession again = fleet.session(dir)) {
            List<TargetPlan> second = again.plan();
            assertThat(second).filteredOn(p -> p.kind() == TargetPlan.Kind.CHANGES).isEmpty();
            assertThat(second).filteredOn(p -> p.kind() == TargetPlan.Kind.IN_SYNC).extracting(TargetPlan::target)
                    .containsExactly("in-sync", "unlinked", "extra-groups", "lost-answer");
        }
    }

    /** vSphere 6.7 refuses an unverified PSC certificate as INVALID_REQUEST, later releases as UNVERIFIED_PEER. */
    @Test
    void aPscCertificateThatIsNotTheOneInTheFileIsReportedWithTheThumbprintSeenOnEveryRelease() throws IOException {
        Simulator current = fleet.sim(Simulator.builder());
        Simulator old = fleet.sim(Simulator.builder().apiVersion(ApiVersion.V6_7));
        String otherThumbprint = GeneratedCertificate.builder("someone-else").build().sha256().toString();
        target("current", current, current, null);
        target("old", old, old, null);
        Files.writeString(dir.resolve("hlm.yaml"), fleet.yaml.toString().replaceAll(
                "psc-thumbprint: \"[0-9A-F:]+\"", "psc-thumbprint: \"" + otherThumbprint + "\""));
        fleet.yaml.setLength(0);
        fleet.yaml.append(Files.readString(dir.resolve("hlm.yaml")));

        List<TargetReport> reports;
        try (FleetSession session = fleet.session(dir)) {
            reports = session.apply(session.plan(), ApplyListener.NONE);
        }

        assertThat(reports).hasSize(2).allSatisfy(r -> assertThat(r.converged()).isFalse());
        assertThat(reports.get(0).error()).isEqualTo("the PSC's certificate is not verified; it presents SHA-256 "
                + current.pscCertificate().sha256() + ": check it, then set psc-thumbprint: "
                + current.pscCertificate().sha256() + " in the target's link");
        assertThat(reports.get(1).error()).isEqualTo("the PSC's certificate is not verified; it presents SHA-256 "
                + old.pscCertificate().sha256() + ": check it, then set psc-thumbprint: "
                + old.pscCertificate().sha256() + " in the target's link");
        assertThat(current.links()).isEmpty();
        assertThat(old.links()).isEmpty();
    }

    @Test
    void stateUnlinkedUnlinksAndStatusReportsEachTarget() throws IOException {
        Simulator linked = fleet.sim(Simulator.builder());
        SimulatedFleet.link(linked);
        Simulator healthy = fleet.sim(Simulator.builder());
        SimulatedFleet.link(healthy);
        Path ca = dir.resolve("ca.pem");
        Files.writeString(ca, linked.cloudCertificate().pem());
        fleet.env.put("PW", new String(linked.cloudAdminPassword()));
        fleet.env.put("PSC_PW", new String(linked.pscAdminPassword()));
        fleet.yaml.append(("""
                  - name: retire
                    server: %s
                    username: %s
                    password: env:PW
                    ca-cert: %s
                    state: unlinked
                    link:
                      psc-username: %s
                      psc-password: env:PSC_PW
                """).formatted(linked.cloudUrl().getAuthority(), linked.cloudAdminUsername(), ca, linked.pscAdminUsername()));
        target("healthy", healthy, healthy, null);
        Files.writeString(dir.resolve("hlm.yaml"), fleet.yaml);

        try (FleetSession session = fleet.session(dir)) {
            List<TargetStatus> before = session.status();
            assertThat(before).extracting(TargetStatus::health)
                    .containsExactly(TargetStatus.Health.UNHEALTHY, TargetStatus.Health.HEALTHY);
            assertThat(fleet.sims).allSatisfy(s -> assertThat(s.openSessions()).as("logged out once its health is read")
                    .isZero());
            List<TargetPlan> plans = session.plan();
            assertThat(planOf(plans, "retire").steps()).singleElement().isInstanceOf(Step.Unlink.class);
            assertThat(session.apply(plans, ApplyListener.NONE)).allMatch(TargetReport::converged);
            assertThat(linked.links()).isEmpty();
            healthy.stopPsc();
            assertThat(session.status()).extracting(TargetStatus::health)
                    .containsExactly(TargetStatus.Health.UNLINKED, TargetStatus.Health.UNHEALTHY);
        }
    }
}
