package dev.hlm.fleet;

import dev.hlm.api.CreateSpec;
import dev.hlm.client.HlmClient;
import dev.hlm.sim.Simulator;
import dev.hlm.sim.SimulatorBuilder;
import dev.hlm.testing.SimulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A fleet for the fleet library's tests: its simulators (closed together), the environment its file's password
 * references read, and the file's text, which each test writes its targets into.
 */
final class SimulatedFleet implements AutoCloseable {
    final List<Simulator> sims = new ArrayList<>();
    final Map<String, String> env = new HashMap<>();
    final StringBuilder yaml = new StringBuilder("targets:\n");

    Simulator sim(SimulatorBuilder builder) {
        Simulator sim = builder.build();
        sims.add(sim);
        return sim;
    }

    /** A session over the file as written so far, named {@code dir/hlm.yaml}, with its known hosts in {@code dir}. */
    FleetSession session(Path dir) {
        Fleet fleet = FleetFiles.parse(dir.resolve("hlm.yaml"), yaml.toString().getBytes(StandardCharsets.UTF_8));
        return new FleetSession(fleet, new TargetClients(dir.resolve("known_hosts"), UnaryOperator.identity()),
                new PasswordResolver(env, null), 4);
    }

    /** Links {@code sim} to its own PSC with {@code groups}, as a person would have before the fleet file. */
    static void link(Simulator sim, String... groups) {
        try (HlmClient vc = SimulatorExtension.clientOf(sim).build()) {
            vc.createLink(new CreateSpec(sim.pscHostname(), Integer.toString(sim.pscPort()), sim.domainName(),
                    sim.pscAdminUsername(), sim.pscAdminPassword(), sim.pscCertificate().sha256().toString(), null,
                    List.of(groups)));
        }
    }

    @Override
    public void close() {
        sims.forEach(Simulator::close);
    }
}
