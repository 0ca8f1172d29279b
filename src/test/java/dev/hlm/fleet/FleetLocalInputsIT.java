package dev.hlm.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.api.Json;
import dev.hlm.sim.ApiVersion;
import dev.hlm.sim.RecordedRequest;
import dev.hlm.sim.Simulator;
import dev.hlm.tls.GeneratedCertificate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a fleet run takes from the local machine, read when the run needs it and reported the way the command line
 * reports it: a monitoring host that runs {@code hlm status} holds the cloud passwords only, never the on-prem SSO
 * administrator's; the PSC's password and certificate file are read for a create alone, before anything is sent;
 * a file that cannot be read says why.
 */
class FleetLocalInputsIT {
    @TempDir
    Path dir;

    private final SimulatedFleet fleet = new SimulatedFleet();

    @AfterEach
    void stop() {
        fleet.close();
    }

    private Simulator sim(ApiVersion version) {
        return fleet.sim(Simulator.builder().apiVersion(version));
    }

    /**
     * A target for {@code sim}, to be linked to its own PSC, whose password is in {@code PSC_name} unless
     * {@code pscPasswordSet} is false; {@code trust} and {@code pscLines} as the test needs.
     */
    private void target(String name, Simulator sim, String trust, boolean pscPasswordSet, String... pscLines)
            throws IOException {
        Path ca = Files.writeString(dir.resolve(name + "-ca.pem"), sim.cloudCertificate().pem());
        fleet.env.put("PW_" + name, new String(sim.cloudAdminPassword()));
        if (pscPasswordSet) {
            fleet.env.put("PSC_" + name, new String(sim.pscAdminPassword()));
        }
        fleet.yaml.append("  - name: ").append(name).append('\n')
                .append("    server: ").append(sim.cloudUrl().getAuthority()).append('\n')
                .append("    username: ").append(sim.cloudAdminUsername()).append('\n')
                .append("    password: env:PW_").append(name).append('\n')
                .append("    ").append(trust == null ? "ca-cert: " + ca : trust).append('\n')
                .append("    link:\n")
                .append("      psc-hostname: ").append(sim.pscHostname()).append('\n')
                .append("      psc-port: ").append(sim.pscPort()).append('\n')
                .append("      domain-name: ").append(sim.domainName()).append('\n')
                .append("      psc-username: ").append(sim.pscAdminUsername()).append('\n')
                .append("      psc-password: env:PSC_").append(name).append('\n');
        for (String line : pscLines) {
            fleet.yaml.append("      ").append(line).append('\n');
        }
    }

    private static List<RecordedRequest> creates(Simulator sim) {
        return sim.requests().stream().filter(r -> r.method().equals("POST") && r.path().endsWith("/hvc/links")).toList();
    }

    @Test
    void statusAndPlanReadTheTargetsWithoutTheOnPremPasswordThatOnlyACreateNeeds() throws IOException {
        Simulator linked = sim(ApiVersion.V8_0_1);
        Simulator unlinked = sim(ApiVersion.V8_0_1);
        SimulatedFleet.link(linked);
        String thumbprint = "psc-thumbprint: \"" + unlinked.pscCertificate().sha256() + "\"";
        target("linked", linked, null, false, "psc-thumbprint: \"" + linked.pscCertificate().sha256() + "\"");
        target("unlinked", unlinked, null, false, thumbprint);

        try (FleetSession session = fleet.session(dir)) {
            assertThat(session.status()).extracting(TargetStatus::health)
                    .containsExactly(TargetStatus.Health.HEALTHY, TargetStatus.Health.UNHEALTHY);
            List<TargetPlan> plans = session.plan();
            assertThat(plans).extracting(TargetPlan::kind).containsExactly(TargetPlan.Kind.IN_SYNC, TargetPlan.Kind.CHANGES);
            assertThat(plans.get(1).steps()).singleElement().isInstanceOf(Step.CreateLink.class);

            List<TargetReport> reports = session.apply(plans, ApplyListener.NONE);

            assertThat(reports.get(0).converged()).isTrue();
            TargetReport failed = reports.get(1);
            assertThat(failed.converged()).isFalse();
            assertThat(failed.done()).isEmpty();
            assertThat(failed.error()).isEqualTo("the PSC password of " + unlinked.pscAdminUsername()
                    + " for unlinked comes from env:PSC_unlinked, which is not set");
        }
        assertThat(unlinked.links()).isEmpty();
        assertThat(creates(unlinked)).isEmpty();
    }

