package dev.hlm.cli.admin;

import dev.hlm.cli.CliContext;
import dev.hlm.cli.ConfirmOptions;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code hlm admin remove GROUP...}: a group that is not there is reported, and not sent. */
@Command(name = "remove", mixinStandardHelpOptions = true, description = {"Remove groups from the HLM administrators.",
        "On a terminal it asks first; without one it needs --yes. --dry-run never asks.",
        "With --json: the HLM administrator groups afterwards, as 'admin list --json' prints them."})
public final class AdminRemoveCommand extends AdminGroupChange {
    @Parameters(paramLabel = "GROUP@DOMAIN", arity = "1..*", description = "Groups to remove")
    List<String> groups;

    public AdminRemoveCommand(CliContext ctx) {
        super(ctx, Change.REMOVE);
    }

    @Mixin
    ConfirmOptions confirm;

    @Override
    List<String> groups() {
        return groups;
    }

    @Override
    ConfirmOptions confirmation() {
        return confirm;
    }
}
