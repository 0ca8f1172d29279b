package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Which arguments are passwords, in every spelling, and that the lists behind it cover every command. */
class SecretArgumentsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--password hunter22",
            "--password=hunter22",
            "--pscpass hunter22",
            "--pscpass=hunter22",
            "-p hunter22",
            "-phunter22",
            "-p=hunter22",
            "-pp hunter22",
            "-pp=hunter22",
            "-pphunter22",
            "-puhunter22",
            "-kphunter22",
            "-kp hunter22",
            "-vkp=hunter22",
            "extra -p hunter22 more",
    })
    void everySpellingOfAPasswordOptionIsMasked(String line) {
        List<String> args = Arrays.asList(line.split(" "));
        String quoted = "Unknown options: '" + String.join("', '", args) + "'";
        assertThat(SecretArguments.in(args).mask(quoted)).doesNotContain("hunter22").contains("***");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "-pu administrator@vsphere.local",
            "-pu=administrator@vsphere.local",
            "-ph vc01.corp.local",
            "-pt AA:BB",
            "--psc-password-file /tmp/vsphere.local",
            "-s vsphere.local",
            "--username=administrator@vsphere.local",
    })
    void otherOptionsValuesAreLeftAlone(String line) {
        List<String> args = Arrays.asList(line.split(" "));
        assertThat(SecretArguments.in(args).mask(line)).isEqualTo(line);
    }

    /** The lists in {@link SecretArguments} against the model of every command, so a new option cannot slip by. */
    @Test
    void theListsCoverEveryOptionOfEveryCommand() {
        List<OptionSpec> options = new ArrayList<>();
        collect(Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Main.context(Map.of(), InputStream.nullInputStream())), options);
        assertThat(options).as("the model was walked").hasSizeGreaterThan(30);
        List<String> secretNames = new ArrayList<>();
        for (OptionSpec option : options) {
            boolean secret = option.type() == char[].class;
            for (String name : option.names()) {
                if (secret) {
                    secretNames.add(name);
                    assertThat(SecretArguments.OPTIONS).as("a password option").contains(name);
                } else if (name.matches("-[a-zA-Z]") && option.arity().max == 0) {
                    assertThat(SecretArguments.FLAGS).as("a flag that may come before -p in a cluster")
                            .contains(name.substring(1));
                } else if (name.startsWith("-p") && !name.startsWith("--")) {
                    assertThat(SecretArguments.NOT_SECRET).as("an option that begins with -p").contains(name);
                }
            }
        }
        assertThat(secretNames.stream().distinct().toList()).containsExactlyInAnyOrderElementsOf(SecretArguments.OPTIONS);
    }

    private static void collect(CommandLine command, List<OptionSpec> options) {
        options.addAll(command.getCommandSpec().options());
        command.getSubcommands().values().forEach(sub -> collect(sub, options));
    }
}
