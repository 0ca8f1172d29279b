package dev.hlm.cli.link;

import dev.hlm.api.CreateSpec;
import dev.hlm.api.Paths;
import dev.hlm.cli.CliContext;
import dev.hlm.cli.CliException;
import dev.hlm.cli.Env;
import dev.hlm.cli.EnvDefaults;
import dev.hlm.cli.Groups;
import dev.hlm.fleet.DesiredLink;
import dev.hlm.fleet.FleetTarget;
import dev.hlm.tls.HostNames;
import dev.hlm.tls.Pem;
import dev.hlm.tls.SmallFiles;
import dev.hlm.tls.Thumbprint;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What to link: the on-prem PSC, its SSO domain, administrator, certificate and the admin groups. Shared by
 * {@code link create} and {@code link check}, so a check runs with exactly the options the create will get.
 * Takes the API's nouns as flags and also the original script's.
 */
public final class LinkSpecOptions {
    @Env("HLM_PSC_HOSTNAME")
    @Option(names = {"--psc-hostname", "-ph", "--pschost"}, paramLabel = "HOST",
            description = "On-prem PSC (or vCenter with embedded PSC): FQDN or IP address, an IPv6 one without "
                    + "brackets; its port goes in --psc-port [env HLM_PSC_HOSTNAME]")
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

    @Option(names = "--psc-certificate", paramLabel = "FILE",
            description = "PEM certificate of the PSC, instead of a thumbprint: sent as ssl_certificate to vSphere 9.0 "
                    + "and later, as its SHA-256 thumbprint to older servers")
    Path pscCertificate;

    @Option(names = {"--admin-group", "-a", "--admingroup"}, paramLabel = "GROUP@DOMAIN",
            description = "On-prem group to make HLM administrator; repeatable (with --target: the target's "
                    + "admin-groups when none is given)")
    List<String> adminGroups = new ArrayList<>();

    @Option(names = {"-p", "--password"}, paramLabel = "PASSWORD", hidden = true,
            description = "The original script's vCenter password option; visible to other users, prefer HLM_PASSWORD")
    char[] legacyPassword;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The original script's {@code -p} value, for {@code ConnectionOptions.connect}; null when not given. */
    char[] legacyPassword() {
        return legacyPassword;
    }

    /** The PSC password, from its sources (after the vCenter's, when both are piped). */
    char[] pscPassword(CliContext ctx) {
        return psc.password(ctx);
    }

    /**
     * The admin groups as given, unchecked ({@code link check} reports malformed ones instead of refusing); none
     * given, those of the named target's link ({@code --target}), so that a link made for it is the file's.
     */
    List<String> adminGroupsAsGiven(CliContext ctx) {
        if (!adminGroups.isEmpty()) {
            return List.copyOf(adminGroups);
        }
        return namedLink(ctx).map(link -> link.adminGroups().stream().sorted().toList()).orElse(List.of());
    }

    /**
     * The PSC certificate file given, else the named target's, unless another thumbprint than the target's was
     * given (an option or a variable wins over the target).
     */
    private Path pscCertificate(CliContext ctx) {
        if (pscCertificate != null) {
            return pscCertificate;
        }
        return namedLink(ctx)
                .filter(link -> pscThumbprint == null || link.pscThumbprint().filter(pscThumbprint::equals).isPresent())
                .flatMap(DesiredLink::pscCertificate).orElse(null);
    }

    /** The link the named target's entry describes ({@code --target}), if a target is named and has one. */
    private static java.util.Optional<DesiredLink> namedLink(CliContext ctx) {
        return ctx.namedTarget().flatMap(FleetTarget::link);
    }

    /** What linking needs that is given nowhere, as the one-line refusal names it (with the vCenter's). */
    List<String> missingInputs(CliContext ctx) {
        List<String> missing = new ArrayList<>();
        if (pscHostname == null || pscHostname.isBlank()) {
            missing.add("--psc-hostname (or HLM_PSC_HOSTNAME)");
        }
        String password = psc.missing(ctx);
        if (password != null) {
            missing.add(password);
        }
        return missing;
    }

    /** The PSC host, port, domain and user, checked; a bad value fails with exit 2. */
    Target target() {
        if (pscHostname == null || pscHostname.isBlank()) {
            throw CliException.missingOption("missing --psc-hostname (or HLM_PSC_HOSTNAME)",
                    "give the PSC's FQDN or IP address, e.g. psc.corp.local");
        }
        String host = pscHostname.trim();
        if (host.contains("://") || host.contains("/")) {
            throw usage("--psc-hostname", "--psc-hostname " + HostNames.quote(host)
                    + " must be a host name or IP, without scheme or path", null);
        }
        String problem = pscHostProblem(host);
        if (problem != null) {
            throw usage("--psc-hostname", problem, "give the PSC's FQDN or IP address, e.g. psc.corp.local, "
                    + "10.0.0.5 or fd00::5; its port goes in --psc-port");
        }
        if (pscPort != null && (pscPort < 1 || pscPort > 65535)) {
            throw CliException.usage("--psc-port " + pscPort + " is not a port (1 to 65535)", null);
        }
        if (domainName == null || domainName.isBlank()) {
            throw CliException.usage("--domain-name is empty", "give the PSC's SSO domain, e.g. vsphere.local");
        }
        String domainProblem = HostNames.domainProblem(domainName.trim());
        if (domainProblem != null) {
            throw usage("--domain-name", "--domain-name " + domainProblem,
                    "an SSO domain is a DNS-style name, e.g. vsphere.local");
        }
        return new Target(host, pscPort, domainName.trim(), psc.username(domainName.trim()), thumbprint());
    }

