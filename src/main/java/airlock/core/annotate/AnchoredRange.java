package airlock.core.annotate;

import java.util.Objects;

/**
 * One range of an annotation with what it takes to find it again.
 *
 * @param range        where it is in the anchor's blob
 * @param fingerprint  content fingerprint of the range and its context
 * @param originalText the annotated characters, kept in the workstation's database so an outdated
 *                     annotation can still show what it was about; null when unknown (an
 *                     annotation imported from an export without code snippets)
 */
public record AnchoredRange(TextRange range, Fingerprint fingerprint, String originalText) {

    public AnchoredRange {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (originalText != null && originalText.length() != range.length()) {
            throw new IllegalArgumentException("original text length " + originalText.length()
                    + " does not match range length " + range.length());
        }
    }

    /** Anchors {@code range} of {@code text}, keeping its characters. */
    public static AnchoredRange of(LineIndex text, TextRange range) {
        return new AnchoredRange(range, Fingerprints.of(text, range),
                text.text().substring(range.startOffset(), range.endOffset()));
    }

    /** The same range without its characters (for exports that may not carry code). */
    public AnchoredRange withoutText() {
        return new AnchoredRange(range, fingerprint, null);
    }
}
