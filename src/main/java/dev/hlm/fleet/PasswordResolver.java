package dev.hlm.fleet;

import dev.hlm.tls.SmallFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.Map;

/**
 * Turns a fleet file's password references into passwords: {@code env:VAR} from the environment given,
 * {@code file:PATH} from the file's first line, {@code prompt} from the {@link Prompter} (the command line asks at
 * the terminal; a library caller decides). A reference that does not resolve is a {@link TargetProblem} naming it,
 * never the value.
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
            return value.toCharArray();
        }
        if (ref instanceof SecretRef.FromFile fromFile) {
            return firstLine(fromFile, what);
        }
        char[] asked = prompter == null ? null : prompter.ask(what);
        if (asked == null) {
            throw new TargetProblem(what + " is 'prompt', and there is no terminal to ask: use env: or file:");
        }
        return asked;
    }

    private static char[] firstLine(SecretRef.FromFile ref, String what) {
        byte[] bytes;
        try {
            bytes = SmallFiles.read(ref.file(), SmallFiles.PASSWORD_LIMIT);
        } catch (NoSuchFileException e) {
            throw new TargetProblem(what + " comes from " + ref + ", which does not exist");
        } catch (IOException e) {
            throw new TargetProblem(what + " comes from " + ref + ", which cannot be read: " + e.getMessage());
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        String line = (end < 0 ? text : text.substring(0, end)).replace("\r", "");
        if (line.isEmpty()) {
            throw new TargetProblem(what + " comes from " + ref + ", whose first line is empty");
        }
        return line.toCharArray();
    }
}
