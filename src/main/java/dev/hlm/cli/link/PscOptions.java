package dev.hlm.cli.link;

import dev.hlm.cli.CliContext;
import dev.hlm.cli.Env;
import dev.hlm.cli.Secrets;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The on-prem SSO administrator: who the cloud vCenter logs in as at the PSC. Shared by create (linking)
 * and delete (unlinking from the cloud side with credentials). {@code -pu}/{@code -pp} are the original
 * script's names.
 */
public final class PscOptions {
    @Env("HLM_PSC_USERNAME")
    @Option(names = {"--psc-username", "-pu", "--pscuser"}, paramLabel = "USER",
            description = "On-prem SSO administrator (default: administrator@DOMAIN) [env HLM_PSC_USERNAME]")
    String username;

    @Option(names = "--psc-password-file", paramLabel = "FILE",
            description = "Read the PSC password from the first line of FILE (else env HLM_PSC_PASSWORD, else a prompt)")
    Path passwordFile;

    @Option(names = "--psc-password-stdin",
            description = "Read the PSC password from standard input (after the vCenter's, if both are piped)")
    boolean passwordStdin;

    @Option(names = {"-pp", "--pscpass"}, paramLabel = "PASSWORD", hidden = true,
            description = "The original script's PSC password option; visible to other users, prefer HLM_PSC_PASSWORD")
    char[] legacyPassword;

    String username(String domainName) {
        return username == null || username.isBlank() ? "administrator@" + domainName : username.trim();
    }

    /** The password, a copy the caller clears; the script-style option's own copy is cleared here. */
    char[] password(CliContext ctx) {
        try {
            return Secrets.resolve(ctx, source());
        } finally {
            if (legacyPassword != null) {
                java.util.Arrays.fill(legacyPassword, '\0');
            }
        }
    }

    /** True when a PSC password is available without asking: given by a flag, a file, stdin or the environment. */
    boolean passwordGiven(CliContext ctx) {
        String env = ctx.env().get("HLM_PSC_PASSWORD");
        return legacyPassword != null || passwordFile != null || passwordStdin || (env != null && !env.isEmpty());
    }

    /** How the one-line refusal names the PSC password when it is given nowhere and cannot be asked for; else null. */
    String missing(CliContext ctx) {
        return Secrets.available(ctx, source()) ? null : Secrets.missing(source());
    }

    private Secrets.Source source() {
        return new Secrets.Source("PSC password", "HLM_PSC_PASSWORD", "--psc-password-file", passwordFile,
                "--psc-password-stdin", passwordStdin, legacyPassword, "-pp/--pscpass");
    }
}
