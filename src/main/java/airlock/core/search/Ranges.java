package airlock.core.search;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The matches of one line as pairs of ints, read as an unmodifiable list of {@link MatchRange}s. A
 * line can hold millions of matches (issue 20: a match at every position of a 4 MB line); one
 * object per match made the collector's work grow faster than the input. Appended to by the
 * search package only, before the line's {@link LineMatch} is made.
 */
final class Ranges extends AbstractList<MatchRange> implements RandomAccess {
    private int[] pairs;
    private int size;

    Ranges() {
        pairs = new int[4];
    }

    private Ranges(int[] pairs, int size) {
        this.pairs = pairs;
        this.size = size;
    }

    /**
     * The same ranges in a list of their own, in an array of exactly their size: the matcher fills
     * one buffer line after line and keeps a copy per matching line (growing a fresh list per line
     * made most of the garbage of a search with a match at every other position, issue 20).
     */
    Ranges copy() {
        return new Ranges(Arrays.copyOf(pairs, 2 * size), size);
    }

    void append(int start, int end) {
        if (2 * size == pairs.length) {
            pairs = Arrays.copyOf(pairs, pairs.length * 2);
        }
        pairs[2 * size] = start;
        pairs[2 * size + 1] = end;
        size++;
    }

    void reset() {
        size = 0;
    }

    /** The same ranges in an array of their own size (a line's list is kept as long as its results). */
    Ranges trimmed() {
        if (pairs.length > 2 * size) {
            pairs = Arrays.copyOf(pairs, 2 * size);
        }
        return this;
    }

    @Override
    public MatchRange get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return new MatchRange(pairs[2 * index], pairs[2 * index + 1]);
    }

    @Override
    public int size() {
        return size;
    }
}
