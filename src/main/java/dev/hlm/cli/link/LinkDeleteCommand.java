package dev.hlm.cli.link;

import dev.hlm.api.Credentials;
import dev.hlm.api.ErrorType;
import dev.hlm.api.Summary;
import dev.hlm.cli.CliContext;
import dev.hlm.cli.CliException;
import dev.hlm.cli.ConfirmOptions;
import dev.hlm.cli.ConnectionOptions;
import dev.hlm.cli.DryRunOptions;
import dev.hlm.cli.Env;
import dev.hlm.cli.ExitCodes;
import dev.hlm.cli.OutputOptions;
import dev.hlm.cli.Remedies;
import dev.hlm.client.ApiException;
import dev.hlm.client.HlmClient;
import dev.hlm.client.HlmClient.UnlinkMethod;
import dev.hlm.client.SafeText;
import dev.hlm.client.ServerInfo;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hlm link delete LINK}: unlinks. When a PSC password is given, the client asks the server what it is:
 * a cloud vCenter with vSphere 8.0U1 or later over {@code /api} unlinks with the on-prem credentials
 * ({@code POST ?action=delete}), so the on-prem side is cleaned up too; everything else, and every delete
 * without a PSC password, uses {@code DELETE}, the call for an unlink started from a Cloud Gateway.
 */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {
            "Remove a link. With a PSC password (HLM_PSC_PASSWORD, --psc-password-file or --psc-password-stdin) "
                    + "a cloud vCenter of vSphere 8.0 Update 1 or later unlinks with the on-prem credentials; "
                    + "otherwise, and on a Cloud Gateway, hlm uses DELETE. It says which it used.",
            "The identity source, permissions and tags stay; on-prem users lose the cloud inventory.",
            "With --if-exists, a link that is already gone is success (exit 0).",
            "On a terminal it asks first; without one it needs --yes. --dry-run never asks.",
            "With --json: {\"link\": ID, \"unlinked\": true|false, \"method\": \"DELETE\"|\"DELETE_WITH_CREDENTIALS\"} (no method when nothing was sent), "
                    + "or with --dry-run the requests it would send."
        })
public final class LinkDeleteCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ConnectionOptions connection;

    @Parameters(paramLabel = "LINK", description = "The link id, as 'hlm link list' shows it")
    String link;

    @Mixin
    PscOptions psc;

    @Env("HLM_DOMAIN_NAME")
    @Option(names = {"--domain-name"}, paramLabel = "DOMAIN", defaultValue = "vsphere.local",
            description = "SSO domain of the PSC, for the default PSC user administrator@DOMAIN "
                    + "(default: ${DEFAULT-VALUE}) [env HLM_DOMAIN_NAME]")
    String domainName;

    @Option(names = "--if-exists", description = "Exit 0 when the link is already gone (default: NOT_FOUND, exit 1)")
    boolean ifExists;

    @Mixin
    DryRunOptions dryRun;

    @Mixin
    OutputOptions output;

    @Mixin
    LinkTimeoutOption linkTimeout;

    @Mixin
    ConfirmOptions confirm;

    /**
     * What {@code --json} prints.
     *
     * @param unlinked false only with {@code --if-exists}, when the link was already gone
     * @param method how it was unlinked; null when nothing was sent
     */
    record Unlinked(String link, boolean unlinked, UnlinkMethod method) {}

    public LinkDeleteCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        LinkCommand.linkId(link);
        try (HlmClient vc = connection.linkTimeout(linkTimeout.duration()).connect(ctx, null, dryRun.active())) {
            // The vCenter password is read first (by connect): piped on stdin, it comes before the PSC's.
            char[] password = psc.passwordGiven(ctx) ? psc.password(ctx) : null;
            String how;
            UnlinkMethod used;
            try {
                // The links are read first: to say what an unlink does before it is sent, naming the domain,
                // and to refuse an id that is not there without sending anything (a dry run foretells it so).
                Optional<Summary> listed = vc.listLinks().stream().filter(l -> l.link().equals(link)).findFirst();
                if (listed.isEmpty()) {
                    if (ifExists) {
                        return alreadyGone();
                    }
                    throw new CliException(ExitCodes.API_REFUSED, "NOT_FOUND", "link " + link + " does not exist at "
                            + vc.server().getHost(), Remedies.forType(ErrorType.NOT_FOUND, "link delete"));
                }
                Credentials onPrem = password == null ? null : new Credentials(psc.username(domainName), password);
                if (!output.json()) {
                    ctx.note("unlinking " + link + " (" + listed.get().displayName() + "): on-prem "
                            + "users lose the cloud inventory and their sessions there end; the identity source, "
                            + "permissions and tags stay on " + vc.server().getHost()
                            + " (remove them separately if no longer needed)");
                }
                String what = SafeText.escape(link + " (" + listed.get().displayName() + ")");
                confirm.confirm(ctx, dryRun.active(), "unlinking " + what,
                        "Unlink " + what + " from " + SafeText.escape(vc.server().getHost()) + "?");
                used = vc.deleteLink(link, Optional.ofNullable(onPrem));
                how = how(used, onPrem != null, vc);
            } catch (ApiException.NotFound e) {
                if (ifExists && !exists(vc)) {
                    return alreadyGone();
                }
                throw e;
            } finally {
                if (password != null) {
                    Arrays.fill(password, '\0');
                }
            }
            if (dryRun.report(ctx, vc, output.json())) {
                return 0;
            }
            if (output.json()) {
                output.printJson(ctx, new Unlinked(link, true, used));
                return 0;
            }
            ctx.out().println(SafeText.escape("Unlinked " + link + " " + how + ".")); // how names the server's version
            return 0;
        }
    }

    /** {@code --if-exists} and the link is gone: success, with nothing sent. */
    private int alreadyGone() {
        if (output.json()) {
            output.printJson(ctx, new Unlinked(link, false, null));
        } else {
            ctx.out().println("Link " + link + " does not exist: nothing to do.");
        }
        return 0;
    }

    private boolean exists(HlmClient vc) {
        return vc.listLinks().stream().anyMatch(l -> l.link().equals(link));
    }

    /** Which call was used, and, when the on-prem credentials were given but not used, why. */
    private static String how(UnlinkMethod used, boolean credentialsGiven, HlmClient vc) {
        if (used == UnlinkMethod.DELETE_WITH_CREDENTIALS) {
            return "with the on-prem credentials (POST ?action=delete)";
        }
        if (!credentialsGiven) {
            return "(DELETE: no PSC password was given for the unlink with the on-prem credentials)";
        }
        ServerInfo server = vc.about();
        if (server.role() == ServerInfo.Role.GATEWAY) {
            return "(DELETE: the unlink for a Cloud Gateway, which needs no on-prem credentials)";
        }
        return "(DELETE: " + server.describe() + " over " + server.flavor().label()
                + " has no unlink with credentials, which needs vSphere 8.0 Update 1 over /api)";
    }
}