    /**
     * Why the PSC host is not what {@code psc_hostname} takes, naming the option; null when it is. The API
     * takes an FQDN or an IP address and the port in a field of its own, so brackets (a URL's way to hold an
     * IPv6 address with a port) and {@code host:port} are refused with the form to use instead.
     */
    private static String pscHostProblem(String host) {
        String option = "--psc-hostname " + HostNames.quote(host);
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                return option + " opens a bracket it does not close; give an IPv6 address without brackets, e.g. ::1";
            }
            String inner = host.substring(1, close);
            String rest = host.substring(close + 1);
            if (rest.matches(":\\d{1,5}") && HostNames.problem(inner) == null) {
                return option + " holds a port: give --psc-hostname " + inner + " --psc-port " + rest.substring(1);
            }
            if (rest.isEmpty() && HostNames.problem(inner) == null && inner.contains(":")) {
                return option + ": give an IPv6 address without brackets, e.g. " + inner;
            }
            return option + " is not an IPv6 address in brackets; give it without brackets, e.g. fd00::5";
        }
        int colon = host.indexOf(':');
        if (colon > 0 && colon == host.lastIndexOf(':') && host.substring(colon + 1).matches("\\d{1,5}")
                && HostNames.problem(host.substring(0, colon)) == null) {
            return option + " holds a port: give --psc-hostname " + host.substring(0, colon) + " --psc-port "
                    + host.substring(colon + 1);
        }
        String problem = HostNames.problem(host);
        return problem == null ? null : "--psc-hostname " + problem;
    }

    /** A bad value of {@code option}: exit 2, saying so when it came from the option's environment variable. */
    private CliException usage(String option, String message, String hint) {
        return CliException.usage(message + EnvDefaults.fromEnvironment(command, option), hint);
    }

    /** The spec from the options (and the named target), checked; the PSC password is added later. */
    CreateSpec spec(CliContext ctx) {
        Target t = target();
        String thumbprint = t.thumbprint() == null ? null : t.thumbprint().toString();
        String certificate = null;
        Path pscCertificate = pscCertificate(ctx);
        if (pscCertificate != null) {
            X509Certificate read = certificate(pscCertificate);
            if (t.thumbprint() != null && !t.thumbprint().matches(read)) {
                throw CliException.usage("--psc-certificate " + pscCertificate + " (SHA-256 " + Thumbprint.sha256(read)
                        + ") is not the certificate of --psc-thumbprint " + thumbprint,
                        "give one of them, or check HLM_PSC_THUMBPRINT");
            }
            // The certificate says all a thumbprint says; the client turns it into one for servers before 9.0.
            certificate = Pem.toPem(read);
            thumbprint = null;
        }
        List<String> groups = Groups.validated("--admin-group", adminGroupsAsGiven(ctx));
        return new CreateSpec(t.host(), t.port() == null ? null : String.valueOf(t.port()), t.domainName(),
                t.username(), null, thumbprint, certificate, groups.isEmpty() ? null : groups);
    }

    /** The file given with --psc-certificate (or the named target's), or null. */
    Path pscCertificateFile(CliContext ctx) {
        return pscCertificate(ctx);
    }

    /** The first (leaf) certificate of a PEM file. */
    private static X509Certificate certificate(Path file) {
        try {
            return Pem.readCertificates(file).get(0);
        } catch (NoSuchFileException e) {
            throw CliException.usage("--psc-certificate: " + file + " does not exist", null);
        } catch (SmallFiles.TooLarge e) {
            throw CliException.usage("--psc-certificate: " + e.getMessage() + ", far more than a certificate file holds",
                    "give the PSC's certificate as PEM (-----BEGIN CERTIFICATE-----)");
        } catch (IOException e) {
            throw CliException.usage("--psc-certificate: cannot read " + file + ": " + SmallFiles.whyUnreadable(file, e), null);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--psc-certificate: " + e.getMessage(),
                    "give the PSC's certificate as PEM (-----BEGIN CERTIFICATE-----)");
        }
    }

    private Thumbprint thumbprint() {
        if (pscThumbprint == null || pscThumbprint.isBlank()) {
            return null;
        }
        try {
            return Thumbprint.parse(pscThumbprint);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--psc-thumbprint: " + e.getMessage(),
                    "give the PSC certificate's SHA-256 (64 hex digits) or SHA-1 (40), colons optional");
        }
    }

    /**
     * The PSC as the options name it.
     *
     * @param port null when not given (443)
     * @param thumbprint null when not given
     */
    record Target(String host, Integer port, String domainName, String username, Thumbprint thumbprint) {
        int portNumber() {
            return port == null ? Paths.HTTPS_PORT : port;
        }
    }
}
