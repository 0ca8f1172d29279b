package dev.hlm.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;

/**
 * A program from the machine that a test drives (Chromium, zsh): where {@code -Dhlm.NAME=PATH} or the variable
 * {@code HLM_NAME} points, else Debian's path. When it is missing, the test fails where the tool is required
 * (CI: {@code -Dhlm.NAME.required=true}, or the variable {@code CI} set, as CI services set it), and elsewhere
 * is skipped with a message naming the packages to install.
 */
public final class ExternalTool {
    private ExternalTool() {}

    /**
     * The tool's path; aborts (skips) or fails the test when it is not executable.
     *
     * @param name the property suffix: {@code hlm.NAME}, {@code hlm.NAME.required}, {@code HLM_NAME}
     * @param group the property suffix that requires it, shared by tools that go together ({@code browser})
     * @param packages how to install it, for the message
     */
    public static Path find(String name, String group, String debianPath, String packages) {
        String given = System.getProperty("hlm." + name, System.getenv("HLM_" + name.toUpperCase(Locale.ROOT)));
        Path path = Path.of(given != null && !given.isBlank() ? given : debianPath);
        if (!Files.isExecutable(path)) {
            String missing = path + " is missing (" + packages + ", or -Dhlm." + name + "=PATH)";
            if (required(group)) {
                throw new AssertionError("this test needs " + name + " here: " + missing);
            }
            Assumptions.abort("skipped: " + missing + "; CI runs it and fails without it");
        }
        return path;
    }

    /** Whether a missing tool of {@code group} fails the test rather than skipping it. */
    static boolean required(String group) {
        String ci = System.getenv("CI");
        boolean onCi = ci != null && !ci.isBlank() && !List.of("false", "0", "no").contains(ci.toLowerCase(Locale.ROOT));
        return Boolean.getBoolean("hlm." + group + ".required") || onCi;
    }
}
