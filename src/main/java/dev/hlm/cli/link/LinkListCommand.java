package dev.hlm.cli.link;

import dev.hlm.api.Summary;
import dev.hlm.cli.CliContext;
import dev.hlm.cli.ConnectionOptions;
import dev.hlm.cli.OutputOptions;
import dev.hlm.client.HlmClient;
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
                int width = Math.max(4, links.stream().mapToInt(l -> l.link().length()).max().orElse(4));
                ctx.out().printf("%-" + width + "s  %s%n", "LINK", "DOMAIN");
                links.forEach(l -> ctx.out().printf("%-" + width + "s  %s%n", l.link(), l.displayName()));
            }
            return 0;
        }
    }
}
