package dev.hlm.cli;

import dev.hlm.sim.ApiVersion;
import dev.hlm.sim.Role;
import dev.hlm.sim.Simulator;
import dev.hlm.sim.SimulatorBuilder;
import dev.hlm.sim.UserForm;
import dev.hlm.sim.fault.Fault;
import dev.hlm.tls.HostNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The simulator side of {@code hlm sim}: builds a {@link Simulator} from the command's options, writes its
 * certificates, prints the export line and serves until the process is stopped; {@link SimCommand} holds
 * only the options. That keeps simulator types out of the command's methods, which picocli reflects over
 * whenever it builds the command: for {@code hlm --help} and mistakes, which build every command
 * ({@link Startup#commandsFor}), a simulator type there would load simulator classes.
 */
final class SimServing {
    private final SimCommand options;
    private final CliContext ctx;

    SimServing(SimCommand options, CliContext ctx) {
        this.options = options;
        this.ctx = ctx;
    }

    /** Checks the options (exit 2 when one is wrong) without starting anything. */
    void validate() {
        builder();
        if (options.clouds != 1 || options.fleetFile != null) {
            SimFleetServing.validate(options);
        }
    }

    int serve() throws IOException, InterruptedException {
        SimulatorBuilder builder = builder();
        // A directory --background made for its child is temporary too: the child removes it, log and all,
        // once it served. When it cannot start, the parent reads the log in it first, then removes it.
        boolean temporary = options.stateDir == null || options.removeStateDir;
        Path dir = stateDirectory();
        Simulator started;
        try {
            started = start(builder);
        } catch (RuntimeException e) {
            if (options.stateDir == null) {
                deleteQuietly(dir);
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (Simulator sim = started) {
            Path caFile = dir.resolve("vcenter-ca.pem");
            Files.writeString(caFile, sim.cloudCertificate().pem());
            Files.writeString(dir.resolve("psc.pem"), sim.pscCertificate().pem());
            Thread hook = new Thread(() -> {
                sim.close();
                if (temporary) {
                    deleteQuietly(dir);
                }
                stopped.countDown();
            }, "hlm-sim-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            ctx.out().println(exportLine(sim, caFile));
            ctx.out().flush();
            ctx.err().println("hlm sim: cloud vCenter (" + sim.apiVersion() + ", " + options.role + ") at "
                    + sim.cloudUrl() + ", PSC at " + sim.pscHostname() + ":" + sim.pscPort()
                    + (options.latency.isZero() ? "" : ", answering " + options.latency.toMillis() + " ms late")
                    + (options.pscLatency.isZero() ? "" : ", the PSC " + options.pscLatency.toMillis() + " ms late")
                    + "; Ctrl-C to stop");
            ctx.err().println("hlm sim: API explorer at " + sim.explorerUrl() + " (log in as " + sim.cloudAdminUsername()
                    + " with $HLM_PASSWORD)");
            if (!options.faults.isEmpty()) {
                ctx.err().println("hlm sim: injecting faults: " + options.faults
                        + (options.seed == null ? "" : " (seed " + options.seed + ")"));
            }
            ctx.err().flush();
            stopped.await();
        } finally {
            if (temporary) {
                deleteQuietly(dir);
            }
        }
        return 0;
    }

    SimulatorBuilder builder() {
        ApiVersion version;
        Role simRole;
        try {
            version = ApiVersion.parse(options.apiVersion);
            simRole = Role.parse(options.role);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage(), null);
        }
        checkPort("--port", options.port);
        checkPort("--psc-port", options.pscPort);
        String domainProblem = options.domainName.isBlank() ? null : HostNames.domainProblem(options.domainName);
        if (domainProblem != null) {
            // A domain 'hlm link create' would refuse to send.
            throw CliException.usage("--domain-name " + domainProblem, "an SSO domain is a DNS-style name, e.g. vsphere.local");
        }
        SimulatorBuilder b;
        try {
            b = Simulator.builder()
                    .apiVersion(version)
                    .role(simRole)
                    .cloudPort(options.port)
                    .pscPort(options.pscPort)
                    .domainName(options.domainName)
                    .linkDelay(options.linkDelay)
                    .sessionIdleTimeout(options.sessionTimeout)
                    .clockOffset(options.clockOffset)
                    .pscClockOffset(options.pscClockOffset)
                    .latency(options.latency)
                    .pscLatency(options.pscLatency);
        } catch (IllegalArgumentException e) {
            // A negative --link-delay, --latency or --psc-latency, a zero --session-timeout, a blank --domain-name.
            throw CliException.usage(e.getMessage(), "see 'hlm sim --help'");
        }
        try {
            b.pscUserForm(UserForm.parse(options.pscUserForm));
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--psc-user-form: " + e.getMessage(), "e.g. --psc-user-form down-level");
        }
        if (options.pscVersion != null) {
            try {
                b.pscVersion(options.pscVersion);
            } catch (IllegalArgumentException e) {
                throw CliException.usage("--psc-version: " + e.getMessage(), "e.g. --psc-version 6.5.0");
            }
        }
        b.fault(options.faults.toArray(Fault[]::new));
        if (options.seed != null) {
            b.seed(options.seed);
        }
        String pscUser = options.pscUsername == null ? "administrator@" + options.domainName : options.pscUsername;
        try {
            b.cloudAdmin(options.username,
                    options.passwordFile == null ? null : secretFrom("--password-file", options.passwordFile));
            b.pscAdmin(pscUser, options.pscPasswordFile == null ? null
                    : secretFrom("--psc-password-file", options.pscPasswordFile));
        } catch (IllegalArgumentException e) {
            // A blank --username or --psc-username.
            throw CliException.usage(e.getMessage(), "see 'hlm sim --help'");
        }
        return b;
    }

    /** The --state-dir, made if need be (exit 2 when it cannot be), or else a new temporary directory. */
    Path stateDirectory() throws IOException {
        if (options.stateDir == null) {
            return Files.createTempDirectory("hlm-sim-");
        }
        try {
            return Files.createDirectories(options.stateDir);
        } catch (IOException e) {
            throw CliException.usage("--state-dir " + options.stateDir + " cannot be used as a directory ("
                    + e.getClass().getSimpleName().replace("Exception", "") + ")", "give a directory hlm may write to");
        }
    }

    /** Binds both ports; one already taken is the user's to change, not a bug. */
    static Simulator start(SimulatorBuilder builder) {
        try {
            return builder.build();
        } catch (java.io.UncheckedIOException e) {
            throw new CliException(ExitCodes.USAGE, "USAGE", e.getMessage(),
                    "choose another --port or --psc-port, or 0 to let the system choose a free one");
        }
    }

    private char[] secretFrom(String flag, Path file) {
        return Secrets.fromFile(ctx, flag, file);
    }

    private static void checkPort(String flag, int value) {
        if (value < 0 || value > 65535) {
            throw CliException.usage(flag + " " + value + " is not a port (0 to 65535; 0 lets the system choose)", null);
        }
    }

    /** The variables a shell gets from {@code eval}: what every {@code hlm} command falls back to. */
    public static Map<String, String> environment(Simulator sim, Path caFile) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HLM_SERVER", sim.cloudUrl().toString());
        env.put("HLM_CA_CERT", caFile.toAbsolutePath().toString());
        env.put("HLM_USERNAME", sim.cloudAdminUsername());
        env.put("HLM_PASSWORD", new String(sim.cloudAdminPassword()));
        env.put("HLM_PSC_HOSTNAME", sim.pscHostname());
        env.put("HLM_PSC_PORT", String.valueOf(sim.pscPort()));
        env.put("HLM_PSC_THUMBPRINT", sim.pscCertificate().sha256().toString());
        env.put("HLM_PSC_USERNAME", sim.pscAdminUsername());
        env.put("HLM_PSC_PASSWORD", new String(sim.pscAdminPassword()));
        env.put("HLM_DOMAIN_NAME", sim.domainName());
        // For a browser, not for hlm: the apiexplorer, where HLM_USERNAME and HLM_PASSWORD log in.
        env.put("HLM_EXPLORER", sim.explorerUrl().toString());
        return env;
    }

    /** The line for {@code eval}: every value shell-quoted. */
    static String exportLine(Simulator sim, Path caFile) {
        StringBuilder line = new StringBuilder("export");
        environment(sim, caFile).forEach((k, v) -> line.append(' ').append(k).append('=').append(quote(v)));
        return line.toString();
    }

    /** Single-quotes a value for POSIX shells unless it is plainly safe. */
    static String quote(String value) {
        if (value.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }
}
