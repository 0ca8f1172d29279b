package dev.hlm.fleet;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The link a target should have: to this PSC and SSO domain, with exactly these administrator groups.
 *
 * @param pscThumbprint the PSC certificate's thumbprint to send, if given
 * @param pscCertificate a PEM file of the PSC's certificate (vSphere 9.0 sends it as ssl_certificate), if given
 */
public record DesiredLink(String pscHostname, int pscPort, String domainName, String pscUsername,
                          SecretRef pscPassword, Optional<String> pscThumbprint, Optional<Path> pscCertificate,
                          Set<String> adminGroups) {
    public DesiredLink {
        adminGroups = Set.copyOf(adminGroups);
    }
}
