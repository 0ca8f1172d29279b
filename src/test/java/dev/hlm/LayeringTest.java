package dev.hlm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point down only: {@code api} and {@code http} import nothing of the project, {@code tls} only {@code api},
 * {@code client} and {@code sim} never import each other nor {@code cli}, and {@code fleet} stands on the client
 * library alone (only {@code cli} uses it).
 */
class LayeringTest {
    private static final Path MAIN = Path.of("src/main/java/dev/hlm");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern PROJECT_REFERENCE = Pattern.compile("\\bdev\\.hlm\\.(\\w+)");

    @Test
    void apiImportsNothingInternal() throws IOException {
        assertThat(violations("api", List.of("api"))).isEmpty();
    }

    @Test
    void httpImportsNothingInternal() throws IOException {
        assertThat(violations("http", List.of("http"))).isEmpty();
    }

    @Test
    void tlsUsesOnlyApi() throws IOException {
        assertThat(violations("tls", List.of("tls", "api"))).isEmpty();
    }

    @Test
    void clientNeverUsesSimOrCli() throws IOException {
        assertThat(violations("client", List.of("client", "api", "tls", "http"))).isEmpty();
    }

    @Test
    void simNeverUsesClientOrCli() throws IOException {
        assertThat(violations("sim", List.of("sim", "api", "tls", "http"))).isEmpty();
    }

    @Test
    void fleetUsesOnlyTheClientLibrary() throws IOException {
        assertThat(violations("fleet", List.of("fleet", "client", "api", "tls", "http"))).isEmpty();
    }

    @Test
    void onlyTheCommandLineUsesFleets() throws IOException {
        for (String layer : List.of("api", "http", "tls", "client", "sim")) {
            assertThat(violations(layer, List.of("api", "http", "tls", "client", "sim"))).as(layer)
                    .noneMatch(v -> v.endsWith("dev.hlm.fleet"));
        }
    }

    @Test
    void theCheckSeesEveryPackage() throws IOException {
        // Guards the test itself: if the layout moves, the rules above must not pass vacuously.
        for (String layer : List.of("api", "http", "tls", "client", "sim", "fleet", "cli")) {
            assertThat(sources(layer)).as(layer).isNotEmpty();
        }
    }

    private static List<String> violations(String layer, List<String> allowed) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : sources(layer)) {
            // Comments may name other layers ("never imports dev.hlm.sim"); only code counts.
            String text = COMMENT.matcher(Files.readString(file)).replaceAll("");
            Matcher m = PROJECT_REFERENCE.matcher(text);
            while (m.find()) {
                if (!allowed.contains(m.group(1))) {
                    found.add(MAIN.relativize(file) + " uses dev.hlm." + m.group(1));
                }
            }
        }
        return found;
    }

    private static List<Path> sources(String layer) throws IOException {
        try (Stream<Path> files = Files.walk(MAIN.resolve(layer))) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
