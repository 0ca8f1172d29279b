package dev.hlm.cli;

import dev.hlm.api.CreateSpec;
import dev.hlm.api.Info;
import dev.hlm.api.Summary;
import dev.hlm.client.HlmClient;
import dev.hlm.sim.ApiVersion;
import dev.hlm.sim.Simulator;
import dev.hlm.tls.TrustPolicy;
import java.util.Optional;
import java.io.PrintWriter;
import java.util.List;
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
            description = "vSphere API the simulator plays: 6.7, 7.0.2, 8.0.1 or 9.0 (default: ${DEFAULT-VALUE})")
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
        PrintWriter out = ctx.out();
        steps = version.hasLinkGet() ? 8 : 7;
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
            out.println("Done. To drive the simulator yourself:");
            out.println("  eval \"$(./hlm sim --background)\"; ./hlm link create; ./hlm link list; kill $HLM_SIM_PID");
            out.println("Or in a browser, as on a vCenter: the API explorer of 'hlm sim' at $HLM_EXPLORER,");
            out.println("  here " + sim.explorerUrl() + " (README: \"The apiexplorer way\").");
            out.flush();
        }
        return 0;
    }

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
