package dev.hlm.cli;

import java.lang.reflect.AnnotatedElement;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Gives each option annotated with {@link Env} the value of its environment variable as default. The
 * environment is a map handed in by {@link Main}, so tests run the real parser with an environment of their
 * own instead of the JVM's.
 */
public final class EnvDefaults implements IDefaultValueProvider {
    private final Map<String, String> env;

    EnvDefaults(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        String variable = variable(arg);
        if (variable == null) {
            return null;
        }
        String value = env.get(variable);
        if (value == null || value.isEmpty()) {
            return null;
        }
        // Shells spell a switch many ways: HLM_INSECURE=1, =yes, =on mean true as much as =true does.
        if (arg.type() == boolean.class || arg.type() == Boolean.class) {
            String v = value.trim().toLowerCase(java.util.Locale.ROOT);
            if (java.util.Set.of("1", "yes", "y", "on", "true").contains(v)) {
                return "true";
            }
            if (java.util.Set.of("0", "no", "n", "off", "false").contains(v)) {
                return "false";
            }
        }
        return value;
    }

    /**
     * {@code " (from the environment variable HLM_X)"} when the value of {@code option} came from its variable
     * (the option is not on the command line), else {@code ""}: a user who never typed the option looks for it
     * in vain otherwise. For checks made after parsing; {@code Failures} says the same of a parse error.
     */
    public static String fromEnvironment(picocli.CommandLine.Model.CommandSpec command, String option) {
        OptionSpec spec = command == null ? null : command.findOption(option);
        if (spec == null || command.commandLine() == null || command.commandLine().getParseResult() == null
                || command.commandLine().getParseResult().hasMatchedOption(option)) {
            return "";
        }
        String variable = variable(spec);
        return variable == null ? "" : " (from the environment variable " + variable + ")";
    }

    /** The environment variable an option reads, or null. */
    static String variable(ArgSpec arg) {
        if (!(arg instanceof OptionSpec) || !(arg.userObject() instanceof AnnotatedElement element)) {
            return null;
        }
        Env name = element.getAnnotation(Env.class);
        return name == null ? null : name.value();
    }
}
