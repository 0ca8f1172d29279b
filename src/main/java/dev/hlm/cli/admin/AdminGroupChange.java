package dev.hlm.cli.admin;

import dev.hlm.cli.CliContext;
import dev.hlm.cli.ConnectionOptions;
import dev.hlm.cli.DryRunOptions;
import dev.hlm.cli.Groups;
import dev.hlm.client.HlmClient;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * What {@code admin add} and {@code admin remove} share: check the group names before anything is sent, then
 * change one group at a time (each change is idempotent, decision D11), or plan the changes in a dry run.
 */
abstract class AdminGroupChange implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    DryRunOptions dryRun;

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
                if (!vc.dryRun()) {
                    ctx.out().println(done(group));
                }
            }
            dryRun.report(ctx, vc, false);
            return 0;
        }
    }
}
