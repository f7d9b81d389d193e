package airlock.core.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The trigrams the index keeps, as codesearch's cindex keeps them: three consecutive bytes of a
 * file's UTF-8 text (as {@link IndexBuilder#indexedText} hands it over), case and all, as a 24-bit
 * int. A case-sensitive query asks for the bytes of its trigrams exactly, which narrows its
 * candidates more than folded trigrams would. A case-insensitive query (whose trigrams the
 * extractor builds from ASCII characters only, lower-cased) asks for any of their case variants:
 * upper or lower case, and the non-ASCII characters Java's Unicode case-insensitive matching
 * equates with an ASCII letter (KELVIN SIGN for k, LONG S for s, dotted and dotless I for i).
 */
final class ByteTrigrams {
    /** Per lower-case ASCII letter, the UTF-8 byte strings a case-insensitive match may find for it. */
    private static final Map<Character, List<byte[]>> VARIANTS = variants();

    private ByteTrigrams() {
    }

    private static Map<Character, List<byte[]>> variants() {
        Map<Character, List<byte[]>> out = new HashMap<>();
        for (char c = 'a'; c <= 'z'; c++) {
            List<byte[]> list = new ArrayList<>();
            list.add(new byte[] {(byte) c});
            list.add(new byte[] {(byte) (c - 32)});
            out.put(c, list);
        }
        for (int cp = 128; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp <= 0xFFFF && Character.isSurrogate((char) cp)) {
                continue;
            }
            int folded = Character.toLowerCase(Character.toUpperCase(cp));
            int upper = Character.toUpperCase(cp);
            int lower = Character.toLowerCase(cp);
            for (int c : new int[] {folded, upper, lower}) {
                if (c < 128 && Character.isLetter(c)) {
                    out.get((char) Character.toLowerCase(c)).add(new String(Character.toChars(cp))
                            .getBytes(StandardCharsets.UTF_8));
                    break;
                }
            }
        }
        return out;
    }

    /** Receives the trigrams of a text, possibly repeated. */
    interface Sink {
        void accept(int trigram);
    }

    /** Feeds every trigram of {@code text[0..length)} to {@code sink}. */
    static void extract(byte[] text, int length, Sink sink) {
        if (length < 3) {
            return;
        }
        int tri = ((text[0] & 0xFF) << 8) | (text[1] & 0xFF);
        for (int i = 2; i < length; i++) {
            tri = ((tri << 8) | (text[i] & 0xFF)) & 0xFFFFFF;
            sink.accept(tri);
        }
    }

    /** The trigrams of the UTF-8 bytes of {@code s}. */
    static int[] of(byte[] utf8) {
        int[] out = new int[Math.max(0, utf8.length - 2)];
        int[] n = {0};
        extract(utf8, utf8.length, t -> out[n[0]++] = t);
        return out;
    }

    /**
     * What a file must hold for a query trigram {@code gram} (three characters) to be present:
     * one of the returned alternatives, each a set of byte trigrams that must all be present.
     * Case-sensitive: the gram's own bytes. Folded: every case variant of every character.
     */
    static List<int[]> alternatives(String gram, boolean folded) {
        if (!folded) {
            return List.of(of(gram.getBytes(StandardCharsets.UTF_8)));
        }
        List<byte[]> strings = List.of(new byte[0]);
        for (int i = 0; i < gram.length(); i++) {
            char c = gram.charAt(i);
            List<byte[]> options = c >= 'a' && c <= 'z' ? VARIANTS.get(c)
                    : List.of(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            List<byte[]> next = new ArrayList<>();
            for (byte[] prefix : strings) {
                for (byte[] option : options) {
                    byte[] joined = java.util.Arrays.copyOf(prefix, prefix.length + option.length);
                    System.arraycopy(option, 0, joined, prefix.length, option.length);
                    next.add(joined);
                }
            }
            strings = next;
        }
        List<int[]> out = new ArrayList<>();
        for (byte[] s : strings) {
            out.add(of(s));
        }
        return out;
    }
}
