package airlock.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Derives the trigram query a file must satisfy to hold a match of a regular expression, after
 * Russ Cox's "Regular Expression Matching with a Trigram Index" (the algorithm behind Google Code
 * Search and codesearch's cindex). For each node it tracks whether it can match the empty
 * string, its exact set of matched strings when small, otherwise sets of possible prefixes and
 * suffixes, and a trigram query that any match implies.
 */
public final class TrigramExtractor {
    private static final int MAX_EXACT = 7;
    private static final int MAX_SET = 20;
    private static final int MAX_LEAVES = 64;

    private TrigramExtractor() {
    }

    /** The trigram query for {@code query}; {@link TrigramQuery#ALL} when nothing can be required. */
    public static TrigramQuery of(SearchQuery query) {
        RegexNode node;
        try {
            node = query.regex() ? RegexParser.parse(query.pattern(), query.ignoreCase())
                    : RegexParser.literal(query.pattern(), query.ignoreCase());
        } catch (RuntimeException e) {
            // RegexParser.GiveUp, or a malformed corner it did not foresee: scanning stays correct
            return TrigramQuery.ALL;
        }
        Info info = analyze(node);
        info.simplify(true);
        info.addExact();
        return info.match.limit(MAX_LEAVES);
    }

    private static Info analyze(RegexNode node) {
        if (node instanceof RegexNode.Chars chars) {
            Info info = new Info();
            info.exact = new TreeSet<>(chars.chars());
            return info;
        }
        if (node instanceof RegexNode.AnyChar || node instanceof RegexNode.Class) {
            return Info.anyChar();
        }
        if (node instanceof RegexNode.AnyString) {
            return Info.anyMatch();
        }
        if (node instanceof RegexNode.Empty) {
            return Info.empty();
        }
        if (node instanceof RegexNode.Concat concat) {
            Info info = Info.empty();
            for (RegexNode part : concat.parts()) {
                info = concat(info, analyze(part));
            }
            return info;
        }
        if (node instanceof RegexNode.Alt alt) {
            Info info = null;
            for (RegexNode part : alt.parts()) {
                Info next = analyze(part);
                info = info == null ? next : alternate(info, next);
            }
            return info;
        }
        RegexNode.Repeat repeat = (RegexNode.Repeat) node;
        if (repeat.min() == 0) {
            return repeat.max() == 1 ? alternate(analyze(repeat.node()), Info.empty()) : Info.anyMatch();
        }
        Info info = Info.empty();
        int copies = Math.min(repeat.min(), 3);
        for (int i = 0; i < copies; i++) {
            info = concat(info, analyze(repeat.node()));
        }
        if (repeat.max() != copies) {
            info = concat(info, Info.anyMatch());
        }
        return info;
    }

    private static Info concat(Info x, Info y) {
        Info xy = new Info();
        xy.match = TrigramQuery.and(x.match, y.match);
        xy.canEmpty = x.canEmpty && y.canEmpty;
        if (x.exact != null && y.exact != null) {
            xy.exact = cross(x.exact, y.exact);
        } else {
            if (x.exact != null) {
                xy.prefix = cross(x.exact, y.prefix);
            } else {
                xy.prefix = new TreeSet<>(x.prefix);
                if (x.canEmpty) {
                    xy.prefix.addAll(y.prefix);
                }
            }
            if (y.exact != null) {
                xy.suffix = cross(x.suffix, y.exact);
            } else {
                xy.suffix = new TreeSet<>(y.suffix);
                if (y.canEmpty) {
                    xy.suffix.addAll(x.suffix);
                }
            }
        }
        // a match spans x's suffix and y's prefix: when every combination is long enough, one of
        // their trigrams must be present
        if (x.exact == null && y.exact == null && x.suffix.size() <= MAX_SET && y.prefix.size() <= MAX_SET
                && minLen(x.suffix) + minLen(y.prefix) >= 3) {
            xy.match = TrigramQuery.and(xy.match, orOf(cross(x.suffix, y.prefix)));
        }
        xy.simplify(false);
        return xy;
    }

