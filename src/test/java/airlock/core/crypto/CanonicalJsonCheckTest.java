package airlock.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The in-place check accepts exactly what {@link CanonicalJson#parseStrict} accepts: on hand-made
 * hostile documents and on 200,000 random byte mutations of canonical entries.
 */
class CanonicalJsonCheckTest {
    private final CanonicalJsonCheck check = new CanonicalJsonCheck();

    private static boolean strict(byte[] bytes) {
        try {
            CanonicalJson.parseStrict(bytes);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private void agrees(byte[] bytes) {
        boolean expected = strict(bytes);
        assertEquals(expected, check.check(bytes), () -> "disagreement on " + new String(bytes, StandardCharsets.UTF_8)
                + " (parseStrict " + expected + ", check says " + check.problem() + ")");
    }

    @Test
    void handMadeDocuments() {
        List<String> docs = List.of("{}", "[]", "\"\"", "0", "-1", "-0", "01", "1.5", "1e3", "9007199254740991", "9007199254740992",
                "-9007199254740991", "-9007199254740992", "99999999999999999999", "true", "false", "null", "nul", "tru",
                "{\"a\":1,\"b\":2}", "{\"b\":1,\"a\":2}", "{\"a\":1,\"a\":2}", "{\"a\":1 }", " {}", "{} ", "{\"a\":[1,2,]}",
                "[1,2]", "[,]", "\"\\u0041\"", "\"\\u001f\"", "\"\\u001F\"", "\"\\u000a\"", "\"\\n\"", "\"\\/\"", "\"\\ud800\"",
                "\"\\ud83d\\ude00\"", "\"\u00e9\"", "\"\uD83D\uDE00\"", "\"\u007f\"", "\"\\\"\"", "\"\\\\\"", "\"a",
                "{\"\uE000\":1,\"\uD83D\uDE00\":2}", "{\"\uD83D\uDE00\":1,\"\uE000\":2}", "{\"\\n\":1,\"a\":2}",
                "{\"a\":2,\"\\n\":1}", "{\"\\u0001\":1,\"\\t\":2}", "{\"ab\":1,\"a\":2}", "{\"a\":1,\"ab\":2}", "{\"\":1}",
                "[" .repeat(65) + "]".repeat(65), "[".repeat(66) + "]".repeat(66), "{\"a\":{}}", "{\"a\":}", "{1:2}", "");
        for (String doc : docs) {
            agrees(doc.getBytes(StandardCharsets.UTF_8));
        }
        agrees(new byte[] {'"', (byte) 0xff, '"'});
        agrees(new byte[] {'"', (byte) 0xc0, (byte) 0x80, '"'});
        agrees(new byte[] {'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'});
        agrees(new byte[] {'"', (byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'});
        agrees(new byte[] {'"', (byte) 0xe2, (byte) 0x82, '"'});
        agrees(new byte[] {'"', 0x1b, '"'});
        assertTrue(check.check("{\"actor\":\"\uD83D\uDE00x\",\"b\":1}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, check.firstStringCodePoints());
        assertEquals(2, check.topMembers());
        assertFalse(check.check("{\"a\":1,\"a\":1}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void randomMutationsOfEntriesAgree() {
        Random random = new Random(20261205);
        List<String> seeds = List.of(
                "{\"actor\":\"alice\",\"data\":{\"blob\":\"4b825dc6\",\"line\":-12,\"ok\":true,\"path\":\"src/\u00e9\uD83D\uDE00.c\","
                        + "\"tags\":[null,false,\"\\n\\t\\u0001\"]},\"prev\":\"00ff\",\"seq\":3,\"time\":\"2026-03-02T09:00:03.000Z\","
                        + "\"type\":\"file.opened\"}",
                "{\"\\b\":0,\"\\u001f\":[[[]]],\"a\\\"\":{\"\":\"\\\\\"},\"\uD800\uDC00\":2,\"\uE000\":1}");
        for (String seed : seeds) {
            byte[] base = seed.getBytes(StandardCharsets.UTF_8);
            assertTrue(strict(base), seed);
            assertTrue(check.check(base), check.problem());
            for (int trial = 0; trial < 100_000; trial++) {
                byte[] bytes = base.clone();
                int edits = 1 + random.nextInt(3);
                for (int e = 0; e < edits; e++) {
                    int at = random.nextInt(bytes.length);
                    switch (random.nextInt(4)) {
                        case 0 -> bytes[at] = (byte) random.nextInt(256);
                        case 1 -> {
                            String tokens = "{}[]\",:\\-0123456789.eEu \n";
                            bytes[at] = (byte) tokens.charAt(random.nextInt(tokens.length()));
                        }
                        case 2 -> {
                            int other = random.nextInt(bytes.length);
                            byte swap = bytes[at];
                            bytes[at] = bytes[other];
                            bytes[other] = swap;
                        }
                        default -> bytes = java.util.Arrays.copyOf(bytes, Math.max(0, bytes.length - 1 - random.nextInt(3)));
                    }
                    if (bytes.length == 0) {
                        break;
                    }
                }
                agrees(bytes);
            }
        }
    }
}
