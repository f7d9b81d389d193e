package airlock.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Decoder.longestLine (newlines found by String.indexOf) against the character loop it replaced, on random texts. */
class DecoderLongestLineTest {

    /** longestLine before the change, kept as the reference. */
    private static int referenceLongestLine(String text) {
        int longest = 0;
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) == '\n') {
                longest = Math.max(longest, i - start);
                start = i + 1;
            }
        }
        return Math.max(longest, n - start);
    }

    private static final String[] PIECES = {"a", "int x = 1;", " ", "\t", "\n", "\r\n", "\r", "\u00e9", "\u4e2d",
        "\uD83D\uDE00", "\u202E", "\n\n\n", "\u2028"};

    @Test
    void sameAnswersAsTheCharacterLoop() {
        Random r = new Random(2112);
        for (int round = 0; round < 4_000; round++) {
            StringBuilder sb = new StringBuilder();
            int runs = r.nextInt(12);
            for (int k = 0; k < runs; k++) {
                int plain = r.nextInt(4) == 0 ? r.nextInt(20_000) : r.nextInt(40);
                sb.append("x".repeat(plain));
                sb.append(PIECES[r.nextInt(PIECES.length)]);
            }
            String text = sb.toString();
            assertEquals(referenceLongestLine(text), Decoder.longestLine(text), "round " + round);
        }
    }

    @Test
    void edges() {
        assertEquals(0, Decoder.longestLine(""));
        assertEquals(0, Decoder.longestLine("\n\n"));
        assertEquals(3, Decoder.longestLine("abc"));
        assertEquals(3, Decoder.longestLine("abc\n\nab"));
        assertEquals(4, Decoder.longestLine("ab\nabc\r\n"), "a CR before LF counts, as before");
        assertEquals(2, Decoder.longestLine("a\nbc\n"));
    }
}
