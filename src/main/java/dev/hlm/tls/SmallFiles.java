package dev.hlm.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a file the user names that is small by nature: a password file, a certificate, the known hosts file.
 * The read stops one byte past the limit, so {@code /dev/zero}, a log given by mistake or a sparse file of a
 * terabyte is refused at once instead of filling memory (docs/reliability.md, the bad-input table).
 */
public final class SmallFiles {
    /** A password file holds one password. */
    public static final int PASSWORD_LIMIT = 4 * 1024;
    /** A PEM file of certificates, or the known hosts file: far more than any real one. */
    public static final int TEXT_LIMIT = 4 * 1024 * 1024;

    private SmallFiles() {}

    /** A file larger than its kind can be; the message says how large it may be. */
    public static final class TooLarge extends IOException {
        private TooLarge(Path file, int limit) {
            super(file + " is larger than " + size(limit));
        }
    }

    /**
     * The file's bytes, at most {@code limit} of them.
     *
     * @throws TooLarge when it holds more (what was read is cleared: it may be a secret)
     */
    public static byte[] read(Path file, int limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                Arrays.fill(bytes, (byte) 0);
                throw new TooLarge(file, limit);
            }
            return bytes;
        }
    }

    /** "4 KiB", "4 MiB". */
    public static String size(int bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }

    /** Why a file could not be read, in words: "permission denied", "it is a directory", ... */
    public static String whyUnreadable(Path file, IOException e) {
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
}
