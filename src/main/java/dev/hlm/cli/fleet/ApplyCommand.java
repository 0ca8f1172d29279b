package dev.hlm.cli.fleet;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.hlm.cli.CliContext;
import dev.hlm.cli.ConfirmOptions;
import dev.hlm.cli.OutputOptions;
import dev.hlm.client.SafeText;
import dev.hlm.fleet.Fleet;
import dev.hlm.fleet.FleetSession;
import dev.hlm.fleet.TargetPlan;
import dev.hlm.fleet.TargetReport;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code hlm apply}: plans, shows the plan, asks (or takes {@code --yes}), then converges every target with changes,
 * at most {@code --parallel} at once, one failing target never stopping the others; a second apply right after
 * plans nothing.
 */
@Command(name = "apply", mixinStandardHelpOptions = true, description = {
        "Make every target of the fleet file as the file says: create links, fix the administrator groups, unlink.",
        "Shows the plan and asks first (--yes without a terminal). --json writes the report as records."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every target converged (or was in sync)", "1:a target failed or could not be read",
            "2:usage (the fleet file too), or changes without a terminal and without --yes"})
public final class ApplyCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    FleetOptions fleetOptions;

    @Mixin
    ConfirmOptions confirm;

    @Mixin
    OutputOptions output;

    public ApplyCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /** One target's report as a record. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReportRecord(String target, String result, List<String> done, String failedStep, String error,
                        double seconds) {}

    @Override
    public Integer call() {
        Fleet fleet = fleetOptions.read(ctx);
        try (FleetSession session = fleetOptions.open(ctx, fleet)) {
            List<TargetPlan> plans = session.plan();
            // With --json the plan goes to stderr, so standard output holds the report alone.
            var planOut = output.json() ? ctx.err() : ctx.out();
            PlanText.report(planOut, fleet, plans);
            long changes = PlanText.count(plans, TargetPlan.Kind.CHANGES);
            List<TargetReport> reports;
            if (changes == 0) {
                reports = session.apply(plans, dev.hlm.fleet.ApplyListener.NONE);
            } else {
                confirm.confirm(ctx, false, "applying changes to " + changes + " targets",
                        "Apply these changes to " + changes + (changes == 1 ? " target" : " targets") + "?",
                        "'hlm plan'");
                boolean live = !output.json() && ctx.terminal().isInteractive();
                try (ApplyProgress progress = new ApplyProgress(planOut, live,
                        plans.stream().filter(p -> p.kind() != TargetPlan.Kind.IN_SYNC).map(TargetPlan::target).toList())) {
                    reports = session.apply(plans, progress);
                }
            }
            long failed = reports.stream().filter(r -> !r.converged()).count();
            if (output.json()) {
                output.printJson(ctx, reports.stream().map(r -> new ReportRecord(r.target(),
                        r.converged() ? "converged" : "failed", r.done(), r.failedStep(), r.error(),
                        r.elapsed().toMillis() / 1000.0)).toList());
            } else {
                for (TargetReport r : reports) {
                    if (!r.converged()) {
                        ctx.out().println("  " + SafeText.escape(r.target()) + ": failed"
                                + (r.failedStep() == null ? "" : " to " + SafeText.escape(r.failedStep())) + ": "
                                + SafeText.escape(r.error()));
                    }
                }
                ctx.out().println(changes == 0 && failed == 0 ? "Nothing to do."
                        : "Applied: " + (reports.size() - failed) + " converged, " + failed + " failed.");
            }
            return failed == 0 ? 0 : 1;
        }
    }
}
