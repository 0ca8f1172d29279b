package dev.hlm.fleet;

import dev.hlm.client.PasswordRule;
import dev.hlm.tls.SmallFiles;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns a fleet file's password references into passwords: {@code env:VAR} from the environment given,
 * {@code file:PATH} from the file, {@code prompt} from the {@link Prompter} (the command line asks at the terminal;
 * a library caller decides), each as {@link PasswordRule} has it, as for the command line's passwords: a byte order
 * mark and one line ending dropped, a second line or a NUL refused. A reference that does not resolve is a
 * {@link TargetProblem} naming it, never the value.
 */
public final class PasswordResolver {
    /** Asks a person for one password; null when nobody can be asked. */
    @FunctionalInterface
    public interface Prompter {
        char[] ask(String question);
    }

    private final Map<String, String> env;
    private final Prompter prompter;

    public PasswordResolver(Map<String, String> env, Prompter prompter) {
        this.env = Map.copyOf(env);
        this.prompter = prompter;
    }

    /** @param what whose password, for the question and the refusal, e.g. "the password of sddc-1 (cloudadmin@vmc.local)" */
    public char[] resolve(SecretRef ref, String what) {
        if (ref instanceof SecretRef.FromEnv fromEnv) {
            String value = env.get(fromEnv.variable());
            if (value == null || value.isEmpty()) {
                throw new TargetProblem(what + " comes from " + ref + ", which is not set");
            }
            return checked(ref, what, () -> PasswordRule.chars(value.toCharArray()));
        }
        if (ref instanceof SecretRef.FromFile fromFile) {
            byte[] bytes = read(fromFile, what);
            return checked(ref, what, () -> PasswordRule.bytes(bytes));
        }
        char[] asked = prompter == null ? null : prompter.ask(what);
        if (asked == null) {
            throw new TargetProblem(what + " is 'prompt', and there is no terminal to ask: use env: or file:");
        }
        try {
            return checked(ref, what, () -> PasswordRule.chars(asked));
        } finally {
            Arrays.fill(asked, '\0');
        }
    }

    /** The password as {@link PasswordRule} has it, or a refusal that names the reference, never the value. */
    private static char[] checked(SecretRef ref, String what, Supplier<char[]> password) {
        try {
            return password.get();
        } catch (PasswordRule.Refused e) {
            throw new TargetProblem(what + " comes from " + ref + ", which " + e.getMessage());
        }
    }

    private static byte[] read(SecretRef.FromFile ref, String what) {
        try {
            return SmallFiles.read(ref.file(), SmallFiles.PASSWORD_LIMIT);
        } catch (NoSuchFileException e) {
            throw new TargetProblem(what + " comes from " + ref + ", which does not exist");
        } catch (IOException e) {
            throw new TargetProblem(what + " comes from " + ref + ", which cannot be read: "
                    + SmallFiles.whyUnreadable(ref.file(), e));
        }
    }
}
