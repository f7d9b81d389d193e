package airlock.core.policy;

import airlock.core.annotate.AnchoredRange;
import airlock.core.annotate.Annotation;
import airlock.core.annotate.Reply;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks what an export would carry against the room policy and lists every violation with a
 * reason a supervisor understands. Quoted lines are counted as the exporter writes them: each
 * quoted range is cut to the per-finding limit, so what is checked here is the total per finding
 * (several ranges), per file and per export. {@link ExportResolver} applies the supervisor's
 * decisions.
 */
public final class ExportCheck {
    /** Search strings shorter than this are too common in prose to be told apart from it. */
    static final int MIN_SEARCH_STRING = 4;
    private final RoomPolicy.ExportRules rules;
    private final List<PathGlob> forbidden;
    private final CodeLikeText code = new CodeLikeText();
    private final QuoteChecks quotes;

    /** The checks without a reviewed tree: quoted code is caught by shape only, encoded text still counts (issue 18). */
    public ExportCheck(RoomPolicy policy) {
        this(policy, airlock.core.quote.QuoteCheck.withoutTree(policy.quotes()));
    }

    /** The checks, with {@code quotes} comparing every text with the reviewed tree (issue 18). */
    public ExportCheck(RoomPolicy policy, airlock.core.quote.QuoteCheck quotes) {
        this.rules = policy.export();
        this.forbidden = rules.forbiddenPaths().stream().map(PathGlob::compile).toList();
        this.quotes = new QuoteChecks(quotes, policy.exportPolicy());
    }

    /** The quote check's view of {@code annotations}: what each text quotes, and the quotas used (issue 18). */
    public airlock.core.quote.QuoteReport quoteReport(List<Annotation> annotations) {
        return quotes.report(annotations);
    }

    /** As above, with {@code more} texts that leave beside the findings ({@code owner, field, text}: disclosed log fields). */
    public airlock.core.quote.QuoteReport quoteReport(List<Annotation> annotations, List<String[]> more) {
        return quotes.report(annotations, more);
    }

    QuoteChecks quotes() {
        return quotes;
    }

    public List<Violation> check(List<Annotation> annotations, Collection<String> searchStrings) {
        List<Violation> out = new ArrayList<>();
        if (annotations.isEmpty()) {
            return out;
        }
        if (!rules.annotations()) {
            out.add(Violation.ofExport(ViolationKind.ANNOTATIONS_FORBIDDEN, "The room policy lets no findings leave the room,"
                    + " and this export has " + annotations.size() + "."));
            return out;
        }
        List<String> searches = meaningful(searchStrings);
        Map<String, Integer> linesPerFile = new LinkedHashMap<>();
        int total = 0;
        for (Annotation a : annotations) {
            String path = a.anchor().path();
            forbiddenPattern(path).ifPresent(glob -> out.add(Violation.ofFinding(ViolationKind.FORBIDDEN_PATH, a.id(), path,
                    "Finding \"" + title(a) + "\" is on " + path + ", which the room policy keeps out of exports ("
                            + glob + ").")));
            int lines = quotedLines(a);
            if (lines > rules.maxSnippetLinesPerFinding()) {
                out.add(Violation.ofFinding(ViolationKind.SNIPPET_PER_FINDING, a.id(), path, "Finding \"" + title(a)
                        + "\" quotes " + lines + " lines of code; the room allows " + rules.maxSnippetLinesPerFinding()
                        + " per finding."));
            }
            linesPerFile.merge(path, lines, Integer::sum);
            total += lines;
            codeInText(a).ifPresent(hit -> out.add(Violation.ofFinding(ViolationKind.CODE_IN_TEXT, a.id(), path,
                    "Finding \"" + title(a) + "\" has text that looks like code (line " + hit.line() + ": "
                            + hit.reason() + "); code may leave only as a quoted range within the limits.")));
            if (!rules.searchStrings()) {
                searchIn(a, searches).ifPresent(s -> out.add(Violation.ofFinding(ViolationKind.SEARCH_STRING, a.id(), path,
                        "Finding \"" + title(a) + "\" repeats the search string \"" + shorten(s)
                                + "\" typed in this session; the room keeps search strings in the room.")));
            }
        }
        for (Map.Entry<String, Integer> file : linesPerFile.entrySet()) {
            if (file.getValue() > rules.maxSnippetLinesPerFile()) {
                out.add(Violation.ofFile(ViolationKind.SNIPPET_PER_FILE, file.getKey(), "The findings on " + file.getKey()
                        + " quote " + file.getValue() + " lines of it together; the room allows " + rules.maxSnippetLinesPerFile()
                        + " per file."));
            }
        }
        if (total > rules.maxSnippetLinesPerSession()) {
            out.add(Violation.ofExport(ViolationKind.SNIPPET_PER_SESSION, "This export quotes " + total
                    + " lines of code in all; the room allows " + rules.maxSnippetLinesPerSession() + " per session."));
        }
        quotes.violations(annotations, out);
        return out;
    }

    /** Lines of code the exporter would write for {@code a} (0 when the policy allows no snippets). */
    int quotedLines(Annotation a) {
        if (!rules.snippets()) {
            return 0;
        }
        int lines = 0;
        for (AnchoredRange r : a.anchor().ranges()) {
            if (r.originalText() != null) {
                lines += Math.min(r.originalText().split("\n", -1).length, rules.maxSnippetLinesPerFinding());
            }
        }
        return lines;
    }

    Optional<CodeLikeText.Hit> codeInText(Annotation a) {
        for (String text : texts(a)) {
            Optional<CodeLikeText.Hit> hit = code.find(text);
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    static List<String> texts(Annotation a) {
        List<String> texts = new ArrayList<>();
        texts.add(a.title());
        texts.add(a.body());
        texts.addAll(a.tags());
        for (Reply r : a.replies()) {
            texts.add(r.body());
        }
        return texts;
    }

    static List<String> meaningful(Collection<String> searchStrings) {
        return searchStrings.stream().map(String::strip).filter(s -> s.length() >= MIN_SEARCH_STRING).distinct().toList();
    }

    private static Optional<String> searchIn(Annotation a, List<String> searches) {
        for (String text : texts(a)) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (String s : searches) {
                if (lower.contains(s.toLowerCase(Locale.ROOT))) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> forbiddenPattern(String path) {
        return forbidden.stream().filter(g -> g.matches(path)).map(PathGlob::glob).findFirst();
    }

    private static String title(Annotation a) {
        return shorten(a.title());
    }

    static String shorten(String s) {
        String one = s.replaceAll("\\p{Cntrl}", " ");
        return one.length() > 60 ? one.substring(0, 60) + "…" : one;
    }
}
