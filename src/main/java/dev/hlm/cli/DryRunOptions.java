package dev.hlm.cli;

import dev.hlm.client.HlmClient;
import dev.hlm.client.HlmClientBuilder;
import dev.hlm.client.PlannedRequest;
import dev.hlm.client.ServerAddress;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --dry-run} for every command that changes something. The client does the work
 * ({@link HlmClientBuilder#dryRun}): it logs in and reads as usual, so the plan is the real one (the flavor,
 * the groups {@code admin set} would add and remove), but holds back every request that would change
 * something. This prints what it held back.
 */
public final class DryRunOptions {
    @Option(names = "--dry-run",
            description = "Change nothing: log in and read as usual, but print the requests that would change "
                    + "something (passwords masked) instead of sending them")
    boolean dryRun;

    public boolean active() {
        return dryRun;
    }

    /**
     * After a dry run, prints the requests held back, as text or as JSON records; the caller skips its
     * success message then.
     *
     * @return true when this was a dry run
     */
    public boolean report(CliContext ctx, HlmClient vc, boolean json) {
        if (!vc.dryRun()) {
            return false;
        }
        List<PlannedRequest> planned = vc.plannedRequests();
        PrintWriter out = ctx.out();
        if (json) {
            out.println(OutputOptions.toJson(planned));
        } else {
            String server = ServerAddress.display(vc.server());
            out.println(planned.isEmpty()
                    ? "Dry run: nothing to send to " + server + "; nothing was changed."
                    : "Dry run: nothing was changed. To " + server + ", hlm would send:");
            for (PlannedRequest r : planned) {
                out.println("  " + r.method() + " " + r.path());
                if (r.body() != null) {
                    out.println("    " + r.body());
                }
            }
        }
        out.flush();
        return true;
    }
}
