package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hlm.api.Json;
import dev.hlm.sim.Simulator;
import dev.hlm.tls.GeneratedCertificate;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hlm link check} as a real process: name resolution through the JDK's resolver, given a hosts file
 * ({@code jdk.net.hosts.file}) so no DNS server is asked; and {@code hlm sim} playing an old, skewed PSC.
 */
@Tag("process") // starts hlm in a new JVM
class LinkCheckProcessIT {
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {}

    private Run hlm(Map<String, String> env, List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().keySet().removeIf(k -> k.startsWith("HLM_"));
        builder.environment().putAll(env);
        Process p = builder.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("hlm finished").isTrue();
        Run run = new Run(p.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().contains("PASSWORD")) {
                assertThat(run.out() + run.err()).doesNotContain(e.getValue());
            }
        }
        return run;
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode row(Run run, String check) throws Exception {
        for (JsonNode row : Json.mapper().readTree(run.out())) {
            if (row.path("check").asText().equals(check)) {
                return row;
            }
        }
        throw new AssertionError("no row " + check + " in " + run);
    }

    @Test
    void thePscNameResolvesThroughTheResolverAndMatchesItsCertificate() throws Exception {
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, "127.0.0.1 psc.corp.test\n");
        List<String> resolver = List.of("-Djdk.net.hosts.file=" + hosts);
        GeneratedCertificate named = GeneratedCertificate.builder("psc.corp.test")
                .onlyNames(List.of("psc.corp.test"), List.of()).build();
        try (Simulator sim = Simulator.builder().pscCertificate(named).build()) {
            Map<String, String> env = SimEnv.with(SimEnv.of(sim, dir), "HLM_PSC_HOSTNAME", "psc.corp.test");

            Run found = hlm(env, resolver, "link", "check", "--json");
            assertThat(row(found, "psc-dns").path("status").asText()).isEqualTo("PASS");
            assertThat(row(found, "psc-dns").path("observed").asText()).isEqualTo("psc.corp.test resolves to 127.0.0.1");
            assertThat(row(found, "psc-cert-name").path("status").asText()).isEqualTo("PASS");
            assertThat(row(found, "psc-login").path("status").asText()).isEqualTo("PASS");
            assertThat(found.exitCode()).as(found.toString()).isZero();

            Run missing = hlm(SimEnv.with(env, "HLM_PSC_HOSTNAME", "missing.corp.test"), resolver, "link", "check");
            assertThat(missing.exitCode()).isEqualTo(1);
            assertThat(missing.out()).containsPattern("(?m)^FAIL  PSC name resolves\\s+missing.corp.test does not resolve");
            assertThat(missing.err()).isEmpty();
        }
    }

    @Test
    void hlmSimPlaysAnOldPscWithASkewedClock() throws Exception {
        Process sim = new ProcessBuilder(SimCommandIT.hlm("sim", "--psc-version", "6.5.0", "--psc-clock-offset", "20m"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8)).readLine();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(60, TimeUnit.SECONDS);
            Map<String, String> env = SimCommandIT.parseExport(line);

            Run check = hlm(env, List.of(), "link", "check", "--json");
            assertThat(check.exitCode()).isEqualTo(1);
            assertThat(row(check, "psc-version").path("status").asText()).isEqualTo("FAIL");
            assertThat(row(check, "clocks").path("status").asText()).isEqualTo("FAIL");
            assertThat(row(check, "clocks").path("observed").asText()).contains("PSC +20m");

            Run create = hlm(env, List.of(), "link", "create");
            assertThat(create.exitCode()).isEqualTo(1);
            assertThat(create.err()).startsWith("hlm: UNSUPPORTED: ");
        } finally {
            sim.destroy();
            sim.waitFor(30, TimeUnit.SECONDS);
            sim.destroyForcibly();
        }
    }

    @Test
    void aBadPscVersionIsAUsageError() throws Exception {
        Run r = hlm(Map.of(), List.of(), "sim", "--psc-version", "six");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("hlm: USAGE: --psc-version");
    }
}
