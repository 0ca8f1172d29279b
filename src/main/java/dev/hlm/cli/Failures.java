package dev.hlm.cli;

import dev.hlm.api.ErrorType;
import dev.hlm.client.ApiException;
import dev.hlm.client.SafeText;
import dev.hlm.client.TransportException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line {@code hlm: TYPE: message}, a hint line, and an exit code. Messages
 * and hints carry text from servers (their error messages, link ids, headers echoed by the JDK): both are
 * escaped ({@link SafeText}), so neither can add a line or act on the terminal; {@code --json} has them
 * exact. A stack trace is shown only for an internal error (a bug in hlm), and only with {@code --verbose}.
 */
final class Failures implements IExecutionExceptionHandler, IParameterExceptionHandler {
    /** Where a failure is also printed as JSON, for the run under way; null without --json. */
    private PrintWriter jsonOut;
    /** The passwords on the command line of the run under way, masked in every message. */
    private SecretArguments secrets = SecretArguments.in(java.util.List.of());
    private final CliContext ctx;
    private final HlmCommand root;

    Failures(CliContext ctx, HlmCommand root) {
        this.ctx = ctx;
        this.root = root;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        // picocli's message quotes the arguments, which may hold a password given with -p or -pp.
        secrets = SecretArguments.in(java.util.Arrays.asList(args));
        String message = secrets.mask(ex.getMessage() == null ? "" : ex.getMessage());
        if (Nagios.requestedBy(java.util.Arrays.asList(args))) {
            // A monitoring plugin reports bad arguments as UNKNOWN, on one line of standard output.
            cmd.getOut().println(Nagios.UNKNOWN.line("usage: " + message, null));
            cmd.getOut().flush();
            return Nagios.UNKNOWN.exitCode();
        }
        message += alsoMissing(ex);
        err.println("hlm: USAGE: " + SafeText.escape(message) + fromEnvironment(ex, args));
        String help = "see '" + cmd.getCommandSpec().qualifiedName() + " --help'";
        if (java.util.Arrays.asList(args).contains("--json")) {
            printJson(cmd.getOut(), "USAGE", message, help, ExitCodes.USAGE);
        }
        String hint;
        if (ex instanceof CommandLine.MissingParameterException missing) {
            hint = whatIsMissing(missing) + help;
        } else if (ex instanceof CommandLine.UnmatchedArgumentException unmatched
                && !Suggestions.forUnmatched(unmatched).isEmpty()) {
            hint = "did you mean " + String.join(" or ", Suggestions.forUnmatched(unmatched)) + "? " + help;
        } else {
            hint = help;
        }
        err.println("hint: " + SafeText.escape(secrets.mask(hint)));
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        if (ctx.isInterrupted()) {
            // A signal ended the wait this failure comes from; Interruption reports it, once.
            return ExitCodes.INTERNAL;
        }
        PrintWriter err = cmd.getErr();
        secrets = SecretArguments.in(parseResult == null ? java.util.List.of() : parseResult.originalArgs());
        // Under --json a script reads stdout: the failure goes there too, as a record.
        jsonOut = cmd.getParseResult() != null && cmd.getParseResult().hasMatchedOption("--json") ? cmd.getOut() : null;
        int code;
        String command = commandName(cmd);
        if (ex instanceof CliException e) {
            String hint = e.hint() != null ? e.hint() : "see '" + cmd.getCommandSpec().qualifiedName(" ") + " --help'";
            code = report(err, e.type(), e.getMessage(), hint, e.exitCode());
        } else if (ex instanceof ApiException e) {
            int exit = e.errorType() == ErrorType.UNAUTHENTICATED || e.errorType() == ErrorType.UNAUTHORIZED
                    ? ExitCodes.AUTH : ExitCodes.API_REFUSED;
            code = report(err, e.errorType().name(), e.serverMessage(), Remedies.forApi(e, command), exit);
        } else if (ex instanceof TransportException e) {
            String type = e.kind() == TransportException.Kind.CONNECT ? "CONNECTION" : e.kind().name();
            code = report(err, type, e.getMessage(), Remedies.forTransport(e), ExitCodes.CONNECTION);
        } else {
            code = report(err, "INTERNAL", ex.getClass().getSimpleName() + ": " + ex.getMessage(),
                    "this is a bug in hlm; rerun with --verbose and report the output", ExitCodes.INTERNAL);
        }
        // Only a bug in hlm has a stack trace worth reading; every other failure is said in full above.
        if (root.verbose() && code == ExitCodes.INTERNAL) {
            printStackTrace(err, ex, secrets);
        }
        err.flush();
        return code;
    }

