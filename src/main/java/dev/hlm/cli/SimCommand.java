package dev.hlm.cli;

import dev.hlm.sim.fault.Fault;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hlm sim}: a simulated cloud vCenter and on-prem PSC on loopback, each over HTTPS with its own
 * certificate. Prints one {@code export ...} line with everything {@code hlm link create} needs, then serves
 * until interrupted; with {@code --background} it hands the serving to a child process and exits, so
 * {@code eval "$(hlm sim --background)"} works.
 */
@Command(name = "sim", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Run a simulated cloud vCenter and on-prem PSC on 127.0.0.1 over HTTPS.",
            "Prints one line for the shell: export HLM_SERVER=... HLM_CA_CERT=... HLM_USERNAME=... HLM_PASSWORD=... "
                    + "HLM_PSC_*=... HLM_DOMAIN_NAME=... HLM_EXPLORER=... Then serves until interrupted (Ctrl-C).",
            "HLM_EXPLORER is the vCenter's API explorer, for a browser: log in there with HLM_USERNAME and HLM_PASSWORD.",
            "The printed passwords are the simulator's own accounts, random unless given.",
            "It speaks REST (/api and /rest) and, from 7.0.2 on, the vAPI JSON-RPC of the official SDKs on POST /api.",
            "  eval \"$(hlm sim --background)\"; hlm link create; kill $HLM_SIM_PID",
        },
        footerHeading = "%nFaults: --fault ROUTE:ACTION[,every=N][,p=P][,times=N]%n",
        footer = {
            "  ROUTE   login logout create list get delete admin-list admin-set admin-add",
            "          admin-remove admin (all four) version any",
            "  ACTION  error=ERROR_TYPE   that vAPI error, e.g. SERVICE_UNAVAILABLE; no change",
            "          latency=DURATION   answer late",
            "          stall[=DURATION]   change made, headers sent, body held back",
            "          trickle=DURATION   change made, body sent one byte per DURATION",
            "          drop=before|after  connection closed before / after the change",
            "          body=KIND          change made, body spoiled; KIND is one of",
            "                             empty text html truncated wrong-types huge",
            "          status=CODE        an HTML page, 3xx a redirect; no change",
            "          expire             the caller's session ends: UNAUTHENTICATED",
            "  every=N every N-th call of the route; p=P with probability P (see --seed);",
            "  times=N at most N times. Faults apply to the cloud vCenter, not the PSC.",
            "  e.g. --fault create:drop=after --fault list:latency=2s,every=3",
        })
