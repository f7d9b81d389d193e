package airlock.core.annotate;

import airlock.core.AirlockException;

/** A selection made on screen, turned into a range of the file's text (what an anchor needs). */
public final class Selections {
    private Selections() {
    }

    /**
     * The range {@code [start, end)} of {@code text}; fails with a message the user can act on when
     * the screen could not be matched to the file (negative offsets) or the range is outside it.
     */
    public static TextRange of(LineIndex text, int start, int end) throws AirlockException {
        if (start < 0 || end < start || end > text.text().length()) {
            throw new AirlockException("annotations.anchor.unmapped", "the selected text cannot be matched to the file's bytes"
                    + " (the file is shown decoded from another encoding, or as binary); only UTF-8 text can be annotated");
        }
        return text.range(start, end);
    }
}
