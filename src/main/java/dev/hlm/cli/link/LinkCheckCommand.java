package dev.hlm.cli.link;

import dev.hlm.cli.CliContext;
import dev.hlm.cli.ConnectionOptions;
import dev.hlm.cli.Env;
import dev.hlm.cli.Seconds;
import dev.hlm.cli.ExitCodes;
import dev.hlm.cli.OutputOptions;
import dev.hlm.cli.check.CheckResult;
import dev.hlm.cli.check.CheckStatus;
import dev.hlm.cli.check.Network;
import dev.hlm.cli.check.Preflight;
import dev.hlm.cli.check.PreflightInput;
import dev.hlm.cli.check.TimeBudget;
import dev.hlm.client.HlmClient;
import dev.hlm.client.SafeText;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hlm link check}: the pre-flight checklist for {@code link create}, with the same options (every one
 * of them, checked by LinkCheckOptionsTest). Prints a row per prerequisite (PASS, WARN, FAIL or SKIP, what it
 * saw, the remedy) and changes nothing. It says "ready" only when every check was made: a SKIP may hide a
 * wrong PSC password or domain.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Check every prerequisite of 'hlm link create', with the same options, and change nothing.",
            "Cloud vCenter: login, reading HLM state (System.Read), the HLM.Manage privilege (probed by removing "
                    + "a link id that cannot exist), an existing link. PSC: its name resolves, its port opens within "
                    + "100 ms, its certificate is in date, names the host and matches --psc-thumbprint, the on-prem "
                    + "administrator logs in (only at a PSC whose certificate is trusted), --domain-name is its SSO "
                    + "domain, its version is 6.7 or later. Clocks within 10 minutes. Admin groups as group@domain.",
            "One row per check: PASS, WARN, FAIL, or SKIP (not checked: an earlier check failed, or the PSC's "
                    + "certificate was not vouched for, so its password went nowhere). The domain already linked is "
                    + "a PASS: link create then does nothing. A link being made right now is not listed, and the API "
                    + "shows no create in progress: the existing-link row says so.",
            "Takes every option of 'hlm link create', so the same command line checks: --fail-if-exists FAILs the "
                    + "existing-link row when the domain is linked already, --link-timeout is checked as create "
                    + "checks it, --dry-run and --wait change nothing (a check never changes anything, nor waits).",
            "Ready only when every check was made and none FAILs. Exit 0: ready; 1: a FAIL (--strict: or a WARN); "
                    + "6: nothing FAILs, but a check was SKIPped, so what it tests (the PSC password, the SSO "
                    + "domain, the version) is not verified; the summary names each; 2: bad options.",
        })