    /**
     * The trace, written here rather than by {@link Throwable#printStackTrace}: an exception's message may
     * quote a server, so each one is escaped whole (its line breaks could otherwise forge a line).
     */
    private static void printStackTrace(PrintWriter err, Throwable ex, SecretArguments secrets) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = ex; t != null && seen.add(t); t = t.getCause()) {
            err.println((t == ex ? "" : "Caused by: ") + SafeText.escape(secrets.mask(t.toString())));
            for (StackTraceElement frame : t.getStackTrace()) {
                err.println("    at " + SafeText.escape(frame.toString()));
            }
        }
    }

    /**
     * picocli refuses a missing LINK or GROUP before the command runs, so the vCenter's inputs that are missing
     * too would come one run later: name them in the same message ("; also missing --server (or HLM_SERVER)").
     * The option values and their variables are in place by then (picocli applies them before it checks).
     */
    private String alsoMissing(ParameterException ex) {
        if (!(ex instanceof CommandLine.MissingParameterException missing)
                || missing.getMissing().stream().anyMatch(arg -> arg.isOption())) {
            return "";
        }
        for (Object mixin : ex.getCommandLine().getMixins().values()) {
            if (mixin instanceof ConnectionOptions connection) {
                java.util.List<String> inputs = connection.missingInputs(ctx, null);
                return inputs.isEmpty() ? "" : "; also missing " + String.join(", ", inputs);
            }
        }
        return "";
    }

    /** What each missing parameter is, from its help text: "LINK: the link id, as 'hlm link list' shows it; ". */
    private static String whatIsMissing(CommandLine.MissingParameterException missing) {
        StringBuilder what = new StringBuilder();
        for (picocli.CommandLine.Model.ArgSpec arg : missing.getMissing()) {
            String[] description = arg.description();
            if (arg instanceof picocli.CommandLine.Model.PositionalParamSpec positional && description.length > 0) {
                what.append(positional.paramLabel()).append(": ")
                        .append(Character.toLowerCase(description[0].charAt(0))).append(description[0].substring(1))
                        .append("; ");
            }
        }
        return what.toString();
    }

    /** The command as typed after {@code hlm}, e.g. {@code link create}: how {@link Remedies} names it. */
    static String commandName(CommandLine cmd) {
        String name = cmd.getCommandSpec().qualifiedName(" ");
        return name.startsWith("hlm ") ? name.substring(4) : name;
    }

    private int report(PrintWriter err, String type, String rawMessage, String rawHint, int code) {
        String message = secrets.mask(rawMessage == null ? "" : rawMessage);
        String hint = secrets.mask(rawHint);
        err.println("hlm: " + type + ": " + SafeText.escape(message));
        if (hint != null) {
            err.println("hint: " + SafeText.escape(hint));
        }
        if (jsonOut != null) {
            printJson(jsonOut, type, message, hint, code);
        }
        return code;
    }

    /** What {@code --json} prints for a failure: {@code {"error": {type, message, hint, exit_code}}}. */
    record ErrorRecord(Body error) {
        record Body(String type, String message, String hint, int exitCode) {}
    }

    static void printJson(PrintWriter out, String type, String message, String hint, int code) {
        out.println(OutputOptions.toJson(new ErrorRecord(new ErrorRecord.Body(type, message == null ? "" : message, hint, code))));
        out.flush();
    }

    /**
     * When the wrong value came from an environment variable (the option is not on the command line), says
     * which: a user who never typed {@code --psc-port} looks for it in vain otherwise.
     */
    private static String fromEnvironment(ParameterException ex, String[] args) {
        picocli.CommandLine.Model.ArgSpec arg = ex.getArgSpec();
        String variable = arg == null ? null : EnvDefaults.variable(arg);
        if (variable == null || !(arg instanceof picocli.CommandLine.Model.OptionSpec option)) {
            return "";
        }
        for (String given : args) {
            for (String name : option.names()) {
                if (given.equals(name) || given.startsWith(name + "=")) {
                    return "";
                }
            }
        }
        return " (from the environment variable " + variable + ")";
    }
}
