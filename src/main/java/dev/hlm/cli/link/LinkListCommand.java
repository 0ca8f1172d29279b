package dev.hlm.cli.link;

import dev.hlm.api.Summary;
import dev.hlm.cli.CliContext;
import dev.hlm.cli.ConnectionOptions;
import dev.hlm.cli.OutputOptions;
import dev.hlm.client.HlmClient;
import dev.hlm.client.SafeText;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hlm link list}: the links of the cloud vCenter (at most one on-prem domain). */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the links of the cloud vCenter.")
public final class LinkListCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    public LinkListCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        try (HlmClient vc = connection.connect(ctx)) {
            List<Summary> links = vc.listLinks();
            if (output.json()) {
                output.printJson(ctx, links);
            } else if (links.isEmpty()) {
                ctx.out().println("No links.");
            } else {
                // Ids and names are the server's text: escaped before the columns are measured.
                List<String[]> rows = links.stream()
                        .map(l -> new String[] {SafeText.escape(l.link()), SafeText.escape(l.displayName())}).toList();
                int width = Math.max(4, rows.stream().mapToInt(r -> r[0].length()).max().orElse(4));
                ctx.out().printf("%-" + width + "s  %s%n", "LINK", "DOMAIN");
                rows.forEach(r -> ctx.out().printf("%-" + width + "s  %s%n", r[0], r[1]));
            }
            return 0;
        }
    }
}
