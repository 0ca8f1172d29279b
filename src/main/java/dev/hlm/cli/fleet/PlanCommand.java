package dev.hlm.cli.fleet;

import dev.hlm.cli.CliContext;
import dev.hlm.cli.CliException;
import dev.hlm.cli.OutputOptions;
import dev.hlm.fleet.Fleet;
import dev.hlm.fleet.FleetSession;
import dev.hlm.fleet.TargetPlan;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code hlm plan}: reads every target of the fleet file at once and prints what {@code hlm apply} would do, changing
 * nothing. Exit codes as {@code terraform plan -detailed-exitcode}.
 */
@Command(name = "plan", mixinStandardHelpOptions = true, description = {
        "Show what 'hlm apply' would change on each target of the fleet file; changes nothing.",
        "Reads every target at once (--parallel); --json gives the same as records."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing to do", "1:the fleet file or a target could not be read (or a target's state told)",
            "2:changes pending (a wrong option is 2 too: then nothing is printed on standard output)"})
public final class PlanCommand implements Callable<Integer> {
    /** {@code terraform plan -detailed-exitcode}: 2 when there is something to apply. */
    static final int CHANGES_PENDING = 2;

    private final CliContext ctx;

    @Mixin
    FleetOptions fleetOptions;

    @Mixin
    OutputOptions output;

    public PlanCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Fleet fleet;
        try {
            fleet = fleetOptions.read(ctx);
        } catch (CliException unreadable) {
            // 2 means "changes pending" here, as in terraform: a fleet that cannot be read is an error, 1.
            throw new CliException(1, unreadable.type(), unreadable.getMessage(), unreadable.hint());
        }
        try (FleetSession session = fleetOptions.open(ctx, fleet)) {
            List<TargetPlan> plans = session.plan();
            if (output.json()) {
                output.printJson(ctx, PlanText.records(plans));
            } else {
                PlanText.report(ctx.out(), fleet, plans);
            }
            return exitCode(plans);
        }
    }

    static int exitCode(List<TargetPlan> plans) {
        if (PlanText.count(plans, TargetPlan.Kind.UNKNOWN) > 0) {
            return 1;
        }
        return PlanText.count(plans, TargetPlan.Kind.CHANGES) > 0 ? CHANGES_PENDING : 0;
    }
}
