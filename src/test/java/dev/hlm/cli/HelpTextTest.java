package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Help text breaks at spaces only, never inside quotes, and continues under the text it continues. */
class HelpTextTest {
    @Test
    void breaksAtSpacesNotInsidePathsOrVersions() {
        assertThat(HelpText.wrap("a vCenter pinned in FILE (default ~/.config/hlm/known_hosts), vSphere 7.0U2+", 30, 2))
                .containsExactly("a vCenter pinned in FILE", "  (default", "  ~/.config/hlm/known_hosts),", "  vSphere 7.0U2+");
    }

    @Test
    void aQuotedExampleStaysWhole() {
        assertThat(HelpText.wrap("Try it: 'eval \"$(hlm sim --background)\"' and then 'hlm link create'.", 30, 0))
                .containsExactly("Try it:", "'eval \"$(hlm sim --background)\"'", "and then 'hlm link create'.");
        assertThat(HelpText.wrap("With --json: {\"link\": ID, \"method\": \"DELETE\"|\"DELETE_WITH_CREDENTIALS\"}", 40, 0))
                .containsExactly("With --json: {\"link\": ID, \"method\":", "\"DELETE\"|\"DELETE_WITH_CREDENTIALS\"}");
    }

    @Test
    void anApostropheIsNoQuoteAndAnOpenQuoteProtectsNothing() {
        assertThat(HelpText.wrap("in vSphere's format, the vCenter's own", 20, 0))
                .containsExactly("in vSphere's format,", "the vCenter's own");
        assertThat(HelpText.wrap("an 'open quote that never closes here", 20, 0))
                .containsExactly("an 'open quote that", "never closes here");
    }

    @Test
    void aRowContinuesUnderItsLastColumnOrBelowWhenNarrow() {
        String row = "  HLM_TIMEOUT, HLM_REQUEST_TIMEOUT           seconds to connect (10), for a call (60)";
        assertThat(HelpText.paragraph(row, 80)).containsExactly(
                "  HLM_TIMEOUT, HLM_REQUEST_TIMEOUT           seconds to connect (10), for a call",
                "                                             (60)");
        assertThat(HelpText.paragraph(row, 60)).containsExactly(
                "  HLM_TIMEOUT, HLM_REQUEST_TIMEOUT",
                "      seconds to connect (10), for a call (60)");
        assertThat(HelpText.paragraph("  eval \"$(hlm sim --background)\"; hlm link create; kill $HLM_SIM_PID", 40))
                .containsExactly("  eval \"$(hlm sim --background)\"; hlm", "  link create; kill $HLM_SIM_PID");
    }

    @Test
    void aWordLongerThanTheLineStandsAlone() {
        assertThat(HelpText.wrap("see https://example.com/a/very/long/path/indeed now", 20, 0))
                .containsExactly("see", "https://example.com/a/very/long/path/indeed", "now");
    }
}
