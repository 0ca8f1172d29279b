package dev.hlm.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
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

    public static char[] resolve(CliContext ctx, Source s) {
        if (s.commandLine() != null) {
            ctx.warn("a password given with " + s.commandLineFlag() + " is visible to other users of this machine; use "
                    + s.envVar() + ", " + s.fileFlag() + " or " + s.stdinFlag() + " instead");
            return s.commandLine().clone();
        }
        if (s.file() != null) {
            return fromFile(ctx, s);
        }
        if (s.stdin()) {
            return fromStdin(ctx, s);
        }
        String env = ctx.env().get(s.envVar());
        if (env != null && !env.isEmpty()) {
            return env.toCharArray();
        }
        if (ctx.terminal().isInteractive()) {
            char[] typed = ctx.terminal().readSecret(s.what() + ": ");
            if (typed != null && typed.length > 0) {
                return typed;
            }
        }
        throw CliException.usage("no " + s.what() + " given",
                "set " + s.envVar() + ", or use " + s.fileFlag() + " FILE or " + s.stdinFlag()
                        + " (or run on a terminal to be asked)");
    }

    private static char[] fromFile(CliContext ctx, Source s) {
        return fromFile(ctx, s.fileFlag(), s.file());
    }

    /** The first line of a password file given with {@code flag}; a missing, unreadable or empty file is exit 2. */
    public static char[] fromFile(CliContext ctx, String flag, Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw CliException.usage(flag + ": " + file + " does not exist", null);
        } catch (IOException e) {
            throw CliException.usage(flag + ": cannot read " + file + ": " + readFailure(file, e), null);
        }
        warnIfShared(ctx, flag, file);
        char[] all = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes)).array();
        Arrays.fill(bytes, (byte) 0);
        char[] line = firstLine(all);
        Arrays.fill(all, '\0');
        if (line.length == 0) {
            throw CliException.usage(flag + ": " + file + " is empty", "put the password on its first line");
        }
        return line;
    }

    /** Why a file could not be read, in words: "permission denied", "it is a directory", ... */
    static String readFailure(Path file, IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (Files.isDirectory(file)) {
            return "it is a directory";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static char[] fromStdin(CliContext ctx, Source s) {
        char[] line;
        try {
            line = ctx.readStdinSecret();
        } catch (IOException e) {
            throw CliException.usage(s.stdinFlag() + ": cannot read standard input", null);
        }
        if (line == null || line.length == 0) {
            throw CliException.usage(s.stdinFlag() + ": no " + s.what() + " on standard input",
                    "pipe one password per line; with both --password-stdin and --psc-password-stdin the vCenter's comes first");
        }
        return line;
    }

    /** The chars up to the first line break (a trailing newline in a file is not part of the password). */
    private static char[] firstLine(char[] chars) {
        CharBuffer buffer = CharBuffer.wrap(chars);
        int end = 0;
        while (end < chars.length && chars[end] != '\n' && chars[end] != '\r' && chars[end] != '\0') {
            end++;
        }
        char[] line = new char[end];
        buffer.get(line, 0, end);
        return line;
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
