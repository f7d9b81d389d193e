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
 * A self-contained HTML report: inline CSS only, no script, no external resource (a CSP meta tag
 * forbids loading any), every text HTML-escaped after invisible and bidi characters were made
 * visible. Finding bodies are shown as plain text, never rendered as Markdown or HTML.
 */
public final class HtmlReportExporter implements Exporter {
    private static final String CSS = "body{font-family:sans-serif;margin:2em;color:#111}table{border-collapse:collapse;margin:1em 0}"
            + "td,th{border:1px solid #999;padding:.25em .6em;text-align:left}th{background:#eee}"
            + "pre{white-space:pre-wrap;background:#f6f6f6;padding:.5em;border:1px solid #ddd}"
            + ".critical{color:#900}.high{color:#c30}.medium{color:#960}.low{color:#369}.informational{color:#555}"
            + "section.finding{border-top:1px solid #ccc;margin-top:1.5em}";

    private final CweCatalogue catalogue;

    public HtmlReportExporter(CweCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public ExportFormat format() {
        return ExportFormat.HTML;
    }

    @Override
    public void write(ExportDocument doc, ExportPolicy policy, OutputStream out) throws IOException {
        ReportSummary summary = ReportSummary.of(doc);
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
        w.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
        w.write("<title>Airlock review report " + h(doc.session().id()) + "</title><style>" + CSS + "</style></head><body>\n");
        w.write("<h1>Airlock review report</h1>\n<table>\n");
        row(w, "Product", doc.bundle().product() + " " + doc.bundle().release());
        row(w, "Bundle", doc.bundle().id());
        row(w, "Ref / commit", doc.bundle().ref() + " @ " + doc.bundle().commit());
        row(w, "Session", doc.session().id());
        row(w, "Inspector", doc.session().inspector());
        row(w, "Workstation", doc.session().workstation());
        row(w, "Session time", doc.session().started() + " \u2013 " + (doc.session().ended() == null ? "open" : doc.session().ended()));
        row(w, "Exported", doc.exportedAt() + " by Airlock " + doc.toolVersion());
        row(w, "Code in this report", policy.snippetsAllowed() ? "up to " + policy.maxSnippetLines() + " lines per range" : "none (room policy)");
        w.write("</table>\n<h2>Summary</h2>\n<table><tr><th>Severity</th>");
        for (Status s : Status.values()) {
            w.write("<th>" + h(ReportSummary.label(s)) + "</th>");
        }
        w.write("<th>Total</th></tr>\n");
        for (Severity sev : ReportSummary.severitiesDescending()) {
            int[] c = summary.counts().get(sev);
            w.write("<tr><td class=\"" + sev.id() + "\">" + h(ReportSummary.label(sev)) + "</td>");
            int total = 0;
            for (int n : c) {
                w.write("<td>" + n + "</td>");
                total += n;
            }
            w.write("<td>" + total + "</td></tr>\n");
        }
        w.write("</table>\n<p>" + doc.annotations().size() + " findings.</p>\n<h2>Coverage</h2>\n<table><tr><th>Folder</th><th>Files reviewed</th><th>Lines reviewed</th><th>%</th></tr>\n");
        for (FolderCoverage c : summary.coverage()) {
            w.write("<tr><td>" + h(c.path().isEmpty() ? "(all)" : c.path()) + "</td><td>" + c.reviewedFiles() + " / " + c.files()
                    + "</td><td>" + c.reviewedLines() + " / " + c.lines() + "</td><td>" + ReportSummary.percent(c) + "</td></tr>\n");
        }
        w.write("</table>\n");
        if (summary.coverage().isEmpty()) {
            w.write("<p>Coverage was not computed for this export (the bundle was not open).</p>\n");
        }
        w.write("<h2>Findings by severity</h2>\n");
        int n = 0;
        for (Annotation a : summary.bySeverity()) {
            writeFinding(w, a, ++n, policy);
        }
        w.write("<p><small>" + h(CweCatalogue.ACKNOWLEDGEMENT) + "</small></p>\n</body></html>\n");
        w.flush();
    }

    private void writeFinding(Writer w, Annotation a, int n, ExportPolicy policy) throws IOException {
        w.write("<section class=\"finding\"><h3 class=\"" + a.severity().id() + "\">" + n + ". " + h(a.title()) + "</h3>\n<table>\n");
        row(w, "Severity / confidence", ReportSummary.label(a.severity()) + " / " + a.confidence().id());
        row(w, "Status", ReportSummary.label(a.status()));
        if (a.cweId() != null) {
            row(w, "Category", a.cweLabel() + " " + catalogue.byId(a.cweId()).map(CweEntry::name).orElse(""));
        }
        row(w, "Location", a.anchor().path() + " " + ReportSummary.locations(a) + " (" + a.anchor().ref() + ", " + a.anchorState().id() + ")");
        if (!a.tags().isEmpty()) {
            row(w, "Tags", String.join(", ", a.tags()));
        }
        row(w, "Author", a.author() + ", " + a.created() + (a.updated().equals(a.created()) ? "" : ", updated " + a.updated()));
        row(w, "Id", a.id());
        w.write("</table>\n");
        if (!a.body().isBlank()) {
            w.write("<pre>" + h(a.body()) + "</pre>\n");
        }
        for (AnchoredRange r : a.anchor().ranges()) {
            String snippet = policy.snippet(r.originalText());
            if (snippet != null) {
                w.write("<p>Code at " + h(r.range().label()) + ":</p><pre>" + h(snippet) + "</pre>\n");
            }
        }
        for (Reply reply : a.replies()) {
            w.write("<p><b>" + h(reply.author()) + "</b>, " + h(reply.created().toString()) + ":</p><pre>" + h(reply.body()) + "</pre>\n");
        }
        w.write("</section>\n");
    }

    private static void row(Writer w, String label, String value) throws IOException {
        w.write("<tr><th>" + h(label) + "</th><td>" + h(value) + "</td></tr>\n");
    }

    /** Visible tokens for suspicious characters, then HTML escaping of the five special ones. */
    static String h(String text) {
        String visible = VisibleText.escape(text);
        StringBuilder out = new StringBuilder(visible.length() + 16);
        for (int i = 0; i < visible.length(); i++) {
            char c = visible.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
