package dev.hlm.cli.admin;

import dev.hlm.cli.CliContext;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hlm admin remove GROUP...}: a group that is not there is reported, and not sent. */
@Command(name = "remove", mixinStandardHelpOptions = true, description = {"Remove groups from the HLM administrators.",
        "With --json: the HLM administrator groups afterwards, as 'admin list --json' prints them."})
public final class AdminRemoveCommand extends AdminGroupChange {
    @Parameters(paramLabel = "GROUP@DOMAIN", arity = "1..*", description = "Groups to remove")
    List<String> groups;

    public AdminRemoveCommand(CliContext ctx) {
        super(ctx, Change.REMOVE);
    }

    @Override
    List<String> groups() {
        return groups;
    }
}
