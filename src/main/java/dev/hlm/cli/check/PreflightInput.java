package dev.hlm.cli.check;

import dev.hlm.tls.HostNames;
import dev.hlm.tls.Thumbprint;
import java.util.List;

/**
 * What {@code hlm link check} checks: the PSC and domain exactly as {@code link create} would send them.
 * The PSC password is handed to {@link Preflight#run} separately, so no record ever holds it.
 *
 * @param pscThumbprint null when none is given
 * @param adminGroups as given, unchecked: malformed ones are a FAIL row, not a usage error
 * @param failIfExists {@code link create --fail-if-exists} is to follow: the domain linked already is a FAIL
 */
public record PreflightInput(String pscHost, int pscPort, String domainName, String pscUsername,
        Thumbprint pscThumbprint, List<String> adminGroups, boolean failIfExists) {

    public PreflightInput {
        adminGroups = List.copyOf(adminGroups);
    }

    /** For a create without {@code --fail-if-exists}. */
    public PreflightInput(String pscHost, int pscPort, String domainName, String pscUsername,
            Thumbprint pscThumbprint, List<String> adminGroups) {
        this(pscHost, pscPort, domainName, pscUsername, pscThumbprint, adminGroups, false);
    }

    /** The host without the brackets an IPv6 literal may come in. */
    String bareHost() {
        return pscHost.startsWith("[") && pscHost.endsWith("]") ? pscHost.substring(1, pscHost.length() - 1) : pscHost;
    }

    /** {@code host:port} as messages show it. */
    String pscDisplay() {
        return HostNames.hostPort(bareHost(), pscPort);
    }
}
