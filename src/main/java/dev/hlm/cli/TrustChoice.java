package dev.hlm.cli;

import dev.hlm.tls.KnownHosts;
import dev.hlm.tls.Pem;
import dev.hlm.tls.SmallFiles;
import dev.hlm.tls.Thumbprint;
import dev.hlm.tls.TrustPolicy;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * How the command line trusts the vCenter: {@code --insecure}, a pinned {@code --thumbprint}, a
 * {@code --ca-cert} file, or by default the known hosts file (trust on first use at a terminal). At most one
 * of the first three; every file is read and checked now, so that a damaged one is a usage error.
 */
public final class TrustChoice {
    private TrustChoice() {}

    /** The one policy the options choose; a bad choice or an unreadable file is a usage error naming the option. */
    static TrustPolicy of(CliContext ctx, Path caCert, String thumbprint, boolean insecure, Path knownHostsFile) {
        int chosen = (caCert != null ? 1 : 0) + (thumbprint != null ? 1 : 0) + (insecure ? 1 : 0);
        if (chosen > 1) {
            throw CliException.usage("--ca-cert, --thumbprint and --insecure exclude each other",
                    "choose one way to trust the vCenter certificate (check HLM_CA_CERT, HLM_THUMBPRINT, HLM_INSECURE)");
        }
        if (insecure) {
            ctx.warn("--insecure: the vCenter certificate is not verified; anyone on the path can read your password");
            return TrustPolicy.insecure();
        }
        if (thumbprint != null) {
            try {
                return TrustPolicy.pinned(Thumbprint.parse(thumbprint));
            } catch (IllegalArgumentException e) {
                throw CliException.usage("--thumbprint: " + e.getMessage(), "give the SHA-256 thumbprint as 64 hex digits, colons optional");
            }
        }
        if (caCert != null) {
            try {
                return TrustPolicy.certificates(Pem.readCertificates(caCert));
            } catch (NoSuchFileException e) {
                throw CliException.usage("--ca-cert: " + caCert + " does not exist", null);
            } catch (SmallFiles.TooLarge e) {
                throw CliException.usage("--ca-cert: " + e.getMessage() + ", far more than a certificate file holds",
                        "give the CA certificate as a PEM file");
            } catch (IOException e) {
                throw CliException.usage("--ca-cert: cannot read " + caCert + ": " + SmallFiles.whyUnreadable(caCert, e), null);
            } catch (IllegalArgumentException e) {
                throw CliException.usage("--ca-cert: " + e.getMessage(), null);
            }
        }
        return TrustPolicy.knownHosts(knownHosts(ctx, knownHostsFile));
    }

    /** The known hosts file, checked now so that a damaged one is a usage error naming its line. */
    private static KnownHosts knownHosts(CliContext ctx, Path knownHostsFile) {
        KnownHosts hosts = KnownHosts.at(knownHostsFile != null ? knownHostsFile : defaultKnownHosts(ctx.env()));
        try {
            hosts.entries();
        } catch (SmallFiles.TooLarge e) {
            throw CliException.usage("--known-hosts: " + e.getMessage() + ", far more than a known hosts file holds",
                    "point --known-hosts or HLM_KNOWN_HOSTS at the known hosts file");
        } catch (IOException e) {
            throw CliException.usage("--known-hosts: cannot read " + hosts.file() + ": " + SmallFiles.whyUnreadable(hosts.file(), e),
                    "check its permissions, or point HLM_KNOWN_HOSTS elsewhere");
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--known-hosts: " + e.getMessage(), "fix or delete that line");
        }
        return hosts;
    }

    /**
     * The XDG base directory rule: {@code $XDG_CONFIG_HOME/hlm/known_hosts} when that is an absolute path (a
     * relative one is ignored, as the specification says), else {@code $HOME/.config/hlm/known_hosts}. Both
     * come from the environment, as every other tool reads them; only without HOME does the JVM's idea of
     * the home directory (the password database) count.
     */
    public static Path defaultKnownHosts(java.util.Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "hlm", "known_hosts");
        }
        String home = env.get("HOME");
        return Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home"), ".config", "hlm",
                "known_hosts");
    }
}
