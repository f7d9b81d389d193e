package airlock.core.crypto;

import airlock.core.AirlockException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small strict JSON reader for {@link CanonicalJson#parseStrict}: refuses invalid UTF-8,
 * duplicate member names, trailing content, fractions and exponents, integers outside ±(2^53−1)
 * and nesting deeper than {@link #MAX_DEPTH}. Every error names what was wrong and where.
 */
final class JsonReader {
    static final int MAX_DEPTH = 64;
    private final String text;
    private int pos;

    JsonReader(byte[] bytes) throws AirlockException {
        try {
            this.text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AirlockException("json.utf8", "JSON is not valid UTF-8 (" + e.getMessage() + ")", e);
        }
    }

    Object readDocument() throws AirlockException {
        if (text.isEmpty()) {
            throw fail("json.syntax", "document is empty");
        }
        Object value = readValue(0);
        skipWhitespace();
        if (pos != text.length()) {
            throw fail("json.trailing", "unexpected content after the JSON value");
        }
        return value;
    }

    private Object readValue(int depth) throws AirlockException {
        if (depth > MAX_DEPTH) {
            throw fail("json.depth", "nesting deeper than " + MAX_DEPTH + " levels");
        }
        skipWhitespace();
        if (pos >= text.length()) {
            throw fail("json.syntax", "unexpected end of input");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> readObject(depth);
            case '[' -> readArray(depth);
            case '"' -> readString();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield readNumber();
                }
                throw fail("json.syntax", "unexpected character " + describe(c));
            }
        };
    }

    private Map<String, Object> readObject(int depth) throws AirlockException {
        pos++;
        Map<String, Object> members = new TreeMap<>();
        if (peek() == '}') {
            pos++;
            return members;
        }
        while (true) {
            if (peek() != '"') {
                throw fail("json.syntax", "expected a member name in quotes");
            }
            int at = pos;
            String name = readString();
            expect(':');
            Object value = readValue(depth + 1);
            if (members.containsKey(name)) {
                pos = at;
                throw fail("json.duplicate", "duplicate member name \"" + name + "\"");
            }
            members.put(name, value);
            char next = peek();
            pos++;
            if (next == '}') {
                return members;
            }
            if (next != ',') {
                pos--;
                throw fail("json.syntax", "expected ',' or '}'");
            }
        }
    }

    private List<Object> readArray(int depth) throws AirlockException {
        pos++;
        List<Object> items = new ArrayList<>();
        if (peek() == ']') {
            pos++;
            return items;
        }
        while (true) {
            items.add(readValue(depth + 1));
            char next = peek();
            pos++;
            if (next == ']') {
                return items;
            }
            if (next != ',') {
                pos--;
                throw fail("json.syntax", "expected ',' or ']'");
            }
        }
    }

    private String readString() throws AirlockException {
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw fail("json.syntax", "unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                pos--;
                throw fail("json.syntax", "raw control character " + describe(c) + " inside a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw fail("json.syntax", "unterminated escape");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(readHex4());
                default -> {
                    pos--;
                    throw fail("json.syntax", "invalid escape \\" + e);
                }
            }
        }
    }

    private char readHex4() throws AirlockException {
        if (pos + 4 > text.length()) {
            throw fail("json.syntax", "truncated \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos + i), 16);
            if (d < 0) {
                throw fail("json.syntax", "invalid \\u escape");
            }
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }

    private Long readNumber() throws AirlockException {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
        }
        int digits = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == '.' || text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            throw fail("json.float", "fractions and exponents are not allowed (integers only)");
        }
        String number = text.substring(start, pos);
        if (pos == digits) {
            throw fail("json.syntax", "'-' without digits");
        }
        if (pos - digits > 16) {
            pos = start;
            throw fail("json.integer", "integer " + number + " is outside ±(2^53−1)");
        }
        long value = Long.parseLong(number);
        if (Math.abs(value) > CanonicalJson.MAX_SAFE_INTEGER) {
            pos = start;
            throw fail("json.integer", "integer " + number + " is outside ±(2^53−1)");
        }
        return value;
    }

    private Object literal(String word, Object value) throws AirlockException {
        if (!text.startsWith(word, pos)) {
            throw fail("json.syntax", "unexpected token");
        }
        pos += word.length();
        return value;
    }

    /** Whitespace is tolerated here so that the canonical comparison names it as non-canonical. */
    private void skipWhitespace() {
        while (pos < text.length() && " \t\n\r".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private char peek() throws AirlockException {
        skipWhitespace();
        if (pos >= text.length()) {
            throw fail("json.syntax", "unexpected end of input");
        }
        return text.charAt(pos);
    }

    private void expect(char c) throws AirlockException {
        if (peek() != c) {
            throw fail("json.syntax", "expected '" + c + "'");
        }
        pos++;
    }

    private static String describe(char c) {
        return String.format("U+%04X", (int) c);
    }

    private AirlockException fail(String code, String what) {
        return new AirlockException(code, "Invalid JSON at character " + pos + ": " + what);
    }
}
