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
final class EnvDefaults implements IDefaultValueProvider {
    private final Map<String, String> env;

    EnvDefaults(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec) || !(arg.userObject() instanceof AnnotatedElement element)) {
            return null;
        }
        Env name = element.getAnnotation(Env.class);
        if (name == null) {
            return null;
        }
        String value = env.get(name.value());
        return value == null || value.isEmpty() ? null : value;
    }
}
