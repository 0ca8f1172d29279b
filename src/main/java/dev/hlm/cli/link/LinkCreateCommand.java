package dev.hlm.cli.link;

import dev.hlm.api.CreateSpec;
import dev.hlm.api.Summary;
import dev.hlm.cli.CliContext;
import dev.hlm.cli.CliException;
import dev.hlm.cli.ConnectionOptions;
import dev.hlm.cli.DryRunOptions;
import dev.hlm.cli.ExitCodes;
import dev.hlm.cli.OutputOptions;
import dev.hlm.cli.Remedies;
import dev.hlm.client.ApiException;
import dev.hlm.client.CreatedLink;
import dev.hlm.client.HlmClient;
import dev.hlm.client.HlmOperation;
import dev.hlm.client.SafeText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hlm link create}: asks the cloud vCenter to link the on-prem SSO domain. Takes the API's nouns as
 * flags and also the original script's, so its users switch by changing the program name. Idempotent: when
 * the domain is linked already, it says so and succeeds; it looks the links up only when the create is
 * refused with ALREADY_EXISTS, so the common path stays login, create, logout.
 */
@Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Link the on-prem SSO domain (through its PSC) to the cloud vCenter.",
            "The cloud vCenter logs in to the PSC with the on-prem administrator and checks its certificate "
                    + "against --psc-thumbprint. Linking can take minutes on a real vCenter.",
            "When the domain is linked already, says so and exits 0 (1 with --fail-if-exists); when another "
                    + "domain is linked, exits 1 naming it and the command that unlinks it.",
            "While another run links this cloud vCenter, it refuses a second create (ALREADY_EXISTS) before the "
                    + "link is listed: hlm says a link is being made and exits 1; with --wait it waits until the link "
                    + "is listed (up to --link-timeout), then reports it as above, or exits 3 when none shows up.",
            "Run 'hlm link check' with the same options first: it tests every prerequisite and changes nothing.",
            "Without --psc-thumbprint, hlm compares the certificate the PSC presents to it with the one the cloud "
                    + "vCenter reports, shows it and asks on a terminal (refusing if the two differ); in scripts, "
                    + "pass --psc-thumbprint. A SHA-1 thumbprint is checked against the PSC and sent as SHA-256.",
        })
