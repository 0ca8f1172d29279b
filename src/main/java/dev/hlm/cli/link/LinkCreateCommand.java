package dev.hlm.cli.link;

import dev.hlm.api.CreateSpec;
import dev.hlm.api.Summary;
import dev.hlm.cli.CliContext;
import dev.hlm.cli.CliException;
import dev.hlm.cli.ConnectionOptions;
import dev.hlm.cli.Env;
import dev.hlm.cli.Groups;
import dev.hlm.cli.OutputOptions;
import dev.hlm.client.HlmClient;
import dev.hlm.tls.Thumbprint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hlm link create}: asks the cloud vCenter to link the on-prem SSO domain. Takes the API's nouns as
 * flags and also the original script's, so its users switch by changing the program name.
 */
@Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Link the on-prem SSO domain (through its PSC) to the cloud vCenter.",
            "The cloud vCenter logs in to the PSC with the on-prem administrator and checks its certificate "
                    + "against --psc-thumbprint. Linking can take minutes on a real vCenter.",
            "Without --psc-thumbprint, hlm compares the certificate the PSC presents to it with the one the cloud "
                    + "vCenter reports, shows it and asks on a terminal (refusing if the two differ); in scripts, "
                    + "pass --psc-thumbprint. A SHA-1 thumbprint is checked against the PSC and sent as SHA-256.",
        })
public final class LinkCreateCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ConnectionOptions connection;

    @Env("HLM_PSC_HOSTNAME")
    @Option(names = {"--psc-hostname", "-ph", "--pschost"}, paramLabel = "HOST",
            description = "On-prem PSC (or vCenter with embedded PSC): FQDN or IP [env HLM_PSC_HOSTNAME]")
    String pscHostname;

    @Env("HLM_PSC_PORT")
    @Option(names = {"--psc-port", "-o", "--port"}, paramLabel = "PORT",
            description = "HTTPS port of the PSC (default: 443) [env HLM_PSC_PORT]")
    Integer pscPort;

    @Env("HLM_DOMAIN_NAME")
    @Option(names = {"--domain-name", "-d", "--domainname"}, paramLabel = "DOMAIN",
            description = "SSO domain of the PSC (default: ${DEFAULT-VALUE}) [env HLM_DOMAIN_NAME]",
            defaultValue = "vsphere.local")
    String domainName;

    @Mixin
    PscOptions psc;

    @Env("HLM_PSC_THUMBPRINT")
    @Option(names = {"--psc-thumbprint", "-pt", "--pscthumb"}, paramLabel = "THUMBPRINT",
            description = "SHA-256 (or SHA-1) thumbprint of the PSC certificate, any case, colons optional "
                    + "[env HLM_PSC_THUMBPRINT]")
    String pscThumbprint;

    @Option(names = {"--admin-group", "-a", "--admingroup"}, paramLabel = "GROUP@DOMAIN",
            description = "On-prem group to make HLM administrator; repeatable")
    List<String> adminGroups = new ArrayList<>();

    @Option(names = {"-p", "--password"}, paramLabel = "PASSWORD", hidden = true,
            description = "The original script's vCenter password option; visible to other users, prefer HLM_PASSWORD")
    char[] legacyPassword;

    @Mixin
    OutputOptions output;

    public LinkCreateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        CreateSpec withoutPassword = spec();
        PscCertificateTrust trust = new PscCertificateTrust(ctx, withoutPassword.pscHostname(),
                withoutPassword.portNumber(), connection.connectTimeout());
        withoutPassword = trust.checkGivenThumbprint(withoutPassword);
        // The vCenter password is read before the PSC's: piped on stdin, the vCenter's comes first.
        try (HlmClient vc = connection.connect(ctx, legacyPassword)) {
            CreateSpec spec = withoutPassword.withPassword(psc.password(ctx));
            vc.login();
            String id;
            try {
                id = trust.create(vc, spec);
            } finally {
                Arrays.fill(spec.password(), '\0');
            }
            if (output.json()) {
                output.printJson(ctx, new Summary(id, spec.domainName()));
            } else {
                ctx.out().println("Linked " + spec.domainName() + " (PSC " + spec.pscHostname() + ":" + spec.portNumber()
                        + ") to " + vc.server().getHost() + ": link " + id);
                ctx.out().println("On-prem users see the cloud inventory after logging out and in to the vSphere Client.");
            }
            return 0;
        }
    }

    /** The spec from the options, checked; the PSC password is added later. */
    private CreateSpec spec() {
        if (pscHostname == null || pscHostname.isBlank()) {
            throw CliException.missingOption("no PSC given", "use --psc-hostname HOST or set HLM_PSC_HOSTNAME");
        }
        if (pscHostname.contains("://") || pscHostname.contains("/")) {
            throw CliException.usage("--psc-hostname '" + pscHostname + "' must be a host name or IP, without scheme or path", null);
        }
        if (pscPort != null && (pscPort < 1 || pscPort > 65535)) {
            throw CliException.usage("--psc-port " + pscPort + " is not a port (1 to 65535)", null);
        }
        if (domainName == null || domainName.isBlank()) {
            throw CliException.usage("--domain-name is empty", "give the PSC's SSO domain, e.g. vsphere.local");
        }
        String thumbprint = null;
        if (pscThumbprint != null && !pscThumbprint.isBlank()) {
            try {
                thumbprint = Thumbprint.parse(pscThumbprint).toString();
            } catch (IllegalArgumentException e) {
                throw CliException.usage("--psc-thumbprint: " + e.getMessage(),
                        "give the PSC certificate's SHA-256 (64 hex digits) or SHA-1 (40), colons optional");
            }
        }
        List<String> groups = Groups.validated("--admin-group", adminGroups);
        return new CreateSpec(pscHostname.trim(), pscPort == null ? null : String.valueOf(pscPort), domainName.trim(),
                psc.username(domainName.trim()), null, thumbprint, null, groups.isEmpty() ? null : groups);
    }
}
