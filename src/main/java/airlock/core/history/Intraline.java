package airlock.core.history;

import java.util.ArrayList;
import java.util.List;

/**
 * Word-level differences inside a changed line pair: both lines are cut into tokens (runs of
 * letters and digits, runs of spaces, single other characters), the longest common token
 * subsequence is kept, and what is left on each side becomes spans. Pairs too long to compare
 * cheaply are marked as changed as a whole.
 */
public final class Intraline {
    /** Largest tokens(left) x tokens(right) table worth computing for one pair. */
    static final int MAX_CELLS = 250_000;

    private Intraline() {
    }

    /** The differing spans of {@code left} and {@code right}: index 0 for left, 1 for right. */
    public static List<List<Span>> spans(String left, String right) {
        List<int[]> a = tokens(left);
        List<int[]> b = tokens(right);
        if ((long) a.size() * b.size() > MAX_CELLS) {
            return List.of(whole(left), whole(right));
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = equal(left, a.get(i), right, b.get(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        boolean[] keepA = new boolean[a.size()];
        boolean[] keepB = new boolean[b.size()];
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (equal(left, a.get(i), right, b.get(j))) {
                keepA[i++] = true;
                keepB[j++] = true;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return List.of(collect(a, keepA), collect(b, keepB));
    }

    private static List<Span> whole(String text) {
        return text.isEmpty() ? List.of() : List.of(new Span(0, text.length()));
    }

    private static List<Span> collect(List<int[]> tokens, boolean[] kept) {
        List<Span> spans = new ArrayList<>();
        int start = -1;
        int end = -1;
        for (int k = 0; k < tokens.size(); k++) {
            if (kept[k]) {
                continue;
            }
            int[] token = tokens.get(k);
            if (start >= 0 && token[0] == end) {
                end = token[1];
            } else {
                if (start >= 0) {
                    spans.add(new Span(start, end));
                }
                start = token[0];
                end = token[1];
            }
        }
        if (start >= 0) {
            spans.add(new Span(start, end));
        }
        return spans;
    }

    private static boolean equal(String s, int[] x, String t, int[] y) {
        int length = x[1] - x[0];
        return length == y[1] - y[0] && s.regionMatches(x[0], t, y[0], length);
    }

    /** Tokens as [start, end) offsets; a surrogate pair stays inside one token. */
    static List<int[]> tokens(String text) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int start = i;
            i += Character.charCount(cp);
            int kind = kind(cp);
            if (kind != 0) {
                while (i < text.length() && kind(text.codePointAt(i)) == kind) {
                    i += Character.charCount(text.codePointAt(i));
                }
            }
            out.add(new int[] {start, i});
        }
        return out;
    }

    /** 1 word character, 2 space, 0 anything else (a token of its own). */
    private static int kind(int cp) {
        if (Character.isLetterOrDigit(cp) || cp == '_') {
            return 1;
        }
        return cp == ' ' || cp == '\t' ? 2 : 0;
    }
}
