package dev.hlm.cli.admin;

import dev.hlm.cli.CliContext;
import dev.hlm.cli.ConfirmOptions;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hlm admin add GROUP...}: a group that is already there is reported, and not sent. */
@Command(name = "add", mixinStandardHelpOptions = true, description = {"Make on-prem groups HLM administrators.",
        "With --json: the HLM administrator groups afterwards, as 'admin list --json' prints them."})
public final class AdminAddCommand extends AdminGroupChange {
    @Parameters(paramLabel = "GROUP@DOMAIN", arity = "1..*", description = "Groups to add")
    List<String> groups;

    public AdminAddCommand(CliContext ctx) {
        super(ctx, Change.ADD);
    }

    @Override
    List<String> groups() {
        return groups;
    }

    @Override
    ConfirmOptions confirmation() {
        return null;
    }
}
