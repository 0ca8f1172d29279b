package dev.hlm.cli;

import dev.hlm.client.ApiException;
import dev.hlm.client.HlmException;
import dev.hlm.client.RecoveryListener;
import dev.hlm.client.TransportException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * With {@code --verbose}, one note on stderr for each step the client takes to recover: a repeat, a new login,
 * the listing that settles a lost answer. Without it, silence, but for the repeats on a terminal (where the
 * pauses before them would look like a hang): the command's result says what happened.
 */
final class RecoveryNotes implements RecoveryListener {
    private final CliContext ctx;
    private final BooleanSupplier verbose;

    RecoveryNotes(CliContext ctx, BooleanSupplier verbose) {
        this.ctx = ctx;
        this.verbose = verbose;
    }

    /** Shown on a terminal even without --verbose: a person waiting in silence would think hlm hangs. */
    @Override
    public void retrying(String operation, int retry, int retries, Duration pause, HlmException cause) {
        String text = operation + " failed (" + cause.getMessage() + "); repeat " + retry + " of " + retries
                + " in " + seconds(pause);
        if (verbose.getAsBoolean() || ctx.terminal().isInteractive()) {
            ctx.note(text);
        }
    }

    @Override
    public void loggingInAgain(String operation, ApiException cause) {
        note("the session ended during " + operation + "; logging in again to repeat it");
    }

    @Override
    public void answerLost(String operation, TransportException cause) {
        note("the answer to " + operation + " was lost (" + cause.getMessage()
                + "); listing the links to learn whether it happened");
    }

    @Override
    public void outcomeFound(String operation, String outcome) {
        note(operation + ": " + outcome);
    }

    private void note(String text) {
        if (verbose.getAsBoolean()) {
            ctx.note(text);
        }
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
