package dev.hlm.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The known hosts file: its format, how servers are named in it, and that it is created privately. */
class KnownHostsTest {
    private static final Thumbprint A = GeneratedCertificate.builder("a").build().sha256();
    private static final Thumbprint B = GeneratedCertificate.builder("b").build().sha256();

    @TempDir
    Path dir;

    @Test
    void anAbsentFileHasNoEntries() throws Exception {
        KnownHosts hosts = KnownHosts.at(dir.resolve("none"));
        assertThat(hosts.entries()).isEmpty();
        assertThat(hosts.find("vc.example.com", 443)).isEmpty();
    }

    @Test
    void addCreatesAPrivateFileInAPrivateDirectoryAndFindsTheEntry() throws Exception {
        Path file = dir.resolve("config/hlm/known_hosts");
        KnownHosts hosts = KnownHosts.at(file);

        KnownHosts.Entry first = hosts.add("VC.Example.com", 443, A);
        KnownHosts.Entry second = hosts.add("127.0.0.1", 8443, B);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(Files.readString(file)).startsWith("#").contains("vc.example.com:443 " + A + "\n")
                .endsWith("127.0.0.1:8443 " + B + "\n");
        assertThat(hosts.find("vc.example.com", 443)).containsExactly(first);
        assertThat(hosts.find("127.0.0.1", 8443)).containsExactly(second);
        assertThat(hosts.find("127.0.0.1", 443)).isEmpty();
        // The line numbers are those a person deletes.
        assertThat(Files.readAllLines(file).get(first.line() - 1)).startsWith("vc.example.com:443 ");
        assertThat(Files.readAllLines(file).get(second.line() - 1)).startsWith("127.0.0.1:8443 ");
    }

    @Test
    void addingKeepsWhatAPersonWroteAndItsPermissions() throws Exception {
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "# mine\nvc1:443 " + A.toString().replace(":", "").toLowerCase());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        KnownHosts hosts = KnownHosts.at(file);

        KnownHosts.Entry added = hosts.add("vc2", 443, B);

        assertThat(added.line()).isEqualTo(3);
        assertThat(Files.readAllLines(file)).hasSize(3).startsWith("# mine");
        assertThat(hosts.find("vc1", 443)).extracting(KnownHosts.Entry::sha256).containsExactly(A);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
    }

    @Test
    void serversAreNamedTheSameWayHoweverTheyAreWritten() {
        assertThat(KnownHosts.key("VC.example.COM", 443)).isEqualTo("vc.example.com:443");
        assertThat(KnownHosts.key("::1", 443)).isEqualTo("[0:0:0:0:0:0:0:1]:443");
        assertThat(KnownHosts.key("[::1]", 443)).isEqualTo(KnownHosts.key("0:0:0:0:0:0:0:1", 443));
        assertThat(KnownHosts.key("[FD00::A]", 8443)).isEqualTo("[fd00:0:0:0:0:0:0:a]:8443");
    }

    @Test
    void aDamagedLineIsNamedWithItsFileAndNumber() throws Exception {
        Path file = dir.resolve("known_hosts");
        KnownHosts hosts = KnownHosts.at(file);
        for (String bad : new String[] {"vc:443", "vc:443 " + A + " extra", "vc " + A, "vc:0 " + A, "vc:443 AB:CD",
                "vc:443 " + GeneratedCertificate.builder("c").build().certificate().getSerialNumber().toString(16),
                "vc:443 " + Thumbprint.sha1(GeneratedCertificate.builder("d").build().certificate())}) {
            Files.writeString(file, "# comment\n\n" + bad + "\n");
            assertThatThrownBy(hosts::entries).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(file + " line 3");
        }
    }

    @Test
    void onlySha256IsStored() {
        Thumbprint sha1 = Thumbprint.sha1(GeneratedCertificate.builder("e").build().certificate());
        assertThatThrownBy(() -> KnownHosts.at(dir.resolve("k")).add("vc", 443, sha1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(dir.resolve("k")).doesNotExist();
    }
}
