package dev.hlm.cli.admin;

import dev.hlm.cli.CliContext;
import dev.hlm.cli.ConfirmOptions;
import dev.hlm.cli.ConnectionOptions;
import dev.hlm.cli.DryRunOptions;
import dev.hlm.cli.Groups;
import dev.hlm.cli.OutputOptions;
import dev.hlm.client.HlmClient;
import dev.hlm.client.SafeText;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code hlm admin set GROUP...}: replaces the whole set, and says what that added and removed; with
 * {@code --dry-run}, what it would add and remove. {@code --json} prints that as a record, or the planned requests.
 */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = {"Make exactly these groups the HLM administrators, replacing the current ones.",
                "When that removes groups it asks first on a terminal; without one it needs --yes. --dry-run never asks.",
                "With --json: {\"administrators\": [...], \"added\": [...], \"removed\": [...]}."})
public final class AdminSetCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ConnectionOptions connection;

    @Parameters(paramLabel = "GROUP@DOMAIN", arity = "1..*", description = "The complete set of groups")
    List<String> groups;

    @Mixin
    DryRunOptions dryRun;

    @Mixin
    OutputOptions output;

    @Mixin
    ConfirmOptions confirm;

    /** What {@code --json} prints: the groups now, and which of them the set added and removed. */
    record Change(SortedSet<String> administrators, SortedSet<String> added, SortedSet<String> removed) {}

    public AdminSetCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        List<String> wanted = Groups.validated("GROUP", groups);
        try (HlmClient vc = connection.connect(ctx, null, dryRun.active())) {
            TreeSet<String> before = new TreeSet<>(vc.administrators());
            TreeSet<String> added = new TreeSet<>(wanted);
            added.removeAll(before);
            TreeSet<String> removed = new TreeSet<>(before);
            removed.removeAll(wanted);
            if (!removed.isEmpty()) {
                String groups = SafeText.escape(String.join(", ", removed));
                confirm.confirm(ctx, dryRun.active(), "removing " + groups + " from the HLM administrators",
                        "Remove " + groups + " from the HLM administrators of " + SafeText.escape(vc.server().getHost())
                                + "? Their members lose HLM administration");
            }
            vc.setAdministrators(wanted);
            if (output.json()) {
                if (!dryRun.report(ctx, vc, true)) {
                    output.printJson(ctx, new Change(new TreeSet<>(wanted), added, removed));
                }
                return 0;
            }
            added.forEach(g -> ctx.out().println("+ " + SafeText.escape(g)));
            removed.forEach(g -> ctx.out().println("- " + SafeText.escape(g)));
            if (dryRun.report(ctx, vc, false)) {
                return 0;
            }
            ctx.out().println(added.isEmpty() && removed.isEmpty()
                    ? "The HLM administrators were already these groups."
                    : "The HLM administrators are now: " + SafeText.escape(String.join(", ", new TreeSet<>(wanted))) + ".");
            return 0;
        }
    }
}
