package dev.hlm.cli;

import dev.hlm.api.CreateSpec;
import dev.hlm.api.Info;
import dev.hlm.api.Summary;
import dev.hlm.client.HlmClient;
import dev.hlm.client.SafeText;
import dev.hlm.fleet.DesiredLink;
import dev.hlm.fleet.Fleet;
import dev.hlm.fleet.FleetSession;
import dev.hlm.fleet.FleetTarget;
import dev.hlm.fleet.PasswordResolver;
import dev.hlm.fleet.SecretRef;
import dev.hlm.fleet.TargetClients;
import dev.hlm.fleet.TargetPlan;
import dev.hlm.fleet.TargetReport;
import dev.hlm.fleet.TargetStatus;
import dev.hlm.fleet.TargetTrust;
import dev.hlm.sim.ApiVersion;
import dev.hlm.sim.Simulator;
import dev.hlm.tls.TrustPolicy;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hlm demo}: starts the simulator in this process and walks through a user's whole session, one
 * printed step at a time: login, link, list, health, admin groups, unlink, logout.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Show Hybrid Linked Mode end to end against the built-in simulator: no vCenter needed.")
public final class DemoCommand implements Callable<Integer> {
    private static final String GROUP = "vmc-admins@corp.local";

    private final CliContext ctx;
    private int step;
    private int steps;

    @Option(names = "--api-version", paramLabel = "VERSION", defaultValue = "8.0.1",
            description = "vSphere API the simulator plays: 6.7, 7.0.2, 8.0.1, 9.0 or 9.1 (no HLM API) (default: ${DEFAULT-VALUE})")
    String apiVersion;

