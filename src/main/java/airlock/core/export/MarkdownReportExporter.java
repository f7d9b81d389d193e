package airlock.core.export;

import airlock.core.annotate.AnchoredRange;
import airlock.core.annotate.Annotation;
import airlock.core.annotate.FolderCoverage;
import airlock.core.annotate.Reply;
import airlock.core.annotate.Severity;
import airlock.core.annotate.Status;
import airlock.core.cwe.CweCatalogue;
import airlock.core.cwe.CweEntry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A Markdown report. Every text from the inspector or the repository is inert: inline text has
 * Markdown and HTML specials backslash-escaped (no links, images or tags can form), and bodies,
 * replies and snippets sit in fenced blocks whose fence is longer than any backtick run inside.
 */
public final class MarkdownReportExporter implements Exporter {
    private final CweCatalogue catalogue;

    public MarkdownReportExporter(CweCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public ExportFormat format() {
        return ExportFormat.MD;
    }

    @Override
    public void write(ExportDocument doc, ExportPolicy policy, OutputStream out) throws IOException {
        ReportSummary summary = ReportSummary.of(doc);
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write("# Airlock review report\n\n| | |\n|---|---|\n");
        row(w, "Product", doc.bundle().product() + " " + doc.bundle().release());
        row(w, "Bundle", doc.bundle().id());
        row(w, "Ref / commit", doc.bundle().ref() + " @ " + doc.bundle().commit());
        row(w, "Session", doc.session().id());
        row(w, "Inspector", doc.session().inspector());
        row(w, "Workstation", doc.session().workstation());
        row(w, "Session time", doc.session().started() + " - " + (doc.session().ended() == null ? "open" : doc.session().ended()));
        row(w, "Exported", doc.exportedAt() + " by Airlock " + doc.toolVersion());
        row(w, "Code in this report", policy.snippetsAllowed() ? "up to " + policy.maxSnippetLines() + " lines per range" : "none (room policy)");
        w.write("\n## Summary\n\n| Severity |");
        for (Status s : Status.values()) {
            w.write(" " + ReportSummary.label(s) + " |");
        }
        w.write(" Total |\n|---|");
        w.write("---|".repeat(Status.values().length + 1));
        w.write("\n");
        for (Severity sev : ReportSummary.severitiesDescending()) {
            int total = 0;
            w.write("| " + ReportSummary.label(sev) + " |");
            for (int n : summary.counts().get(sev)) {
                w.write(" " + n + " |");
                total += n;
            }
            w.write(" " + total + " |\n");
        }
        w.write("\n" + doc.annotations().size() + " findings.\n\n## Coverage\n\n| Folder | Files reviewed | Lines reviewed | % |\n|---|---|---|---|\n");
        for (FolderCoverage c : summary.coverage()) {
            w.write("| " + md(c.path().isEmpty() ? "(all)" : c.path()) + " | " + c.reviewedFiles() + " / " + c.files() + " | "
                    + c.reviewedLines() + " / " + c.lines() + " | " + ReportSummary.percent(c) + " |\n");
        }
        if (summary.coverage().isEmpty()) {
            w.write("\nCoverage was not computed for this export (the bundle was not open).\n");
        }
        w.write("\n## Findings by severity\n");
        int n = 0;
        for (Annotation a : summary.bySeverity()) {
            writeFinding(w, a, ++n, policy);
        }
        w.write("\n---\n\n" + md(CweCatalogue.ACKNOWLEDGEMENT) + "\n");
        w.flush();
    }

    private void writeFinding(Writer w, Annotation a, int n, ExportPolicy policy) throws IOException {
        w.write("\n### " + n + ". " + md(a.title()) + "\n\n| | |\n|---|---|\n");
        row(w, "Severity / confidence", ReportSummary.label(a.severity()) + " / " + a.confidence().id());
        row(w, "Status", ReportSummary.label(a.status()));
        if (a.cweId() != null) {
            row(w, "Category", a.cweLabel() + " " + catalogue.byId(a.cweId()).map(CweEntry::name).orElse(""));
        }
        row(w, "Location", a.anchor().path() + " " + ReportSummary.locations(a) + " (" + a.anchor().ref() + ", " + a.anchorState().id() + ")");
        if (!a.tags().isEmpty()) {
            row(w, "Tags", String.join(", ", a.tags()));
        }
        row(w, "Author", a.author() + ", " + a.created());
        row(w, "Id", a.id());
        if (!a.body().isBlank()) {
            w.write("\n" + fenced(a.body()));
        }
        for (AnchoredRange r : a.anchor().ranges()) {
            String snippet = policy.snippet(r.originalText());
            if (snippet != null) {
                w.write("\nCode at " + r.range().label() + ":\n\n" + fenced(snippet));
            }
        }
        for (Reply reply : a.replies()) {
            w.write("\n**" + md(reply.author()) + "**, " + md(reply.created().toString()) + ":\n\n" + fenced(reply.body()));
        }
    }

    private static void row(Writer w, String label, String value) throws IOException {
        w.write("| " + md(label) + " | " + md(value) + " |\n");
    }

    /** Inline text: visible tokens, then every Markdown/HTML special escaped; newlines become spaces. */
    static String md(String text) {
        String visible = VisibleText.escape(text).replace('\n', ' ').replace('\t', ' ');
        StringBuilder out = new StringBuilder(visible.length() + 16);
        for (int i = 0; i < visible.length(); i++) {
            char c = visible.charAt(i);
            if ("\\`*_{}[]()#+-.!|<>&~:\"'=$^".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A fenced block longer than any backtick run in the text, so the text cannot close it. */
    static String fenced(String text) {
        String visible = VisibleText.escape(text);
        int longest = 0;
        int run = 0;
        for (int i = 0; i < visible.length(); i++) {
            run = visible.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + "text\n" + visible + (visible.endsWith("\n") ? "" : "\n") + fence + "\n";
    }
}
