package airlock.core.crypto;

import airlock.core.AirlockException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical JSON after RFC 8785 (JCS), restricted to objects, arrays, strings, integers within
 * ±(2^53−1), booleans and null. In this subset the canonical form is: object members sorted by
 * the UTF-16 code units of their names, no whitespace, strings escaped only where JCS requires
 * ({@code \" \\ \b \f \n \r \t}, other controls as six-character {@code u00xx} escapes), UTF-8 output.
 *
 * <p>{@link #parseStrict} is meant for signed bytes: it accepts only bytes that are already in
 * this canonical form, so there is exactly one byte string per value and the bytes that were
 * signed are the bytes that are parsed.
 */
public final class CanonicalJson {
    /** Largest integer every JSON implementation represents exactly (2^53 − 1). */
    public static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;

    private CanonicalJson() {
    }

    /** Serialises {@code value} canonically; throws IllegalArgumentException for shapes outside the subset. */
    public static byte[] write(Object value) {
        StringBuilder out = new StringBuilder();
        writeValue(value, out, 0);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Parses {@code bytes}, which must be canonical. Objects come back as sorted {@code Map<String,Object>},
     * arrays as {@code List<Object>}, integers as {@code Long}.
     */
    public static Object parseStrict(byte[] bytes) throws AirlockException {
        Object value = new JsonReader(bytes).readDocument();
        byte[] again;
        try {
            again = write(value);
        } catch (IllegalArgumentException e) {
            throw new AirlockException("json.unsupported", "JSON value outside the canonical subset: " + e.getMessage(), e);
        }
        if (!Arrays.equals(again, bytes)) {
            int at = firstDifference(again, bytes);
            throw new AirlockException("json.noncanonical", "JSON is not in canonical (RFC 8785) form: first difference at byte "
                    + at + " (expected sorted keys, no whitespace, minimal escapes)");
        }
        return value;
    }

    private static int firstDifference(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return n;
    }

    private static void writeValue(Object value, StringBuilder out, int depth) {
        if (depth > JsonReader.MAX_DEPTH) {
            throw new IllegalArgumentException("nesting deeper than " + JsonReader.MAX_DEPTH);
        }
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            writeString(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Long || value instanceof Integer) {
            long n = ((Number) value).longValue();
            if (n > MAX_SAFE_INTEGER || n < -MAX_SAFE_INTEGER) {
                throw new IllegalArgumentException("integer " + n + " is outside ±(2^53−1)");
            }
            out.append(n);
        } else if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("object key is not a string: " + e.getKey());
                }
                sorted.put(key, e.getValue());
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeString(e.getKey(), out);
                out.append(':');
                writeValue(e.getValue(), out, depth + 1);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeValue(list.get(i), out, depth + 1);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("type " + value.getClass().getSimpleName()
                    + " is not allowed in canonical JSON (only map, list, string, integer, boolean, null)");
        }
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
                continue;
            }
            if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("string contains a lone surrogate at index " + i);
            }
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
