package airlock.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import airlock.core.AirlockException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writesSortedCompactJcs() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("b", 1L);
        map.put("a", List.of("x", true, false));
        map.put("\u00e9", "caf\u00e9");
        map.put("c", null);
        map.put("A", Map.of("z", -5, "y", "line\nfeed\u0001\"\\/"));
        assertEquals("{\"A\":{\"y\":\"line\\nfeed\\u0001\\\"\\\\/\",\"z\":-5},\"a\":[\"x\",true,false],\"b\":1,\"c\":null,\"\u00e9\":\"caf\u00e9\"}",
                new String(CanonicalJson.write(map), StandardCharsets.UTF_8));
    }

    @Test
    void sortsByUtf16CodeUnitsNotCodePoints() {
        // U+FFFD sorts after U+1F600 by code point but before it by UTF-16 code units (0xD83D).
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("\ufffd", 1L);
        map.put("\ud83d\ude00", 2L);
        assertEquals("{\"\ud83d\ude00\":2,\"\ufffd\":1}", new String(CanonicalJson.write(map), StandardCharsets.UTF_8));
    }

    @Test
    void roundTripsCanonicalBytes() throws AirlockException {
        byte[] bytes = utf8("{\"a\":[1,-2,\"\\u001f\",{}],\"b\":{\"c\":null},\"d\":\"\u2028\ud83d\ude00\"}");
        Object value = CanonicalJson.parseStrict(bytes);
        assertArrayEquals(bytes, CanonicalJson.write(value));
        assertEquals(-2L, ((List<?>) ((Map<?, ?>) value).get("a")).get(1));
    }

    @Test
    void refusesFloatsLoneSurrogatesAndOtherTypes() {
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(1.5));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write("\ud800"));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(1L << 53));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(new Object()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"a\":1,\"a\":2}|json.duplicate",
        "{\"a\":1}x|json.trailing",
        "{\"a\":1}{}|json.trailing",
        "{\"a\":1.0}|json.float",
        "{\"a\":1e3}|json.float",
        "{\"a\":1E3}|json.float",
        "{\"b\":1,\"a\":2}|json.noncanonical",
        "{\"a\": 1}|json.noncanonical",
        "{\"a\":01}|json.noncanonical",
        "{\"a\":-0}|json.noncanonical",
        "{\"a\":\"\\u0041\"}|json.noncanonical",
        "{\"a\":\"\\/\"}|json.noncanonical",
        "{\"a\":\"\\u001F\"}|json.noncanonical",
        "{\"a\":9007199254740992}|json.integer",
        "{\"a\":123456789012345678901234567890}|json.integer",
        "{\"a\":\"\\ud800\"}|json.unsupported",
        "{\"a\":tru}|json.syntax",
        "{\"a\":1|json.syntax",
        "{\"a\"|json.syntax",
        "[1,]|json.syntax",
        "{,}|json.syntax",
        "\"abc|json.syntax",
        "\"\\x\"|json.syntax",
        "-|json.syntax",
        "|json.syntax",
    })
    void refusesHostileInputWithACodeNamingTheProblem(String text, String code) {
        String input = text == null ? "" : text;
        AirlockException e = assertThrows(AirlockException.class, () -> CanonicalJson.parseStrict(utf8(input)));
        assertEquals(code, e.code(), e.getMessage());
    }

    @Test
    void refusesSurroundingWhitespaceAsNonCanonical() {
        for (String text : new String[] {" {}", "{}\n", "\t[1]", "[1,\r\n2]"}) {
            assertEquals("json.noncanonical", assertThrows(AirlockException.class,
                    () -> CanonicalJson.parseStrict(utf8(text))).code(), text);
        }
    }

    @Test
    void refusesInvalidUtf8AndRawControls() {
        assertEquals("json.utf8", assertThrows(AirlockException.class,
                () -> CanonicalJson.parseStrict(new byte[] {'"', (byte) 0xC3, '"'})).code());
        assertEquals("json.utf8", assertThrows(AirlockException.class,
                () -> CanonicalJson.parseStrict(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'})).code());
        assertEquals("json.utf8", assertThrows(AirlockException.class,
                () -> CanonicalJson.parseStrict(new byte[] {'"', (byte) 0xC0, (byte) 0xAF, '"'})).code());
        assertEquals("json.syntax", assertThrows(AirlockException.class,
                () -> CanonicalJson.parseStrict(utf8("\"a\nb\""))).code());
    }

    @Test
    void refusesABomAndDeepNestingWithoutStackOverflow() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '1'};
        assertEquals("json.syntax", assertThrows(AirlockException.class, () -> CanonicalJson.parseStrict(bom)).code());
        byte[] deep = new byte[200_000];
        Arrays.fill(deep, (byte) '[');
        assertEquals("json.depth", assertThrows(AirlockException.class, () -> CanonicalJson.parseStrict(deep)).code());
        List<Object> nested = new ArrayList<>();
        List<Object> cursor = nested;
        for (int i = 0; i < 100; i++) {
            List<Object> inner = new ArrayList<>();
            cursor.add(inner);
            cursor = inner;
        }
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(nested));
    }
}
