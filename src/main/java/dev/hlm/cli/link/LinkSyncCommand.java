package dev.hlm.cli.link;

import dev.hlm.api.SyncProvider;
import dev.hlm.api.SyncProviderInfo;
import dev.hlm.api.SyncSessionInfo;
import dev.hlm.cli.CliContext;
import dev.hlm.cli.CliException;
import dev.hlm.cli.ConfirmOptions;
import dev.hlm.cli.ConnectionOptions;
import dev.hlm.cli.DryRunOptions;
import dev.hlm.cli.OutputOptions;
import dev.hlm.client.HlmClient;
import dev.hlm.client.SafeText;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hlm link sync LINK}: the sync state of each provider of a link, and {@code --start}/{@code --reset}, over
 * the preview sync API that vSphere 6.7 up to 8.0 GA have (docs/decisions.md B.8). On later releases it is refused
 * before anything is sent about the link, as {@code link get} is on releases before 8.0U1.
 */
@Command(name = "sync", mixinStandardHelpOptions = true, description = {
        "Show the sync state of a link's providers, or start or reset a sync (vSphere 6.7 up to 8.0 GA; "
                + "8.0 Update 1 removed the sync API).",
        "With --json: each provider's state as records (after a --start or --reset too)."})
public final class LinkSyncCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ConnectionOptions connection;

    @Parameters(paramLabel = "LINK", description = "The link id, as 'hlm link list' shows it")
    String link;

    @Option(names = "--start", paramLabel = "PROVIDER",
            description = "Start a sync of this provider (one of the providers this command lists)")
    String start;

    @Option(names = "--reset",
            description = "Cancel what runs and start a fresh sync of every provider (asks first; see --yes)")
    boolean reset;

    @Mixin
    ConfirmOptions confirm;

    @Mixin
    DryRunOptions dryRun;

    @Mixin
    OutputOptions output;

    public LinkSyncCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /** One provider's state, as {@code --json} prints it. */
    record ProviderState(String provider, SyncProviderInfo info) {}

    @Override
    public Integer call() {
        LinkCommand.linkId(link);
        if (start != null && reset) {
            throw CliException.usage("--start and --reset cannot be given together",
                    "--reset restarts every provider; --start PROVIDER one");
        }
        if (start != null && start.isBlank()) {
            throw CliException.usage("--start needs a provider", "list the providers with 'hlm link sync LINK'");
        }
        try (HlmClient vc = connection.connect(ctx, null, dryRun.active())) {
            String change = null;
            if (reset) {
                confirm.confirm(ctx, dryRun.active(), "resetting the sync of link " + SafeText.escape(link),
                        "Reset the sync of link " + SafeText.escape(link) + " on " + SafeText.escape(vc.server().getHost())
                                + "? What runs is cancelled and every provider syncs again");
                vc.resetSync(link);
                change = "Reset the sync of link " + SafeText.escape(link) + ": every provider syncs again.";
            } else if (start != null) {
                vc.startSync(link, start);
                change = "Started a sync of " + SafeText.escape(start) + " of link " + SafeText.escape(link) + ".";
            } else if (dryRun.active()) {
                throw CliException.usage("--dry-run plans --start or --reset; showing the state changes nothing",
                        "leave out --dry-run to show the state");
            }
            if (vc.dryRun()) {
                dryRun.report(ctx, vc, output.json());
                return 0;
            }
            List<ProviderState> states = new ArrayList<>();
            for (SyncProvider provider : vc.syncProviders(link)) {
                states.add(new ProviderState(provider.provider(), vc.syncProvider(link, provider.provider())));
            }
            if (output.json()) {
                output.printJson(ctx, states);
                return 0;
            }
            if (change != null) {
                ctx.out().println(change);
            }
            print(states);
            return 0;
        }
    }

    private void print(List<ProviderState> states) {
        if (states.isEmpty()) {
            ctx.out().println("No sync providers.");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"PROVIDER", "STATUS", "LAST SYNC", "SESSION"});
        // Everything but the header is the server's text: escaped before the columns are measured.
        for (ProviderState state : states) {
            SyncProviderInfo info = state.info();
            rows.add(new String[] {SafeText.escape(state.provider()), String.valueOf(info.status()),
                    info.lastSyncTime() == null ? "never" : SafeText.escape(info.lastSyncTime()), session(info)});
        }
        int[] widths = new int[3];
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        String format = "%-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %s%n";
        rows.forEach(r -> ctx.out().printf(format, (Object[]) r));
    }

    /** "CHANGE_APPLICATION 40/100 since T", "COMPLETED at T", or "none". */
    private static String session(SyncProviderInfo info) {
        SyncSessionInfo session = info.currentSessionInfo();
        if (session == null) {
            return "none";
        }
        String progress = session.stage() + " " + session.completedWork() + "/" + session.totalWork();
        String when = session.completionTime() != null ? " done " + SafeText.escape(session.completionTime())
                : " since " + SafeText.escape(session.startTime());
        String failure = session.exception() == null ? ""
                : ": " + SafeText.escape(session.exception().defaultMessage());
        return progress + when + failure;
    }
}
