package dev.hlm.cli;

import dev.hlm.client.SafeText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A file a command writes for the user, such as {@code thumbprint --pem FILE}. An existing file is never
 * replaced unless {@code overwrite} (a mistyped name must not destroy another certificate), and the file is
 * written whole or not at all: into a temporary file beside it, then renamed over it, so a reader never sees
 * half of it. It is made readable by everyone ({@code rw-r--r--}): what goes in it (a certificate) is public.
 * Every failure is a usage error naming the option and the file.
 */
final class OutputFile {
    private final String option;
    private final Path file;
    private final boolean overwrite;

    private OutputFile(String option, Path file, boolean overwrite) {
        this.option = option;
        this.file = file;
        this.overwrite = overwrite;
    }

    /**
     * Checks what can be checked before the command does its work (connects): the directory exists, and the
     * file is not a directory nor, without {@code overwrite}, a file already there.
     */
    static OutputFile checked(String option, Path given, boolean overwrite) {
        OutputFile out = new OutputFile(option, given.toAbsolutePath().normalize(), overwrite);
        out.checkDestination();
        return out;
    }

    Path file() {
        return file;
    }

    /** Writes {@code text} (UTF-8) to the file, whole. */
    void write(String text) {
        checkDestination();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
            }
            if (overwrite) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                // Without REPLACE_EXISTING the move fails when the file appeared since the check.
                Files.move(temporary, file);
            }
            temporary = null;
        } catch (FileAlreadyExistsException e) {
            throw exists();
        } catch (IOException e) {
            throw CliException.usage(option + ": cannot write " + file + ": " + writeFailure(e),
                    "check that you may write in " + file.getParent() + ", or give another file");
        } finally {
            deleteQuietly(temporary);
        }
    }

    /**
     * Why writing failed, in words; never the temporary file's name, which the user did not choose and which
     * is gone. The system's reason ("Read-only file system") when it gives one.
     */
    private static String writeFailure(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs) {
            return fs.getReason() != null ? fs.getReason() : "the system refused to create a file there";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void checkDestination() {
        Path dir = file.getParent();
        if (dir == null || Files.isDirectory(file)) {
            throw CliException.usage(option + ": " + file + " is a directory", "give a file name, e.g. "
                    + file.resolve("server.pem"));
        }
        if (!Files.exists(dir)) {
            throw CliException.usage(option + ": the directory " + dir + " does not exist",
                    "create it first, or give a file in another directory");
        }
        if (!Files.isDirectory(dir)) {
            throw CliException.usage(option + ": " + dir + " is not a directory", "give a file in a directory");
        }
        if (!overwrite && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw exists();
        }
    }

    private CliException exists() {
        return CliException.usage(option + ": " + file + " exists; it was left as it is",
                "give another file, or add --force to replace it");
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // Only a dot-file with a .tmp suffix is left; the error that brought us here is the one to report.
        }
    }

    /**
     * For a line hlm prints itself: a path may hold any character a file name can, so it is escaped like every
     * text hlm did not write. (Error messages are escaped where they are printed, and kept exact in --json.)
     */
    static String shown(Path path) {
        return SafeText.escape(path.toString());
    }
}
