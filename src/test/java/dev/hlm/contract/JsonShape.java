package dev.hlm.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Structural comparison of an answer with a contract fixture: the same keys at every level (none missing,
 * none extra), the same JSON types, and the same values wherever the fixture writes a literal. A string
 * written {@code <like-this>} is a placeholder: any string. An array in the fixture is a template: empty
 * accepts any array; one element is the shape every element must have (and there must be one); more
 * elements are compared one by one.
 */
public final class JsonShape {
    private JsonShape() {}

    /** Every difference, each naming its JSON path; empty when the answer has the fixture's shape. */
    public static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> found = new ArrayList<>();
        compare("$", expected, actual, found);
        return found;
    }

    /** Equal values; numbers by value, as JSON has one number type (300 read as an int equals 300 written from a long). */
    private static boolean sameValue(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }

    public static boolean isPlaceholder(JsonNode node) {
        return node != null && node.isTextual() && node.asText().matches("<[^<>]+>");
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> found) {
        if (actual == null || actual.isMissingNode()) {
            found.add(path + ": missing");
            return;
        }
        if (expected.getNodeType() != actual.getNodeType()) {
            found.add(path + ": expected " + describe(expected) + " but was " + describe(actual));
            return;
        }
        if (expected.isObject()) {
            compareObjects(path, expected, actual, found);
        } else if (expected.isArray()) {
            compareArrays(path, expected, actual, found);
        } else if (!isPlaceholder(expected) && !sameValue(expected, actual)) {
            found.add(path + ": expected " + expected + " but was " + actual);
        }
    }

    private static void compareObjects(String path, JsonNode expected, JsonNode actual, List<String> found) {
        Set<String> expectedKeys = keys(expected);
        Set<String> actualKeys = keys(actual);
        for (String key : expectedKeys) {
            if (!actualKeys.contains(key)) {
                found.add(path + "." + key + ": missing");
            } else {
                compare(path + "." + key, expected.get(key), actual.get(key), found);
            }
        }
        for (String key : actualKeys) {
            if (!expectedKeys.contains(key)) {
                found.add(path + "." + key + ": not in the contract");
            }
        }
    }

    private static void compareArrays(String path, JsonNode expected, JsonNode actual, List<String> found) {
        if (expected.isEmpty()) {
            return;
        }
        if (expected.size() == 1) {
            if (actual.isEmpty()) {
                found.add(path + ": expected at least one element, was empty");
            }
            for (int i = 0; i < actual.size(); i++) {
                compare(path + "[" + i + "]", expected.get(0), actual.get(i), found);
            }
            return;
        }
        if (expected.size() != actual.size()) {
            found.add(path + ": expected " + expected.size() + " elements but was " + actual.size());
            return;
        }
        for (int i = 0; i < expected.size(); i++) {
            compare(path + "[" + i + "]", expected.get(i), actual.get(i), found);
        }
    }

    private static Set<String> keys(JsonNode object) {
        Set<String> keys = new TreeSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    private static String describe(JsonNode node) {
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + abbreviate(node.toString());
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
