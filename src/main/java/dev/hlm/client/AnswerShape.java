package dev.hlm.client;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Says in words where an answer's JSON differs from what the call expects, without Jackson's internals. */
final class AnswerShape {
    private AnswerShape() {}

    /** E.g. "at [0].link: expected text"; or "expected a list". */
    static String mismatch(Exception e) {
        if (!(e instanceof MismatchedInputException m)) {
            return "unreadable";
        }
        String path = m.getPath().stream().map(AnswerShape::step).collect(Collectors.joining());
        String expected = "expected " + kind(m.getTargetType());
        return path.isEmpty() ? expected : "at " + (path.startsWith(".") ? path.substring(1) : path) + ": " + expected;
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
