package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.Simulator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the real command line in this process, with an environment and standard input of the test's making
 * and no terminal (or a scripted one). Every run also checks what a user would never want to see, and what
 * must never be left behind:
 * <ul>
 *   <li>a password from its environment or standard input in its output;</li>
 *   <li>an open session at the simulator it talked to, once the command has ended (logout on every path);</li>
 *   <li>the real {@code ~/.config/hlm/known_hosts}: each run gets a fresh known hosts file unless the test
 *       sets {@code HLM_KNOWN_HOSTS} itself.</li>
 * </ul>
 */
public final class Cli {
    public record Result(int exitCode, String out, String err) {
        public String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private Cli() {}

    public static Result run(Map<String, String> env, String... args) {
        return runWithStdin(env, "", args);
    }

    public static Result runWithStdin(Map<String, String> env, String stdin, String... args) {
        return run(env, stdin.getBytes(StandardCharsets.UTF_8), Terminal.none(), true, args);
    }

    /** Standard input as exact bytes: a byte order mark, a NUL, bytes that are not UTF-8. */
    public static Result runWithStdinBytes(Map<String, String> env, byte[] stdin, String... args) {
        return run(env, stdin, Terminal.none(), true, args);
    }

    /**
     * For a server that garbles its answer to the login: the session it opened never reached hlm, which so
     * cannot close it (it idles out on the server); every other check still holds.
     */
    public static Result runWithGarbledLogin(Map<String, String> env, String stdin, String... args) {
        return run(env, stdin.getBytes(StandardCharsets.UTF_8), Terminal.none(), false, args);
    }

    /** As a person at a terminal would run it: prompts go to {@code terminal}. */
    public static Result runOnTerminal(Map<String, String> env, Terminal terminal, String... args) {
        return run(env, new byte[0], terminal, true, args);
    }

    private static Result run(Map<String, String> givenEnv, byte[] stdin, Terminal terminal, boolean checkSessions,
            String... args) {
        Path knownHostsDir = givenEnv.containsKey("HLM_KNOWN_HOSTS") ? null : temporaryDirectory();
        Map<String, String> env = givenEnv;
        if (knownHostsDir != null) {
            env = new HashMap<>(givenEnv);
            env.put("HLM_KNOWN_HOSTS", knownHostsDir.resolve("known_hosts").toString());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(env, new ByteArrayInputStream(stdin), terminal);
        if (terminal instanceof ScriptedTerminal scripted) {
            scripted.showing(err::toString);
        }
        int code;
        try {
            code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), ctx);
        } finally {
            if (knownHostsDir != null) {
                SimServing.deleteQuietly(knownHostsDir);
            }
        }
        Result result = new Result(code, out.toString(), err.toString());
        for (String secret : secrets(env, new String(stdin, StandardCharsets.UTF_8), args)) {
            assertThat(result.all()).as("a password leaked into the output of hlm %s", String.join(" ", args))
                    .doesNotContain(secret);
        }
        Simulator sim = SimEnv.simulatorAt(env.get("HLM_SERVER"));
        if (sim != null && checkSessions) {
            assertThat(sim.openSessions()).as("hlm %s left a session open at the simulator\n%s",
                    String.join(" ", args), result).isZero();
            // hlm's own PSC sessions (link check), and the cloud vCenter's while linking, all logged out.
            assertThat(sim.pscOpenSessions()).as("hlm %s left a session open at the simulated PSC\n%s",
                    String.join(" ", args), result).isZero();
        }
        return result;
    }

    /**
     * Never the user's own known-hosts file: a fresh one in a temporary directory, unless the test chose one;
     * the directory goes when the run ends, so thousands of runs leave nothing behind in the temporary folder.
     */
    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("hlm-known-hosts-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The passwords this run was given: *PASSWORD* variables and stdin lines, never printed back. */
    private static List<String> secrets(Map<String, String> env, String stdin, String[] args) {
        List<String> secrets = new ArrayList<>();
        env.forEach((k, v) -> {
            if (k.contains("PASSWORD") && v != null && v.length() >= 4) {
                secrets.add(v);
            }
        });
        stdin.lines().filter(l -> l.length() >= 4).forEach(secrets::add);
        return secrets;
    }
}
