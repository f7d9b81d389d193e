package airlock.core.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A boolean query over trigrams that every file holding a match must satisfy (a necessary
 * condition, never a sufficient one): candidates it selects are then verified against the real
 * query. {@link #ALL} means the index cannot narrow the search and every file must be scanned.
 */
public sealed interface TrigramQuery {

    TrigramQuery ALL = new All();

    /** Every file qualifies. */
    record All() implements TrigramQuery {
    }

    /** Files containing this trigram (three characters, folded by the index's tokenizer). */
    record Gram(String gram) implements TrigramQuery {
    }

    record And(List<TrigramQuery> parts) implements TrigramQuery {
    }

    record Or(List<TrigramQuery> parts) implements TrigramQuery {
    }

    /** The conjunction, simplified: ALL is dropped, nested ANDs are flattened, duplicates removed. */
    static TrigramQuery and(TrigramQuery a, TrigramQuery b) {
        Set<TrigramQuery> parts = new LinkedHashSet<>();
        for (TrigramQuery q : List.of(a, b)) {
            if (q instanceof And and) {
                parts.addAll(and.parts());
            } else if (!(q instanceof All)) {
                parts.add(q);
            }
        }
        if (parts.isEmpty()) {
            return ALL;
        }
        return parts.size() == 1 ? parts.iterator().next() : new And(List.copyOf(parts));
    }

    /** The disjunction, simplified: anything OR ALL is ALL. */
    static TrigramQuery or(TrigramQuery a, TrigramQuery b) {
        if (a instanceof All || b instanceof All) {
            return ALL;
        }
        Set<TrigramQuery> parts = new LinkedHashSet<>();
        for (TrigramQuery q : List.of(a, b)) {
            if (q instanceof Or or) {
                parts.addAll(or.parts());
            } else {
                parts.add(q);
            }
        }
        return parts.size() == 1 ? parts.iterator().next() : new Or(List.copyOf(parts));
    }

    /** The trigrams of one string ANDed (ALL when shorter than three characters). */
    static TrigramQuery ofString(String s) {
        TrigramQuery q = ALL;
        int[] cps = s.codePoints().toArray();
        for (int i = 0; i + 3 <= cps.length; i++) {
            q = and(q, new Gram(new String(cps, i, 3)));
        }
        return q;
    }

    /** The number of trigram leaves, to keep queries small. */
    default int size() {
        if (this instanceof Gram) {
            return 1;
        }
        List<TrigramQuery> parts = this instanceof And and ? and.parts() : this instanceof Or or ? or.parts() : List.of();
        int n = 0;
        for (TrigramQuery p : parts) {
            n += p.size();
        }
        return n;
    }

    /**
     * A weaker query with at most {@code max} leaves: ANDs drop their later parts (still necessary),
     * an OR that does not fit becomes ALL.
     */
    default TrigramQuery limit(int max) {
        if (size() <= max) {
            return this;
        }
        if (this instanceof And and) {
            TrigramQuery out = ALL;
            int used = 0;
            for (TrigramQuery p : and.parts()) {
                TrigramQuery part = p.limit(max - used);
                if (!(part instanceof All)) {
                    out = and(out, part);
                    used += part.size();
                }
                if (used >= max) {
                    break;
                }
            }
            return out;
        }
        return ALL;
    }

    /** A readable rendering (quoted trigrams joined with AND/OR; tests and messages), or null for ALL. */
    default String toFts() {
        if (this instanceof All) {
            return null;
        }
        if (this instanceof Gram gram) {
            return '"' + gram.gram().replace("\"", "\"\"") + '"';
        }
        boolean isAnd = this instanceof And;
        List<TrigramQuery> parts = isAnd ? ((And) this).parts() : ((Or) this).parts();
        List<String> rendered = new ArrayList<>();
        for (TrigramQuery p : parts) {
            String s = p.toFts();
            rendered.add(p instanceof Gram ? s : "(" + s + ")");
        }
        return String.join(isAnd ? " AND " : " OR ", rendered);
    }
}
