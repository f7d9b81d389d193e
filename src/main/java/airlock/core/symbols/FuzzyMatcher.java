package airlock.core.symbols;

/**
 * Ctrl+P style fuzzy scoring: the query's characters must appear in order (case-insensitive); matches at
 * word starts (after '/', '_', '-', '.', a lower→upper hump, or the start), consecutive runs and matches
 * in the last path segment score higher; long candidates and gaps cost a little.
 */
public final class FuzzyMatcher {
    /** No match. */
    public static final int NONE = Integer.MIN_VALUE;

    private FuzzyMatcher() {
    }

    /** The score of {@code candidate} for {@code query} (higher is better), or {@link #NONE}. */
    public static int score(String query, String candidate) {
        if (query.isEmpty()) {
            return 0;
        }
        String q = query.toLowerCase(java.util.Locale.ROOT);
        String c = candidate.toLowerCase(java.util.Locale.ROOT);
        // lowercasing can change the length (U+0130 becomes two chars): positions in c may pass candidate's end
        int basename = Math.min(candidate.lastIndexOf('/') + 1, c.length());
        int best = NONE;
        char first = q.charAt(0);
        int tries = 0;
        for (int s = c.indexOf(first); s >= 0 && tries < 16; s = c.indexOf(first, s + 1), tries++) {
            int sc = scoreFrom(q, c, candidate, s, basename);
            if (sc > best) {
                best = sc;
            }
        }
        if (best == NONE) {
            return NONE;
        }
        if (c.equals(q) || c.substring(basename).equals(q)) {
            best += 50;
        } else if (c.substring(basename).startsWith(q)) {
            best += 20;
        }
        return best - candidate.length() / 8;
    }

    private static int scoreFrom(String q, String c, String orig, int start, int basename) {
        int score = 0;
        int prev = -2;
        int j = start;
        for (int i = 0; i < q.length(); i++) {
            char ch = q.charAt(i);
            while (j < c.length() && c.charAt(j) != ch) {
                j++;
            }
            if (j >= c.length()) {
                return NONE;
            }
            score += 1;
            if (j == prev + 1) {
                score += 6;
            } else if (prev >= 0) {
                score -= Math.min(5, j - prev - 1);
            }
            if (isBoundary(orig, j)) {
                score += 8;
            }
            if (j >= basename) {
                score += 2;
            }
            prev = j;
            j++;
        }
        return score;
    }

    private static boolean isBoundary(String s, int i) {
        if (i == 0) {
            return true;
        }
        if (i >= s.length()) {
            return false;
        }
        char p = s.charAt(i - 1);
        char c = s.charAt(i);
        return p == '/' || p == '_' || p == '-' || p == '.' || p == ' '
                || (Character.isLowerCase(p) && Character.isUpperCase(c));
    }
}
