package airlock.core.search;

import java.util.List;
import java.util.Set;

/**
 * The part of a regular expression's structure that matters for trigram extraction. Constructs
 * that cannot be analysed become {@link AnyChar} or {@link AnyString}, which only weakens the
 * trigram query (more candidates), never the result.
 */
sealed interface RegexNode {
    /** Exactly one character from a small, known set (already folded to the index's case). */
    record Chars(Set<String> chars) implements RegexNode {
    }

    /** Exactly one character, unknown. */
    record AnyChar() implements RegexNode {
    }

    /** Any string, possibly empty (back-references, \R, \X...). */
    record AnyString() implements RegexNode {
    }

    /** The empty string (anchors, word boundaries, look-arounds). */
    record Empty() implements RegexNode {
    }

    record Concat(List<RegexNode> parts) implements RegexNode {
    }

    record Alt(List<RegexNode> parts) implements RegexNode {
    }

    /** {@code max} is -1 when unbounded. */
    record Repeat(RegexNode node, int min, int max) implements RegexNode {
    }
}
