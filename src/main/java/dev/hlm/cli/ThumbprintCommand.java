package dev.hlm.cli;

import dev.hlm.tls.CertificateFetcher;
import dev.hlm.tls.CertificateView;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hlm thumbprint HOST[:PORT]}: the certificate a server presents, to check before trusting it: a PSC
 * before {@code --psc-thumbprint}, a vCenter before {@code --thumbprint}. Trusts nothing and sends nothing.
 */
@Command(name = "thumbprint", mixinStandardHelpOptions = true,
        description = {
            "Show the certificate a server presents: subject, issuer, names, validity, and its SHA-256 and SHA-1 "
                    + "thumbprints in vSphere's format.",
            "Trusts nothing and sends nothing: check a PSC before 'hlm link create --psc-thumbprint', or a vCenter "
                    + "before '--thumbprint'.",
        })
public final class ThumbprintCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(paramLabel = "HOST[:PORT]",
            description = "Host name or IP address, port 443 unless given; an IPv6 address in brackets, e.g. [::1]:443")
    String address;

    @Env("HLM_TIMEOUT")
    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Give up after SECONDS, connecting and waiting for the certificate "
                    + "(default: ${DEFAULT-VALUE}) [env HLM_TIMEOUT]")
    int timeoutSeconds = 10;

    @Mixin
    OutputOptions output;

    public ThumbprintCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /** The {@code --json} record: stable field names, times as ISO-8601 text. */
    record CertificateJson(String server, String subject, String issuer, List<String> subjectAlternativeNames,
                           String notBefore, String notAfter, String sha256, String sha1) {
        static CertificateJson of(String server, CertificateView v) {
            return new CertificateJson(server, v.subject(), v.issuer(), v.subjectAlternativeNames(),
                    v.notBefore().toString(), v.notAfter().toString(), v.sha256(), v.sha1());
        }
    }

    @Override
    public Integer call() {
        HostPort target;
        try {
            target = HostPort.parse(address);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage(), "give HOST or HOST:PORT, e.g. vc01.corp.local:443 or [fd00::1]:443");
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
            throw CliException.usage("--connect-timeout must be 1 to 3600 seconds, not " + timeoutSeconds, null);
        }
        X509Certificate certificate = fetch(target, Duration.ofSeconds(timeoutSeconds));
        if (output.json()) {
            output.printJson(ctx, CertificateJson.of(target.display(), CertificateView.of(certificate)));
        } else {
            ctx.out().println("Certificate of " + target.display() + ":");
            CertificateText.print(ctx.out(), certificate, "  ");
        }
        return 0;
    }

    /** The leaf certificate; every failure is exit 3 naming host:port. */
    static X509Certificate fetch(HostPort target, Duration timeout) {
        try {
            return CertificateFetcher.fetch(target.host(), target.port(), timeout);
        } catch (IOException e) {
            String type = e instanceof SocketTimeoutException ? "TIMEOUT" : e instanceof SSLException ? "TLS" : "CONNECTION";
            String hint = type.equals("CONNECTION")
                    ? "check the host name and port, and that a firewall or VPN lets you reach it"
                    : "check the host and port: is it an HTTPS port?";
            throw new CliException(ExitCodes.CONNECTION, type,
                    "cannot get the certificate of " + target.display() + ": " + CertificateFetcher.reason(e, timeout), hint);
        }
    }
}