public final class SimCommand implements Callable<Integer> {
    /** JVM options that belong to one JVM: debugger and agents, JMX. */
    private static final Pattern SINGLE_JVM_OPTIONS = Pattern.compile("-agentlib:|-agentpath:|-javaagent:|-Xrunjdwp|-Xdebug|-Dcom\\.sun\\.management\\.");

    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    @Option(names = "--api-version", paramLabel = "VERSION", defaultValue = "8.0.1",
            description = "vSphere API to play: 6.7, 7.0.2, 8.0.1, 9.0 or 9.1 (no HLM API) (default: ${DEFAULT-VALUE})")
    String apiVersion;

    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "cloud-vcenter",
            description = "cloud-vcenter or gateway: a vCenter Cloud Gateway, which names itself in the version "
                    + "endpoint's product and takes a create without thumbprint (default: ${DEFAULT-VALUE})")
    String role;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "Port of the cloud vCenter (default: chosen by the system)")
    int port;

    @Option(names = "--psc-port", paramLabel = "PORT", defaultValue = "0",
            description = "Port of the PSC (default: chosen by the system)")
    int pscPort;

    @Option(names = "--username", paramLabel = "USER", defaultValue = "cloudadmin@vmc.local",
            description = "Cloud administrator account (default: ${DEFAULT-VALUE})")
    String username;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Its password, from the first line of FILE (default: random)")
    Path passwordFile;

    @Option(names = "--psc-username", paramLabel = "USER",
            description = "On-prem SSO administrator (default: administrator@DOMAIN)")
    String pscUsername;

    @Option(names = "--psc-password-file", paramLabel = "FILE",
            description = "Its password, from the first line of FILE (default: random)")
    Path pscPasswordFile;

    @Option(names = "--domain-name", paramLabel = "DOMAIN", defaultValue = "vsphere.local",
            description = "SSO domain of the PSC (default: ${DEFAULT-VALUE})")
    String domainName;

    @Option(names = "--link-delay", paramLabel = "DURATION", defaultValue = "0s",
            converter = Durations.LinkDelay.class,
            description = "How long a create takes, as real links take minutes, e.g. 5s; 0s to 1h (default: ${DEFAULT-VALUE})")
    Duration linkDelay;

    @Option(names = "--session-timeout", paramLabel = "DURATION", defaultValue = "30m",
            converter = Durations.SessionTimeout.class,
            description = "Idle time after which a session expires, 1s to 24h (default: ${DEFAULT-VALUE})")
    Duration sessionTimeout;

    @Option(names = "--latency", paramLabel = "DURATION", defaultValue = "0ms",
            converter = Durations.Latency.class,
            description = "Answer every request of the cloud vCenter this much later, as a distant one would, "
                    + "e.g. 50ms (a unit is needed), up to 10m; the PSC answers at once (default: ${DEFAULT-VALUE})")
    Duration latency;

    @Option(names = "--psc-latency", paramLabel = "DURATION", defaultValue = "0ms",
            converter = Durations.Latency.class,
            description = "Answer every request and TLS handshake of the PSC this much later: a PSC far from the "
                    + "cloud vCenter and from 'hlm link check', e.g. 200ms, up to 10m (default: ${DEFAULT-VALUE})")
    Duration pscLatency;

    @Option(names = "--clock-offset", paramLabel = "DURATION", defaultValue = "0s",
            converter = Durations.ClockOffset.class,
            description = "Run the cloud vCenter's clock off by this, e.g. 15m or -2m, for clock-skew checks; -24h to 24h")
    Duration clockOffset;

    @Option(names = "--psc-clock-offset", paramLabel = "DURATION", defaultValue = "0s",
            converter = Durations.ClockOffset.class,
            description = "Run the PSC's clock off by this, e.g. 15m, for clock-skew checks; -24h to 24h")
    Duration pscClockOffset;

    @Option(names = "--psc-user-form", paramLabel = "upn|down-level", defaultValue = "upn",
            description = "How the PSC names a session's user: administrator@vsphere.local (upn), or "
                    + "VSPHERE.LOCAL\\administrator (down-level), as many real vCenters do (default: ${DEFAULT-VALUE})")
    String pscUserForm;

    @Option(names = "--psc-version", paramLabel = "VERSION",
            description = "Release the PSC reports, e.g. 6.5.0 for one too old for HLM (create then fails "
                    + "UNSUPPORTED); before 7.0.2 it speaks only /rest (default: the --api-version)")
    String pscVersion;

    @Option(names = "--fault", paramLabel = "SPEC", converter = FaultConverter.class,
            description = "Misbehave as real vCenters do, e.g. create:drop=after or list:latency=2s,every=3; "
                    + "repeatable; the grammar is below")
    List<Fault> faults = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed for the faults' random draws (p=), so a run that sends the same calls meets the same faults")
    Long seed;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where to write the certificate files, and with --background the log (default: a "
                    + "temporary directory removed on exit)")
    Path stateDir;

    @Option(names = "--background",
            description = "Serve from a child process and exit once it is ready; the line adds HLM_SIM_PID. "
                    + "Its log is sim.log in the state directory")
    boolean background;

    @Option(names = "--clouds", paramLabel = "N", defaultValue = "1",
            description = "Serve N simulated cloud vCenters, 1 to 1000, each with its own port, certificate, PSC, links "
                    + "and administrators (same accounts), and write a fleet file for them; the line then exports "
                    + "HLM_FLEET and the fleet's two passwords, for hlm plan, apply and status (default: 1)")
    int clouds;

    @Option(names = "--fleet-file", paramLabel = "PATH",
            description = "With --clouds: where to write the fleet file (default: hlm.yaml in the state directory)")
    Path fleetFile;

    /** Set by --background on its child: the state directory the parent made is the child's to remove. */
    @Option(names = "--remove-state-dir", hidden = true)
    boolean removeStateDir;

    public SimCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        if (background) {
            return startInBackground();
        }
        SimServing serving = new SimServing(this, ctx);
        return servesOneCloud() ? serving.serve() : new SimFleetServing(this, serving, ctx).serve();
    }

    /**
     * Re-runs this command without --background as a child, relays its export line, and leaves it serving.
     * The child's stderr goes to {@code sim.log} in the state directory, made here for that: a temporary one
     * (unless --state-dir) that the child removes, log included, when it stops.
     */
    private int startInBackground() throws IOException, InterruptedException {
        SimServing serving = new SimServing(this, ctx);
        serving.validate(); // here, where the user sees the error
        boolean temporary = stateDir == null;
        Path dir = serving.stateDirectory();
        Path log = dir.resolve("sim.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        // The JVM options this run had (the launcher's, HLM_JAVA_OPTS) are the child's too, but for a debugger,
        // an agent or a JMX port: two JVMs cannot both bind one port, a suspended child would never print its
        // line, and JAVA_TOOL_OPTIONS reaches the child through the environment anyway.
        List<String> command = new ArrayList<>(List.of(java));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> !SINGLE_JVM_OPTIONS.matcher(option).lookingAt())
                .forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(argsWithoutBackground());
        if (temporary) {
            command.addAll(List.of("--state-dir", dir.toString(), "--remove-state-dir"));
        }
        Process child;
        try {
            child = new ProcessBuilder(command)
                    .redirectError(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            removeUnlessKept(temporary, dir, log);
            throw e;
        }
        BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String first = lines.readLine();
        if (first == null || !first.startsWith("export ")) {
            boolean exited = child.waitFor(5, TimeUnit.SECONDS);
            String why = Files.isRegularFile(log) ? Files.readString(log).strip() : "";
            List<String> said = why.lines().filter(l -> l.startsWith("hlm: ") || l.startsWith("hint: ")).toList();
            if (exited && !said.isEmpty() && said.get(0).startsWith("hlm: ")) {
                // The child said what was wrong (a port taken, say), as the command in the foreground would.
                said.forEach(ctx.err()::println);
                ctx.err().flush();
                removeUnlessKept(temporary, dir, log);
                return child.exitValue();
            }
            // Kept: the log is all there is to go on.
            throw new CliException(ExitCodes.INTERNAL, "SIM", "the simulator did not start"
                    + (why.isEmpty() ? "" : ": " + why.lines().reduce((a, b) -> b).orElse("")), "see " + log);
        }
        ctx.out().println(first + " HLM_SIM_PID=" + child.pid());
        ctx.out().flush();
        ctx.err().println("hlm sim: serving in the background as process " + child.pid() + " (log " + log
                + "); stop it with: kill " + child.pid());
        if (servesOneCloud()) {
            ctx.err().println("hlm sim: API explorer at $HLM_EXPLORER, log in as $HLM_USERNAME with $HLM_PASSWORD");
        } else {
            ctx.err().println("hlm sim: try hlm plan, hlm apply and hlm status on $HLM_FLEET");
        }
        return 0;
    }

    /** One cloud and its PSC, exported as HLM_SERVER and the rest; else a fleet, exported as HLM_FLEET. */
    private boolean servesOneCloud() {
        return clouds == 1 && fleetFile == null;
    }

    /** After a child that did not start: the temporary directory goes, a --state-dir keeps all but the log. */
    private static void removeUnlessKept(boolean temporary, Path dir, Path log) throws IOException {
        if (temporary) {
            SimServing.deleteQuietly(dir);
        } else {
            Files.deleteIfExists(log);
        }
    }

    private List<String> argsWithoutBackground() {
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        args.remove("--background");
        return args;
    }

    /** Reads a {@code --fault} spec with the simulator's one parser; its message names what is wrong. */
    static final class FaultConverter implements picocli.CommandLine.ITypeConverter<Fault> {
        @Override
        public Fault convert(String value) {
            try {
                return Fault.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