    public DemoCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ApiVersion version;
        try {
            version = ApiVersion.parse(apiVersion);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage(), null);
        }
        if (!version.hasHlm()) {
            throw CliException.usage("vSphere " + version + " has no Hybrid Linked Mode API, so there is nothing to link",
                    "see every command refuse it with 'hlm sim --api-version " + version + "', or run the demo on 9.0");
        }
        PrintWriter out = ctx.out();
        steps = (version.hasLinkGet() ? 8 : 7) + FLEET_STEPS;
        try (Simulator sim = Simulator.builder().apiVersion(version).build()) {
            out.println("Simulated cloud vCenter " + version + " at " + sim.cloudUrl() + " and on-prem PSC at "
                    + sim.pscHostname() + ":" + sim.pscPort() + " (SSO domain " + sim.domainName() + ").");
            out.println();
            HlmClient vc = HlmClient.builder()
                    .server(sim.cloudUrl())
                    .username(sim.cloudAdminUsername())
                    .password(sim.cloudAdminPassword())
                    .trust(TrustPolicy.certificates(List.of(sim.cloudCertificate().certificate())))
                    .build();
            try {
                step("login as " + sim.cloudAdminUsername(), () -> {
                    vc.login();
                    return "session open over " + vc.flavor().orElseThrow().label();
                });
                CreateSpec spec = new CreateSpec(sim.pscHostname(), String.valueOf(sim.pscPort()), sim.domainName(),
                        sim.pscAdminUsername(), sim.pscAdminPassword(), sim.pscCertificate().sha256().toString(),
                        null, null);
                String id = step("link create: link " + sim.domainName() + " through PSC " + sim.pscHostname() + ":"
                        + sim.pscPort() + ", pinning its certificate", () -> vc.createLink(spec).id());
                step("link list", () -> {
                    List<Summary> links = vc.listLinks();
                    return links.size() + " link: " + links.get(0).link() + " (" + links.get(0).displayName() + ")";
                });
                if (version.hasLinkGet()) {
                    step("link get " + id, () -> {
                        Info info = vc.getLink(id);
                        return "connection health " + info.connectionHealthStatus();
                    });
                }
                step("admin add " + GROUP, () -> {
                    vc.addAdministrator(GROUP);
                    return "added";
                });
                step("admin list", () -> String.join(", ", vc.administrators()));
                step("link delete " + id, () -> {
                    vc.deleteLink(id, Optional.empty());
                    return "unlinked; " + vc.listLinks().size() + " links left";
                });
            } finally {
                step("logout", () -> {
                    vc.close();
                    return "session closed";
                });
            }
            out.println();
            fleet(version);
            out.println();
            out.println("Done. To drive the simulator yourself:");
            String hlm = SafeText.escape(ctx.program());
            out.println("  eval \"$(" + hlm + " sim --background)\"; " + hlm + " link create; " + hlm + " link list; "
                    + "kill $HLM_SIM_PID");
            out.println("  eval \"$(" + hlm + " sim --clouds 5 --background)\"; " + hlm + " plan; " + hlm
                    + " apply --yes; " + hlm + " status; kill $HLM_SIM_PID");
            out.println("Or in a browser, as on a vCenter: the API explorer of 'hlm sim' at $HLM_EXPLORER,");
            out.println("  here " + sim.explorerUrl() + " (README: \"The apiexplorer way\").");
            out.flush();
        }
        return 0;
    }

    /**
     * The fleet steps: {@value #FLEET_SIZE} more simulated SDDCs, each with its own PSC, kept linked from one fleet
     * (built here as the file would be read): plan, apply, plan again (empty), status.
     */
    private void fleet(ApiVersion version) {
        List<Simulator> clouds = new java.util.ArrayList<>();
        try {
            List<FleetTarget> targets = new java.util.ArrayList<>();
            Map<String, String> secrets = new java.util.HashMap<>();
            for (int i = 1; i <= FLEET_SIZE; i++) {
                Simulator sim = Simulator.builder().apiVersion(version).build();
                clouds.add(sim);
                secrets.put("PW_" + i, new String(sim.cloudAdminPassword()));
                secrets.put("PSC_PW_" + i, new String(sim.pscAdminPassword()));
                DesiredLink link = new DesiredLink(sim.pscHostname(), sim.pscPort(), sim.domainName(),
                        sim.pscAdminUsername(), new SecretRef.FromEnv("PSC_PW_" + i),
                        Optional.of(sim.pscCertificate().sha256().toString()), Optional.empty(), java.util.Set.of(GROUP));
                targets.add(new FleetTarget("sddc-0" + i, sim.cloudUrl().getAuthority(), sim.cloudAdminUsername(),
                        new SecretRef.FromEnv("PW_" + i), new TargetTrust(Optional.empty(),
                                Optional.of(sim.cloudCertificate().sha256().toString()), false, Optional.empty()),
                        Optional.of(link), Optional.empty()));
            }
            ctx.out().println("A fleet: " + FLEET_SIZE + " more simulated SDDCs, each with its own PSC, kept linked from "
                    + "one fleet file (hlm plan, hlm apply, hlm status).");
            Fleet fleet = new Fleet(java.nio.file.Path.of("hlm.yaml"), targets);
            try (FleetSession session = new FleetSession(fleet, new TargetClients(null, b -> b),
                    new PasswordResolver(secrets, null), FLEET_SIZE)) {
                List<TargetPlan> plans = new java.util.ArrayList<>();
                step("plan: read every SDDC at once", () -> {
                    plans.addAll(session.plan());
                    return plans.stream().filter(p -> p.kind() == TargetPlan.Kind.CHANGES).count() + " to change";
                });
                step("apply: link each SDDC with " + GROUP + " as its administrators", () -> {
                    List<TargetReport> reports = session.apply(plans, dev.hlm.fleet.ApplyListener.NONE);
                    return reports.stream().filter(TargetReport::converged).count() + " of " + reports.size() + " converged";
                });
                step("plan again, and status", () -> {
                    long changes = session.plan().stream().filter(p -> p.kind() != TargetPlan.Kind.IN_SYNC).count();
                    long healthy = session.status().stream().filter(TargetStatus::ok).count();
                    return changes + " to change; " + healthy + " of " + FLEET_SIZE + " healthy"
                            + (version.hasLinkGet() ? "" : " (health needs 8.0U1: unknown)");
                });
            }
        } finally {
            clouds.forEach(Simulator::close);
        }
    }

    static final int FLEET_SIZE = 3;
    static final int FLEET_STEPS = 3;

    private <T> T step(String what, Supplier<T> action) {
        PrintWriter out = ctx.out();
        out.printf("[%d/%d] %s ... ", ++step, steps, what);
        out.flush();
        T result = action.get();
        out.println(result);
        out.flush();
        return result;
    }
}