public final class LinkCreateCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    LinkSpecOptions link;

    @Option(names = "--fail-if-exists",
            description = "Exit 1 when the domain is linked already (default: say so and exit 0)")
    boolean failIfExists;

    @Option(names = "--wait",
            description = "When a link is being made by another run (refused ALREADY_EXISTS, none listed yet), wait "
                    + "until it is listed, up to --link-timeout, then report it (default: exit 1 at once)")
    boolean await;

    @Mixin
    DryRunOptions dryRun;

    @Mixin
    OutputOptions output;

    @Mixin
    LinkTimeoutOption linkTimeout;

    public LinkCreateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        connection.requireInputs(ctx, link.legacyPassword(), link.missingInputs(ctx));
        CreateSpec withoutPassword = link.spec(ctx);
        PscCertificateTrust trust = new PscCertificateTrust(ctx, withoutPassword.pscHostname(),
                withoutPassword.portNumber(), connection.connectTimeout());
        withoutPassword = trust.checkGivenThumbprint(withoutPassword);
        // The vCenter password is read before the PSC's: piped on stdin, the vCenter's comes first.
        try (HlmClient vc = connection.linkTimeout(linkTimeout.duration())
                .connect(ctx, link.legacyPassword(), dryRun.active())) {
            CreateSpec spec = withoutPassword.withPassword(link.pscPassword(ctx));
            vc.login();
            String id;
            String lostAnswer = "";
            String outcome = CreateOutcome.CREATED;
            try {
                // A dry run sends no create to be refused: it reads the links to foretell that refusal.
                if (vc.dryRun()) {
                    List<Summary> links = vc.listLinks();
                    if (!links.isEmpty()) {
                        return alreadyLinked(vc, links, spec.domainName(), spec.adminGroups(), null, false);
                    }
                }
                CreatedLink created = trust.create(vc, spec);
                id = created.id();
                lostAnswer = created.foundAfterLostAnswer() ? " (the answer was lost; the link was found)" : "";
                outcome = created.foundAfterLostAnswer() ? CreateOutcome.FOUND_AFTER_LOST_ANSWER : CreateOutcome.CREATED;
            } catch (ApiException.AlreadyExists e) {
                return alreadyLinked(vc, vc.listLinks(), spec.domainName(), spec.adminGroups(), e, false);
            } finally {
                Arrays.fill(spec.password(), '\0');
            }
            if (dryRun.report(ctx, vc, output.json())) {
                return 0;
            }
            if (output.json()) {
                output.printJson(ctx, CreateOutcome.of(new Summary(id, spec.domainName()), outcome, List.of()));
            } else {
                // The link id is the server's text, the rest the user's: the line is escaped as a whole.
                ctx.out().println(SafeText.escape("Linked " + spec.domainName() + " (PSC " + spec.pscHostname() + ":"
                        + spec.portNumber() + ") to " + vc.server().getHost() + ": link " + id + lostAnswer));
                if (spec.sslCertificate() != null) {
                    ctx.out().println(vc.about().offers(HlmOperation.LINK_CREATE_WITH_CERTIFICATE)
                            ? "The PSC certificate from " + link.pscCertificateFile(ctx) + " was sent as ssl_certificate."
                            : "The PSC certificate from " + link.pscCertificateFile(ctx) + " was sent as its SHA-256 thumbprint: "
                                    + SafeText.escape(vc.about().describe()) + " predates ssl_certificate (vSphere 9.0).");
                }
                ctx.out().println("On-prem users see the cloud inventory after logging out and in to the vSphere Client.");
            }
            return 0;
        }
    }

    /**
     * The job of {@code --admin-group} on a domain linked before: the groups not yet HLM administrators are
     * added (a create that finds the link made must not leave the on-prem users without the cloud inventory).
     * Group names are compared without case, as the vCenter does.
     */
    private static List<String> addMissingAdministrators(HlmClient vc, List<String> wanted) {
        if (wanted == null || wanted.isEmpty()) {
            return List.of();
        }
        Set<String> present = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        present.addAll(vc.administrators());
        List<String> added = new ArrayList<>();
        for (String group : wanted) {
            if (present.add(group)) {
                vc.addAdministrator(group);
                added.add(group);
            }
        }
        return added;
    }

    /**
     * The cloud vCenter holds a link already (decision D5). To the same domain, the job is done; to another,
     * the user must unlink first, and learns the exact command. With no link listed, one is being made at this
     * moment (the refusal comes before the link is listed): the user learns to wait, or with --wait this run
     * waits for it. A dry run comes here without a refusal, with the links it read.
     *
     * @param waited the links were listed after waiting for another run's link
     */
    private int alreadyLinked(HlmClient vc, List<Summary> links, String domain, List<String> adminGroups,
            ApiException.AlreadyExists refusal, boolean waited) {
        String server = vc.server().getHost();
        Optional<Summary> same = links.stream().filter(l -> domain.equalsIgnoreCase(l.displayName())).findFirst();
        if (same.isPresent()) {
            String id = same.get().link();
            if (failIfExists) {
                throw new CliException(ExitCodes.API_REFUSED, "ALREADY_EXISTS",
                        domain + " is already linked to " + server + " (link " + id + ")",
                        "nothing to do; to link it anew, unlink first: " + Remedies.unlinkCommand(id));
            }
            List<String> added = addMissingAdministrators(vc, adminGroups);
            if (dryRun.report(ctx, vc, output.json())) {
                return 0;
            }
            if (output.json()) {
                output.printJson(ctx, CreateOutcome.of(same.get(),
                        waited ? CreateOutcome.MADE_BY_ANOTHER_RUN : CreateOutcome.ALREADY_LINKED, added));
            } else {
                String made = added.isEmpty() ? "" : "; made " + String.join(", ", added) + " HLM administrator"
                        + (added.size() == 1 ? "" : "s");
                ctx.out().println(SafeText.escape(waited
                        ? "Linked: " + domain + " is linked to " + server + " (link " + id + "), by another run that "
                                + "this one waited for" + (made.isEmpty() ? "; nothing else changed." : made + ".")
                        : "Already linked: " + domain + " is linked to " + server + " (link " + id + ")"
                                + (made.isEmpty() ? "; nothing changed." : made + ".")));
            }
            return 0;
        }
        if (links.isEmpty() && refusal != null) {
            if (!await) {
                throw new CliException(ExitCodes.API_REFUSED, "ALREADY_EXISTS", "a link is being made on " + server
                        + " (by another run, or from the vSphere Client) and is not listed yet: "
                        + refusal.serverMessage(), "wait for it and check with 'hlm link list', or rerun with --wait "
                                + "to wait here until it is listed (up to --link-timeout)");
            }
            return alreadyLinked(vc, LinkWait.untilListed(ctx, vc, domain, linkTimeout.duration()), domain,
                    adminGroups, null, true);
        }
        Summary other = links.get(0);
        throw new CliException(ExitCodes.API_REFUSED, "ALREADY_EXISTS",
                server + " is linked to the SSO domain " + other.displayName() + " (link " + other.link()
                        + "); a cloud vCenter links only one on-prem SSO domain",
                "to link " + domain + " instead, unlink the other first: " + Remedies.unlinkCommand(other.link()));
    }
}
