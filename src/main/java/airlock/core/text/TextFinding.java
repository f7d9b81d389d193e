package airlock.core.text;

/**
 * One invisible or dangerous character found in repository text.
 *
 * @param offset    UTF-16 offset in the original text
 * @param length    UTF-16 length of the character (2 for tag characters)
 * @param line      1-based line number (lines end at LF)
 * @param column    1-based UTF-16 column within the line
 * @param codePoint the character
 * @param kind      why it is flagged
 */
public record TextFinding(int offset, int length, int line, int column, int codePoint, InvisibleKind kind) {

    /** The visible token this character is shown as, e.g. {@code ⟨U+202E⟩}. */
    public String token() {
        return InvisibleChars.token(codePoint);
    }

    /** A one-line description such as {@code 3:14 U+202E bidi control (RIGHT-TO-LEFT OVERRIDE)}. */
    public String describe() {
        String name = Character.getName(codePoint);
        return line + ":" + column + " " + InvisibleChars.codeLabel(codePoint) + " " + kind.name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ') + (name == null ? "" : " (" + name + ")");
    }
}
