package airlock.core.annotate;

/**
 * The outcome of re-anchoring one annotation.
 *
 * @param annotation the annotation with its new anchor (moved or current) or its original anchor
 *                   (outdated: still shown at its original place with its original text)
 * @param state      current, moved or outdated
 * @param reason     why, in a sentence for the log and the tooltip
 */
public record ReanchorResult(Annotation annotation, AnchorState state, String reason) {
}
