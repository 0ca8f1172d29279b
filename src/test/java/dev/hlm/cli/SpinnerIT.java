package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.Simulator;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long create shows a spinner with elapsed time on a terminal, and nothing in scripts. */
class SpinnerIT {
    @TempDir
    Path dir;

    /** A terminal that a person is watching, who never has to answer a prompt here. */
    static final Terminal WATCHED = new Terminal() {
        @Override
        public boolean isInteractive() {
            return true;
        }

        @Override
        public char[] readSecret(String prompt) {
            throw new AssertionError("no prompt expected: " + prompt);
        }

        @Override
        public String readLine(String prompt) {
            throw new AssertionError("no prompt expected: " + prompt);
        }
    };

    @Test
    void spinsOnATerminalOnly() {
        try (Simulator sim = Simulator.builder().linkDelay(Duration.ofMillis(700)).build()) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CliContext ctx = new CliContext(SimEnv.of(sim, dir), InputStream.nullInputStream(), WATCHED);
            int code = Main.run(new String[] {"link", "create"}, new PrintWriter(out), new PrintWriter(err), ctx);
            assertThat(code).as(err.toString()).isZero();
            assertThat(err.toString()).contains("\r| linking vsphere.local 0s").endsWith("\r\033[K");
            assertThat(out.toString()).contains("Linked vsphere.local").doesNotContain("\r");
        }
        try (Simulator sim = Simulator.builder().linkDelay(Duration.ofMillis(300)).build()) {
            Cli.Result script = Cli.run(SimEnv.of(sim, dir), "link", "create");
            assertThat(script.exitCode()).isZero();
            assertThat(script.err()).isEmpty();
        }
    }

    @Test
    void aNoteStartsOnItsOwnLineAfterTheSpinnerIsErased() {
        // The create's answer is lost after 400 ms of spinning; -v notes the loss and the listing that settles it.
        try (Simulator sim = Simulator.builder().fault(dev.hlm.sim.fault.Fault.parse("create:latency=400ms"),
                dev.hlm.sim.fault.Fault.parse("create:drop=after")).build()) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CliContext ctx = new CliContext(SimEnv.of(sim, dir), InputStream.nullInputStream(), WATCHED);
            int code = Main.run(new String[] {"link", "create", "-v"}, new PrintWriter(out), new PrintWriter(err), ctx);
            assertThat(code).as(err.toString()).isZero();
            String shown = err.toString();
            assertThat(shown).contains("\r| linking vsphere.local 0s", "hlm: note: the answer to create link was lost");
            int at = shown.indexOf("hlm: note: ");
            while (at >= 0) {
                assertThat(shown.substring(0, at)).as("what comes before a note\n%s", shown)
                        .satisfiesAnyOf(before -> assertThat(before).endsWith("\n"),
                                before -> assertThat(before).endsWith("\r\033[K"));
                at = shown.indexOf("hlm: note: ", at + 1);
            }
        }
    }
}
