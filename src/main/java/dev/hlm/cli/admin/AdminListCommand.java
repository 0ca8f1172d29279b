package dev.hlm.cli.admin;

import dev.hlm.cli.CliContext;
import dev.hlm.cli.ConnectionOptions;
import dev.hlm.cli.OutputOptions;
import dev.hlm.client.HlmClient;
import dev.hlm.client.SafeText;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hlm admin list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the HLM administrator groups.")
public final class AdminListCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    public AdminListCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        try (HlmClient vc = connection.connect(ctx)) {
            List<String> groups = vc.administrators().stream().sorted().toList();
            if (output.json()) {
                output.printJson(ctx, groups);
            } else if (groups.isEmpty()) {
                ctx.out().println("No HLM administrator groups.");
            } else {
                groups.forEach(g -> ctx.out().println(SafeText.escape(g)));
            }
            return 0;
        }
    }
}
