package dev.hlm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Comments, tests, fixtures and docs cite the API's decisions (D5) and facts (B.6.1, B.13 #3) by key; each
 * key must be readable from the repository, in {@code docs/decisions.md}, and no citation may point at a
 * document outside it.
 */
class DocsCitationsTest {
    private static final Path PROJECT = Path.of(System.getProperty("user.dir"));
    private static final Path DECISIONS = PROJECT.resolve("docs/decisions.md");
    /** A D and one or two digits, but not inside a thumbprint such as 3A:D4:7F. */
    private static final Pattern DECISION = Pattern.compile("(?<![\\w:])D(\\d{1,2})\\b(?!:)");
    private static final Pattern FACT = Pattern.compile("\\bB\\.(\\d{1,2})(\\.\\d{1,2})?\\b(?:\\s+#(\\d{1,2}))?");
    private static final Pattern HEADING = Pattern.compile("^#{3,4} (D\\d+|B\\.\\d+(?:\\.\\d+)?)\\. ");
    private static final Pattern NUMBERED_ROW = Pattern.compile("^\\| #(\\d+) \\|");

    @Test
    void everyCitedDecisionAndFactHasItsEntry() throws IOException {
        Set<String> entries = entries(Files.readAllLines(DECISIONS, StandardCharsets.UTF_8));
        assertThat(entries).as("the entries read from " + DECISIONS).contains("D1", "D15", "B.1", "B.6.5", "B.13 #10");

        List<String> missing = new ArrayList<>();
        int citations = 0;
        for (Path file : citingFiles()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<String> cited = new ArrayList<>();
            DECISION.matcher(text).results().forEach(m -> cited.add("D" + Integer.parseInt(m.group(1))));
            Matcher fact = FACT.matcher(text);
            while (fact.find()) {
                String section = "B." + fact.group(1) + (fact.group(2) == null ? "" : fact.group(2));
                cited.add(section);
                if (fact.group(3) != null) {
                    cited.add(section + " #" + fact.group(3));
                }
            }
            for (String key : cited) {
                citations++;
                if (!entries.contains(key)) {
                    missing.add(key + " (" + PROJECT.relativize(file) + ")");
                }
            }
        }
        assertThat(citations).as("citations found").isGreaterThan(100);
        assertThat(missing).as("cited, but not in docs/decisions.md").isEmpty();
    }

    @Test
    void nothingCitesTheReferenceOutsideTheRepository() throws IOException {
        List<String> outside = new ArrayList<>();
        for (Path file : citingFiles()) {
            if (Files.readString(file, StandardCharsets.UTF_8).contains("hlm-api" + ".md")) {
                outside.add(PROJECT.relativize(file).toString());
            }
        }
        assertThat(outside).as("files citing the reference hlm-api" + ".md, which is not in the repository; cite docs/decisions.md")
                .isEmpty();
    }

    /** The keys docs/decisions.md has: its headings, and its rows {@code | #N |} as "B.13 #N" under B.13. */
    private static Set<String> entries(List<String> lines) {
        Set<String> entries = new TreeSet<>();
        String section = null;
        for (String line : lines) {
            Matcher heading = HEADING.matcher(line);
            Matcher row = NUMBERED_ROW.matcher(line);
            if (heading.find()) {
                section = heading.group(1);
                entries.add(section);
            } else if (row.find() && section != null) {
                entries.add(section + " #" + row.group(1));
            }
        }
        return entries;
    }

    /** Every source, test, fixture and document but the decisions themselves. */
    private static List<Path> citingFiles() throws IOException {
        List<Path> files = new ArrayList<>(List.of(PROJECT.resolve("README.md"), PROJECT.resolve("bench/run")));
        for (String dir : List.of("src", "docs")) {
            try (Stream<Path> walk = Files.walk(PROJECT.resolve(dir))) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> p.toString().matches(".*\\.(java|json|md)$"))
                        .filter(p -> !p.equals(DECISIONS))
                        .forEach(files::add);
            }
        }
        return files;
    }
}
