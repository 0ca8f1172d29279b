package dev.hlm.cli.link;

import dev.hlm.api.HealthStatus;
import dev.hlm.api.Info;
import dev.hlm.cli.CliContext;
import dev.hlm.cli.ConnectionOptions;
import dev.hlm.cli.OutputOptions;
import dev.hlm.client.HlmClient;
import dev.hlm.client.SafeText;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code hlm link get LINK}: the health of one link (vSphere 8.0U1 and later). */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Show the connection health of a link (vSphere 8.0 Update 1 and later).")
public final class LinkGetCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ConnectionOptions connection;

    @Parameters(paramLabel = "LINK", description = "The link id, as 'hlm link list' shows it")
    String link;

    @Mixin
    OutputOptions output;

    public LinkGetCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        LinkCommand.linkId(link);
        try (HlmClient vc = connection.connect(ctx)) {
            Info info = vc.getLink(link);
            if (output.json()) {
                output.printJson(ctx, info);
            } else {
                HealthStatus status = info.connectionHealthStatus() == null ? HealthStatus.UNKNOWN : info.connectionHealthStatus();
                String detail = info.healthStatusMessage() == null ? ""
                        : ": " + SafeText.escape(info.healthStatusMessage().defaultMessage());
                ctx.out().println("link " + SafeText.escape(link) + ": " + status + detail);
            }
            return 0;
        }
    }
}
