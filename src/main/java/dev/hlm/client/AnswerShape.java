package dev.hlm.client;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.hlm.api.LinkIds;
import dev.hlm.api.Summary;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Says in words where an answer's JSON differs from what the call expects, without Jackson's internals: a
 * field the call needs that is missing or null (the records of {@code dev.hlm.api} mark those required and
 * non-null), a null item in a list, a value of another type. Each is a sentence after "the answer from HOST".
 */
final class AnswerShape {
    /** Jackson's own words for a required record component that the JSON lacks; the name is hlm's, not the server's. */
    private static final Pattern MISSING = Pattern.compile("Missing required creator property '([^']+)'");

    private AnswerShape() {}

    /** E.g. "has no 'link' at [0]", "has null for 'link' at [0]", "does not have the expected fields (expected a list)". */
    static String mismatch(Exception e) {
        if (!(e instanceof MismatchedInputException m)) {
            return "does not have the expected fields (unreadable)";
        }
        String path = m.getPath().stream().map(AnswerShape::step).collect(Collectors.joining());
        if (path.startsWith(".")) {
            path = path.substring(1);
        }
        if (e instanceof InvalidNullException n && n.getPropertyName() != null) {
            String field = n.getPropertyName().getSimpleName();
            return "has null for '" + field + "'" + at(withoutField(path, field));
        }
        Matcher missing = MISSING.matcher(String.valueOf(m.getOriginalMessage()));
        if (missing.find()) {
            return "has no '" + missing.group(1) + "'" + at(withoutField(path, missing.group(1)));
        }
        String expected = "expected " + kind(m.getTargetType());
        return "does not have the expected fields (" + (path.isEmpty() ? expected : "at " + path + ": " + expected) + ")";
    }

    /**
     * What the decoder lets through but the call cannot use: no value at all ({@code null}, or
     * {@code {"value": null}} on /rest), a null item in a list (of links, of groups), or a listed link whose
     * id is empty, {@code .} or {@code ..}.
     */
    static Optional<String> unusable(Object decoded) {
        if (decoded == null) {
            return Optional.of("has no value");
        }
        if (decoded instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) == null) {
                    return Optional.of("has a null item at [" + i + "]");
                }
                if (items.get(i) instanceof Summary link && LinkIds.problem(link.link()) != null) {
                    // Such an id would address another path on the next call (docs/security.md T22).
                    return Optional.of(link.link().isEmpty() ? "has an empty link id at [" + i + "]"
                            : "has link id '" + link.link() + "' at [" + i + "], a path step and not an id");
                }
            }
        }
        return Optional.empty();
    }

    /** Where a field sits: its path without the field itself, which Jackson may or may not have appended. */
    private static String withoutField(String path, String field) {
        if (path.equals(field)) {
            return "";
        }
        return path.endsWith("." + field) ? path.substring(0, path.length() - field.length() - 1) : path;
    }

    private static String at(String path) {
        return path.isEmpty() ? "" : " at " + path;
    }

    private static String step(JsonMappingException.Reference r) {
        return r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]";
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
            return "text";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return Map.class.isAssignableFrom(type) || type.isRecord() ? "an object" : "another type";
    }
}
