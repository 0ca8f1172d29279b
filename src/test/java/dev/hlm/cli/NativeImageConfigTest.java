package dev.hlm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reflection a native build of hlm would need for its commands is declared: picocli-codegen writes it at
 * compile time from the annotations (docs/benchmarks.md, "A native image"). Main registers the commands and
 * their verbs itself and creates each through its constructor by reflection, so every command in the tree must
 * be there with its constructors, or a native hlm would fail to create it.
 */
class NativeImageConfigTest {
    private static final String CONFIG = "/META-INF/native-image/picocli-generated/dev.hlm/hlm/reflect-config.json";

    @Test
    void everyCommandAndVerbIsRegisteredWithItsConstructors() throws IOException {
        Map<String, JsonNode> registered = new HashMap<>();
        try (InputStream in = NativeImageConfigTest.class.getResourceAsStream(CONFIG)) {
            assertThat(in).as(CONFIG).isNotNull();
            for (JsonNode entry : new ObjectMapper().readTree(in)) {
                registered.put(entry.path("name").asText(), entry);
            }
        }
        List<Class<?>> tree = new ArrayList<>(List.of(HlmCommand.class));
        Startup.everyCommand().forEach((command, verbs) -> {
            tree.add(command);
            tree.addAll(verbs);
        });
        assertThat(tree).hasSizeGreaterThan(HlmCommand.COMMANDS.size() + 10);
        for (Class<?> command : tree) {
            assertThat(registered).as("reflect-config.json entry for " + command.getName())
                    .containsKey(command.getName());
            assertThat(registered.get(command.getName()).path("allDeclaredConstructors").asBoolean())
                    .as(command.getName() + ": allDeclaredConstructors").isTrue();
        }
    }
}
