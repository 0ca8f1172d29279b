package dev.hlm.cli.link;

import dev.hlm.api.LinkIds;
import dev.hlm.cli.CliException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hlm link}: the Hybrid Linked Mode link between the cloud vCenter and the on-prem SSO domain. */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = "Check, create, list, inspect, monitor and remove the link to the on-prem SSO domain.")
public final class LinkCommand implements Runnable {
    /**
     * The verbs, in the order {@code hlm link --help} lists them. Registered by the command line's set-up, not by
     * this annotation, so that a run builds the model of only the verb it names (docs/benchmarks.md).
     */
    public static final List<Class<?>> VERBS = List.of(LinkCheckCommand.class, LinkCreateCommand.class,
            LinkListCommand.class, LinkGetCommand.class, LinkSyncCommand.class, LinkStatusCommand.class,
            LinkDeleteCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A LINK argument as given, refused before anything is sent when it cannot be an id. */
    static String linkId(String given) {
        if (given == null || given.isBlank()) {
            throw CliException.usage("LINK must not be empty", "list the links and their ids with 'hlm link list'");
        }
        if (LinkIds.problem(given) != null) {
            throw CliException.usage("LINK '" + given + "' is not a link id: '.' and '..' are path steps",
                    "list the links and their ids with 'hlm link list'");
        }
        return given;
    }
}
