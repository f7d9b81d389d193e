package airlock.core.export;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Writes every {@link VisibleText#isSuspicious suspicious} character as a {@code \\uXXXX} escape, so
 * a JSON export stays exact (paths and text round-trip) while bidi and invisible characters show
 * up as escapes in any text viewer instead of acting on the display.
 */
final class VisibleJsonEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = standardAsciiEscapesForJSON();

    VisibleJsonEscapes() {
        ascii[0x7F] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        if (VisibleText.isSuspicious(ch)) {
            return new SerializedString(String.format("\\u%04X", ch));
        }
        return null;
    }
}
