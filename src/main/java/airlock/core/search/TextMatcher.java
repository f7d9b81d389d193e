package airlock.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A query compiled for verification: finds the matching lines of a decoded text with ripgrep's line
 * semantics. Lines end at LF only; a pattern never matches across lines (each candidate line is
 * re-checked on its own, with {@code ^}/{@code $} at the line's ends); Unicode classes and
 * Unicode case folding as in ripgrep's default regex. Thread-safe: a matcher per call.
 */
public final class TextMatcher {
    private static final int FLAGS = Pattern.UNIX_LINES | Pattern.MULTILINE | Pattern.UNICODE_CHARACTER_CLASS;
    private final Pattern pattern;
    private final String plainLiteral;
    /** RE2/J for long ASCII lines, where java.util.regex may backtrack quadratically; null when not exact. */
    private final LinearLines linear;

    private TextMatcher(Pattern pattern, String plainLiteral, LinearLines linear) {
        this.pattern = pattern;
        this.plainLiteral = plainLiteral;
        this.linear = linear;
    }

    /** Compiles {@code query}; an invalid regular expression is reported with its position. */
    public static TextMatcher compile(SearchQuery query) throws InvalidQueryException {
        String source = query.regex() ? query.pattern() : Pattern.quote(query.pattern());
        if (query.wholeWord()) {
            source = "(?<!\\w)(?:" + source + ")(?!\\w)";
        }
        int flags = FLAGS | (query.ignoreCase() ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        try {
            Pattern compiled = Pattern.compile(source, flags);
            boolean plain = !query.regex() && !query.ignoreCase() && !query.wholeWord()
                    && !query.pattern().isEmpty() && query.pattern().indexOf('\n') < 0;
            return new TextMatcher(compiled, plain ? query.pattern() : null, plain ? null : LinearLines.of(query));
        } catch (PatternSyntaxException e) {
            throw new InvalidQueryException("Invalid regular expression: " + e.getDescription()
                    + (e.getIndex() >= 0 ? " near position " + e.getIndex() : "")
                    + ". Check the pattern, or search for it as literal text (without --regex).");
        } catch (IllegalArgumentException | StackOverflowError e) {
            throw new InvalidQueryException("The pattern cannot be compiled (" + e.getMessage() + ").");
        }
    }

    /**
     * Every matching line of {@code text} (a file shown in a code view, for find in file), within the same
     * step budget as a search of that text: empty when the budget ran out (a pathological pattern: the
     * file is vendor input) or {@code cancelled} said stop, so no pattern can hang the caller.
     */
    public java.util.Optional<List<LineMatch>> matchLinesWithin(String text, BooleanSupplier cancelled) {
        try {
            return java.util.Optional.of(matchLines(text, cancelled));
        } catch (BudgetedText.Stop e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Every matching line of {@code text}.
     *
     * @throws BudgetedText.Stop when the search was cancelled or the pattern exceeded its budget
     */
    List<LineMatch> matchLines(String text, BooleanSupplier cancelled) {
        return plainLiteral != null ? literalLines(text) : regexLines(text, cancelled);
    }

    /**
     * The matching lines among some lines of a file: {@code lines} holds them joined by LF, the
     * i-th being line {@code numbers[i]} of the file. Each line is matched on its own, as a region
     * that sees nothing beyond its ends, exactly like the per-line check of {@link #matchLines}.
     *
     * @param fileLength the file's length, which sets the step budget as for the whole file
     * @throws BudgetedText.Stop when the search was cancelled or the pattern exceeded its budget
     */
    List<LineMatch> matchSelectedLines(String lines, int[] numbers, int fileLength, BooleanSupplier cancelled) {
        return matchSelectedLines(lines, numbers, BudgetedText.defaultBudget(fileLength), cancelled);
    }

    /**
     * As {@link #matchSelectedLines(String, int[], int, BooleanSupplier)} with a step budget of its
     * own. A plain literal is looked for with {@link String#indexOf} and charged the characters each
     * look-up passed over; an occurrence found beyond the current line is kept for the line that
     * holds it, so the text is passed over once in all, however many lines are selected (looking
     * afresh from each line's start up to the end of the text made a file of n selected lines cost
     * n times its length, the issue 20 quadratic case).
     */
    List<LineMatch> matchSelectedLines(String lines, int[] numbers, long budget, BooleanSupplier cancelled) {
        List<LineMatch> out = new ArrayList<>();
        // java.util.regex never matches ^ at the end of its input, even after an LF: an empty line
        // selected last (e.g. by ^$, now that the byte filter knows anchors) gets the LF it has in
        // the file, as in matchLines, where an empty line is always followed by one
        boolean emptyLast = plainLiteral == null && (lines.isEmpty() || lines.charAt(lines.length() - 1) == '\n');
        BudgetedText seq = new BudgetedText(emptyLast ? lines + "\n" : lines, budget, cancelled);
        Matcher line = plainLiteral != null ? null : pattern.matcher(seq);
        if (line != null) {
            line.useAnchoringBounds(false).useTransparentBounds(false);
        }
        int len = plainLiteral == null ? 0 : plainLiteral.length();
        // the next occurrence of the literal at or after `from`, -1 for none (valid while from <= lineStart)
        int next = -2;
        int from = 0;
        int lineStart = 0;
        // one growing buffer for every line; a line's matches are then copied once at their size
        Ranges ranges = new Ranges();
        for (int number : numbers) {
            int lineEnd = lines.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = lines.length();
            }
            seq.charge(lineEnd - lineStart + 1);
            ranges.reset();
            if (line == null) {
                if (next == -2 || (next >= 0 && next < lineStart)) {
                    from = Math.max(from, lineStart);
                    next = lines.indexOf(plainLiteral, from);
                    seq.charge((next < 0 ? lines.length() : next + len) - from);
                    from = next < 0 ? lines.length() : next;
                }
                while (next >= 0 && next + len <= lineEnd) {
                    ranges.append(next - lineStart, next + len - lineStart);
                    from = next + len;
                    next = lines.indexOf(plainLiteral, from);
                    seq.charge((next < 0 ? lines.length() : next + len) - from);
                    from = next < 0 ? lines.length() : next;
                }
            } else if (linear != null && lineEnd - lineStart >= LinearLines.LONG_LINE
                    && LinearLines.ascii(lines, lineStart, lineEnd)) {
                // java.util.regex first (faster where it does not backtrack); past a linear amount of
                // work on this line, the line again with the linear-time matcher
                seq.limitLine(LinearLines.JAVA_STEPS_PER_CHAR * (lineEnd - lineStart));
                try {
                    line.region(lineStart, lineEnd);
                    while (line.find()) {
                        ranges.append(line.start() - lineStart, line.end() - lineStart);
                    }
                } catch (BudgetedText.LineLimit e) {
                    ranges.reset();
                    linear.find(seq, lineStart, lineEnd, ranges);
                } finally {
                    seq.unlimitLine();
                }
            } else {
                line.region(lineStart, lineEnd);
                while (line.find()) {
                    ranges.append(line.start() - lineStart, line.end() - lineStart);
                }
            }
            if (!ranges.isEmpty()) {
                out.add(new LineMatch(number, lines.substring(lineStart, lineEnd), ranges.copy()));
            }
            lineStart = lineEnd + 1;
        }
        return out;
    }

    private List<LineMatch> regexLines(String text, BooleanSupplier cancelled) {
        if (linear != null && hasLongLine(text)) {
            // line by line, so that a long line goes to the linear matcher (a find over the whole
            // text would backtrack over it as over any other)
            int count = 0;
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                count++;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
                count++;
            }
            int[] numbers = new int[count];
            for (int i = 0; i < count; i++) {
                numbers[i] = i + 1;
            }
            return matchSelectedLines(text, numbers, BudgetedText.defaultBudget(text.length()), cancelled);
        }
        List<LineMatch> out = new ArrayList<>();
        BudgetedText seq = new BudgetedText(text, BudgetedText.defaultBudget(text.length()), cancelled);
        Matcher whole = pattern.matcher(seq);
        Matcher line = pattern.matcher(seq);
        // non-anchoring bounds: ^ and $ then see the surrounding LFs (MULTILINE, UNIX_LINES), so they
        // match at the line's ends, including on an empty line (an anchoring ^ never matches at the
        // region's end)
        line.useAnchoringBounds(false).useTransparentBounds(false);
        int n = text.length();
        boolean phantomLast = n == 0 || text.charAt(n - 1) == '\n';
        LineCounter counter = new LineCounter(text);
        int pos = 0;
        Ranges ranges = new Ranges();
        while (pos <= n && whole.find(pos)) {
            int s = whole.start();
            int lineStart = s == 0 ? 0 : text.lastIndexOf('\n', s - 1) + 1;
            if (lineStart == n && phantomLast) {
                break;
            }
            int lineEnd = text.indexOf('\n', s);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            ranges.reset();
            line.region(lineStart, lineEnd);
            while (line.find()) {
                ranges.append(line.start() - lineStart, line.end() - lineStart);
            }
            if (!ranges.isEmpty()) {
                out.add(new LineMatch(counter.lineOf(lineStart), text.substring(lineStart, lineEnd), ranges.copy()));
            }
            pos = lineEnd + 1;
        }
        return out;
    }

    private static boolean hasLongLine(String text) {
        int start = 0;
        while (true) {
            int end = text.indexOf('\n', start);
            if ((end < 0 ? text.length() : end) - start >= LinearLines.LONG_LINE) {
                return true;
            }
            if (end < 0) {
                return false;
            }
            start = end + 1;
        }
    }

    private List<LineMatch> literalLines(String text) {
        List<LineMatch> out = new ArrayList<>();
        LineCounter counter = new LineCounter(text);
        int len = plainLiteral.length();
        int s = text.indexOf(plainLiteral);
        Ranges ranges = new Ranges();
        while (s >= 0) {
            int lineStart = s == 0 ? 0 : text.lastIndexOf('\n', s - 1) + 1;
            int lineEnd = text.indexOf('\n', s);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            ranges.reset();
            while (s >= 0 && s + len <= lineEnd) {
                ranges.append(s - lineStart, s + len - lineStart);
                s = text.indexOf(plainLiteral, s + len);
            }
            out.add(new LineMatch(counter.lineOf(lineStart), text.substring(lineStart, lineEnd), ranges.copy()));
            if (s >= 0 && s <= lineEnd) {
                s = text.indexOf(plainLiteral, lineEnd + 1);
            }
        }
        return out;
    }

    /** Line numbers for increasing offsets, counting LFs once over the whole text. */
    private static final class LineCounter {
        private final String text;
        private int offset;
        private int line = 1;

        LineCounter(String text) {
            this.text = text;
        }

        int lineOf(int lineStart) {
            while (offset < lineStart) {
                int next = text.indexOf('\n', offset);
                if (next < 0 || next >= lineStart) {
                    offset = lineStart;
                    break;
                }
                line++;
                offset = next + 1;
            }
            return line;
        }
    }
}
