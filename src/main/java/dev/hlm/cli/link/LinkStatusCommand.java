package dev.hlm.cli.link;

import dev.hlm.api.Summary;
import dev.hlm.cli.CliContext;
import dev.hlm.cli.CliException;
import dev.hlm.cli.ConnectionOptions;
import dev.hlm.cli.Nagios;
import dev.hlm.cli.OutputOptions;
import dev.hlm.client.ApiException;
import dev.hlm.client.HlmClient;
import dev.hlm.client.HlmOperation;
import dev.hlm.client.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hlm link status}: the health of every link, for people, scripts and monitoring systems. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {
            "Show the connection health of every link, for monitoring.",
            "Exit 0 when every link is HEALTHY, 1 when one is not or its health cannot be read (vSphere before "
                    + "8.0 Update 1), 3 when the vCenter cannot be reached (4 when the login is refused).",
            "--nagios prints one line in the monitoring-plugin convention instead: 'HLM OK - ...', WARNING (no "
                    + "links), CRITICAL (a link UNHEALTHY), UNKNOWN (health not known, or the vCenter not "
                    + "reached), with exit 0, 1, 2, 3 and performance data.",
        })
public final class LinkStatusCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Option(names = Nagios.OPTION, description = "Print one monitoring-plugin line (Nagios, Icinga) and exit 0/1/2/3")
    boolean nagios;

    public LinkStatusCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (nagios && output.json()) {
            // A monitoring plugin's bad arguments are UNKNOWN, on one line of stdout, like any other.
            print(Nagios.UNKNOWN.line("usage: --nagios and --json exclude each other", null));
            return Nagios.UNKNOWN.exitCode();
        }
        if (nagios) {
            return nagios();
        }
        LinkStatusReport report;
        try (HlmClient vc = connection.connect(ctx)) {
            report = new LinkStatusReport(readHealth(vc));
        }
        if (output.json()) {
            output.printJson(ctx, report.links());
        } else {
            report.printTable(ctx.out());
        }
        return report.exitCode();
    }

    /**
     * Within the default deadline a monitoring agent's own limit leaves (Nagios' check_nrpe and many agents kill
     * a plugin after 10 s): JVM start, the calls and the logout's grace fit under it.
     */
    static final Duration NAGIOS_DEADLINE = Duration.ofSeconds(8);

    /** Every failure becomes one UNKNOWN line: a monitoring system reads stdout and the exit code only. */
    private int nagios() {
        try (HlmClient vc = connection.defaultDeadline(NAGIOS_DEADLINE).connect(ctx)) {
            LinkStatusReport report = new LinkStatusReport(readHealth(vc));
            print(report.nagiosLine(vc.server().getHost()));
            return report.state().exitCode();
        } catch (CliException e) {
            print(Nagios.UNKNOWN.line(e.getMessage(), null));
        } catch (ApiException e) {
            print(Nagios.UNKNOWN.line("the vCenter refused: " + e.errorType() + ": " + e.serverMessage(), null));
        } catch (TransportException e) {
            print(Nagios.UNKNOWN.line("cannot reach the vCenter: " + e.getMessage(), null));
        } catch (RuntimeException e) {
            print(Nagios.UNKNOWN.line("internal error in hlm: " + e, null));
        }
        return Nagios.UNKNOWN.exitCode();
    }

    private void print(String line) {
        ctx.out().println(line);
        ctx.out().flush();
    }

    /** At most this many health reads at once: quick for thousands of links, gentle on one vCenter. */
    public static final int PARALLEL_READS = 8;

    /**
     * Every link's health, in the order listed. The reads run {@link #PARALLEL_READS} at a time on the one session,
     * each bounded by the call's timeout and the command's deadline; the first failure, in list order, is the
     * command's, and the reads still waiting are not sent.
     */
    private static List<LinkHealth> readHealth(HlmClient vc) {
        List<Summary> links = vc.listLinks();
        // Before vSphere 8.0U1 there is no link health to read: say so rather than ask.
        if (!links.isEmpty() && !vc.about().offers(HlmOperation.LINK_GET)) {
            return links.stream().map(LinkHealth::unavailable).toList();
        }
        if (links.size() <= 1) {
            List<LinkHealth> result = new ArrayList<>();
            links.forEach(link -> health(vc, link).ifPresent(result::add));
            return result;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL_READS, links.size()), r -> {
            Thread t = new Thread(r, "hlm-link-health");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Optional<LinkHealth>>> reads = new ArrayList<>();
            for (Summary link : links) {
                reads.add(pool.submit(() -> health(vc, link)));
            }
            List<LinkHealth> result = new ArrayList<>();
            for (Future<Optional<LinkHealth>> read : reads) {
                try {
                    read.get().ifPresent(result::add);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException failure) {
                        throw failure;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TransportException(TransportException.Kind.INTERRUPTED, "get link: interrupted", e);
                }
            }
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One link's health; empty when it was listed a moment ago and is gone now (not a link to report). */
    private static Optional<LinkHealth> health(HlmClient vc, Summary link) {
        try {
            return Optional.of(LinkHealth.of(link, vc.getLink(link.link())));
        } catch (ApiException.NotFound e) {
            return Optional.empty();
        }
    }
}
