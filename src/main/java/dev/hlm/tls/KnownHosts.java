package dev.hlm.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Servers whose certificate a person trusted on first use, as ssh's {@code known_hosts} and govc's
 * {@code -tls-known-hosts} keep them: a text file, one line per server, {@code HOST:PORT SHA-256}
 * ({@code [v6-address]:PORT} for IPv6). Lines starting with {@code #} and blank lines are ignored; a person
 * forgets a server by deleting its line. The file is read on every check, so an entry added by one client
 * is seen by the next handshake.
 */
public final class KnownHosts {
    private static final String HEADER = "# hlm known hosts: servers trusted on first use, one per line: HOST:PORT SHA-256\n"
            + "# Delete a server's line to forget it; hlm asks again on the next connection from a terminal.\n";

    private final Path file;

    private KnownHosts(Path file) {
        this.file = file;
    }

    public static KnownHosts at(Path file) {
        return new KnownHosts(file.toAbsolutePath());
    }

    public Path file() {
        return file;
    }

    /** One trusted server: its {@link #key} and the SHA-256 thumbprint of its certificate, and where it is. */
    public record Entry(String server, Thumbprint sha256, int line) {}

    /**
     * Every entry; an absent file has none.
     *
     * @throws IOException when the file exists but cannot be read ({@link SmallFiles.TooLarge} past 4 MiB)
     * @throws IllegalArgumentException naming the file and line of an entry that is not {@code HOST:PORT SHA-256},
     *     or the file when it is not UTF-8 text
     */
    public List<Entry> entries() throws IOException {
        List<String> lines;
        try {
            lines = StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(SmallFiles.read(file, SmallFiles.TEXT_LIMIT))).toString().lines().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException(file + " is not UTF-8 text");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            entries.add(parse(line, i + 1));
        }
        return entries;
    }

    private Entry parse(String line, int number) {
        String[] fields = line.split("\\s+");
        String where = file + " line " + number;
        if (fields.length != 2) {
            throw new IllegalArgumentException(where + " is not 'HOST:PORT SHA-256'");
        }
        Thumbprint thumbprint = Thumbprint.tryParse(fields[1])
                .filter(t -> t.algorithm() == Thumbprint.Algorithm.SHA256)
                .orElseThrow(() -> new IllegalArgumentException(where + ": '" + fields[1] + "' is not a SHA-256 thumbprint"));
        int colon = fields[0].lastIndexOf(':');
        int port;
        try {
            port = colon < 0 ? -1 : Integer.parseInt(fields[0].substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (colon <= 0 || port < 1 || port > 65535) {
            throw new IllegalArgumentException(where + ": '" + fields[0] + "' is not HOST:PORT");
        }
        return new Entry(key(fields[0].substring(0, colon), port), thumbprint, number);
    }

    /** The entries for one server, in file order. */
    public List<Entry> find(String host, int port) throws IOException {
        String key = key(host, port);
        return entries().stream().filter(e -> e.server().equals(key)).toList();
    }

    /**
     * Appends a server. A new file is created readable by its owner only, in a directory created the same way.
     *
     * @throws IllegalArgumentException when the thumbprint is not SHA-256
     */
    public Entry add(String host, int port, Thumbprint sha256) throws IOException {
        if (sha256.algorithm() != Thumbprint.Algorithm.SHA256) {
            throw new IllegalArgumentException("known hosts hold SHA-256 thumbprints");
        }
        createPrivately();
        String existing = Files.readString(file, StandardCharsets.UTF_8);
        String prefix = existing.isEmpty() ? HEADER : existing.endsWith("\n") ? "" : "\n";
        String key = key(host, port);
        Files.writeString(file, prefix + key + " " + sha256 + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        // The appended line is the last one.
        return new Entry(key, sha256, Files.readAllLines(file, StandardCharsets.UTF_8).size());
    }

    private void createPrivately() throws IOException {
        Path dir = file.getParent();
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (dir != null && !Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        try {
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            // Appending to an existing file keeps its permissions.
        }
    }

    /**
     * How a server is named in the file: the host in lower case, an IPv6 address in brackets and in its
     * canonical form, then {@code :PORT}.
     */
    public static String key(String host, int port) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.indexOf(':') >= 0) {
            try {
                // A literal: no name service is asked.
                h = InetAddress.getByName(h).getHostAddress();
            } catch (UnknownHostException e) {
                // Kept as given.
            }
        }
        return HostNames.hostPort(h, port);
    }

    @Override
    public String toString() {
        return "KnownHosts[" + file + "]";
    }

    /** The server is trusted neither by the system nor by an entry: a person may trust it on first use. */
    public static final class UnknownServer extends CertificateException {
        private final String server;
        private final transient X509Certificate certificate;
        private final transient KnownHosts knownHosts;

        UnknownServer(String server, X509Certificate certificate, KnownHosts knownHosts) {
            super("neither the system trust store nor the known hosts file " + knownHosts.file() + " trusts it");
            this.server = server;
            this.certificate = certificate;
            this.knownHosts = knownHosts;
        }

        /** {@code HOST:PORT}, as {@link #key} writes it. */
        public String server() {
            return server;
        }

        public X509Certificate certificate() {
            return certificate;
        }

        public KnownHosts knownHosts() {
            return knownHosts;
        }
    }

    /** The server presents another certificate than the one trusted for it: possibly an impersonator. */
    public static final class CertificateChanged extends CertificateException {
        private final String server;
        private final transient List<Entry> known;
        private final transient Thumbprint presented;
        private final transient Path file;

        CertificateChanged(String server, List<Entry> known, Thumbprint presented, Path file) {
            super("the certificate of " + server + " has CHANGED since it was trusted: " + file + " line "
                    + known.get(0).line() + " has SHA-256 " + known.get(0).sha256() + ", the server now presents SHA-256 "
                    + presented + "; someone may be impersonating the server, and no credential was sent");
            this.server = server;
            this.known = List.copyOf(known);
            this.presented = presented;
            this.file = file;
        }

        public String server() {
            return server;
        }

        /** The entries for this server, none of which matches. */
        public List<Entry> known() {
            return known;
        }

        public Thumbprint presented() {
            return presented;
        }

        public Path file() {
            return file;
        }
    }
}
