package dev.hlm.cli;

import dev.hlm.client.PasswordRule;
import dev.hlm.tls.SmallFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;

/**
 * Where a password comes from, in order: a file ({@code --*-password-file}), standard input
 * ({@code --*-password-stdin}), the environment, then a prompt without echo when a person is at a terminal.
 * Never required on the command line; the original script's {@code -p}/{@code -pp} still work, with a warning.
 */
public final class Secrets {
    /** One password's possible sources, as the user gave them. */
    public record Source(String what, String envVar, String fileFlag, Path file, String stdinFlag, boolean stdin,
                         char[] commandLine, String commandLineFlag) {}

    private Secrets() {}

    /** True when {@link #resolve} would find a password or ask for one, without reading or asking yet. */
    public static boolean available(CliContext ctx, Source s) {
        String env = ctx.env().get(s.envVar());
        return s.commandLine() != null || s.file() != null || s.stdin() || (env != null && !env.isEmpty())
                || ctx.terminal().isInteractive();
    }

    /** How a refusal names a password given nowhere: {@code the PSC password (HLM_PSC_PASSWORD, ...)}. */
    public static String missing(Source s) {
        return "the " + s.what() + " (" + s.envVar() + ", " + s.fileFlag() + " or " + s.stdinFlag() + ")";
    }

    /** How every refusal of a password's text ends: the rule, so the user can fix the source. */
    private static final String RULE = "a password is UTF-8 text on one line; a byte order mark at its start and one "
            + "newline at its end are ignored";

    public static char[] resolve(CliContext ctx, Source s) {
        if (s.commandLine() != null) {
            ctx.warn("a password given with " + s.commandLineFlag() + " is visible to other users of this machine; use "
                    + s.envVar() + ", " + s.fileFlag() + " or " + s.stdinFlag() + " instead");
            return checked(s.commandLineFlag() + ": the " + s.what(), () -> PasswordRule.chars(s.commandLine()));
        }
        if (s.file() != null) {
            return fromFile(ctx, s);
        }
        if (s.stdin()) {
            return fromStdin(ctx, s);
        }
        String env = ctx.env().get(s.envVar());
        if (env != null && !env.isEmpty()) {
            return checked(s.envVar() + ": the " + s.what(), () -> PasswordRule.chars(env.toCharArray()));
        }
        if (ctx.terminal().isInteractive()) {
            char[] typed = ctx.terminal().readSecret(s.what() + ": ");
            if (typed != null && typed.length > 0) {
                try {
                    return checked("the " + s.what() + " typed", () -> PasswordRule.chars(typed));
                } finally {
                    Arrays.fill(typed, '\0');
                }
            }
        }
        throw CliException.usage("no " + s.what() + " given",
                "set " + s.envVar() + ", or use " + s.fileFlag() + " FILE or " + s.stdinFlag()
                        + " (or run on a terminal to be asked)");
    }

    /** The rule's answer for one source; a refusal is a usage error that names the source, never the text. */
    private static char[] checked(String source, java.util.function.Supplier<char[]> rule) {
        try {
            return rule.get();
        } catch (PasswordRule.Refused e) {
            throw CliException.usage(source + " " + e.getMessage(), RULE);
        }
    }

    private static char[] fromFile(CliContext ctx, Source s) {
        return fromFile(ctx, s.fileFlag(), s.file());
    }

    /**
     * The password in a file given with {@code flag}, by {@link PasswordRule}; a missing, unreadable, too large
     * (over 4 KiB) or empty file, or one whose text breaks the rule, is exit 2.
     */
    public static char[] fromFile(CliContext ctx, String flag, Path file) {
        byte[] bytes;
        try {
            bytes = SmallFiles.read(file, SmallFiles.PASSWORD_LIMIT);
        } catch (NoSuchFileException e) {
            throw CliException.usage(flag + ": " + file + " does not exist", null);
        } catch (SmallFiles.TooLarge e) {
            throw CliException.usage(flag + ": " + e.getMessage() + ", more than a password file holds",
                    "a password file holds the password alone: " + RULE);
        } catch (IOException e) {
            throw CliException.usage(flag + ": cannot read " + file + ": " + SmallFiles.whyUnreadable(file, e), null);
        }
        warnIfShared(ctx, flag, file);
        if (bytes.length == 0) {
            throw CliException.usage(flag + ": " + file + " is empty", "put the password in it: " + RULE);
        }
        byte[] read = bytes;
        return checked(flag + ": " + file, () -> PasswordRule.bytes(read));
    }

    private static char[] fromStdin(CliContext ctx, Source s) {
        // Room for the longest password a file may hold and its CRLF; a longer line is refused unread.
        int max = SmallFiles.PASSWORD_LIMIT + 2;
        byte[] line;
        try {
            line = ctx.readStdinSecretLine(max);
        } catch (IOException e) {
            throw CliException.usage(s.stdinFlag() + ": cannot read standard input", null);
        }
        if (line == null || line[0] == '\n' || (line.length == 2 && line[0] == '\r' && line[1] == '\n')) {
            throw CliException.usage(s.stdinFlag() + ": no " + s.what() + " on standard input",
                    "pipe one password per line; with both --password-stdin and --psc-password-stdin the vCenter's comes first");
        }
        int ending = line[line.length - 1] != '\n' ? 0 : line.length > 1 && line[line.length - 2] == '\r' ? 2 : 1;
        if (line.length - ending > SmallFiles.PASSWORD_LIMIT) {
            Arrays.fill(line, (byte) 0);
            throw CliException.usage(s.stdinFlag() + ": the line on standard input is longer than "
                    + SmallFiles.size(SmallFiles.PASSWORD_LIMIT) + ", more than a password", RULE);
        }
        return checked(s.stdinFlag() + ": the line on standard input", () -> PasswordRule.bytes(line));
    }

    private static void warnIfShared(CliContext ctx, String flag, Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                ctx.warn(flag + ": " + file + " can be read by other users; chmod 600 it");
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: nothing to check.
        }
    }
}
