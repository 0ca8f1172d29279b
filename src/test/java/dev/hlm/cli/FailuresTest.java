package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * An internal error (a bug in hlm) is the one failure whose stack trace {@code --verbose} shows, escaped like
 * every other text, since exception messages may quote a server.
 */
class FailuresTest {
    private final StringWriter err = new StringWriter();

    /** What the failure handler prints when {@code hlm ARGS} (parsed, not run) meets {@code bug}. */
    private int fail(RuntimeException bug, String... args) throws Exception {
        CommandLine cli = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                Main.context(Map.of(), InputStream.nullInputStream()));
        CommandLine.ParseResult parsed = cli.parseArgs(args);
        CommandLine command = parsed.subcommand().subcommand().commandSpec().commandLine();
        return cli.getExecutionExceptionHandler().handleExecutionException(bug, command, parsed);
    }

    @Test
    void verboseShowsTheStackTraceOfAnInternalErrorEscaped() throws Exception {
        int code = fail(new IllegalStateException("boom\u001b[2J\r\nhint: fine"), "--verbose", "link", "list");

        assertThat(code).isEqualTo(ExitCodes.INTERNAL);
        String text = err.toString();
        assertThat(text).startsWith("hlm: INTERNAL: IllegalStateException: boom\\x1b[2J\\x0d\\x0ahint: fine\n"
                + "hint: this is a bug in hlm; rerun with --verbose and report the output\n"
                + "java.lang.IllegalStateException: boom\\x1b[2J\\x0d\\x0ahint: fine\n"
                + "    at dev.hlm.cli.FailuresTest.");
        TerminalText.assertShowsAsWritten("stderr", text);
    }

    @Test
    void withoutVerboseAnInternalErrorIsItsLineAndHint() throws Exception {
        int code = fail(new IllegalStateException("boom"), "link", "list");

        assertThat(code).isEqualTo(ExitCodes.INTERNAL);
        assertThat(err.toString().lines()).containsExactly("hlm: INTERNAL: IllegalStateException: boom",
                "hint: this is a bug in hlm; rerun with --verbose and report the output");
    }
}
