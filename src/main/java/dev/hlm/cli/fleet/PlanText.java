package dev.hlm.cli.fleet;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.hlm.client.SafeText;
import dev.hlm.fleet.Fleet;
import dev.hlm.fleet.Step;
import dev.hlm.fleet.TargetPlan;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** A fleet's plan for people (one block per target) and as records for {@code --json}. */
final class PlanText {
    private PlanText() {}

    /** One step as a record: its action and what it says. */
    record StepRecord(String action, String description) {}

    /** One target's plan as a record; {@code reason} only when it cannot be told. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PlanRecord(String target, String state, String linkedDomain, List<StepRecord> steps, String reason) {}

    static List<PlanRecord> records(List<TargetPlan> plans) {
        return plans.stream().map(p -> new PlanRecord(p.target(), p.kind().name().toLowerCase(Locale.ROOT),
                p.linkedDomain(), p.steps().stream().map(s -> new StepRecord(action(s), s.describe())).toList(),
                p.reason())).toList();
    }

    static String action(Step step) {
        if (step instanceof Step.CreateLink) {
            return "create_link";
        }
        if (step instanceof Step.AddGroup) {
            return "add_group";
        }
        return step instanceof Step.RemoveGroup ? "remove_group" : "unlink";
    }

    /** The plan as plan and apply show it: a heading naming the file, each target, the counts. */
    static void report(PrintWriter out, Fleet fleet, List<TargetPlan> plans) {
        out.println("Plan for " + fleet.file() + " (" + plans.size() + (plans.size() == 1 ? " target" : " targets") + "):");
        print(out, plans);
        out.println(summary(plans));
        out.flush();
    }

    /** Prints each target and what apply would do there; server text escaped. */
    static void print(PrintWriter out, List<TargetPlan> plans) {
        int width = plans.stream().mapToInt(p -> SafeText.escape(p.target()).length()).max().orElse(0);
        for (TargetPlan plan : plans) {
            String name = String.format("%-" + width + "s", SafeText.escape(plan.target()));
            switch (plan.kind()) {
                case IN_SYNC -> out.println("  " + name + "  in sync");
                case UNKNOWN -> out.println("  " + name + "  cannot tell: " + SafeText.escape(plan.reason()));
                case CHANGES -> {
                    out.println("  " + name + "  " + plan.steps().size() + (plan.steps().size() == 1 ? " change" : " changes"));
                    for (Step step : plan.steps()) {
                        String mark = step instanceof Step.RemoveGroup || step instanceof Step.Unlink ? "-" : "+";
                        out.println("  " + " ".repeat(width) + "    " + mark + " " + SafeText.escape(step.describe()));
                    }
                }
            }
        }
    }

    /** "2 to change, 3 in sync, 1 could not be read." */
    static String summary(List<TargetPlan> plans) {
        long changes = count(plans, TargetPlan.Kind.CHANGES);
        long inSync = count(plans, TargetPlan.Kind.IN_SYNC);
        long unknown = count(plans, TargetPlan.Kind.UNKNOWN);
        return changes + " to change, " + inSync + " in sync" + (unknown == 0 ? "" : ", " + unknown + " could not be read") + ".";
    }

    static long count(List<TargetPlan> plans, TargetPlan.Kind kind) {
        return plans.stream().filter(p -> p.kind() == kind).count();
    }
}
