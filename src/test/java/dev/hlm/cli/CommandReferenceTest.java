package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/commands/, the command reference in the repository, is what the command model makes now, never stale. */
class CommandReferenceTest {
    private static final Path COMMITTED = Path.of(System.getProperty("user.dir"), "docs", "commands");

    @Test
    void theCommittedReferenceIsUpToDate(@TempDir Path fresh) throws IOException {
        CommandDocs.writeReference(fresh);
        Set<String> made = names(fresh);
        Set<String> committed = names(COMMITTED);
        String refresh = "; refresh docs/commands with: " + CommandDocs.REFRESH;
        for (String page : made) {
            if (!committed.contains(page)) {
                fail("docs/commands/" + page + " is missing" + refresh);
            }
            String want = Files.readString(fresh.resolve(page), StandardCharsets.UTF_8);
            String have = Files.readString(COMMITTED.resolve(page), StandardCharsets.UTF_8);
            if (!want.equals(have)) {
                fail("docs/commands/" + page + " differs from what the commands say" + refresh);
            }
        }
        for (String page : committed) {
            if (!made.contains(page)) {
                fail("docs/commands/" + page + " is for a command that is gone" + refresh);
            }
        }
    }

    @Test
    void thereIsAPagePerCommandWithoutTheReleaseNumber(@TempDir Path fresh) throws IOException {
        CommandDocs.writeReference(fresh);
        assertThat(names(fresh)).contains("hlm.adoc", "hlm-link.adoc", "hlm-link-create.adoc", "hlm-admin-set.adoc",
                "hlm-completion.adoc");
        String root = Files.readString(fresh.resolve("hlm.adoc"), StandardCharsets.UTF_8);
        assertThat(root).contains(":mansource: hlm\n", "= hlm(1)", "xref:hlm-link.adoc[*link*]")
                .doesNotContain("hlm " + VersionProvider.version());
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".adoc"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
