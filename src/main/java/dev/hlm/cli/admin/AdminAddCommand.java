package dev.hlm.cli.admin;

import dev.hlm.cli.CliContext;
import dev.hlm.client.HlmClient;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hlm admin add GROUP...}: a group that is already there is reported, and not sent. */
@Command(name = "add", mixinStandardHelpOptions = true, description = {"Make on-prem groups HLM administrators.",
        "With --json: the HLM administrator groups afterwards, as 'admin list --json' prints them."})
public final class AdminAddCommand extends AdminGroupChange {
    @Parameters(paramLabel = "GROUP@DOMAIN", arity = "1..*", description = "Groups to add")
    List<String> groups;

    public AdminAddCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    List<String> groups() {
        return groups;
    }

    @Override
    boolean apply(Set<String> groups, String group) {
        return groups.add(group);
    }

    @Override
    String unchanged(String group) {
        return group + " is already an HLM administrator; nothing to add.";
    }

    @Override
    void change(HlmClient vc, String group) {
        vc.addAdministrator(group);
    }

    @Override
    String done(String group) {
        return "Added " + group + " to the HLM administrators.";
    }
}
