package dev.hlm.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Entry point: wires the command line to the real world, or, from tests, to one of their making. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Startup.warmUpFor(args);
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        CliContext ctx = new CliContext(System.getenv(), System.in, Terminal.system());
        ctx.program(System.getProperty("hlm.program"));
        Interruption interruption = Interruption.install(args, ctx, out, err);
        int code = run(args, out, err, ctx);
        out.flush();
        err.flush();
        if (!interruption.finished()) {
            // A signal came first: its thread logs out, reports and exits with 128 + its number.
            waitForever();
        }
        Startup.endHttpClients();
        System.exit(code);
    }

    private static void waitForever() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // Only the exit ends this wait.
            }
        }
    }

    /** Runs one command; returns its exit code. Never calls System.exit. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, CliContext ctx) {
        try {
            dev.hlm.cli.fleet.NamedTarget.Chosen chosen = NamedTargetOption.chosen(args, ctx.env());
            if (chosen != null) {
                ctx.useTarget(chosen);
            }
        } catch (CliException e) {
            // The named target is read before the parser runs, so its refusal is reported here, as the parser would.
            err.println("hlm: " + e.type() + ": " + dev.hlm.client.SafeText.escape(e.getMessage()));
            if (e.hint() != null) {
                err.println("hint: " + e.hint());
            }
            err.flush();
            return e.exitCode();
        }
        if (Startup.onlyTheVersion(args)) {
            // picocli's answer to --version, without building its model first: most of such a run (Startup).
            for (String line : new VersionProvider().getVersion()) {
                out.println(line);
            }
            out.flush();
            return ExitCodes.OK;
        }
        return commandLine(out, err, ctx, Startup.commandsFor(args)).execute(args);
    }

    /** The configured command line with every command: environment defaults, exit codes, one failure handler, out/err. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, CliContext ctx) {
        return commandLine(out, err, ctx, Startup.everyCommand());
    }

    /** As above, with only {@code commands} under the root, each with the verbs given for it. */
    private static CommandLine commandLine(PrintWriter out, PrintWriter err, CliContext ctx,
            Map<Class<?>, List<Class<?>>> commands) {
        ctx.writers(out, err);
        HlmCommand root = new HlmCommand();
        ContextFactory factory = new ContextFactory(ctx);
        CommandLine cli = new CommandLine(root, factory);
        // All before the settings below, which apply to the subcommands there are.
        commands.forEach((command, verbs) -> {
            CommandLine sub = new CommandLine(factory.instance(command), factory);
            for (Class<?> verb : verbs) {
                sub.addSubcommand(factory.instance(verb));
            }
            cli.addSubcommand(sub);
        });
        Failures failures = new Failures(ctx, root);
        cli.setOut(out)
                .setErr(err)
                .setDefaultValueProvider(new EnvDefaults(ctx.env()))
                .setExecutionExceptionHandler(failures)
                .setParameterExceptionHandler(failures)
                .setCaseInsensitiveEnumValuesAllowed(true)
                // No @FILE argument files: picocli reads them without a size limit (@/dev/zero never ends), and
                // a password inside one would be quoted by messages the masking (SecretArguments) never saw.
                .setExpandAtFiles(false);
        HelpText.install(cli, ctx.env());
        return cli;
    }

    /** Creates commands, giving those that ask for it the {@link CliContext}. */
    private record ContextFactory(CliContext ctx) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(CliContext.class).newInstance(ctx);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }

        Object instance(Class<?> type) {
            try {
                return create(type);
            } catch (Exception e) {
                throw new CommandLine.InitializationException("cannot create " + type.getName() + ": " + e, e);
            }
        }
    }

    /** For tests and embedding: an environment and stdin with no terminal. */
    public static CliContext context(Map<String, String> env, InputStream stdin) {
        return new CliContext(env, stdin, Terminal.none());
    }
}
