package dev.hlm.cli.admin;

import dev.hlm.cli.CliContext;
import dev.hlm.cli.ConnectionOptions;
import dev.hlm.cli.DryRunOptions;
import dev.hlm.cli.Groups;
import dev.hlm.client.HlmClient;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code hlm admin add GROUP...}: adding a group that is already there changes nothing. */
@Command(name = "add", mixinStandardHelpOptions = true, description = "Make on-prem groups HLM administrators.")
public final class AdminAddCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ConnectionOptions connection;

    @Parameters(paramLabel = "GROUP@DOMAIN", arity = "1..*", description = "Groups to add")
    List<String> groups;

    @Mixin
    DryRunOptions dryRun;

    public AdminAddCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        List<String> names = Groups.validated("GROUP", groups);
        try (HlmClient vc = connection.connect(ctx, null, dryRun.active())) {
            for (String group : names) {
                vc.addAdministrator(group);
                if (!vc.dryRun()) {
                    ctx.out().println("Added " + group + " to the HLM administrators.");
                }
            }
            dryRun.report(ctx, vc, false);
            return 0;
        }
    }
}
