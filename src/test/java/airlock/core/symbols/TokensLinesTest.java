package airlock.core.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;

import airlock.core.syntax.Language;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Tokens.Lines (newlines found by String.indexOf) against the character loop it replaced, on random texts. */
class TokensLinesTest {

    @Test
    void sameLinesAndLineStartsAsTheCharacterLoop() {
        Random r = new Random(21);
        String[] pieces = {"\n", "\r\n", "a", "int x;", " ", "\t", "\u00e9", "\u202e", "/* c\n */", "\n\n\n",
            "x".repeat(300)};
        for (int round = 0; round < 2_000; round++) {
            StringBuilder sb = new StringBuilder();
            int parts = r.nextInt(60);
            for (int i = 0; i < parts; i++) {
                sb.append(pieces[r.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            Tokens.Lines fast = new Tokens.Lines(text);
            Tokens.Lines generic = new Tokens.Lines(new StringBuilder(text)); // the non-String path
            int line = 1;
            int lineStart = 0;
            int scanned = 0;
            int offset = 0;
            while (offset <= text.length()) {
                for (int i = scanned; i < offset; i++) {
                    if (text.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                scanned = offset;
                fast.advance(offset);
                generic.advance(offset);
                assertEquals(line, fast.line, text);
                assertEquals(lineStart, fast.lineStart, text);
                assertEquals(line, generic.line, text);
                assertEquals(lineStart, generic.lineStart, text);
                if (r.nextInt(4) == 0) {
                    fast.advance(offset); // advancing to the same offset again changes nothing
                    assertEquals(line, fast.line);
                }
                offset += r.nextInt(8);
            }
        }
    }

    @Test
    void tokenLinesAndColumnsMatchTheirOffsets() {
        String text = "int a;\r\n#define X(y) \\\n  (y + 1)\n\n\tstatic int f(void) { return X(2); }\nlast";
        Tokens t = Tokens.of(Language.C, text);
        for (Tokens s : new Tokens[] {t, t.pp}) {
            for (int i = 0; i < s.size; i++) {
                int start = s.start[i];
                int expectLine = 1 + (int) text.substring(0, start).chars().filter(c -> c == '\n').count();
                int expectCol = start - (text.lastIndexOf('\n', start - 1) + 1) + 1;
                assertEquals(expectLine, s.line[i], "line of token " + s.text(i));
                assertEquals(expectCol, s.col[i], "column of token " + s.text(i));
            }
        }
    }

    /** lineText before the String fast path, kept as the reference. */
    private static String referenceLineText(CharSequence text, int at) {
        int s = at;
        int e = at;
        while (s > 0 && text.charAt(s - 1) != '\n') {
            s--;
        }
        while (e < text.length() && text.charAt(e) != '\n') {
            e++;
        }
        String l = text.subSequence(s, Math.min(e, s + 400)).toString().strip();
        return l.length() > 200 ? l.substring(0, 200) : l;
    }

    @Test
    void lineTextAsTheCharacterLoopGaveIt() {
        Random r = new Random(2121);
        String[] pieces = {"\n", "\r\n", "a", "int x;", " ", "\t", "\u00e9", "\u2028", "\u3000", "x".repeat(300),
            "\n\n", "  \t "};
        for (int round = 0; round < 2_000; round++) {
            StringBuilder sb = new StringBuilder();
            int parts = 1 + r.nextInt(40);
            for (int i = 0; i < parts; i++) {
                sb.append(pieces[r.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            for (int k = 0; k < 10; k++) {
                int at = r.nextInt(text.length() + 1);
                assertEquals(referenceLineText(text, at), Tokens.lineText(text, at), text);
                assertEquals(referenceLineText(text, at), Tokens.lineText(new StringBuilder(text), at));
            }
        }
    }
}