    @Test
    void aPscCertificateFileIsReadAndCheckedBeforeTheCreateAndItsLeafSentAsTheCommandLineSendsIt() throws IOException {
        Simulator good = sim(ApiVersion.V9_0);
        Simulator missing = sim(ApiVersion.V9_0);
        Simulator garbage = sim(ApiVersion.V9_0);
        Simulator other = sim(ApiVersion.V9_0);
        Path goodPem = Files.writeString(dir.resolve("good-psc.pem"), good.pscCertificate().pem()
                + GeneratedCertificate.builder("issuer").build().pem()); // a chain: its first certificate is the PSC's
        Path none = dir.resolve("none.pem");
        Path garbagePem = Files.writeString(dir.resolve("garbage.pem"), "not a certificate\n");
        String otherSha = GeneratedCertificate.builder("someone-else").build().sha256().toString();
        Path otherPem = Files.writeString(dir.resolve("other.pem"), other.pscCertificate().pem());
        target("good", good, null, true, "psc-certificate: " + goodPem);
        target("missing", missing, null, true, "psc-certificate: " + none);
        target("garbage", garbage, null, true, "psc-certificate: " + garbagePem);
        target("other", other, null, true, "psc-certificate: " + otherPem, "psc-thumbprint: \"" + otherSha + "\"");

        List<TargetReport> reports;
        try (FleetSession session = fleet.session(dir)) {
            reports = session.apply(session.plan(), ApplyListener.NONE);
        }

        assertThat(reports.get(0).error()).isNull();
        assertThat(good.links()).hasSize(1);
        var sent = Json.mapper().readTree(creates(good).get(0).body());
        var spec = sent.has("spec") ? sent.get("spec") : sent; // /rest wraps the spec, /api does not
        assertThat(spec.path("ssl_certificate").asText()).isEqualTo(good.pscCertificate().pem());
        assertThat(spec.has("ssl_thumbprint")).as("the certificate says all a thumbprint says").isFalse();

        assertThat(reports.get(1).error()).isEqualTo("psc-certificate " + none + " does not exist");
        assertThat(reports.get(2).error()).startsWith("psc-certificate " + garbagePem + ": ");
        assertThat(reports.get(3).error()).isEqualTo("psc-certificate " + otherPem + " (SHA-256 "
                + other.pscCertificate().sha256() + ") is not the certificate of psc-thumbprint " + otherSha);
        for (Simulator s : List.of(missing, garbage, other)) {
            assertThat(creates(s)).as("nothing sent for a certificate file that failed").isEmpty();
        }
    }

    @Test
    void aCaCertThatCannotBeReadSaysWhy() throws IOException {
        Simulator a = sim(ApiVersion.V8_0_1);
        Simulator b = sim(ApiVersion.V8_0_1);
        Path none = dir.resolve("none.pem");
        Path folder = Files.createDirectories(dir.resolve("certs"));
        target("missing", a, "ca-cert: " + none, true);
        target("folder", b, "ca-cert: " + folder, true);

        List<TargetPlan> plans;
        try (FleetSession session = fleet.session(dir)) {
            plans = session.plan();
        }

        assertThat(plans).extracting(TargetPlan::kind).containsOnly(TargetPlan.Kind.UNKNOWN);
        assertThat(plans.get(0).reason()).isEqualTo("ca-cert " + none + " does not exist");
        assertThat(plans.get(1).reason()).isEqualTo("ca-cert " + folder + " cannot be read: it is a directory");
        assertThat(a.requests()).isEmpty();
        assertThat(b.requests()).isEmpty();
    }
}
