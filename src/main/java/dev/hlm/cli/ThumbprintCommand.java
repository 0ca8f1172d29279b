package dev.hlm.cli;

import dev.hlm.tls.CertificateFetcher;
import dev.hlm.tls.CertificateView;
import dev.hlm.tls.Pem;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.SocketTimeoutException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
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
 * before {@code --psc-thumbprint}, a vCenter before {@code --thumbprint}; {@code --pem} writes it to a file
 * for {@code --psc-certificate} or {@code --ca-cert}. Trusts nothing and sends nothing.
 */
@Command(name = "thumbprint", mixinStandardHelpOptions = true,
        description = {
            "Show the certificate a server presents: subject, issuer, names, validity, and its SHA-256 and SHA-1 "
                    + "thumbprints in vSphere's format.",
            "Trusts nothing and sends nothing: check a PSC before 'hlm link create --psc-thumbprint', or a vCenter "
                    + "before '--thumbprint'.",
            "",
            "Which file for which option, once you have checked the thumbprint:",
            "  --psc-certificate (link create) takes the PSC's own certificate: write it with --pem (a --chain "
                    + "file works too: its first certificate is used).",
            "  --ca-cert trusts every certificate in its file, and what each of them issued, for the server's name: "
                    + "the --pem file trusts exactly this server certificate (until it is renewed); the --chain "
                    + "file also trusts the CAs the server sent (e.g. its VMCA root), so it keeps working after a "
                    + "renewal by them, and trusts whatever else they issue for that name.",
        })
public final class ThumbprintCommand implements Callable<Integer> {
    /** {@code --pem -}: standard output. */
    private static final String STDOUT = "-";

    private final CliContext ctx;

    @Parameters(paramLabel = "HOST[:PORT]",
            description = "Host name or IP address, port 443 unless given; an IPv6 address in brackets, e.g. [::1]:443")
    String address;

    @Env("HLM_TIMEOUT")
    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Give up after SECONDS, connecting and waiting for the certificate "
                    + "(default: ${DEFAULT-VALUE}) [env HLM_TIMEOUT]")
    int timeoutSeconds = 10;

    @Option(names = "--pem", paramLabel = "FILE",
            description = "Also write the certificate as PEM to FILE, created readable by all (rw-r--r--); '-' "
                    + "writes it to standard output, and the rest to standard error. An existing FILE is left "
                    + "alone unless --force")
    String pem;

    @Option(names = "--chain",
            description = "With --pem: write every certificate the server presented, in its order: its own first, "
                    + "then each issuer. Not checked: it is what the server sent")
    boolean chain;

    @Option(names = "--force", description = "With --pem FILE: replace FILE if it exists")
    boolean force;

    @Mixin
    OutputOptions output;

    public ThumbprintCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The {@code --json} record: stable field names, times as ISO-8601 text. With {@code --pem}, the file
     * written; with {@code --chain}, every certificate written, the server's own first (the fields above
     * describe that one again), each without server, pem_file or chain.
     */
    record CertificateJson(String server, String subject, String issuer, List<String> subjectAlternativeNames,
                           String notBefore, String notAfter, String sha256, String sha1, String pemFile,
                           List<CertificateJson> chain) {
        static CertificateJson of(String server, CertificateView v, Path pemFile, List<X509Certificate> chain) {
            return new CertificateJson(server, v.subject(), v.issuer(), v.subjectAlternativeNames(),
                    v.notBefore().toString(), v.notAfter().toString(), v.sha256(), v.sha1(),
                    pemFile == null ? null : pemFile.toString(),
                    chain == null ? null : chain.stream().map(c -> of(null, CertificateView.of(c), null, null)).toList());
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
        // Every option is checked, and the file's place, before connecting: a mistake costs no wait.
        OutputFile file = pemFile();
        List<X509Certificate> presented = fetch(target, Duration.ofSeconds(timeoutSeconds));
        X509Certificate certificate = presented.get(0);
        List<X509Certificate> written = chain ? presented : List.of(certificate);
        if (STDOUT.equals(pem)) {
            ctx.out().print(Pem.toPem(written));
            ctx.out().flush();
        } else if (file != null) {
            file.write(Pem.toPem(written));
        }
        if (output.json()) {
            output.printJson(ctx, CertificateJson.of(target.display(), CertificateView.of(certificate),
                    file == null ? null : file.file(), chain ? written : null));
            return 0;
        }
        // With the PEM on standard output, the person reads the rest on standard error.
        PrintWriter text = STDOUT.equals(pem) ? ctx.err() : ctx.out();
        text.println("Certificate of " + target.display() + ":");
        CertificateText.print(text, certificate, "  ");
        if (chain) {
            for (int i = 1; i < presented.size(); i++) {
                text.println("Chain certificate " + (i + 1) + " of " + presented.size() + ":");
                CertificateText.print(text, presented.get(i), "  ");
            }
        }
        if (pem != null) {
            text.println("Wrote " + whatWasWritten(written.size()) + " as PEM to "
                    + (file == null ? "standard output" : OutputFile.shown(file.file())));
        }
        text.flush();
        return 0;
    }

    private String whatWasWritten(int count) {
        if (!chain) {
            return "the certificate";
        }
        return count == 1 ? "the chain (1 certificate: the server presented no other)"
                : "the chain (" + count + " certificates, the server's first)";
    }

    /** The file {@code --pem} names, checked; null for none or standard output. */
    private OutputFile pemFile() {
        if (pem == null) {
            if (chain || force) {
                throw CliException.usage((chain ? "--chain" : "--force") + " needs --pem",
                        "add --pem FILE, e.g. --pem server.pem, or --pem - for standard output");
            }
            return null;
        }
        if (STDOUT.equals(pem)) {
            if (output.json()) {
                throw CliException.usage("--pem - and --json both write to standard output",
                        "give --pem a file, whose name the JSON then holds");
            }
            return null;
        }
        if (pem.isBlank()) {
            throw CliException.usage("--pem needs a file name, or - for standard output", null);
        }
        Path given;
        try {
            given = Path.of(pem);
        } catch (InvalidPathException e) {
            throw CliException.usage("--pem: " + pem + " is not a valid file name", null);
        }
        return OutputFile.checked("--pem", given, force);
    }

    /** The certificates presented, the server's own first; every failure is exit 3 naming host:port. */
    static List<X509Certificate> fetch(HostPort target, Duration timeout) {
        try {
            return CertificateFetcher.fetchChain(target.host(), target.port(), timeout);
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
