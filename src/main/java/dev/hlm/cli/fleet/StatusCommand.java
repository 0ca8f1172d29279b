package dev.hlm.cli.fleet;

import dev.hlm.cli.CliContext;
import dev.hlm.cli.CliException;
import dev.hlm.cli.Nagios;
import dev.hlm.cli.OutputOptions;
import dev.hlm.client.SafeText;
import dev.hlm.fleet.Fleet;
import dev.hlm.fleet.FleetSession;
import dev.hlm.fleet.TargetStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hlm status}: the link health of every target of the fleet file, read at once; for people, scripts and monitoring. */
@Command(name = "status", mixinStandardHelpOptions = true, description = {
        "Check the link health of every target of the fleet file at once.",
        "--json: one record per target; --nagios: one plugin line for the fleet, with perfdata per target."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every target as the file says: linked and HEALTHY, or unlinked",
            "1:a target UNHEALTHY, unreachable, unchecked, linked otherwise or with a health its release cannot tell",
            "2:usage", "--nagios:0 OK, 1 WARNING (health unknown), 2 CRITICAL, 3 UNKNOWN (the fleet file, an option, "
                + "a target's password or files)"})
public final class StatusCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    FleetOptions fleetOptions;

    @Mixin
    OutputOptions output;

    @Option(names = Nagios.OPTION, description = "One monitoring-plugin line for the whole fleet, with perfdata per target")
    boolean nagios;

    public StatusCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /** One target's status as a record. */
    record StatusRecord(String target, String health, String linkedDomain, String detail) {}

    @Override
    public Integer call() {
        List<TargetStatus> statuses;
        try {
            Fleet fleet = fleetOptions.read(ctx);
            try (FleetSession session = fleetOptions.open(ctx, fleet)) {
                statuses = session.status();
            }
        } catch (CliException wrong) {
            if (!nagios) {
                throw wrong;
            }
            // A plugin says what it could not check on its one line, as UNKNOWN (the fleet file, an option).
            ctx.out().println(Nagios.UNKNOWN.line(wrong.getMessage(), null));
            return Nagios.UNKNOWN.exitCode();
        }
        if (nagios) {
            Nagios state = nagiosState(statuses);
            ctx.out().println(state.line(summary(statuses), perfdata(statuses)));
            return state.exitCode();
        }
        if (output.json()) {
            output.printJson(ctx, statuses.stream().map(s -> new StatusRecord(s.target(),
                    s.health().name(), s.linkedDomain(), s.detail())).toList());
        } else {
            int width = statuses.stream().mapToInt(s -> SafeText.escape(s.target()).length()).max().orElse(6);
            String format = "%-" + Math.max(6, width) + "s  %-11s  %s%n";
            ctx.out().printf(format, "TARGET", "HEALTH", "DETAIL");
            for (TargetStatus s : statuses) {
                ctx.out().printf(format, SafeText.escape(s.target()), s.health(), SafeText.escape(s.detail()));
            }
        }
        return statuses.stream().allMatch(TargetStatus::ok) ? 0 : 1;
    }

    /** The worst of the targets': CRITICAL, then UNKNOWN (a target not checked), then WARNING (a health untold). */
    private static Nagios nagiosState(List<TargetStatus> statuses) {
        if (statuses.stream().anyMatch(s -> s.health() == TargetStatus.Health.UNHEALTHY
                || s.health() == TargetStatus.Health.UNREACHABLE)) {
            return Nagios.CRITICAL;
        }
        if (statuses.stream().anyMatch(s -> s.health() == TargetStatus.Health.UNCHECKED)) {
            return Nagios.UNKNOWN;
        }
        return statuses.stream().anyMatch(s -> s.health() == TargetStatus.Health.UNKNOWN) ? Nagios.WARNING : Nagios.OK;
    }

    /** "2 of 5 targets not as the file says: sddc-2 UNHEALTHY (Remote PSC is not reachable.), ..." */
    private static String summary(List<TargetStatus> statuses) {
        List<String> bad = new ArrayList<>();
        for (TargetStatus s : statuses) {
            if (!s.ok()) {
                bad.add(s.target() + " " + s.health() + " (" + s.detail() + ")");
            }
        }
        if (bad.isEmpty()) {
            return statuses.size() + (statuses.size() == 1 ? " target" : " targets") + " as the fleet file says";
        }
        return bad.size() + " of " + statuses.size() + " targets not as the fleet file says: " + String.join(", ", bad);
    }

    /** Counts, then one 0/1 value per target: {@code 'sddc-1_ok'=1}. */
    private static String perfdata(List<TargetStatus> statuses) {
        StringBuilder data = new StringBuilder("targets=" + statuses.size());
        for (TargetStatus.Health health : TargetStatus.Health.values()) {
            data.append(' ').append(health.name().toLowerCase(Locale.ROOT)).append('=')
                    .append(statuses.stream().filter(s -> s.health() == health).count());
        }
        for (TargetStatus s : statuses) {
            String label = SafeText.escape(s.target()).replace("'", "_").replace("=", "_");
            data.append(" '").append(label).append("_ok'=").append(s.ok() ? 1 : 0);
        }
        return data.toString();
    }
}
