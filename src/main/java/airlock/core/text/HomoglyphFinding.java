package airlock.core.text;

import java.util.List;

/**
 * An identifier that mixes scripts (CVE-2021-42694), e.g. {@code sayНello} with a Cyrillic {@code Н}.
 *
 * @param offset     UTF-16 offset of the identifier in the text
 * @param line       1-based line
 * @param column     1-based UTF-16 column
 * @param identifier the identifier as written
 * @param scripts    the scripts it mixes, e.g. [LATIN, CYRILLIC]
 * @param lookalike  the identifier with confusable letters folded to Latin, e.g. {@code sayHello}
 * @param collides   true when the lookalike also occurs as an identifier in the same text
 */
public record HomoglyphFinding(int offset, int line, int column, String identifier, List<String> scripts,
        String lookalike, boolean collides) {

    /** One line for the user, with the identifier escaped. */
    public String describe() {
        return line + ":" + column + " identifier '" + DisplayText.inline(identifier) + "' mixes "
                + String.join(" and ", scripts) + "; looks like '" + lookalike + "'"
                + (collides ? " which also occurs here" : "");
    }
}
