package dev.hlm.cli.link;

import dev.hlm.cli.CliContext;
import dev.hlm.cli.ConnectionOptions;
import dev.hlm.cli.ExitCodes;
import dev.hlm.cli.OutputOptions;
import dev.hlm.cli.check.CheckResult;
import dev.hlm.cli.check.CheckStatus;
import dev.hlm.cli.check.Network;
import dev.hlm.cli.check.Preflight;
import dev.hlm.cli.check.PreflightInput;
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
 * {@code hlm link check}: the pre-flight checklist for {@code link create}, with the same options. Prints a
 * row per prerequisite (PASS, WARN, FAIL or SKIP, what it saw, the remedy) and changes nothing.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Check every prerequisite of 'hlm link create', with the same options, and change nothing.",
            "Cloud vCenter: login, reading HLM state (System.Read), the HLM.Manage privilege (probed by removing "
                    + "a link id that cannot exist), an existing link. PSC: its name resolves, its port opens within "
                    + "100 ms, its certificate is in date, names the host and matches --psc-thumbprint, the on-prem "
                    + "administrator logs in (only at a PSC whose certificate is trusted), --domain-name is its SSO "
                    + "domain, its version is 6.7 or later. Clocks within 10 minutes. Admin groups as group@domain.",
            "One row per check: PASS, WARN, FAIL, or SKIP (not checked because of an earlier FAIL). The domain "
                    + "already linked is a PASS: link create then does nothing.",
            "Exit 0 when nothing FAILs, 1 otherwise (--strict: also on a WARN), 2 for bad options.",
        })
public final class LinkCheckCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    LinkSpecOptions link;

    @Option(names = "--strict", description = "Exit 1 on a WARN too, not only on a FAIL")
    boolean strict;

    @Mixin
    OutputOptions output;

    public LinkCheckCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        connection.requireInputs(ctx, link.legacyPassword(), link.missingInputs(ctx));
        LinkSpecOptions.Target target = link.target();
        PreflightInput in = new PreflightInput(target.host(), target.portNumber(), target.domainName(),
                target.username(), target.thumbprint(), link.adminGroupsAsGiven());
        List<CheckResult> rows;
        // The vCenter password is read before the PSC's, as link create does.
        try (HlmClient vc = connection.connect(ctx, link.legacyPassword())) {
            char[] pscPassword = link.pscPassword(ctx);
            try {
                rows = new Preflight(Network.system(), connection.connectTimeout(),
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
        boolean failed = counts.containsKey(CheckStatus.FAIL) || (strict && counts.containsKey(CheckStatus.WARN));
        return failed ? ExitCodes.API_REFUSED : ExitCodes.OK;
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
        } else if (counts.containsKey(CheckStatus.WARN)) {
            summary.append(strict ? " Fix the WARN rows (--strict), then check again."
                    : " Ready for 'hlm link create' with the same options; read the WARN rows first.");
        } else {
            summary.append(" Ready for 'hlm link create' with the same options.");
        }
        out.println(summary);
        out.flush();
    }
}
