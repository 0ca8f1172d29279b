package dev.hlm.cli.admin;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hlm admin}: the on-prem groups that administer the cloud vCenter through HLM. */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "List and change the on-prem groups (group@domain, e.g. 'VMC Admins@corp.local') that are HLM administrators.")
public final class AdminCommand implements Runnable {
    /** The verbs, in the order {@code hlm admin --help} lists them; registered as {@code LinkCommand.VERBS} are. */
    public static final List<Class<?>> VERBS =
            List.of(AdminListCommand.class, AdminAddCommand.class, AdminRemoveCommand.class, AdminSetCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
