package airlock.ui.code;

import airlock.core.text.VisibleText;
import java.util.Arrays;

/**
 * Makes invisible and direction-changing characters (Trojan Source) visible in a code view without
 * moving anything: each such UTF-16 unit is replaced by one visible mark, so offsets, lines and
 * columns stay those of the file. Tabs and line feeds are kept. No toolkit; runs off the FX thread.
 */
public final class HiddenCharacters {
    /** What a hidden character is shown as; the view also gives it a warning style. */
    public static final char MARK = '\u00A4';

    /**
     * @param text      the text to show
     * @param positions UTF-16 offsets of the marks, ascending
     */
    public record Masked(String text, int[] positions) {
        public int count() {
            return positions.length;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Masked m && m.text.equals(text) && Arrays.equals(m.positions, positions);
        }

        @Override
        public int hashCode() {
            return text.hashCode() * 31 + Arrays.hashCode(positions);
        }

        @Override
        public String toString() {
            return "Masked[" + positions.length + " marks]";
        }
    }

    private HiddenCharacters() {
    }

    public static Masked mask(String text) {
        char[] chars = null;
        int[] positions = new int[16];
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            boolean lone = Character.isSurrogate(text.charAt(i)) && width == 1;
            if (cp != '\t' && cp != '\n' && (lone || VisibleText.needsEscape(cp)) && cp != '\u27E8' && cp != '\u27E9') {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                for (int k = 0; k < width; k++) {
                    chars[i + k] = MARK;
                    if (count == positions.length) {
                        positions = Arrays.copyOf(positions, count * 2);
                    }
                    positions[count++] = i + k;
                }
            }
            i += width;
        }
        return new Masked(chars == null ? text : new String(chars), Arrays.copyOf(positions, count));
    }
}
