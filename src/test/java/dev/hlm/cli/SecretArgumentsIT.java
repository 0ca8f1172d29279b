package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A password given on the command line with the original script's {@code -p}/{@code -pp} (in any spelling
 * picocli accepts) next to a mistake: the usage error, its {@code --json} record and the {@code --nagios} line
 * quote the arguments, and none of them may show the password. The {@link Cli} harness only knows the
 * passwords of the environment and standard input, so each row asserts it here.
 */
class SecretArgumentsIT {
    private static final String SECRET = "hunter22";

    @TempDir
    Path dir;

    enum Output { TEXT, JSON, NAGIOS }

    static Stream<Arguments> rows() {
        List<String[]> rows = List.of(
                new String[] {"link", "list", "--password=" + SECRET},
                new String[] {"link", "list", "--password", SECRET},
                new String[] {"link", "list", "-p" + SECRET},
                new String[] {"link", "list", "-p=" + SECRET},
                new String[] {"link", "list", "-p", SECRET},
                new String[] {"link", "list", "-kp" + SECRET},
                new String[] {"link", "list", "-kp", SECRET},
                new String[] {"link", "list", "extra", "-p", SECRET},
                new String[] {"about", "--pscpass=" + SECRET},
                new String[] {"link", "create", "-p" + SECRET, "--bogus"},
                new String[] {"link", "create", "extra", "-p", SECRET},
                new String[] {"link", "create", "--pscpass=" + SECRET, "extra"},
                new String[] {"link", "create", "-pp", SECRET, "extra"},
                new String[] {"link", "create", "-pp=" + SECRET, "extra"},
                new String[] {"link", "create", "-pp" + SECRET, "extra"},
                new String[] {"link", "create", "-pu" + SECRET, "extra"},
                new String[] {"link", "create", "--psc-port=abc", "-p", SECRET},
                new String[] {"link", "create", "-p", SECRET, "--psc-port"},
                new String[] {"link", "status", "--password=" + SECRET},
                new String[] {"admin", "list", "-kvp" + SECRET});
        List<Arguments> all = new ArrayList<>();
        for (String[] row : rows) {
            for (Output output : Output.values()) {
                all.add(Arguments.of(String.join(" ", row), output, row));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{1}: hlm {0}")
    @MethodSource("rows")
    void aPasswordOnTheCommandLineIsNeverEchoedInAUsageError(String line, Output output, String[] row) {
        List<String> args = new ArrayList<>(Arrays.asList(row));
        switch (output) {
            case JSON -> args.add("--json");
            case NAGIOS -> args.add("--nagios");
            case TEXT -> { }
        }
        Cli.Result r = Cli.run(Map.of(), args.toArray(String[]::new));

        assertThat(r.all()).as(r.toString()).doesNotContain(SECRET).doesNotContain("\tat ");
        switch (output) {
            case TEXT -> {
                assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
                assertThat(r.err()).as(r.toString()).startsWith("hlm: USAGE: ").contains("\nhint: ");
            }
            case JSON -> {
                assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
                assertThat(r.out()).as(r.toString()).contains("\"error\"", "\"type\" : \"USAGE\"");
            }
            case NAGIOS -> {
                assertThat(r.exitCode()).as(r.toString()).isEqualTo(Nagios.UNKNOWN.exitCode());
                assertThat(r.out()).as(r.toString()).startsWith("HLM UNKNOWN - usage: ");
            }
        }
    }

    /**
     * picocli would read {@code @FILE} arguments as more arguments: unbounded ({@code @/dev/zero} never ends) and
     * beyond the masking, which sees only the command line. hlm documents no argument files, so none is read.
     */
    @Test
    void anArgumentFileIsNeitherReadNorQuoted() throws Exception {
        Path arguments = Files.writeString(dir.resolve("args"), "--password=" + SECRET + "\n");
        for (String file : List.of(arguments.toString(), "/dev/zero")) {
            Cli.Result r = Cli.run(Map.of(), "link", "list", "@" + file);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).as(r.toString()).startsWith("hlm: USAGE: Unmatched argument at index 2: '@" + file + "'")
                    .doesNotContain(SECRET);
        }
    }
}
