package dev.hlm.fleet;

import dev.hlm.tls.Pem;
import dev.hlm.tls.SmallFiles;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/** The files a fleet file names, read as the command line reads its own, each failure a {@link TargetProblem} saying why. */
final class LocalFiles {
    private LocalFiles() {}

    /** The certificates of the PEM file that {@code field} names ("ca-cert", "psc-certificate"), at least one. */
    static List<X509Certificate> certificates(String field, Path file) {
        try {
            return Pem.readCertificates(file);
        } catch (IOException e) {
            throw unreadable(field, file, e);
        } catch (IllegalArgumentException e) {
            throw new TargetProblem(field + " " + file + ": " + e.getMessage());
        }
    }

    /** "ca-cert /x.pem does not exist", "... cannot be read: permission denied", "... is larger than 4 MiB". */
    static TargetProblem unreadable(String field, Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new TargetProblem(field + " " + file + " does not exist");
        }
        if (e instanceof SmallFiles.TooLarge) {
            return new TargetProblem(field + " " + e.getMessage());
        }
        return new TargetProblem(field + " " + file + " cannot be read: " + SmallFiles.whyUnreadable(file, e));
    }
}
