package dev.hlm.cli.admin;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hlm admin}: the on-prem groups that administer the cloud vCenter through HLM. */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "List and change the on-prem groups (group@domain, e.g. 'VMC Admins@corp.local') that are HLM administrators.",
        subcommands = {AdminListCommand.class, AdminAddCommand.class, AdminRemoveCommand.class, AdminSetCommand.class})
public final class AdminCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
