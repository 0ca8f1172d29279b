package dev.hlm.cli.admin;

import dev.hlm.cli.CliContext;
import dev.hlm.client.HlmClient;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hlm admin remove GROUP...}: a group that is not there is reported, and not sent. */
@Command(name = "remove", mixinStandardHelpOptions = true, description = {"Remove groups from the HLM administrators.",
        "With --json: the HLM administrator groups afterwards, as 'admin list --json' prints them."})
public final class AdminRemoveCommand extends AdminGroupChange {
    @Parameters(paramLabel = "GROUP@DOMAIN", arity = "1..*", description = "Groups to remove")
    List<String> groups;

    public AdminRemoveCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    List<String> groups() {
        return groups;
    }

    @Override
    boolean apply(Set<String> groups, String group) {
        return groups.remove(group);
    }

    @Override
    String unchanged(String group) {
        return group + " is not an HLM administrator; nothing to remove.";
    }

    @Override
    void change(HlmClient vc, String group) {
        vc.removeAdministrator(group);
    }

    @Override
    String done(String group) {
        return "Removed " + group + " from the HLM administrators.";
    }
}
