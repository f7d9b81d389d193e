package airlock.core.policy;

import airlock.core.annotate.AnchoredRange;
import airlock.core.annotate.Annotation;
import airlock.core.annotate.Reply;
import airlock.core.export.ExportPolicy;
import airlock.core.quote.QuoteCheck;
import airlock.core.quote.QuoteReport;
import airlock.core.quote.QuoteRules;
import airlock.core.quote.QuotedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The export side of issue 18: scans every text of every finding (title, body, tags, replies, and
 * the quoted snippets as the exporter would write them) with a {@link QuoteCheck}, lists the
 * violations (quoted code per finding, quotas per file and per session, the encoded budget), and
 * redacts what the supervisor decides to redact.
 */
final class QuoteChecks {
    private final QuoteCheck check;
    private final ExportPolicy snippets;

    QuoteChecks(QuoteCheck check, ExportPolicy snippets) {
        this.check = check;
        this.snippets = snippets;
    }

    QuoteReport report(List<Annotation> annotations) {
        return report(annotations, List.of());
    }

    /** As {@link #report(List)}, with more texts that leave too ({@code owner, field, text} each: disclosed log fields). */
    QuoteReport report(List<Annotation> annotations, List<String[]> more) {
        QuoteReport.Builder b = new QuoteReport.Builder(check);
        for (String[] t : more) {
            b.add(t[0], t[1], t[2], false);
        }
        for (Annotation a : annotations) {
            b.add(a.id(), "title", a.title(), false);
            b.add(a.id(), "body", a.body(), false);
            for (int i = 0; i < a.tags().size(); i++) {
                b.add(a.id(), "tag " + (i + 1), a.tags().get(i), false);
            }
            for (Reply r : a.replies()) {
                b.add(a.id(), "reply " + r.id(), r.body(), false);
            }
            for (AnchoredRange r : a.anchor().ranges()) {
                String out = snippets.snippet(r.originalText());
                if (out != null) {
                    b.add(a.id(), "snippet", out, true);
                }
            }
        }
        return b.build();
    }

    void violations(List<Annotation> annotations, List<Violation> out) {
        QuoteReport report = report(annotations);
        QuoteRules rules = check.rules();
        for (Annotation a : annotations) {
            List<String> where = new ArrayList<>();
            for (QuoteReport.Scanned s : report.of(a.id())) {
                if (s.problem() != null) {
                    where.add("its " + s.field() + " could not be compared with the reviewed code (" + s.problem() + ")");
                } else if (!s.snippet()) {
                    for (QuotedFile f : s.scan().files()) {
                        where.add("its " + s.field() + " line" + lines(f.textLines()) + " quote " + f.describe());
                    }
                }
            }
            if (!where.isEmpty()) {
                String shown = String.join("; ", where.subList(0, Math.min(3, where.size())))
                        + (where.size() > 3 ? "; and " + (where.size() - 3) + " more" : "");
                out.add(Violation.ofFinding(ViolationKind.QUOTED_CODE, a.id(), a.anchor().path(), "Finding \""
                        + airlock.core.text.VisibleText.escape(ExportCheck.shorten(a.title())) + "\" carries code of the reviewed tree (" + rules.minRunTokens()
                        + " or more tokens in a row, whatever the spacing or case): " + shown + "."));
            }
        }
        for (Map.Entry<String, Long> file : report.linesPerFile().entrySet()) {
            if (file.getValue() > rules.maxQuotedLinesPerFile()) {
                out.add(Violation.ofFile(ViolationKind.QUOTE_PER_FILE, file.getKey(), "All texts leaving together quote "
                        + file.getValue() + " lines of " + airlock.core.text.VisibleText.escape(file.getKey())
                        + "; the room allows " + rules.maxQuotedLinesPerFile() + " per file."));
            }
        }
        if (report.linesTotal() > rules.maxQuotedLinesPerSession()) {
            out.add(Violation.ofExport(ViolationKind.QUOTE_PER_SESSION, "All texts leaving together quote " + report.linesTotal()
                    + " lines of the reviewed tree; the room allows " + rules.maxQuotedLinesPerSession() + " per session."));
        }
        if (report.encodedBytes() > rules.maxEncodedBytesPerSession()) {
            out.add(Violation.ofExport(ViolationKind.ENCODED_BUDGET, "All texts leaving together carry " + report.encodedBytes()
                    + " bytes of encoded text (Base64, hex, byte lists); the room allows " + rules.maxEncodedBytesPerSession()
                    + " per session."));
        }
    }

    private static String lines(int[] lines) {
        if (lines.length == 0) {
            return "s";
        }
        return lines.length == 1 ? " " + lines[0] : "s " + lines[0] + "–" + lines[lines.length - 1];
    }

    /** Whether {@code a} quotes {@code path} in any of its texts (a refusal of a per-file quota removes these). */
    boolean quotes(Annotation a, String path) {
        return report(List.of(a)).scanned().stream().anyMatch(s -> s.scan() != null
                && s.scan().files().stream().anyMatch(f -> f.path().equals(path)));
    }

    /**
     * {@code a} with the lines removed that quote {@code path} (every quoted file when null), and,
     * when {@code blobs}, the lines holding encoded blobs; a snippet that quotes such a file goes.
     */
    Annotation redact(Annotation a, String path, boolean quotes, boolean blobs) {
        UnaryOperator<String> f = text -> redactText(text, path, quotes, blobs);
        List<Reply> replies = a.replies().stream().map(r -> new Reply(r.id(), r.author(), f.apply(r.body()), r.created())).toList();
        Annotation out = new Annotation(a.id(), a.anchor(), a.anchorState(), f.apply(a.title()), f.apply(a.body()), a.severity(),
                a.confidence(), a.cweId(), a.tags().stream().map(f).toList(), a.status(), a.author(), a.created(), a.updated(),
                replies);
        boolean dropSnippet = quotes && a.anchor().ranges().stream().anyMatch(r -> r.originalText() != null
                && !redactText(r.originalText(), path, true, false).equals(r.originalText()));
        return dropSnippet ? out.withAnchor(out.anchor().withoutText(), out.anchorState()) : out;
    }

    private String redactText(String text, String path, boolean quotes, boolean blobs) {
        QuoteCheck.TextScan scan;
        try {
            scan = check.scan(text);
        } catch (airlock.core.AirlockException e) {
            return ExportResolver.REDACTED_LINE; // not comparable: nothing of it is known to be prose
        }
        Set<Integer> drop = new java.util.TreeSet<>();
        if (quotes) {
            scan.files().stream().filter(f -> path == null || f.path().equals(path))
                    .forEach(f -> java.util.Arrays.stream(f.textLines()).forEach(drop::add));
        }
        if (blobs) {
            scan.blobs().forEach(b -> {
                for (int l = b.firstLine(); l <= b.lastLine(); l++) {
                    drop.add(l);
                }
            });
        }
        if (drop.isEmpty()) {
            return text;
        }
        String[] lines = text.split("\n", -1);
        for (int l : drop) {
            if (l >= 1 && l <= lines.length) {
                lines[l - 1] = ExportResolver.REDACTED_LINE;
            }
        }
        return String.join("\n", lines);
    }
}
