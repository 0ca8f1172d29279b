package dev.hlm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The quick loop ({@code mvn -B verify -Pquick}, pom.xml) leaves out the tests tagged soak, process, script and
 * browser; a test class that starts a process or a browser without the tag would quietly make it slow again.
 */
class QuickLoopTest {
    private static final Path TESTS = Path.of("src/test/java");
    private static final Pattern TEST = Pattern.compile("@(Test|ParameterizedTest)\\b");

    @Test
    void everyTestClassThatStartsAProcessIsTagged() throws IOException {
        List<Path> starting = testClassesContaining("new ProcessBuilder(");
        // Guards the check itself: SimCommandIT, SignalIT and the others start hlm.
        assertThat(starting).as("test classes that start a process").hasSizeGreaterThan(5);
        assertThat(starting).filteredOn(p -> !read(p).contains("@Tag(\"process\")") && !read(p).contains("@Tag(\"script\")"))
                .as("test classes that start a process, without @Tag(\"process\")").isEmpty();
    }

    @Test
    void everyTestClassThatStartsABrowserIsTagged() throws IOException {
        List<Path> starting = testClassesContaining("Chromium.start(");
        assertThat(starting).as("test classes that start Chromium").isNotEmpty();
        assertThat(starting).filteredOn(p -> !read(p).contains("@Tag(\"browser\")"))
                .as("test classes that start Chromium, without @Tag(\"browser\")").isEmpty();
    }

    private static List<Path> testClassesContaining(String code) throws IOException {
        try (Stream<Path> files = Files.walk(TESTS)) {
            return files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("QuickLoopTest.java"))
                    .filter(p -> TEST.matcher(read(p)).find() && read(p).contains(code))
                    .toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
