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

    /**
     * Exactly one character: an ASCII one whose bit is set in {@code lo} (0-63) or {@code hi}
     * (64-127), or, when {@code nonAscii}, any other character (including the U+FFFD of invalid
     * bytes). A bracket class too large for {@link Chars}, e.g. {@code [A-Z]} or {@code [^ -~\t]};
     * always a superset of what the class matches. Trigram extraction sees an unknown character;
     * the byte filter gets the set's bytes.
     */
    record Class(long lo, long hi, boolean nonAscii) implements RegexNode {
        boolean has(int c) {
            return c < 64 ? (lo & (1L << c)) != 0 : c < 128 && (hi & (1L << (c - 64))) != 0;
        }
    }

    /** Any string, possibly empty (back-references, \R, \X...). */
    record AnyString() implements RegexNode {
    }

    /**
     * The empty string (anchors, word boundaries, look-arounds). {@code anchor} is {@link #LINE_START}
     * for {@code ^} or {@code \\A} and {@link #LINE_END} for {@code $} or {@code \\z}, which the
     * matcher (each line on its own, {@code UNIX_LINES | MULTILINE}) only matches at the line's start
     * or end; 0 for anything else. Trigram extraction treats every kind as the empty string.
     */
    record Empty(int anchor) implements RegexNode {
        static final int LINE_START = 1;
        static final int LINE_END = 2;

        Empty() {
            this(0);
        }
    }

    record Concat(List<RegexNode> parts) implements RegexNode {
    }

    record Alt(List<RegexNode> parts) implements RegexNode {
    }

    /** {@code max} is -1 when unbounded. */
    record Repeat(RegexNode node, int min, int max) implements RegexNode {
    }
}
