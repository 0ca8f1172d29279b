package dev.hlm.sim.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The vAPI interface types an answer is made of, as far as the HVC services use them, each able to write a
 * plain JSON value (as the REST flavor answers it) in the JSON-RPC typed form: a structure as
 * {@code {"STRUCTURE": {name: {fields}}}}, an optional as {@code {"OPTIONAL": value-or-null}}, a secret as
 * {@code {"SECRET": text}}, lists and sets as arrays, strings, ids and enums as they are, void as null.
 * The SDK runtimes read answers by these types, so a field left out or a bare value where a wrapper belongs
 * fails on their side: every declared field is written, unset optionals as {@code {"OPTIONAL": null}}.
 */
public sealed interface VapiType {
    JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The value in its typed form; {@code plain} may be null (absent) only where the type allows it. */
    JsonNode encode(JsonNode plain);

    /** Strings, ids and enum values: written as they are. */
    VapiType STRING = new Primitive("string");
    VapiType BOOLEAN = new Primitive("boolean");
    VapiType LONG = new Primitive("long");
    /** RFC 3339 in UTC with milliseconds, the form the runtimes write and read. */
    VapiType DATE_TIME = new DateTime();
    VapiType SECRET = new Secret();
    VapiType VOID = new NoValue();

    static VapiType optional(VapiType element) {
        return new OptionalOf(element);
    }

    static VapiType list(VapiType element) {
        return new ListOf(element);
    }

    /** A set: on the wire a list, like the runtimes' SetType. */
    static VapiType set(VapiType element) {
        return new ListOf(element);
    }

    static Structure structure(String name) {
        return new Structure("STRUCTURE", name, new LinkedHashMap<>());
    }

    /**
     * A structure whose fields are whatever the value has (the {@code data} of an error: a dynamic structure),
     * each written as it is.
     */
    static VapiType dynamic(String name) {
        return new Dynamic(name);
    }

    /** A vAPI error value: a structure under {@code ERROR}, named for its error type. */
    static Structure error(String name) {
        return new Structure("ERROR", name, new LinkedHashMap<>());
    }

    /** A value the contract requires is absent from the simulator's own answer: a bug, not a client's fault. */
    final class MissingValueException extends IllegalStateException {
        MissingValueException(String what) {
            super("the answer has no " + what);
        }
    }

    record Primitive(String name) implements VapiType {
        @Override
        public JsonNode encode(JsonNode plain) {
            if (plain == null || plain.isNull() || plain.isMissingNode()) {
                throw new MissingValueException(name);
            }
            return plain;
        }
    }

    record DateTime() implements VapiType {
        @Override
        public JsonNode encode(JsonNode plain) {
            JsonNode text = STRING.encode(plain);
            try {
                return TextNode.valueOf(Instant.parse(text.asText()).truncatedTo(ChronoUnit.MILLIS).toString()
                        .replaceFirst("(:\\d\\d)Z$", "$1.000Z"));
            } catch (DateTimeParseException e) {
                throw new MissingValueException("date-time (got " + text.asText() + ")");
            }
        }
    }

    record Secret() implements VapiType {
        @Override
        public JsonNode encode(JsonNode plain) {
            return NODES.objectNode().set("SECRET", STRING.encode(plain));
        }
    }

    record NoValue() implements VapiType {
        @Override
        public JsonNode encode(JsonNode plain) {
            return NullNode.instance;
        }
    }

    record OptionalOf(VapiType element) implements VapiType {
        @Override
        public JsonNode encode(JsonNode plain) {
            boolean unset = plain == null || plain.isNull() || plain.isMissingNode();
            return NODES.objectNode().set("OPTIONAL", unset ? NullNode.instance : element.encode(plain));
        }
    }

    record ListOf(VapiType element) implements VapiType {
        @Override
        public JsonNode encode(JsonNode plain) {
            if (plain == null || !plain.isArray()) {
                throw new MissingValueException("list");
            }
            ArrayNode array = NODES.arrayNode();
            plain.forEach(item -> array.add(element.encode(item)));
            return array;
        }
    }

    record Dynamic(String name) implements VapiType {
        @Override
        public JsonNode encode(JsonNode plain) {
            if (plain == null || !plain.isObject()) {
                throw new MissingValueException("structure " + name);
            }
            ObjectNode named = NODES.objectNode();
            named.set(name, plain.deepCopy());
            return NODES.objectNode().set("STRUCTURE", named);
        }
    }

    /**
     * A structure (or an error) with its fields in declared order. Fields of the plain value that the type does
     * not declare are left out, as a binding would drop them.
     *
     * @param kind {@code STRUCTURE} or {@code ERROR}
     */
    record Structure(String kind, String name, Map<String, VapiType> fields) implements VapiType {
        /** This structure with one more field; built once, at class initialisation, and then only read. */
        public Structure field(String field, VapiType type) {
            fields.put(field, type);
            return this;
        }

        @Override
        public JsonNode encode(JsonNode plain) {
            if (plain == null || !plain.isObject()) {
                throw new MissingValueException("structure " + name);
            }
            ObjectNode values = NODES.objectNode();
            fields.forEach((field, type) -> values.set(field, type.encode(plain.get(field))));
            ObjectNode named = NODES.objectNode();
            named.set(name, values);
            return NODES.objectNode().set(kind, named);
        }
    }
}
