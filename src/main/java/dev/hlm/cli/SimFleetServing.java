package dev.hlm.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.hlm.sim.Simulator;
import dev.hlm.sim.SimulatorBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code hlm sim --clouds N}: N simulated cloud vCenters, each a whole {@link Simulator} of its own (port, certificate,
 * PSC, links, administrators, faults and latency), with the same two accounts, and a fleet file that names them
 * all, so {@code hlm plan}, {@code apply} and {@code status} can be tried at once. The export line names the file
 * and the two passwords the file refers to.
 */
final class SimFleetServing {
    static final String PASSWORD_VARIABLE = "HLM_FLEET_PASSWORD";
    static final String PSC_PASSWORD_VARIABLE = "HLM_FLEET_PSC_PASSWORD";
    static final String FLEET_VARIABLE = "HLM_FLEET";
    static final String ADMIN_GROUP_PREFIX = "vmc-admins@";

    /**
     * PSC conversations run before the clouds start (Simulator.warmUp): about 1.5 s here. Without them, the first
     * creates of an apply of 1,000 at --parallel 64 ran cold and some gave up on their PSC (2 to 9 of 1,000 in
     * about half the runs); with them none did in three runs, the slowest create taking 4.5 s.
     */
    static final int WARM_UP_CONVERSATIONS = 30;

    private final SimCommand options;
    private final SimServing single;
    private final CliContext ctx;

    SimFleetServing(SimCommand options, SimServing single, CliContext ctx) {
        this.options = options;
        this.single = single;
        this.ctx = ctx;
    }

    static void validate(SimCommand options) {
        if (options.clouds < 1 || options.clouds > 1000) {
            throw CliException.usage("--clouds must be 1 to 1000, not " + options.clouds, null);
        }
        if (options.port != 0 || options.pscPort != 0) {
            throw CliException.usage("--port and --psc-port name one server; with --clouds each chooses its own",
                    "leave them out");
        }
    }

    int serve() throws IOException, InterruptedException {
        validate(options);
        // One builder, built N times: the same accounts (random once, or from the files once), and for each
        // build its own certificates and ports.
        SimulatorBuilder builder = single.builder();
        boolean temporary = options.stateDir == null || options.removeStateDir;
        Path dir = single.stateDirectory();
        List<Simulator> clouds = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        char[] password = null;
        char[] pscPassword = null;
        try {
            Simulator.warmUp(WARM_UP_CONVERSATIONS);
            for (int i = 0; i < options.clouds; i++) {
                clouds.add(SimServing.start(builder));
            }
            password = clouds.get(0).cloudAdminPassword();
            pscPassword = clouds.get(0).pscAdminPassword();
            Path fleet = options.fleetFile != null ? options.fleetFile : dir.resolve("hlm.yaml");
            writeFleetFile(fleet, dir, clouds);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                clouds.forEach(Simulator::close);
                if (temporary) {
                    SimServing.deleteQuietly(dir);
                }
                stopped.countDown();
            }, "hlm-sim-shutdown"));
            ctx.out().println("export " + FLEET_VARIABLE + "=" + SimServing.quote(fleet.toAbsolutePath().toString())
                    + " " + PASSWORD_VARIABLE + "=" + SimServing.quote(new String(password))
                    + " " + PSC_PASSWORD_VARIABLE + "=" + SimServing.quote(new String(pscPassword)));
            ctx.out().flush();
            ctx.err().println("hlm sim: " + clouds.size() + " cloud vCenters (" + clouds.get(0).apiVersion() + "), each with "
                    + "its own PSC, on 127.0.0.1 ports " + clouds.get(0).cloudPort() + " ...; fleet file " + fleet
                    + "; Ctrl-C to stop");
            ctx.err().flush();
            stopped.await();
        } catch (RuntimeException e) {
            clouds.forEach(Simulator::close);
            throw e;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
                Arrays.fill(pscPassword, '\0');
            }
            if (temporary) {
                SimServing.deleteQuietly(dir);
            }
        }
        return 0;
    }

    private String pscUser() {
        return options.pscUsername == null ? "administrator@" + options.domainName : options.pscUsername;
    }

    /**
     * The fleet file: every cloud as a target (sddc-01, ...) trusting its own CA file, linked to its own PSC
     * (pinned by thumbprint) with one administrator group; the passwords by reference to the export line's variables.
     */
    private void writeFleetFile(Path fleet, Path dir, List<Simulator> clouds) throws IOException {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("domain-name", options.domainName);
        link.put("psc-username", pscUser());
        link.put("psc-password", "env:" + PSC_PASSWORD_VARIABLE);
        link.put("admin-groups", List.of(ADMIN_GROUP_PREFIX + options.domainName));
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("username", options.username);
        defaults.put("password", "env:" + PASSWORD_VARIABLE);
        defaults.put("link", link);
        List<Map<String, Object>> targets = new ArrayList<>();
        int digits = Math.max(2, String.valueOf(clouds.size()).length());
        for (int i = 0; i < clouds.size(); i++) {
            Simulator sim = clouds.get(i);
            String name = String.format("sddc-%0" + digits + "d", i + 1);
            Path ca = dir.resolve(name + "-ca.pem");
            Files.writeString(ca, sim.cloudCertificate().pem());
            Map<String, Object> targetLink = new LinkedHashMap<>();
            targetLink.put("psc-hostname", sim.pscHostname());
            targetLink.put("psc-port", sim.pscPort());
            targetLink.put("psc-thumbprint", sim.pscCertificate().sha256().toString());
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("name", name);
            target.put("server", sim.cloudUrl().getAuthority());
            target.put("ca-cert", ca.toAbsolutePath().toString());
            target.put("link", targetLink);
            targets.add(target);
        }
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("defaults", defaults);
        file.put("targets", targets);
        ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());
        Path parent = fleet.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(fleet, "# The fleet of 'hlm sim --clouds " + clouds.size() + "': try hlm plan, hlm apply, "
                + "hlm status.\n" + yaml.writeValueAsString(file));
    }
}
