package dev.hlm.fleet;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read into a tree whose every node knows its line, so that a refusal of a fleet file can
 * name the line of the field it refuses. Jackson's own tree ({@code JsonNode}) forgets where its nodes came
 * from; this one is built from the YAML module's token stream, which knows. Only what a fleet file needs:
 * mappings, lists and scalars (as text).
 */
final class YamlTree {
    private YamlTree() {}

    /** A node and the line (1-based) where it starts. */
    sealed interface Node permits Scalar, Mapping, Sequence {
        int line();
    }

    /** A scalar as its text; {@code text} is null for YAML's null ({@code ~}, or nothing after the colon). */
    record Scalar(String text, int line) implements Node {}

    /** A mapping, in the file's order; keys are unique. */
    record Mapping(Map<String, Node> entries, int line) implements Node {}

    record Sequence(List<Node> items, int line) implements Node {}

    /** A document that is not YAML, or repeats a key: {@code line} is where the parser stopped. */
    static final class Malformed extends Exception {
        private final int line;

        Malformed(String message, int line) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    private static final YAMLFactory FACTORY = new YAMLFactory();

    /** The tree of {@code text}, a single document; an empty document is an empty mapping. */
    static Node parse(byte[] text) throws Malformed {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Mapping(Map.of(), 1);
            }
            return read(parser, first);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new Malformed(e.getOriginalMessage().lines().findFirst().orElse("not YAML"),
                    at == null ? 1 : Math.max(1, at.getLineNr()));
        } catch (IOException e) {
            throw new Malformed("not YAML: " + e.getMessage(), 1);
        }
    }

    private static Node read(JsonParser parser, JsonToken token) throws IOException, Malformed {
        int line = parser.currentTokenLocation().getLineNr();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Node> entries = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String key = parser.currentName();
                    int keyLine = parser.currentTokenLocation().getLineNr();
                    Node value = read(parser, parser.nextToken());
                    if (entries.putIfAbsent(key, value) != null) {
                        throw new Malformed("'" + key + "' is given twice", keyLine);
                    }
                }
                return new Mapping(Collections.unmodifiableMap(entries), line);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    items.add(read(parser, next));
                }
                return new Sequence(List.copyOf(items), line);
            }
            case VALUE_NULL -> {
                return new Scalar(null, line);
            }
            default -> {
                return new Scalar(parser.getText(), line);
            }
        }
    }
}
