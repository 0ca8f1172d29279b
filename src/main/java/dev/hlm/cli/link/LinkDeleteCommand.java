package dev.hlm.cli.link;

import dev.hlm.api.Credentials;
import dev.hlm.api.Flavor;
import dev.hlm.client.ApiException;
import dev.hlm.cli.CliContext;
import dev.hlm.cli.ConnectionOptions;
import dev.hlm.cli.Env;
import dev.hlm.client.HlmClient;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hlm link delete LINK}: unlinks. From the cloud vCenter with the on-prem credentials
 * ({@code POST ?action=delete}, vSphere 8.0U1 and later) when a PSC password is given, so the on-prem side
 * is cleaned up too; otherwise {@code DELETE}, the call for an unlink started from a Cloud Gateway.
 */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {
            "Remove a link. With a PSC password (HLM_PSC_PASSWORD, --psc-password-file or --psc-password-stdin) "
                    + "the cloud vCenter unlinks with the on-prem credentials; without one it uses DELETE.",
            "The identity source, permissions and tags stay; on-prem users lose the cloud inventory."
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

    @Mixin
    LinkTimeoutOption linkTimeout;

    public LinkDeleteCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        try (HlmClient vc = connection.linkTimeout(linkTimeout.duration()).connect(ctx)) {
            vc.login();
            // Only /api has the unlink with credentials; /rest servers unlink with DELETE.
            if (psc.passwordGiven(ctx) && vc.flavor().orElseThrow() == Flavor.API) {
                deleteWithCredentials(vc);
            } else {
                vc.deleteLink(link);
                ctx.out().println("Unlinked " + link + " (DELETE).");
            }
            ctx.out().println("The identity source, permissions and tags stay; remove them separately if no longer needed.");
            return 0;
        }
    }

    private void deleteWithCredentials(HlmClient vc) {
        char[] password = psc.password(ctx);
        try {
            vc.deleteLink(link, new Credentials(psc.username(domainName), password));
            ctx.out().println("Unlinked " + link + " with the on-prem credentials (POST ?action=delete).");
        } catch (ApiException.NotFound e) {
            // Before vSphere 8.0U1 the operation itself is missing: tell that apart from a missing link.
            if (vc.listLinks().stream().noneMatch(l -> l.link().equals(link))) {
                throw e;
            }
            vc.deleteLink(link);
            ctx.out().println("Unlinked " + link + " (DELETE: this vCenter has no unlink with credentials, "
                    + "which needs vSphere 8.0 Update 1).");
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
