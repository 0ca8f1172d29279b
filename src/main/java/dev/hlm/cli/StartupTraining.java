package dev.hlm.cli;

import dev.hlm.sim.Simulator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Not a command: the build runs this once, at package time, under {@code -XX:DumpLoadedClassList}, to learn
 * which classes a typical {@code hlm} run loads. The JVM then stores them, parsed and verified, in the
 * class-data-sharing archive {@code target/hlm.jsa}, which the launcher maps at startup instead of reading
 * and verifying them from the jar again on every run (see docs/benchmarks.md).
 *
 * <p>It plays what users run most, in this JVM against a simulator of its own: version and help, every
 * link and admin command in both API flavors, JSON output, and the failures users meet most (a wrong
 * password, an untrusted certificate, a usage error). Output goes nowhere. Exits 0 when every run gave the
 * exit code it should, else 1, so a training that no longer exercises what it means to fails the build.
 */
public final class StartupTraining {
    private StartupTraining() {}

    public static void main(String[] args) throws IOException {
        List<String> wrong = new ArrayList<>();
        new Warmup.Work().run(); // what Main.main runs beside the parsing, so that it is archived too
        Path dir = Files.createTempDirectory("hlm-training-");
        try (Simulator sim = Simulator.builder().build()) {
            Path ca = dir.resolve("vcenter-ca.pem");
            Files.writeString(ca, sim.cloudCertificate().pem());
            Map<String, String> env = SimServing.environment(sim, ca);
            run(wrong, Map.of(), 0, "--version");
            run(wrong, Map.of(), 0, "--help");
            run(wrong, Map.of(), 0, "link", "create", "--help");
            run(wrong, Map.of(), ExitCodes.USAGE, "link", "list", "--no-such-option");
            for (String flavor : List.of("api", "rest")) {
                sim.reset();
                run(wrong, env, 0, "link", "create", "--api-flavor", flavor, "--admin-group", "ops@corp.local");
                run(wrong, env, 0, "link", "list", "--api-flavor", flavor);
                run(wrong, env, 0, "link", "list", "--api-flavor", flavor, "--json");
                run(wrong, env, ExitCodes.API_REFUSED, "link", "create", "--api-flavor", flavor, "--fail-if-exists");
                run(wrong, env, 0, "admin", "list", "--api-flavor", flavor);
            }
            String link = sim.links().get(0).link();
            run(wrong, env, 0, "link", "get", link);
            run(wrong, env, 0, "link", "delete", link, "--yes");
            run(wrong, withEnv(env, "HLM_PASSWORD", "not-the-password"), ExitCodes.AUTH, "link", "list");
            run(wrong, withEnv(env, "HLM_CA_CERT", null), ExitCodes.CONNECTION, "link", "list");
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        if (!wrong.isEmpty()) {
            System.err.println("hlm startup training: unexpected exit codes: " + String.join("; ", wrong));
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(List<String> wrong, Map<String, String> env, int expected, String... args) {
        PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        int code = Main.run(args, nowhere, nowhere,
                Main.context(env, new ByteArrayInputStream(new byte[0])));
        if (code != expected) {
            wrong.add("hlm " + String.join(" ", args) + " exited " + code + ", not " + expected);
        }
    }

    private static Map<String, String> withEnv(Map<String, String> env, String key, String value) {
        Map<String, String> copy = new java.util.HashMap<>(env);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return copy;
    }
}
