package airlock.core.policy;

import airlock.core.annotate.Annotation;
import airlock.core.annotate.Reply;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a supervisor's decisions to an export: refusals first, then redactions, then checks
 * the result again. A violation stays open unless the re-check no longer finds it or the
 * supervisor overrode it with a reason.
 */
public final class ExportResolver {
    static final String REDACTED_LINE = "[line removed by the supervisor under the room policy]";
    static final String REDACTED_SEARCH = "[search string removed]";
    private final ExportCheck check;
    private final CodeLikeText code = new CodeLikeText();

    public ExportResolver(RoomPolicy policy) {
        this.check = new ExportCheck(policy);
    }

    /** Resolves with {@code quotes} comparing the texts with the reviewed tree (issue 18). */
    public ExportResolver(RoomPolicy policy, airlock.core.quote.QuoteCheck quotes) {
        this.check = new ExportCheck(policy, quotes);
    }

    /** The quote check's view of {@code annotations} (for the seal screen's quota table). */
    public airlock.core.quote.QuoteReport quoteReport(List<Annotation> annotations) {
        return check.quoteReport(annotations);
    }

    /** As above, with {@code more} texts that leave beside the findings ({@code owner, field, text}: disclosed log fields). */
    public airlock.core.quote.QuoteReport quoteReport(List<Annotation> annotations, List<String[]> more) {
        return check.quoteReport(annotations, more);
    }

    public ExportResolution resolve(List<Annotation> annotations, Collection<String> searchStrings,
                                    List<SupervisorDecision> decisions) {
        Set<String> current = new HashSet<>();
        check.check(annotations, searchStrings).forEach(v -> current.add(v.id()));
        Set<String> overridden = new HashSet<>();
        boolean refused = false;
        List<Annotation> kept = new ArrayList<>(annotations);
        for (SupervisorDecision d : decisions) {
            if (!current.contains(d.violation().id())) {
                throw new IllegalArgumentException("decision on " + d.violation().id() + ", which this export does not have");
            }
            Violation v = d.violation();
            switch (d.action()) {
                case OVERRIDE -> overridden.add(v.id());
                case REFUSE -> {
                    if (v.kind().scope() == ViolationKind.Scope.SESSION) {
                        refused = true;
                    } else if (v.kind() == ViolationKind.QUOTE_PER_FILE) {
                        kept.removeIf(a -> check.quotes().quotes(a, v.path()));
                    } else {
                        kept.removeIf(a -> concerns(v, a));
                    }
                }
                case REDACT -> kept.replaceAll(a -> concerns(v, a) || v.kind() == ViolationKind.QUOTE_PER_FILE
                        ? redact(v, a, searchStrings) : a);
            }
        }
        if (refused) {
            return new ExportResolution(List.of(), List.of(), decisions, true);
        }
        List<Violation> open = check.check(kept, searchStrings).stream().filter(v -> !overridden.contains(v.id())).toList();
        return new ExportResolution(kept, open, decisions, false);
    }

    private static boolean concerns(Violation v, Annotation a) {
        return switch (v.kind().scope()) {
            case FINDING -> a.id().equals(v.annotationId());
            case FILE -> a.anchor().path().equals(v.path());
            case SESSION -> true;
            case FIELD -> false; // a log field's decision is the disclosure plan's, never the findings'
        };
    }

    private Annotation redact(Violation v, Annotation a, Collection<String> searchStrings) {
        return switch (v.kind()) {
            case QUOTED_CODE -> check.quotes().redact(a, null, true, true);
            case QUOTE_PER_FILE -> check.quotes().redact(a, v.path(), true, false);
            case QUOTE_PER_SESSION -> check.quotes().redact(a, null, true, false);
            case ENCODED_BUDGET -> check.quotes().redact(a, null, false, true);
            case SNIPPET_PER_FINDING, SNIPPET_PER_FILE, SNIPPET_PER_SESSION -> a.withAnchor(a.anchor().withoutText(), a.anchorState());
            case CODE_IN_TEXT -> rewrite(a, this::withoutCodeLines);
            case SEARCH_STRING -> rewrite(a, text -> withoutSearches(text, ExportCheck.meaningful(searchStrings)));
            default -> throw new IllegalArgumentException(v.kind().wire() + " cannot be redacted");
        };
    }

    private static Annotation rewrite(Annotation a, java.util.function.UnaryOperator<String> f) {
        List<Reply> replies = a.replies().stream().map(r -> new Reply(r.id(), r.author(), f.apply(r.body()), r.created())).toList();
        return new Annotation(a.id(), a.anchor(), a.anchorState(), f.apply(a.title()), f.apply(a.body()), a.severity(),
                a.confidence(), a.cweId(), a.tags().stream().map(f).toList(), a.status(), a.author(), a.created(), a.updated(),
                replies);
    }

    private String withoutCodeLines(String text) {
        String[] lines = text.split("\n", -1);
        for (CodeLikeText.Hit hit : code.findAll(text)) {
            lines[hit.line() - 1] = REDACTED_LINE;
        }
        String joined = String.join("\n", lines);
        // Text past the examined prefix is not known to be prose: it goes.
        return joined.length() > CodeLikeText.MAX_CHARS ? joined.substring(0, CodeLikeText.MAX_CHARS) + "\n" + REDACTED_LINE : joined;
    }

    private static String withoutSearches(String text, List<String> searches) {
        String out = text;
        for (String s : searches) {
            out = Pattern.compile(Pattern.quote(s), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(out)
                    .replaceAll(Matcher.quoteReplacement(REDACTED_SEARCH));
        }
        return out;
    }
}
