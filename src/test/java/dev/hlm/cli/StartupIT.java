package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.Simulator;
import dev.hlm.sim.Traffic;
import dev.hlm.testing.WithSimulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a command-line run loads, in a real JVM of its own: only what the command needs. {@code link create}
 * loads no simulator class and no BouncyCastle (the simulator's certificate generator). A {@code --version}
 * does not even set up TLS. (How long these take is for the benchmark, not for tests.)
 */
@WithSimulator
@Tag("process") // starts hlm in a new JVM
class StartupIT {
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    private static final String CLASSPATH = System.getProperty("java.class.path");
    private static final Pattern LOADED = Pattern.compile("\\]\\s(\\S+) source:");
    private static final List<String> NEVER_ON_THE_CLIENT_PATH =
            List.of("dev.hlm.sim.", "org.bouncycastle.");

    @TempDir
    Path dir;

    private record Run(int exitCode, String output, List<String> classes) {}

    @Test
    void linkCreateLoadsOnlyTheClientSide(Simulator sim) throws Exception {
        Map<String, String> env = SimEnv.of(sim, dir);
        Run run = hlm(env, "link", "create", "--admin-group", "ops@corp.local");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Linked vsphere.local")
                .doesNotContain(env.get("HLM_PASSWORD"), env.get("HLM_PSC_PASSWORD"));
        // The log is read right: the client and TLS are in it.
        assertThat(run.classes()).contains("dev.hlm.client.Transport", "sun.security.ssl.SSLEngineImpl");
        for (String prefix : NEVER_ON_THE_CLIENT_PATH) {
            assertThat(run.classes()).as("classes loaded by link create").noneMatch(c -> c.startsWith(prefix));
        }
        assertThat(sim.cloudTraffic()).isEqualTo(new Traffic(3, 1));
    }

    @Test
    void versionSetsUpNothingItDoesNotNeed() throws Exception {
        Run run = hlm(Map.of(), "--version");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).startsWith("hlm ");
        assertThat(run.classes()).contains("dev.hlm.cli.VersionProvider");
        for (String prefix : NEVER_ON_THE_CLIENT_PATH) {
            assertThat(run.classes()).noneMatch(c -> c.startsWith(prefix));
        }
        assertThat(run.classes()).noneMatch(c -> c.startsWith("sun.security.ssl.") || c.startsWith("com.fasterxml."));
    }

    /** Runs hlm in a new JVM with only {@code env} as its HLM_* environment, logging every class it loads. */
    private Run hlm(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path log = dir.resolve("classes-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>(List.of(JAVA, "-Xlog:class+load=info:file=" + log, "-cp", CLASSPATH,
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().keySet().removeIf(k -> k.startsWith("HLM_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("hlm finished").isTrue();
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = LOADED.matcher(line);
            if (m.find()) {
                classes.add(m.group(1));
            }
        }
        return new Run(process.exitValue(), output, classes);
    }
}
