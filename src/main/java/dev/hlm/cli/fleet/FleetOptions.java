package dev.hlm.cli.fleet;

import dev.hlm.cli.CliContext;
import dev.hlm.cli.CliException;
import dev.hlm.cli.Env;
import dev.hlm.cli.TrustChoice;
import dev.hlm.fleet.Fleet;
import dev.hlm.fleet.FleetFileException;
import dev.hlm.fleet.FleetFiles;
import dev.hlm.fleet.FleetSession;
import dev.hlm.fleet.FleetTarget;
import dev.hlm.fleet.PasswordResolver;
import dev.hlm.fleet.TargetClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * What {@code plan}, {@code apply} and {@code status} share: which fleet file ({@code -f}, else {@code ./hlm.yaml},
 * else {@code $XDG_CONFIG_HOME/hlm/hlm.yaml}) and how many targets at once.
 */
public final class FleetOptions {
    static final String FILE_NAME = "hlm.yaml";

    @Env("HLM_FLEET")
    @Option(names = {"-f", "--fleet"}, paramLabel = "FILE",
            description = "The fleet file (default: $HLM_FLEET, else ./hlm.yaml, else hlm/hlm.yaml under "
                    + "$XDG_CONFIG_HOME or ~/.config)")
    Path file;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "8",
            description = "Targets worked on at once, 1 to 256 (default: ${DEFAULT-VALUE})")
    int parallel;

    /** The command this is mixed into: its parse result, and the root's (hlm --fleet FILE --target NAME plan). */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * The fleet file to read: the one given, else {@code $HLM_FLEET}, else the first of {@code ./hlm.yaml} and the
     * XDG one that exists.
     *
     * @throws CliException (usage) when none is given and none exists
     */
    public static Path locate(Path given, Map<String, String> env) {
        if (given != null) {
            return given;
        }
        String named = env.get("HLM_FLEET");
        if (named != null && !named.isEmpty()) {
            return Path.of(named);
        }
        Path here = Path.of(FILE_NAME);
        if (Files.exists(here)) {
            return here;
        }
        Path xdg = TrustChoice.defaultKnownHosts(env).resolveSibling(FILE_NAME);
        if (Files.exists(xdg)) {
            return xdg;
        }
        throw CliException.usage("no fleet file: HLM_FLEET is not set, and neither ./" + FILE_NAME + " nor " + xdg
                + " exists", "give one with -f FILE, or --fleet FILE for --target (the README's Fleets section shows its form)");
    }

    /** Reads and checks the fleet file; a wrong one is a usage error naming file, line and field. */
    public static Fleet read(Path given, Map<String, String> env) {
        try {
            return FleetFiles.read(locate(given, env));
        } catch (FleetFileException e) {
            throw CliException.usage(e.getMessage(), "fix the fleet file; the README's Fleets section shows its form");
        }
    }

    /**
     * The fleet this command works on: the file of {@code -f}, or of the root's {@code --fleet} (both naming
     * different files is refused), and of its targets only the one the root's {@code --target} or
     * {@code HLM_TARGET} names, as they do before every other command.
     */
    Fleet read(CliContext ctx) {
        ParseResult root = command.root().commandLine().getParseResult();
        Path beforeCommand = root.matchedOptionValue("--fleet", null);
        if (beforeCommand != null && command.commandLine().getParseResult().hasMatchedOption("--fleet")
                && !beforeCommand.equals(file)) {
            throw CliException.usage("--fleet " + beforeCommand + " before the command and -f " + file
                    + " after it name different files", "give the fleet file once");
        }
        Fleet fleet = read(beforeCommand != null ? beforeCommand : file, ctx.env());
        String target = root.matchedOptionValue("--target", ctx.env().get("HLM_TARGET"));
        if (target == null || target.isBlank()) {
            return fleet;
        }
        return new Fleet(fleet.file(), List.of(named(fleet, target)));
    }

    /** The target called {@code name}; a name the file lacks is a usage error that lists the names it has. */
    static FleetTarget named(Fleet fleet, String name) {
        return fleet.target(name).orElseThrow(() -> CliException.usage("--target " + name
                + ": no such target in " + fleet.file(), "the targets are: "
                + fleet.targets().stream().map(FleetTarget::name).collect(Collectors.joining(", "))));
    }

    /** A session over the fleet: passwords resolved now (a {@code prompt} asks at the terminal, once per target). */
    FleetSession open(CliContext ctx, Fleet fleet) {
        if (parallel < 1 || parallel > 256) {
            throw CliException.usage("--parallel must be 1 to 256, not " + parallel, null);
        }
        PasswordResolver.Prompter prompter = ctx.terminal().isInteractive()
                ? question -> ctx.terminal().readSecret(question + ": ") : null;
        // A target that names no trust uses the known hosts file every other command uses.
        String knownHosts = ctx.env().get("HLM_KNOWN_HOSTS");
        Path hosts = knownHosts == null || knownHosts.isEmpty() ? TrustChoice.defaultKnownHosts(ctx.env()) : Path.of(knownHosts);
        TargetClients clients = new TargetClients(hosts, UnaryOperator.identity());
        return ctx.closeOnExit(new FleetSession(fleet, clients, new PasswordResolver(ctx.env(), prompter), parallel));
    }
}
