package dev.hlm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.hlm.api.Info;
import dev.hlm.api.Json;
import dev.hlm.api.Summary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A wrong-shaped answer is described by where it differs and what was expected, not by Jackson's types. */
class AnswerShapeTest {
    private static String mismatch(String json, TypeReference<?> type) {
        return AnswerShape.mismatch(catchException(() -> Json.mapper().readValue(json, type)));
    }

    @Test
    void namesThePathAndTheExpectedKind() {
        assertThat(mismatch("{\"0\":[]}", new TypeReference<List<Summary>>() {})).isEqualTo("does not have the expected fields (expected a list)");
        assertThat(mismatch("[{\"link\":{\"text\":\"x\"},\"display_name\":\"d\"}]", new TypeReference<List<Summary>>() {}))
                .isEqualTo("does not have the expected fields (at [0].link: expected text)");
        assertThat(mismatch("[\"HEALTHY\"]", new TypeReference<Info>() {})).isEqualTo("does not have the expected fields (expected an object)");
        assertThat(AnswerShape.mismatch(new IllegalArgumentException("x"))).isEqualTo("does not have the expected fields (unreadable)");
    }

    @Test
    void namesARequiredFieldThatIsMissingOrNullAndWhereItShouldBe() {
        TypeReference<List<Summary>> links = new TypeReference<>() {};
        assertThat(mismatch("[{\"display_name\":\"x\"}]", links)).isEqualTo("has no 'link' at [0]");
        assertThat(mismatch("[{\"link\":\"a\",\"display_name\":\"x\"},{\"link\":null,\"display_name\":\"y\"}]", links))
                .isEqualTo("has null for 'link' at [1]");
        assertThat(mismatch("{}", new TypeReference<Info>() {})).isEqualTo("has no 'connection_health_status'");
    }

    @Test
    void aNullValueOrANullItemIsUnusable() {
        assertThat(AnswerShape.unusable(null)).contains("has no value");
        assertThat(AnswerShape.unusable(java.util.Arrays.asList("a", null))).contains("has a null item at [1]");
        assertThat(AnswerShape.unusable(List.of("a"))).isEmpty();
    }
}
