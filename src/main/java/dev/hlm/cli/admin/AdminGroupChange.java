package dev.hlm.cli.admin;

import dev.hlm.cli.CliContext;
import dev.hlm.cli.ConnectionOptions;
import dev.hlm.cli.DryRunOptions;
import dev.hlm.cli.Groups;
import dev.hlm.cli.OutputOptions;
import dev.hlm.client.HlmClient;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * What {@code admin add} and {@code admin remove} share: check the group names before anything is sent, then
 * change one group at a time (each change is idempotent, decision D11), or plan the changes in a dry run.
 * With {@code --json}: the groups afterwards, as {@code admin list --json} prints them, or the planned requests.
 */
abstract class AdminGroupChange implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    DryRunOptions dryRun;

    @Mixin
    OutputOptions output;

    AdminGroupChange(CliContext ctx) {
        this.ctx = ctx;
    }

    /** The groups as given on the command line. */
    abstract List<String> groups();

    abstract void change(HlmClient vc, String group);

    /** The line that reports one change. */
    abstract String done(String group);

    @Override
    public Integer call() {
        List<String> names = Groups.validated("GROUP", groups());
        try (HlmClient vc = connection.connect(ctx, null, dryRun.active())) {
            for (String group : names) {
                change(vc, group);
                if (!vc.dryRun() && !output.json()) {
                    ctx.out().println(done(group));
                }
            }
            if (!dryRun.report(ctx, vc, output.json()) && output.json()) {
                // As 'admin list --json' prints them: the groups now, read back.
                output.printJson(ctx, vc.administrators().stream().sorted().toList());
            }
            return 0;
        }
    }
}
