package dev.hlm.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet file's password references follow the command line's one rule for passwords (docs/security.md T23,
 * T24): a password file with a second line is a mistake, refused before anything is sent, never a wrong password
 * tried until the account locks; a Windows editor's byte order mark and a final line ending are not the password.
 */
class PasswordResolverTest {
    @TempDir
    Path dir;

    private final PasswordResolver resolver = new PasswordResolver(Map.of("VC_PW", "s3cret\n", "NUL_PW", "a\0b"), null);

    private char[] fromFile(String name, byte[] content) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return resolver.resolve(new SecretRef.FromFile(file), "the password of sddc-1");
    }

    @Test
    void aFileWithAByteOrderMarkAndACrlfGivesThePasswordAlone() throws Exception {
        byte[] windows = "\uFEFFs3cret\r\n".getBytes(StandardCharsets.UTF_8);
        assertThat(fromFile("windows", windows)).containsExactly("s3cret".toCharArray());
    }

    @Test
    void aFileWithASecondLineIsRefusedNamingTheFileNotThePassword() {
        assertThatThrownBy(() -> fromFile("two-lines", "s3cret\nother\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TargetProblem.class)
                .hasMessageContaining("the password of sddc-1 comes from file:")
                .hasMessageContaining("two-lines")
                .hasMessageContaining("more than one line")
                .hasMessageNotContaining("s3cret").hasMessageNotContaining("other");
    }

    @Test
    void anEmptyFileAndBytesThatAreNotUtf8AreRefused() {
        assertThatThrownBy(() -> fromFile("empty", "\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TargetProblem.class).hasMessageContaining("is empty");
        assertThatThrownBy(() -> fromFile("latin1", new byte[] {'p', (byte) 0xE9, '\n'}))
                .isInstanceOf(TargetProblem.class).hasMessageContaining("not UTF-8");
    }

    @Test
    void theEnvironmentFollowsTheSameRule() {
        assertThat(resolver.resolve(new SecretRef.FromEnv("VC_PW"), "the password of sddc-1"))
                .containsExactly("s3cret".toCharArray());
        assertThatThrownBy(() -> resolver.resolve(new SecretRef.FromEnv("NUL_PW"), "the password of sddc-1"))
                .isInstanceOf(TargetProblem.class)
                .hasMessage("the password of sddc-1 comes from env:NUL_PW, which holds a NUL character");
    }
}
