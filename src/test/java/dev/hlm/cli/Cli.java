package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the real command line in this process, with an environment and standard input of the test's making
 * and no terminal. Every run also checks what a user would never want to see: a password from its
 * environment or standard input in its output.
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
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = Main.context(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), ctx);
        Result result = new Result(code, out.toString(), err.toString());
        for (String secret : secrets(env, stdin, args)) {
            assertThat(result.all()).as("a password leaked into the output of hlm %s", String.join(" ", args))
                    .doesNotContain(secret);
        }
        return result;
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
