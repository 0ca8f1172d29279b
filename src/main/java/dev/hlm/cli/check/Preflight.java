package dev.hlm.cli.check;

import dev.hlm.client.HlmClient;
import dev.hlm.client.HlmClientBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The pre-flight checks of {@code hlm link check}: every prerequisite of a link that can be seen from here,
 * one row each, in the order of {@link Check}. Changes nothing (see {@link CloudChecks} for the one request
 * that is not a read). Each check reports and the run goes on, so one run shows everything to fix.
 */
public final class Preflight {
    private final Network network;
    private final TimeBudget time;
    private final UnaryOperator<HlmClientBuilder> pscReporting;
    private final UnaryOperator<HlmClient> pscOpened;

    /** @param timeout bounds each connection attempt; requests get three times as long */
    public Preflight(Network network, Duration timeout) {
        this(network, TimeBudget.of(timeout), UnaryOperator.identity(), UnaryOperator.identity());
    }

    /**
     * @param time bounds each connection attempt (requests get three times as long), and all of them together
     *     when the command has a deadline
     * @param pscReporting adds what the PSC's client reports (the command's {@code --trace}, its notes)
     * @param pscOpened sees the PSC's client once built, to log it out on Ctrl-C too
     */
    public Preflight(Network network, TimeBudget time, UnaryOperator<HlmClientBuilder> pscReporting,
            UnaryOperator<HlmClient> pscOpened) {
        this.network = network;
        this.time = time;
        this.pscReporting = pscReporting;
        this.pscOpened = pscOpened;
    }

    /**
     * @param cloud a client for the cloud vCenter, not yet logged in; the caller closes it (and so logs out)
     * @param pscPassword the on-prem administrator's password; the caller clears it
     */
    public List<CheckResult> run(PreflightInput in, HlmClient cloud, char[] pscPassword) {
        Checklist list = new Checklist();
        String cloudHost = cloud.server().getHost();
        // URI keeps an IPv6 address in brackets; a lookup wants it bare.
        CloudDnsCheck.run(list, network, cloudHost.startsWith("[") ? cloudHost.substring(1, cloudHost.length() - 1) : cloudHost);
        CloudChecks.run(list, cloud, in.domainName(), in.failIfExists());
        boolean pscAnswers = PscNetworkChecks.run(list, network, in, time, Instant.now());
        if (pscAnswers && !time.passed()) {
            PscAccountChecks.run(list, in, pscPassword, time, pscReporting, pscOpened);
        } else {
            String why = pscAnswers ? "not checked: " + time.describe() + " has passed"
                    : "not checked: the PSC does not answer TLS";
            list.skip(Check.PSC_LOGIN, why);
            list.skip(Check.PSC_DOMAIN, why);
            list.skip(Check.PSC_VERSION, why);
        }
        Optional<Duration> cloudClock = clockOffset(cloud.server());
        Optional<Duration> pscClock = pscAnswers ? clockOffset(pscUri(in)) : Optional.empty();
        if (cloudClock.isEmpty() && pscClock.isEmpty() && time.passed()) {
            list.skip(Check.CLOCKS, "not checked: " + time.describe() + " has passed");
        } else {
            ClockCheck.judge(list, cloudClock, pscClock);
        }
        AdminGroupCheck.judge(list, in.adminGroups());
        return list.rows();
    }

    private Optional<Duration> clockOffset(URI server) {
        if (server == null) {
            return Optional.empty();
        }
        try {
            return time.passed() ? Optional.empty() : Optional.of(network.clockOffset(server, time.attempt()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static URI pscUri(PreflightInput in) {
        try {
            return new URI("https", null, in.bareHost(), in.pscPort(), null, null, null);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
