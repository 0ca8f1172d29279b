package dev.hlm.cli;

import dev.hlm.cli.fleet.NamedTarget;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code hlm --target NAME [--fleet FILE] COMMAND ...} (or {@code HLM_TARGET}): a command run against one target of a
 * fleet file. Read from the arguments before picocli parses them, because the target's connection becomes the
 * defaults the parser itself falls back to ({@link EnvDefaults}): beneath the {@code HLM_*} variables and the
 * options, which still win.
 */
final class NamedTargetOption {
    static final String TARGET = "--target";
    static final String FLEET = "--fleet";
    /** The commands over a fleet, for which --target chooses the target instead of giving the connection. */
    private static final java.util.Set<String> FLEET_COMMANDS = java.util.Set.of("plan", "apply", "status");

    private NamedTargetOption() {}

    static boolean takesValue(String arg) {
        return arg.equals(TARGET) || arg.equals(FLEET);
    }

    static boolean withValue(String arg) {
        return arg.startsWith(TARGET + "=") || arg.startsWith(FLEET + "=");
    }

    /** The target the command line names (or HLM_TARGET), with the environment the run sees; null for none. */
    static NamedTarget.Chosen chosen(String[] args, Map<String, String> env) {
        String target = env.get("HLM_TARGET");
        String fleet = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-")) {
                if (FLEET_COMMANDS.contains(arg)) {
                    return null; // they read the fleet file themselves, and work on the named target alone
                }
                break; // the root's options come before the command
            }
            if (takesValue(arg) && i + 1 < args.length) {
                if (arg.equals(TARGET)) {
                    target = args[++i];
                } else {
                    fleet = args[++i];
                }
            } else if (arg.startsWith(TARGET + "=")) {
                target = arg.substring(TARGET.length() + 1);
            } else if (arg.startsWith(FLEET + "=")) {
                fleet = arg.substring(FLEET.length() + 1);
            }
        }
        if (target == null || target.isBlank()) {
            return null;
        }
        return NamedTarget.choose(target, fleet == null ? null : Path.of(fleet), env);
    }
}
