package airlock.core.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The trigrams the index keeps: three consecutive bytes of a file's UTF-8 text (as
 * {@link IndexBuilder#indexedText} hands it over), folded the same way on both sides of the index.
 * ASCII letters are lower-cased, and the few non-ASCII characters Java's Unicode case-insensitive
 * matching equates with an ASCII letter (KELVIN SIGN, LONG S, dotted and dotless I) count as that
 * letter, so a query's trigrams (folded by the same code) are always present in a file that
 * matches, whether the query ignores case or not. Every other byte, including invalid UTF-8, is
 * kept as it is. A trigram is a 24-bit int.
 */
final class ByteTrigrams {
    private static final byte[] LOWER = new byte[256];
    /** Per lead byte, the UTF-8 sequences (with their ASCII letter) that fold; null for most bytes. */
    private static final byte[][][] EXTRAS = new byte[256][][];

    static {
        for (int i = 0; i < 256; i++) {
            LOWER[i] = (byte) (i >= 'A' && i <= 'Z' ? i + 32 : i);
        }
        List<byte[]> sequences = new ArrayList<>();
        for (int cp = 128; cp <= Character.MAX_CODE_POINT; cp++) {
            if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
                continue;
            }
            int folded = Character.toLowerCase(Character.toUpperCase(cp));
            int upper = Character.toUpperCase(cp);
            int lower = Character.toLowerCase(cp);
            for (int c : new int[] {folded, upper, lower}) {
                if (c < 128 && Character.isLetter(c)) {
                    byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                    byte[] entry = java.util.Arrays.copyOf(utf8, utf8.length + 1);
                    entry[utf8.length] = (byte) Character.toLowerCase(c);
                    sequences.add(entry);
                    break;
                }
            }
        }
        for (byte[] s : sequences) {
            int lead = s[0] & 0xFF;
            byte[][] old = EXTRAS[lead] == null ? new byte[0][] : EXTRAS[lead];
            byte[][] grown = java.util.Arrays.copyOf(old, old.length + 1);
            grown[old.length] = s;
            EXTRAS[lead] = grown;
        }
    }

    private ByteTrigrams() {
    }

    /** Receives the trigrams of a text, possibly repeated. */
    interface Sink {
        void accept(int trigram);
    }

    /** Feeds every trigram of {@code text[0..length)} to {@code sink}. */
    static void extract(byte[] text, int length, Sink sink) {
        int tri = 0;
        int have = 0;
        int i = 0;
        while (i < length) {
            int c = text[i] & 0xFF;
            i++;
            if (c < 0x80) {
                c = LOWER[c] & 0xFF;
            } else if (EXTRAS[c] != null) {
                for (byte[] s : EXTRAS[c]) {
                    int n = s.length - 1;
                    if (i - 1 + n <= length && matches(text, i - 1, s, n)) {
                        c = s[n];
                        i += n - 1;
                        break;
                    }
                }
            }
            tri = ((tri << 8) | c) & 0xFFFFFF;
            if (++have >= 3) {
                sink.accept(tri);
            }
        }
    }

    private static boolean matches(byte[] text, int at, byte[] s, int n) {
        for (int k = 1; k < n; k++) {
            if (text[at + k] != s[k]) {
                return false;
            }
        }
        return true;
    }

    /** The byte trigrams of a query string (as the extractor folded it), folded as files are. */
    static int[] of(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        int[] out = new int[Math.max(0, utf8.length - 2)];
        int[] n = {0};
        extract(utf8, utf8.length, t -> out[n[0]++] = t);
        return java.util.Arrays.copyOf(out, n[0]);
    }
}
