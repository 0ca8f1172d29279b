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
        assertThat(mismatch("{\"0\":[]}", new TypeReference<List<Summary>>() {})).isEqualTo("expected a list");
        assertThat(mismatch("[{\"link\":{\"text\":\"x\"},\"display_name\":\"d\"}]", new TypeReference<List<Summary>>() {}))
                .isEqualTo("at [0].link: expected text");
        assertThat(mismatch("[\"HEALTHY\"]", new TypeReference<Info>() {})).isEqualTo("expected an object");
        assertThat(AnswerShape.mismatch(new IllegalArgumentException("x"))).isEqualTo("unreadable");
    }
}
