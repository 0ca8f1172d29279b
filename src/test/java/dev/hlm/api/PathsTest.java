package dev.hlm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** A link id is one path segment, whatever it holds; the two that would name another path are never built. */
class PathsTest {
    @Test
    void aLinkIdIsPercentEncodedAsOneSegment() {
        assertThat(Paths.link("l-1")).isEqualTo("/hvc/links/l-1");
        assertThat(Paths.link("a/b?c#d")).isEqualTo("/hvc/links/a%2Fb%3Fc%23d");
        assertThat(Paths.link("a b")).isEqualTo("/hvc/links/a%20b");
        assertThat(Paths.link("%2e%2e")).isEqualTo("/hvc/links/%252e%252e");
        assertThat(Paths.link("...")).isEqualTo("/hvc/links/...");
    }

    @Test
    void dotSegmentsAndTheEmptyIdAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Paths.link(".")).withMessageContaining("'.'");
        assertThatIllegalArgumentException().isThrownBy(() -> Paths.link("..")).withMessageContaining("'..'");
        assertThatIllegalArgumentException().isThrownBy(() -> Paths.link("")).withMessageContaining("empty");
    }
}
