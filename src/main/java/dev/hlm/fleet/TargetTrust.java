package dev.hlm.fleet;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to trust a target's certificate, as the command line's trust options say it: a CA file, a pinned
 * thumbprint, no verification at all, or (none of these) a known hosts file.
 */
public record TargetTrust(Optional<Path> caCert, Optional<String> thumbprint, boolean insecure,
                          Optional<Path> knownHosts) {
    public static TargetTrust knownHostsDefault() {
        return new TargetTrust(Optional.empty(), Optional.empty(), false, Optional.empty());
    }
}
