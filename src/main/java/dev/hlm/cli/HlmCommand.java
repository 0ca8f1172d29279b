package dev.hlm.cli;

import dev.hlm.cli.admin.AdminCommand;
import dev.hlm.cli.fleet.ApplyCommand;
import dev.hlm.cli.fleet.PlanCommand;
import dev.hlm.cli.fleet.StatusCommand;
import dev.hlm.cli.link.LinkCommand;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root: {@code hlm NOUN VERB}. Shared flags ({@code --verbose}) are inherited by every subcommand. */
@Command(
        name = "hlm",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Hybrid Linked Mode for VMware Cloud on AWS: link an on-premises SSO domain (its PSC) to a cloud "
                    + "vCenter, list, inspect and unlink links, and manage the HLM administrator groups.",
            "",
            "Try it without a vCenter: 'hlm demo', or 'eval \"$(hlm sim --background)\"' and then 'hlm link create'."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "1:the API refused (e.g. ALREADY_EXISTS, NOT_FOUND, UNVERIFIED_PEER), or a removal was not confirmed",
            "2:usage: a wrong option, value or input file; a removal without a terminal needs --yes",
            "3:connection, TLS or timeout; or an answer that is not the API",
            "4:authentication failed or a privilege is missing",
            "5:internal error in hlm",
            "6:link check only: nothing failed, but a check was skipped, so not everything was verified",
            "130:interrupted (Ctrl-C; 143 SIGTERM, 129 SIGHUP): open sessions are logged out first; a second Ctrl-C stops at once",
        },
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  HLM_SERVER, HLM_USERNAME, HLM_PASSWORD     the cloud vCenter and its account",
            "  HLM_CA_CERT, HLM_THUMBPRINT, HLM_INSECURE  how to trust its certificate",
            "  HLM_KNOWN_HOSTS                            servers trusted on first use (default hlm/known_hosts under $XDG_CONFIG_HOME or ~/.config)",
            "  HLM_PSC_HOSTNAME, HLM_PSC_PORT             the on-prem PSC",
            "  HLM_PSC_USERNAME, HLM_PSC_PASSWORD         its SSO administrator",
            "  HLM_PSC_THUMBPRINT, HLM_DOMAIN_NAME        its certificate and SSO domain",
            "  HLM_TIMEOUT, HLM_REQUEST_TIMEOUT           seconds to connect (10), for a call (60)",
            "  HLM_LINK_TIMEOUT, HLM_RETRIES              seconds for create/delete (600), repeats (3)",
            "",
            "Passwords are never needed on the command line: use the environment,",
            "--password-file / --psc-password-file, --password-stdin, or a prompt.",
        })
public final class HlmCommand implements Runnable {
    /**
     * The commands under the root, in the order {@code hlm --help} lists them. {@link Main} registers them,
     * not this annotation, so that a run builds the model of only the command its arguments name.
     */
    static final List<Class<?>> COMMANDS =
            List.of(LinkCommand.class, AdminCommand.class, PlanCommand.class, ApplyCommand.class, StatusCommand.class,
                    AboutCommand.class, ThumbprintCommand.class, SimCommand.class, DemoCommand.class, CompletionCommand.class);

    /** The verbs under those of {@link #COMMANDS} that have them ({@code hlm link create}), registered the same way. */
    private static final Map<Class<?>, List<Class<?>>> VERBS =
            Map.of(LinkCommand.class, LinkCommand.VERBS, AdminCommand.class, AdminCommand.VERBS);

    /** The verbs of {@code command}, in the order its help lists them; none for a command without verbs. */
    static List<Class<?>> verbs(Class<?> command) {
        return VERBS.getOrDefault(command, List.of());
    }

    private boolean verbose;

    // Read before parsing by NamedTargetOption; declared here for the help and so the parser accepts them.
    @Option(names = "--target", paramLabel = "NAME",
            description = "Run the command against this target of the fleet file: its server, account, trust and "
                    + "link become the defaults (options and HLM_* variables still win); plan, apply and status "
                    + "work on that target alone; also HLM_TARGET")
    String target;

    @Option(names = "--fleet", paramLabel = "FILE",
            description = "The fleet file of --target, plan, apply and status (default: $HLM_FLEET, else ./hlm.yaml, "
                    + "else hlm/hlm.yaml under $XDG_CONFIG_HOME or ~/.config)")
    java.nio.file.Path fleet;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Explain more: a note for each repeat, new login and lost answer; the stack trace of an "
                    + "internal error")
    void verbose(boolean value) {
        this.verbose = value;
    }

    boolean verbose() {
        return verbose;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
