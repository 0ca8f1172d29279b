package dev.hlm.cli;

import picocli.CommandLine.Option;

/**
 * {@code --yes} for the changes that take something away or that a fleet would feel ({@code link delete},
 * {@code admin remove}, an {@code admin set} that removes groups, {@code link sync}, {@code apply}). A person at
 * a terminal is asked {@code [y/N]} first; without a terminal nobody can be asked, so the change needs
 * {@code --yes}, as {@code terraform apply} needs {@code -auto-approve}: a script states that it means it, and a
 * mistyped line in a loop cannot unlink a fleet. A dry run changes nothing, so it never asks.
 */
public final class ConfirmOptions {
    @Option(names = {"-y", "--yes"},
            description = "Do not ask first; needed without a terminal")
    boolean yes;

    /**
     * Returns when the change may go ahead; otherwise throws.
     *
     * @param change what will be removed, for the refusals, e.g. "unlinking link-1 (corp.local)"; escaped
     * @param question the question, without {@code [y/N]}; escaped
     * @throws CliException without a terminal and without {@code --yes} (exit 2), or when the person does not
     *     answer y or yes (exit 1, {@code NOT_CONFIRMED}); nothing has been changed then
     */
    public void confirm(CliContext ctx, boolean dryRun, String change, String question) {
        confirm(ctx, dryRun, change, question, "--dry-run");
    }

    /** As above, for a command that shows what it would do otherwise than with --dry-run ({@code 'hlm plan'}). */
    public void confirm(CliContext ctx, boolean dryRun, String change, String question, String howToCheck) {
        if (dryRun || yes) {
            return;
        }
        if (!ctx.terminal().isInteractive()) {
            throw CliException.usage(change + " needs a confirmation, and there is no terminal to ask: "
                    + "give --yes", "check what it does with " + howToCheck + ", then rerun with --yes");
        }
        ctx.err().flush();
        if (!CertificateText.yes(ctx.terminal().readLine(question + " [y/N] "))) {
            throw new CliException(ExitCodes.API_REFUSED, "NOT_CONFIRMED", change + " was not confirmed; "
                    + "nothing was changed", "answer y to go ahead, or give --yes");
        }
    }
}
