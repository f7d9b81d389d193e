package airlock.core.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tokeniser's hashes are stored in every quote index file (QuoteIndexFile), so they must never
 * change silently: the ASCII fast path gives exactly the tokens of the general (Unicode) path.
 */
class CodeTokensTest {
    /** Tokens of hostile and ordinary samples, as SHA-256 of (hash, line) per token: pinned from the tokeniser before the fast path. */
    @Test
    void hashesAreThoseOfTheIndexFilesAlreadyWritten() throws Exception {
        String[] samples = {
            "static int foo_bar(struct device *dev, u32 Len)\n{\n\treturn dev->len + 0x1F;\n}\n",
            "See drivers/net/foo.c and ./a/b, a//b, x/, /y, ÄÖü/ß Ünïcödé_Name ΣΑΣ word.",
            "a\u0001b c\u007Fd e\u200Bf g\u202Eh i\u00ADj k\u0085l m\u00A0n o\u2028p q\uD83D\uDE00r s\uE000t\r\n\u001Cu\u001Fv",
            "MiXeD CaSe_IdEnT $dollar 12abc 3.14e-10 ++ -- -> :: ; \"str\" 'c' /* c */ // x\n\n\n",
            "KELVIN\u212Asign \u0130stanbul \u0131i a\uD800b \uDC00c d\u0000e ",
            "", "\n", "x", "path/to/file-1.2_v.c/", "éa/b", "a/é", "_/_", "$a/b$c"
        };
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (String s : samples) {
            CodeTokens t = CodeTokens.of(s);
            for (int i = 0; i < t.size(); i++) {
                long h = t.hash(i);
                for (int b = 0; b < 8; b++) {
                    md.update((byte) (h >>> (8 * b)));
                }
                md.update((byte) t.line(i));
            }
            md.update((byte) t.lineCount());
        }
        assertEquals("8c41cbb1e05fffa410088dad0056fbf961066921ee8e61f856d43007caa98c47", HexFormat.of().formatHex(md.digest()));
    }

    /** A word with a zero-width or control character inside takes the general path; without it the fast one: same token. */
    @Test
    void fastPathAndGeneralPathAgreeOnRandomText() {
        Random r = new Random(18);
        String ascii = "aZq_$09 .-\n\t{};*()=<>"; // no slash: a path is one token only without hidden characters
        String hidden = "\u200B\u0001\u007F\u00AD\u202E"; // dropped inside a word, never splitting it
        for (int round = 0; round < 20_000; round++) {
            StringBuilder plain = new StringBuilder();
            StringBuilder dressed = new StringBuilder();
            for (int i = 0, n = r.nextInt(60); i < n; i++) {
                char c = ascii.charAt(r.nextInt(ascii.length()));
                plain.append(c);
                dressed.append(c);
                if (Character.isLetterOrDigit(c) && r.nextInt(4) == 0) {
                    dressed.append(hidden.charAt(r.nextInt(hidden.length())));
                }
            }
            assertEquals(tokens(CodeTokens.of(plain)), tokens(CodeTokens.of(dressed)), () -> "differs: " + dressed.chars()
                    .mapToObj(c -> String.format("%04x", c)).toList());
        }
    }

    /**
     * A file's bytes tokenised as bytes (ASCII) or decoded (anything else) give the tokens of its
     * text: random ASCII with paths, controls (inside and outside words), DEL, CR, '$', dots and
     * dashes, and the pinned samples above, as UTF-8.
     */
    @Test
    void bytesGiveTheTokensOfTheirText() {
        Random r = new Random(1818);
        String alphabet = "aZq_$09/.-\n\r\t {};*()=<>\u0001\u001F\u007F\u0000\u000B/";
        for (int round = 0; round < 50_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0, n = r.nextInt(80); i < n; i++) {
                text.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            if (round % 10 == 0) {
                text.append("drivers/net/foo-1.c ./a/b a//b x/ /y _/_ $a/b$c a\u0001b/c d/e\u0001f");
            }
            if (round % 7 == 0) {
                text.insert(r.nextInt(text.length() + 1), "é\u200B"); // not ASCII: decoded, the general path
            }
            String s = text.toString();
            assertEquals(tokens(CodeTokens.of(s)), tokens(CodeTokens.ofUtf8(s.getBytes(StandardCharsets.UTF_8))),
                    () -> "differs: " + s.chars().mapToObj(c -> String.format("%04x", c)).toList());
            assertEquals(CodeTokens.of(s).lineCount(), CodeTokens.ofUtf8(s.getBytes(StandardCharsets.UTF_8)).lineCount());
        }
        for (String s : new String[] {"", "\n", "x", "a\u0001", "\u0001a", "a/", "a/b", "a\u007Fb c\u0001\u0001d", "ab.cd-ef/g1"}) {
            assertEquals(tokens(CodeTokens.of(s)), tokens(CodeTokens.ofUtf8(s.getBytes(StandardCharsets.UTF_8))), s);
        }
        byte[] invalid = {'a', 'b', (byte) 0xC3, ' ', 'c', 'd', (byte) 0xFF, 'e'}; // not UTF-8: decoded with replacement, as a String of it is
        assertEquals(tokens(CodeTokens.of(new String(invalid, StandardCharsets.UTF_8))), tokens(CodeTokens.ofUtf8(invalid)));
    }

    private static List<String> tokens(CodeTokens t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(t.hash(i) + "@" + t.line(i));
        }
        return out;
    }
}
