package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A mistyped name gets the closest names first, each thing once, and nothing far off. */
class SuggestionsTest {
    private static final List<List<String>> VERBS =
            List.of(List.of("check"), List.of("create"), List.of("list"), List.of("get"), List.of("status"), List.of("delete"));
    private static final List<List<String>> PSC_OPTIONS = List.of(
            List.of("-ph", "--pschost", "--psc-hostname"), List.of("-o", "--port", "--psc-port"),
            List.of("-pu", "--pscuser", "--psc-username"), List.of("-pt", "--pscthumb", "--psc-thumbprint"),
            List.of("--psc-password-file"), List.of("--psc-password-stdin"), List.of("--psc-certificate"));

    @Test
    void aSwappedPairOfLettersIsOneEdit() {
        assertThat(Suggestions.distance("craete", "create")).isEqualTo(1);
        assertThat(Suggestions.distance("craete", "delete")).isGreaterThan(2);
        assertThat(Suggestions.closest("craete", VERBS)).containsExactly("create");
    }

    @Test
    void anOptionIsSuggestedOnceByItsNearestName() {
        assertThat(Suggestions.closest("--psc-hostnme", PSC_OPTIONS)).containsExactly("--psc-hostname");
        assertThat(Suggestions.closest("--psc-thumb", PSC_OPTIONS)).first().isEqualTo("--psc-thumbprint");
    }

    @Test
    void theClosestComeFirstAndAtMostThree() {
        List<String> some = Suggestions.closest("--psc-pass", PSC_OPTIONS);
        assertThat(some).startsWith("--psc-password-file", "--psc-password-stdin").hasSizeLessThanOrEqualTo(3);
        assertThat(Suggestions.closest("delte", VERBS)).first().isEqualTo("delete");
    }

    @Test
    void nothingFarOffIsSuggested() {
        assertThat(Suggestions.closest("frobnicate", VERBS)).isEmpty();
        assertThat(Suggestions.closest("--verbose-ish", PSC_OPTIONS)).isEmpty();
    }
}