    private static Info alternate(Info x, Info y) {
        Info xy = new Info();
        if (x.exact != null && y.exact != null) {
            xy.exact = union(x.exact, y.exact);
        } else if (x.exact != null) {
            xy.prefix = union(x.exact, y.prefix);
            xy.suffix = union(x.exact, y.suffix);
            x.addExact();
        } else if (y.exact != null) {
            xy.prefix = union(x.prefix, y.exact);
            xy.suffix = union(x.suffix, y.exact);
            y.addExact();
        } else {
            xy.prefix = union(x.prefix, y.prefix);
            xy.suffix = union(x.suffix, y.suffix);
        }
        xy.canEmpty = x.canEmpty || y.canEmpty;
        xy.match = TrigramQuery.or(x.match, y.match);
        xy.simplify(false);
        return xy;
    }

    private static Set<String> cross(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>();
        for (String s : a) {
            for (String t : b) {
                out.add(s + t);
            }
        }
        return out;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }

    private static int minLen(Set<String> set) {
        int min = Integer.MAX_VALUE;
        for (String s : set) {
            min = Math.min(min, s.codePointCount(0, s.length()));
        }
        return set.isEmpty() ? 0 : min;
    }

    /** OR over the strings of AND over each string's trigrams. */
    private static TrigramQuery orOf(Set<String> strings) {
        TrigramQuery q = null;
        for (String s : strings) {
            TrigramQuery t = TrigramQuery.ofString(s);
            q = q == null ? t : TrigramQuery.or(q, t);
        }
        return q == null ? TrigramQuery.ALL : q;
    }

    /** Keeps a prefix (or suffix) set free of members implied by a shorter member. */
    private static Set<String> clean(Set<String> set, boolean suffix) {
        List<String> sorted = new ArrayList<>(set);
        sorted.sort((a, b) -> Integer.compare(a.length(), b.length()));
        Set<String> out = new TreeSet<>();
        for (String s : sorted) {
            boolean implied = false;
            for (String kept : out) {
                if (suffix ? s.endsWith(kept) : s.startsWith(kept)) {
                    implied = true;
                    break;
                }
            }
            if (!implied) {
                out.add(s);
            }
        }
        return out;
    }

    private static String cut(String s, int n, boolean suffix) {
        int cps = s.codePointCount(0, s.length());
        if (cps <= n) {
            return s;
        }
        return suffix ? s.substring(s.offsetByCodePoints(0, cps - n)) : s.substring(0, s.offsetByCodePoints(0, n));
    }

    private static final class Info {
        boolean canEmpty;
        Set<String> exact;
        Set<String> prefix = new TreeSet<>();
        Set<String> suffix = new TreeSet<>();
        TrigramQuery match = TrigramQuery.ALL;

        static Info empty() {
            Info info = new Info();
            info.canEmpty = true;
            info.exact = new TreeSet<>(Set.of(""));
            return info;
        }

        static Info anyChar() {
            Info info = new Info();
            info.prefix.add("");
            info.suffix.add("");
            return info;
        }

        static Info anyMatch() {
            Info info = anyChar();
            info.canEmpty = true;
            return info;
        }

        void addExact() {
            if (exact != null) {
                match = TrigramQuery.and(match, orOf(exact));
            }
        }

        void simplify(boolean force) {
            if (exact != null && (exact.size() > MAX_EXACT || (force && minLen(exact) >= 3))) {
                addExact();
                for (String s : exact) {
                    prefix.add(cut(s, 2, false));
                    suffix.add(cut(s, 2, true));
                }
                exact = null;
            }
            if (exact == null) {
                prefix = simplifySet(prefix, false);
                suffix = simplifySet(suffix, true);
            }
        }

        private Set<String> simplifySet(Set<String> set, boolean isSuffix) {
            Set<String> t = clean(set, isSuffix);
            match = TrigramQuery.and(match, orOf(t));
            for (int n = 3; n == 3 || t.size() > MAX_SET; n--) {
                Set<String> shorter = new TreeSet<>();
                for (String s : t) {
                    shorter.add(cut(s, n - 1, isSuffix));
                }
                t = clean(shorter, isSuffix);
                if (n == 1) {
                    break;
                }
            }
            return t;
        }
    }
}
