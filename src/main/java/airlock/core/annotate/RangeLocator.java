package airlock.core.annotate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds an anchored range again in another version of its file, by content.
 *
 * <p>The algorithm, in order: (1) every occurrence of the exact original characters, when they
 * are known; (2) otherwise every window of lines whose whitespace-normalised text has the
 * fingerprint's line hash (so re-indented code is still found), at the original columns when the
 * exact text hash matches there, else wherever in the window the exact text hash matches, else
 * as whole lines. Each candidate scores 2 for matching
 * context before, 2 for context after and 1 for exact characters; ties go to the candidate
 * nearest the original line. The best candidate is accepted when both contexts match, or when the
 * range is distinctive (several lines, or at least {@value #MIN_DISTINCTIVE_LENGTH} characters)
 * and one context matches or it is the only candidate; so a {@code return 0;} whose surroundings
 * changed never jumps to an unrelated line. When nothing is accepted the range is outdated: the caller keeps the original.
 */
public final class RangeLocator {
    static final int MAX_CANDIDATES = 2_000;
    static final int MAX_SLIDE_WINDOW = 8_192;
    static final int MIN_DISTINCTIVE_LENGTH = 16;

    private final LineIndex text;
    private Map<String, List<Integer>> linesByHead;

    public RangeLocator(LineIndex text) {
        this.text = text;
    }

    public LineIndex text() {
        return text;
    }

    /** The range's new place, or null when it is not found. */
    public TextRange locate(AnchoredRange original) {
        List<TextRange> exact = exactOccurrences(original.originalText());
        boolean byText = !exact.isEmpty();
        List<TextRange> candidates = byText ? exact : lineWindows(original);
        Fingerprint fp = original.fingerprint();
        TextRange best = null;
        int bestScore = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (TextRange candidate : candidates) {
            Fingerprint found = Fingerprints.of(text, candidate);
            int score = (beforeHash(candidate, original.range()).equals(fp.beforeHash()) ? 2 : 0)
                    + (found.afterHash().equals(fp.afterHash()) ? 2 : 0)
                    + (found.textHash().equals(fp.textHash()) ? 1 : 0);
            int distance = Math.abs(candidate.startLine() - original.range().startLine());
            if (score > bestScore || (score == bestScore && distance < bestDistance)) {
                best = candidate;
                bestScore = score;
                bestDistance = distance;
            }
        }
        if (best == null) {
            return null;
        }
        boolean bothContexts = bestScore >= 4;
        boolean oneContext = bestScore >= 2;
        boolean distinctive = original.range().length() >= MIN_DISTINCTIVE_LENGTH || fp.lineCount() > 1;
        boolean accepted = bothContexts || (distinctive && (oneContext || candidates.size() == 1));
        return accepted ? best : null;
    }

    /**
     * The context hash before {@code candidate} over as many lines as the original had: a range
     * near the top of its file had fewer than {@link Fingerprints#CONTEXT_LINES} lines above it.
     */
    private String beforeHash(TextRange candidate, TextRange original) {
        int lines = Math.min(Fingerprints.CONTEXT_LINES, original.startLine() - 1);
        int first = candidate.startLine() - lines;
        if (first < 1) {
            return "";
        }
        return Fingerprints.sha256(Fingerprints.normalizedLines(text, first, candidate.startLine() - 1));
    }

    private List<TextRange> exactOccurrences(String needle) {
        List<TextRange> found = new ArrayList<>();
        if (needle == null || needle.isEmpty()) {
            return found;
        }
        String haystack = text.text();
        for (int i = haystack.indexOf(needle); i >= 0 && found.size() < MAX_CANDIDATES; i = haystack.indexOf(needle, i + 1)) {
            found.add(text.range(i, i + needle.length()));
        }
        return found;
    }

    private List<TextRange> lineWindows(AnchoredRange original) {
        Fingerprint fp = original.fingerprint();
        TextRange r = original.range();
        int span = fp.lineCount();
        List<TextRange> found = new ArrayList<>();
        for (int first : linesWithHead(fp.headHash())) {
            if (first + span - 1 > text.lineCount() || found.size() >= MAX_CANDIDATES) {
                break;
            }
            if (!Fingerprints.sha256(Fingerprints.normalizedLines(text, first, first + span - 1)).equals(fp.linesHash())) {
                continue;
            }
            TextRange precise = atOriginalColumns(first, r, fp);
            if (precise == null) {
                precise = bySlidingHash(text.lineStart(first), text.lineEnd(first + span - 1), r.length(), fp.textHash());
            }
            found.add(precise != null ? precise : text.range(text.lineStart(first), text.lineEnd(first + span - 1)));
        }
        return found;
    }

    private TextRange atOriginalColumns(int first, TextRange r, Fingerprint fp) {
        int endLine = first + (r.endLine() - r.startLine());
        if (endLine > text.lineCount()) {
            return null;
        }
        try {
            int start = text.offsetOf(first, r.startColumn());
            int end = text.offsetOf(endLine, r.endColumn());
            if (end >= start && Fingerprints.sha256(text.text().substring(start, end)).equals(fp.textHash())) {
                return text.range(start, end);
            }
        } catch (IllegalArgumentException columnsPastLineEnd) {
            return null;
        }
        return null;
    }

    /** The exact range inside a window whose characters hash to {@code textHash}, trying each start (small windows only). */
    private TextRange bySlidingHash(int from, int to, int length, String textHash) {
        if (to - from > MAX_SLIDE_WINDOW) {
            return null;
        }
        for (int start = from; start + length <= to; start++) {
            if (Fingerprints.sha256(text.text().substring(start, start + length)).equals(textHash)) {
                return text.range(start, start + length);
            }
        }
        return null;
    }

    /** Lines (ascending) whose normalised text has this hash; the index is built once per file. */
    private List<Integer> linesWithHead(String headHash) {
        if (linesByHead == null) {
            linesByHead = new HashMap<>();
            for (int line = 1; line <= text.lineCount(); line++) {
                linesByHead.computeIfAbsent(Fingerprints.sha256(Fingerprints.normalize(text.line(line))), h -> new ArrayList<>()).add(line);
            }
        }
        return linesByHead.getOrDefault(headHash, List.of());
    }
}