public final class LinkCheckCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    LinkSpecOptions link;

    @Option(names = "--strict", description = "Exit 1 on a WARN too, not only on a FAIL")
    boolean strict;

    // The options of link create that are not shared mixins: taken, so 'check' can replace 'create' in a line.
    @Option(names = "--fail-if-exists",
            description = "As link create --fail-if-exists will: the domain linked already is a FAIL, not a PASS")
    boolean failIfExists;

    @Option(names = "--dry-run", description = "Accepted for link create's sake: a check never changes anything")
    boolean dryRun;

    @Mixin
    OutputOptions output;

    @Env("HLM_LINK_TIMEOUT")
    @Option(names = "--link-timeout", paramLabel = "SECONDS", defaultValue = "600",
            converter = Seconds.UpToADay.class,
            description = "Checked as link create checks it (1 to 86400); a check sends no create, so it waits for "
                    + "none (default: ${DEFAULT-VALUE}) [env HLM_LINK_TIMEOUT]")
    int linkTimeoutSeconds = 600;

    @Option(names = "--wait", description = "Accepted for link create's sake: a check waits for no link")
    boolean await;

    public LinkCheckCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        connection.requireInputs(ctx, link.legacyPassword(), link.missingInputs(ctx));
        LinkSpecOptions.Target target = link.target();
        PreflightInput in = new PreflightInput(target.host(), target.portNumber(), target.domainName(),
                target.username(), target.thumbprint(), link.adminGroupsAsGiven(ctx), failIfExists);
        List<CheckResult> rows;
        // The vCenter password is read before the PSC's, as link create does.
        try (HlmClient vc = connection.connect(ctx, link.legacyPassword())) {
            char[] pscPassword = link.pscPassword(ctx);
            try {
                // The PSC checks keep to the deadline the vCenter's client has been keeping to since it was built.
                TimeBudget time = TimeBudget.of(connection.connectTimeout(), connection.commandDeadline());
                rows = new Preflight(Network.system(), time,
                        b -> connection.reporting(ctx, b), ctx::closeOnExit).run(in, vc, pscPassword);
            } finally {
                Arrays.fill(pscPassword, '\0');
            }
        }
        Map<CheckStatus, Integer> counts = new EnumMap<>(CheckStatus.class);
        rows.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        if (output.json()) {
            output.printJson(ctx, rows);
        } else {
            print(ctx.out(), in, rows, counts);
        }
        return exitCode(counts);
    }

    /** Something to fix comes first; then whether everything was verified. */
    private int exitCode(Map<CheckStatus, Integer> counts) {
        if (counts.containsKey(CheckStatus.FAIL) || (strict && counts.containsKey(CheckStatus.WARN))) {
            return ExitCodes.API_REFUSED;
        }
        return counts.containsKey(CheckStatus.SKIP) ? ExitCodes.NOT_VERIFIED : ExitCodes.OK;
    }

    private void print(PrintWriter out, PreflightInput in, List<CheckResult> rows, Map<CheckStatus, Integer> counts) {
        out.println("Checking a link of " + in.domainName() + " (PSC " + in.pscHost() + ":" + in.pscPort() + "); "
                + "nothing is changed.");
        int width = rows.stream().mapToInt(r -> r.title().length()).max().orElse(10);
        // What a row saw quotes servers and certificates (versions, domains, names, error messages).
        for (CheckResult r : rows) {
            out.printf("%-4s  %-" + width + "s  %s%n", r.status(), r.title(), SafeText.escape(r.observed()));
            if (r.remedy() != null) {
                out.printf("%-4s  %-" + width + "s  remedy: %s%n", "", "", SafeText.escape(r.remedy()));
            }
        }
        StringBuilder summary = new StringBuilder().append(rows.size()).append(" checks:");
        for (CheckStatus s : CheckStatus.values()) {
            summary.append(' ').append(counts.getOrDefault(s, 0)).append(' ').append(s)
                    .append(s == CheckStatus.SKIP ? "." : ",");
        }
        if (counts.containsKey(CheckStatus.FAIL)) {
            summary.append(" Fix the FAIL rows, then check again.");
        } else if (strict && counts.containsKey(CheckStatus.WARN)) {
            summary.append(" Fix the WARN rows (--strict), then check again.");
        } else if (counts.containsKey(CheckStatus.SKIP)) {
            summary.append(" Not ready for 'hlm link create': ").append(counts.get(CheckStatus.SKIP))
                    .append(counts.get(CheckStatus.SKIP) == 1 ? " check was" : " checks were")
                    .append(" not made; see the SKIP rows, then check again.");
        } else if (counts.containsKey(CheckStatus.WARN)) {
            summary.append(" Ready for 'hlm link create' with the same options; read the WARN rows first.");
        } else {
            summary.append(" Ready for 'hlm link create' with the same options.");
        }
        out.println(summary);
        String notVerified = notVerified(rows);
        if (!notVerified.isEmpty()) {
            out.println(SafeText.escape("Not verified: " + notVerified + "."));
        }
        out.flush();
    }

    /**
     * The checks not made, each with why: "PSC login (why); PSC SSO domain, PSC version (why)". Rows in a row
     * with the same reason share it.
     */
    static String notVerified(List<CheckResult> rows) {
        StringBuilder text = new StringBuilder();
        String reason = null;
        for (CheckResult r : rows) {
            if (r.status() != CheckStatus.SKIP) {
                continue;
            }
            if (reason != null && !reason.equals(r.observed())) {
                text.append(" (").append(reason).append("); ");
            } else if (reason != null) {
                text.append(", ");
            }
            text.append(r.title());
            reason = r.observed();
        }
        return reason == null ? "" : text.append(" (").append(reason).append(')').toString();
    }
}
