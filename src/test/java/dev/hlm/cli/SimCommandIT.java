package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.Simulator;
import dev.hlm.tls.Pem;
import dev.hlm.tls.TlsContexts;
import dev.hlm.tls.TrustPolicy;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code hlm sim} as a real process, used the way the README says: its export line, then hlm commands. */
@Tag("process") // starts hlm in a new JVM
class SimCommandIT {
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    private static final String CLASSPATH = System.getProperty("java.class.path");

    @TempDir
    Path dir;

    static List<String> hlm(String... args) {
        List<String> command = new ArrayList<>(List.of(JAVA, "-cp", CLASSPATH, Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** hlm with its own temporary directory, to see what it leaves there. */
    private static List<String> hlmWithTmp(Path tmp, String... args) {
        List<String> command = hlm(args);
        command.add(1, "-Djava.io.tmpdir=" + tmp);
        return command;
    }

    @Test
    void foregroundPrintsTheEnvironmentAndServesUntilStopped() throws Exception {
        Process sim = new ProcessBuilder(hlm("sim")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String line = CompletableFuture.supplyAsync(() -> firstLine(sim)).get(60, TimeUnit.SECONDS);
            Map<String, String> env = parseExport(line);
            assertThat(env).containsKeys("HLM_SERVER", "HLM_CA_CERT", "HLM_USERNAME", "HLM_PASSWORD", "HLM_PSC_HOSTNAME",
                    "HLM_PSC_PORT", "HLM_PSC_THUMBPRINT", "HLM_PSC_USERNAME", "HLM_PSC_PASSWORD", "HLM_DOMAIN_NAME");
            assertThat(env.get("HLM_SERVER")).startsWith("https://127.0.0.1:");
            assertThat(env.get("HLM_DOMAIN_NAME")).isEqualTo("vsphere.local");
            assertThat(Path.of(env.get("HLM_CA_CERT"))).exists();
            assertThat(env.get("HLM_EXPLORER")).isEqualTo(env.get("HLM_SERVER") + "/apiexplorer/");
            assertThat(get(env, env.get("HLM_EXPLORER"))).isEqualTo(200);

            Cli.Result created = Cli.run(env, "link", "create");
            assertThat(created.exitCode()).as(created.toString()).isZero();
            assertThat(Cli.run(env, "link", "list").out()).contains("vsphere.local");

            sim.destroy();
            assertThat(sim.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(Path.of(env.get("HLM_CA_CERT"))).doesNotExist();
        } finally {
            sim.destroyForcibly();
        }
    }

    @Test
    void pscLatencyDelaysEveryPscAnswerThatLinkCheckWaitsFor() throws Exception {
        Process sim = new ProcessBuilder(hlm("sim", "--psc-latency", "500ms"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Map<String, String> env = parseExport(CompletableFuture.supplyAsync(() -> firstLine(sim)).get(60, TimeUnit.SECONDS));
            long start = System.nanoTime();
            Cli.Result check = Cli.run(env, "link", "check");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(check.exitCode()).as(check.toString()).isZero();
            // Its own PSC login, who-am-I, version and logout, each answered at least 500 ms late.
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(4 * 500));
        } finally {
            sim.destroyForcibly();
        }
    }

    /**
     * What a user does to see the Nagios plugin go CRITICAL: a link, then the simulator's PSC switched off from
     * outside the simulator's process ({@code POST /sim/psc?state=down}, README), then on again.
     */
    @Test
    void thePscSwitchedOffMakesTheNagiosCheckCriticalAndOnAgainOk() throws Exception {
        Process sim = new ProcessBuilder(hlm("sim")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Map<String, String> env = parseExport(CompletableFuture.supplyAsync(() -> firstLine(sim)).get(60, TimeUnit.SECONDS));
            Cli.Result created = Cli.run(env, "link", "create");
            assertThat(created.exitCode()).as(created.toString()).isZero();

            assertThat(switchPsc(env, "down")).isEqualTo(204);
            Cli.Result critical = Cli.run(env, "link", "status", "--nagios");
            assertThat(critical.exitCode()).as(critical.toString()).isEqualTo(2);
            assertThat(critical.out()).startsWith("HLM CRITICAL - 1 of 1 link UNHEALTHY: vsphere.local (Remote PSC is not reachable.)");

            assertThat(switchPsc(env, "up")).isEqualTo(204);
            Cli.Result ok = Cli.run(env, "link", "status", "--nagios");
            assertThat(ok.exitCode()).as(ok.toString()).isZero();
            assertThat(ok.out()).startsWith("HLM OK - 1 link HEALTHY: vsphere.local");
        } finally {
            sim.destroyForcibly();
        }
    }

    /** {@code curl --cacert "$HLM_CA_CERT" -X POST "$HLM_SERVER/sim/psc?state=STATE"}; the status. */
    private static int switchPsc(Map<String, String> env, String state) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(env.get("HLM_SERVER") + "/sim/psc?state=" + state))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build();
        return trustingTheSimulator(env).send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** {@code curl --cacert "$HLM_CA_CERT" URL}; the status. */
    private static int get(Map<String, String> env, String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
        return trustingTheSimulator(env).send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpClient trustingTheSimulator(Map<String, String> env) throws Exception {
        return HttpClient.newBuilder().sslContext(TlsContexts.client(TlsContexts.recorder(
                TrustPolicy.certificates(Pem.readCertificates(Path.of(env.get("HLM_CA_CERT"))))))).build();
    }

    @Test
    void aPortInUseIsAUsageErrorInTheForegroundAndInTheBackground() throws Exception {
        try (Simulator taken = Simulator.builder().build()) {
            String port = String.valueOf(taken.cloudPort());
            Cli.Result foreground = Cli.run(Map.of(), "sim", "--port", port);
            assertThat(foreground.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(foreground.err()).startsWith("hlm: USAGE: cannot start the cloud vCenter on port " + port)
                    .contains("hint: choose another --port").doesNotContain("bug");

            Path tmp = Files.createDirectories(dir.resolve("tmp"));
            Process background = new ProcessBuilder(hlmWithTmp(tmp, "sim", "--background", "--port", port)).start();
            assertThat(background.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String err = new String(background.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(background.exitValue()).as(err).isEqualTo(ExitCodes.USAGE);
            assertThat(err).startsWith("hlm: USAGE: cannot start the cloud vCenter on port " + port)
                    .contains("hint: choose another --port").doesNotContain("bug", "\tat ");
            assertThat(background.getInputStream().readAllBytes()).as("nothing to eval").isEmpty();
            assertThat(tmp).as("files left in the temporary directory").isEmptyDirectory();
        }
    }

    /** {@code hlm sim --clouds 3}: a fleet to try plan, apply and status at once, as the README's Fleets section says. */
    @Test
    void cloudsServeAFleetAndWriteItsFile() throws Exception {
        Path fleetFile = dir.resolve("fleet/hlm.yaml");
        Process sim = new ProcessBuilder(hlm("sim", "--clouds", "3", "--fleet-file", fleetFile.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Map<String, String> env = parseExport(CompletableFuture.supplyAsync(() -> firstLine(sim)).get(60, TimeUnit.SECONDS));
            assertThat(env).containsOnlyKeys("HLM_FLEET", "HLM_FLEET_PASSWORD", "HLM_FLEET_PSC_PASSWORD");
            assertThat(Path.of(env.get("HLM_FLEET"))).isEqualTo(fleetFile.toAbsolutePath());
            assertThat(Files.readString(fleetFile)).contains("sddc-01", "sddc-03", "env:HLM_FLEET_PASSWORD")
                    .doesNotContain(env.get("HLM_FLEET_PASSWORD"), env.get("HLM_FLEET_PSC_PASSWORD"));

            assertThat(Cli.run(env, "plan").exitCode()).isEqualTo(2);
            Cli.Result apply = Cli.run(env, "apply", "--yes");
            assertThat(apply.exitCode()).as(apply.toString()).isZero();
            assertThat(apply.out()).contains("Applied: 3 converged, 0 failed.");
            assertThat(Cli.run(env, "plan").exitCode()).isZero();
            Cli.Result status = Cli.run(env, "status", "--nagios");
            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.out()).startsWith("HLM OK - 3 targets as the fleet file says");
            assertThat(Cli.run(env, "--target", "sddc-02", "link", "list").out()).contains("vsphere.local");
        } finally {
            sim.destroyForcibly();
        }
    }

    @Test
    void cloudsRefuseWhatNamesOneServer() {
        assertThat(Cli.run(Map.of(), "sim", "--clouds", "0").exitCode()).isEqualTo(ExitCodes.USAGE);
        Cli.Result port = Cli.run(Map.of(), "sim", "--clouds", "2", "--port", "8443");
        assertThat(port.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(port.err()).contains("--port and --psc-port name one server");
    }

    private static final String JMX_OPTION = "-Dcom.sun.management.jmxremote.authenticate=false";

    /** What the background simulator tells a person to use ($HLM_...) is what its export line sets, one cloud or a fleet. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sim --background", "sim --clouds 2 --background --fleet-file FILE"})
    void theBackgroundSimulatorNamesOnlyVariablesItExports(String line) throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String[] args = line.replace("FILE", dir.resolve("hlm.yaml").toString()).split(" ");
        Process background = new ProcessBuilder(hlmWithTmp(tmp, args)).start();
        String export = CompletableFuture.supplyAsync(() -> firstLine(background)).get(60, TimeUnit.SECONDS);
        assertThat(background.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String said = new String(background.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> env = parseExport(export);
        try {
            java.util.regex.Matcher named = java.util.regex.Pattern.compile("\\$(HLM_[A-Z_]+)").matcher(said);
            int count = 0;
            while (named.find()) {
                count++;
                assertThat(env).as("%s names $%s", said, named.group(1)).containsKey(named.group(1));
            }
            assertThat(count).as(said).isPositive();
        } finally {
            ProcessHandle.of(Long.parseLong(env.get("HLM_SIM_PID"))).ifPresent(ProcessHandle::destroy);
        }
    }

    /** Started, used and stopped as the README says, the background simulator leaves no file behind. */
    @Test
    void theBackgroundSimulatorLeavesNoFileBehind() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        List<String> command = hlmWithTmp(tmp, "sim", "--background");
        command.add(1, JMX_OPTION); // a JMX option (inert alone): one JVM's, never the child's
        Process background = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String line = CompletableFuture.supplyAsync(() -> firstLine(background)).get(60, TimeUnit.SECONDS);
        assertThat(background.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(background.exitValue()).isZero();
        Map<String, String> env = parseExport(line);
        ProcessHandle sim = ProcessHandle.of(Long.parseLong(env.get("HLM_SIM_PID"))).orElseThrow();
        try {
            // ProcessHandle.Info leaves out a command line as long as the tests' class path: read it from Linux.
            String childCommand = Files.readString(Path.of("/proc", Long.toString(sim.pid()), "cmdline"));
            assertThat(List.of(childCommand.split("\0"))).as("the JVM options reach the child")
                    .contains("-Djava.io.tmpdir=" + tmp).doesNotContain(JMX_OPTION);
            Cli.Result created = Cli.run(env, "link", "create");
            assertThat(created.exitCode()).as(created.toString()).isZero();
        } finally {
            sim.destroy(); // kill $HLM_SIM_PID
            try {
                sim.onExit().get(30, TimeUnit.SECONDS);
            } finally {
                sim.destroyForcibly();
            }
        }
        assertThat(Path.of(env.get("HLM_CA_CERT"))).doesNotExist();
        try (var left = Files.list(tmp)) {
            assertThat(left).as("files left in the temporary directory").isEmpty();
        }
    }

    @Test
    void backgroundWorksWithShellEval() throws Exception {
        String java = "'" + JAVA + "' -cp '" + CLASSPATH + "' " + Main.class.getName();
        String script = "set -e\n"
                + "eval \"$(" + java + " sim --background)\"\n"
                + "trap 'kill $HLM_SIM_PID' EXIT\n"
                + java + " link create\n"
                + java + " link list\n";
        Process shell = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(shell.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(shell.exitValue()).as(output).isZero();
        assertThat(output).contains("Linked vsphere.local").contains("hlm sim: serving in the background");
    }

    /** The version and role flags reach the served API: 'hlm about' against the process tells them back. */
    @ParameterizedTest(name = "--api-version {0} --role {1}")
    @CsvSource({"6.7, gateway, 6.7.0, /rest, VMware vCenter Cloud Gateway",
                "9.0, cloud-vcenter, 9.0.0, /api, VMware vCenter Server"})
    void apiVersionAndRoleShapeTheServedApi(String version, String role, String reported, String flavor,
            String product) throws Exception {
        Process sim = new ProcessBuilder(hlm("sim", "--api-version", version, "--role", role))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Map<String, String> env = parseExport(
                    CompletableFuture.supplyAsync(() -> firstLine(sim)).get(60, TimeUnit.SECONDS));
            Cli.Result about = Cli.run(env, "about");
            assertThat(about.exitCode()).as(about.toString()).isZero();
            assertThat(about.out()).contains("Product:  " + product, "Version:  " + reported, "Flavor:   " + flavor,
                    "Role:     " + role);
        } finally {
            sim.destroy();
            sim.waitFor(30, TimeUnit.SECONDS);
            sim.destroyForcibly();
        }
    }

    @Test
    void badOptionsAreUsageErrors() throws Exception {
        Cli.Result r = Cli.run(Map.of(), "sim", "--api-version", "5.5");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("5.5").contains("8.0.1");
        Cli.Result role = Cli.run(Map.of(), "sim", "--role", "psc");
        assertThat(role.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(role.err()).contains("psc").contains("cloud-vcenter or gateway");
        Cli.Result port = Cli.run(Map.of(), "sim", "--port", "70000");
        assertThat(port.exitCode()).isEqualTo(ExitCodes.USAGE);
        Cli.Result latency = Cli.run(Map.of(), "sim", "--latency", "-5ms");
        assertThat(latency.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(latency.err()).startsWith("hlm: USAGE: ").contains("latency").contains("hint:");
        Cli.Result blankUser = Cli.run(Map.of(), "sim", "--username", " ");
        assertThat(blankUser.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(blankUser.err()).startsWith("hlm: USAGE: ").contains("blank");
        Path file = Files.writeString(Files.createTempFile("hlm-not-a-dir", ".txt"), "x");
        Cli.Result stateDir = Cli.run(Map.of(), "sim", "--state-dir", file.toString());
        assertThat(stateDir.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(stateDir.err()).startsWith("hlm: USAGE: --state-dir " + file).doesNotContain("bug");
        Cli.Result pscLatency = Cli.run(Map.of(), "sim", "--psc-latency", "-5ms");
        assertThat(pscLatency.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(pscLatency.err()).startsWith("hlm: USAGE: ").contains("'--psc-latency'").contains("hint:");
    }

    private static String firstLine(Process p) {
        try {
            return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads {@code export A=x B='y z'} as a POSIX shell would. */
    static Map<String, String> parseExport(String line) {
        assertThat(line).startsWith("export ");
        Map<String, String> env = new HashMap<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        List<String> words = new ArrayList<>();
        for (char c : line.substring("export ".length()).toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == ' ' && !quoted) {
                words.add(word.toString());
                word.setLength(0);
            } else {
                word.append(c);
            }
        }
        words.add(word.toString());
        for (String w : words) {
            int eq = w.indexOf('=');
            env.put(w.substring(0, eq), w.substring(eq + 1));
        }
        return env;
    }
}
