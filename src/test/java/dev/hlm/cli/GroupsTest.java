package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.hlm.client.SafeText;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What hlm takes as an HLM administrator group name (decision D11), and how it says what is wrong. */
class GroupsTest {
    @ParameterizedTest
    @ValueSource(strings = {"ops@corp.local", "VMC Admins@corp.local", "Domain  Users@CORP.LOCAL", "O'Brien team@corp.local",
        "ops.team_1@corp.local", "Gruppe \u00c4@corp.local", "CORP\\ops@corp.local"})
    void acceptsPrintableNamesWithSpacesInsideTheGroup(String name) {
        assertThat(Groups.problem(name)).isNull();
        assertThat(Groups.validated("GROUP", List.of(name))).containsExactly(name);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                arguments("ops\n@corp.local", "'ops\\x0a@corp.local' contains a control character (\\x0a)"),
                arguments("ops\t@corp.local", "'ops\\x09@corp.local' contains a control character (\\x09)"),
                arguments("ops\u001b[31m@corp.local", "'ops\\x1b[31m@corp.local' contains a control character (\\x1b)"),
                arguments("ops\u200b@corp.local", "'ops\\u200b@corp.local' contains an invisible character (\\u200b)"),
                arguments("ops\u202e@corp.local", "'ops\\u202e@corp.local' contains an invisible character (\\u202e)"),
                arguments("\ufeffops@corp.local", "'\\ufeffops@corp.local' contains an invisible character (\\ufeff)"),
                arguments("ops\u2028@corp.local", "'ops\\u2028@corp.local' contains an invisible character (\\u2028)"),
                arguments("ops", "'ops' is not a group name of the form group@domain"),
                arguments("a@b@c", "'a@b@c' is not a group name of the form group@domain"),
                arguments("ops @corp.local", "'ops @corp.local' has a blank before '@'"),
                arguments("ops@ corp.local", "'ops@ corp.local' has a blank in its domain"),
                arguments("ops@corp local", "'ops@corp local' has a blank in its domain"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void refusesWithTheOffendingCharacterEscaped(String name, String message) {
        // The reason quotes the name as given; shown, it is escaped like every message.
        assertThat(SafeText.escape(Groups.problem(name))).isEqualTo(message);
        assertThatThrownBy(() -> Groups.validated("GROUP", List.of(name)))
                .isInstanceOf(CliException.class)
                .satisfies(e -> assertThat(SafeText.escape(e.getMessage())).isEqualTo("GROUP: " + message))
                .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(ExitCodes.USAGE));
    }

    @Test
    void plainSpacesAroundTheWholeNameAreDroppedAndDuplicatesMerged() {
        assertThat(Groups.validated("GROUP", List.of("  VMC Admins@corp.local ", "VMC Admins@corp.local")))
                .containsExactly("VMC Admins@corp.local");
        assertThat(Groups.problem(" ops@corp.local")).as("the rule itself takes no leading blank").isNotNull();
    }
}
