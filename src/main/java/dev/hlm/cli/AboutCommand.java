package dev.hlm.cli;

import dev.hlm.client.HlmClient;
import dev.hlm.client.HlmOperation;
import dev.hlm.client.SafeText;
import dev.hlm.client.ServerInfo;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code hlm about}: what the server is (product, version, build, role), the flavor hlm speaks with it, and
 * which HLM operations it offers, as the client negotiated them. Costs login, one version read, logout.
 */
@Command(name = "about", mixinStandardHelpOptions = true,
        description = {
            "Show what the server is: product, version, build, API flavor, role (cloud vCenter or Cloud Gateway), "
                    + "and which HLM operations it offers.",
            "Link health needs vSphere 8.0 Update 1, the unlink with on-prem credentials 8.0 Update 1 over /api, "
                    + "and create with a PEM certificate 9.0."
        })
public final class AboutCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    /** The stable {@code --json} shape: flavor {@code api|rest}, role {@code cloud-vcenter|gateway}, operations by vAPI name. */
    record About(String server, String product, String version, String build, String flavor, String role,
            List<String> operations) {}

    public AboutCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        try (HlmClient vc = connection.connect(ctx)) {
            ServerInfo info = vc.about();
            if (output.json()) {
                output.printJson(ctx, new About(vc.server().toString(), info.product(), info.version(), info.build(),
                        info.flavor().name().toLowerCase(Locale.ROOT), info.role().label(),
                        info.operations().stream().map(HlmOperation::label).toList()));
            } else {
                print(ctx.out(), vc, info);
            }
            return 0;
        }
    }

    private static void print(PrintWriter out, HlmClient vc, ServerInfo info) {
        String unknown = "unknown (the version endpoint did not answer; hlm assumes the oldest release of the flavor)";
        out.println("Server:   " + vc.server());
        // What the version endpoint said is the server's own text.
        out.println("Product:  " + (info.product() == null ? unknown : SafeText.escape(info.product())));
        out.println("Version:  " + (info.version() == null ? unknown : SafeText.escape(info.version())));
        out.println("Build:    " + (info.build() == null ? unknown : SafeText.escape(info.build())));
        out.println("Flavor:   " + info.flavor().label());
        out.println("Role:     " + info.role().label());
        if (!info.hasHlmApi()) {
            out.println("HLM operations: none; this vCenter has no Hybrid Linked Mode API (vSphere 9.1 and later "
                    + "have no hvc package)");
            return;
        }
        out.println("HLM operations:");
        for (HlmOperation op : info.operations()) {
            out.printf("  %-30s %s%n", op.label(), command(op));
        }
        List<String> missing = Arrays.stream(HlmOperation.values()).filter(op -> !info.offers(op))
                .map(op -> op.label() + " (needs " + needs(op) + ")").toList();
        if (!missing.isEmpty()) {
            out.println("Not offered: " + String.join(", ", missing));
        }
    }

    /** The hlm command that uses the operation. */
    private static String command(HlmOperation op) {
        return switch (op) {
            case LINK_CREATE -> "hlm link create";
            case LINK_CREATE_WITH_CERTIFICATE -> "hlm link create --psc-certificate FILE";
            case LINK_LIST -> "hlm link list";
            case LINK_GET -> "hlm link get (health)";
            case LINK_DELETE -> "hlm link delete (DELETE)";
            case LINK_DELETE_WITH_CREDENTIALS -> "hlm link delete with a PSC password";
            case LINK_SYNC -> "hlm link sync";
            case ADMINISTRATORS_GET -> "hlm admin list";
            case ADMINISTRATORS_SET -> "hlm admin set";
            case ADMINISTRATORS_ADD -> "hlm admin add";
            case ADMINISTRATORS_REMOVE -> "hlm admin remove";
        };
    }

    /** What a server needs for an operation it lacks (decision D7). */
    private static String needs(HlmOperation op) {
        return switch (op) {
            case LINK_GET -> "vSphere 8.0 Update 1";
            case LINK_DELETE_WITH_CREDENTIALS -> "a cloud vCenter, not a Cloud Gateway, of vSphere 8.0 Update 1 over /api";
            case LINK_CREATE_WITH_CERTIFICATE -> "vSphere 9.0";
            case LINK_SYNC -> "vSphere before 8.0 Update 1, which removed it";
            default -> "a newer vSphere";
        };
    }
}
