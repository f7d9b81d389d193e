package airlock.core.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

/** A JSON value with its path, for reading outside input with messages that say where it is wrong. */
record JsonField(JsonNode node, String path) {

    JsonField field(String name) {
        return new JsonField(node.path(name), path + "." + name);
    }

    JsonField object(Set<String> allowed) throws ImportException {
        if (!node.isObject()) {
            throw fail("must be an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new ImportException("annotations.json: " + path + ": unknown field '" + VisibleText.escape(cut(name)) + "'");
            }
        }
        return this;
    }

    String string(int maxLength) throws ImportException {
        if (!node.isTextual()) {
            throw fail("must be a string");
        }
        String s = node.textValue();
        if (s.length() > maxLength) {
            throw fail("is longer than " + maxLength + " characters");
        }
        return s;
    }

    String nonEmpty(int maxLength) throws ImportException {
        String s = string(maxLength);
        if (s.isEmpty()) {
            throw fail("must not be empty");
        }
        return s;
    }

    String stringOrNull(int maxLength) throws ImportException {
        return node.isNull() ? null : string(maxLength);
    }

    String matching(Pattern pattern) throws ImportException {
        String s = string(256);
        if (!pattern.matcher(s).matches()) {
            throw fail("has an unexpected form '" + VisibleText.escape(cut(s)) + "'");
        }
        return s;
    }

    int integer(int min, int max) throws ImportException {
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            throw fail("must be an integer from " + min + " to " + max);
        }
        return node.intValue();
    }

    long longValue(long min) throws ImportException {
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < min) {
            throw fail("must be an integer of at least " + min);
        }
        return node.longValue();
    }

    boolean bool() throws ImportException {
        if (!node.isBoolean()) {
            throw fail("must be true or false");
        }
        return node.booleanValue();
    }

    Instant instant() throws ImportException {
        String s = string(64);
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw fail("is not a UTC time like 2026-01-31T12:00:00Z");
        }
    }

    JsonField array(int maxItems) throws ImportException {
        if (!node.isArray()) {
            throw fail("must be an array");
        }
        if (node.size() > maxItems) {
            throw fail("has more than " + maxItems + " items");
        }
        return this;
    }

    JsonField item(int i) {
        return new JsonField(node.get(i), path + "[" + i + "]");
    }

    int size() {
        return node.size();
    }

    ImportException fail(String what) {
        if (node == null || node.isMissingNode()) {
            return new ImportException("annotations.json: " + path + " is missing");
        }
        return new ImportException("annotations.json: " + path + " " + what);
    }

    private static String cut(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
