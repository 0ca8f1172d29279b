package dev.hlm.cli.admin;

import dev.hlm.cli.CliContext;
import dev.hlm.client.HlmClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hlm admin add GROUP...}: adding a group that is already there changes nothing. */
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
    void change(HlmClient vc, String group) {
        vc.addAdministrator(group);
    }

    @Override
    String done(String group) {
        return "Added " + group + " to the HLM administrators.";
    }
}
