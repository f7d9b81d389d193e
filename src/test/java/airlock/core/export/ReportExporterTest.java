package airlock.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.cwe.CweCatalogue;
import airlock.core.cwe.CweCatalogueLoader;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReportExporterTest {
    static CweCatalogue catalogue;

    @BeforeAll
    static void load() throws Exception {
        catalogue = new CweCatalogueLoader(new ObjectMapper()).loadBundled();
    }

    static String write(Exporter exporter, ExportDocument doc, ExportPolicy policy) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.write(doc, policy, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void htmlIsSelfContainedAndInert() throws Exception {
        String html = write(new HtmlReportExporter(catalogue), ExportFixtures.document(10), ExportPolicy.none());
        for (String forbidden : List.of("<script", "<img", "<a ", "<link", "<iframe", "src=", "href=", "url(", "@import")) {
            assertFalse(html.toLowerCase().contains(forbidden), forbidden);
        }
        assertTrue(html.contains("default-src 'none'"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &lt;U+202E&gt;"));
        assertNoRawSuspicious(html);
        assertFalse(html.contains("strcpy(buf"), "no code without a policy");
        assertTrue(html.contains("<td>ab"), "bundle identity shown");
        assertTrue(html.contains("s-2026-0001"));
        assertTrue(html.contains("42.0 %"), "coverage of the root");
    }

    @Test
    void htmlListsFindingsBySeverityWithASummaryTable() throws Exception {
        String html = write(new HtmlReportExporter(catalogue), ExportFixtures.document(10), ExportPolicy.none());
        int critical = html.indexOf("<h3 class=\"critical\">");
        int info = html.indexOf("<h3 class=\"informational\">");
        assertTrue(critical > 0 && info > critical);
        // 10 fixtures: severities cycle through 5 values, statuses through 5: each severity has 2 findings
        assertTrue(html.contains("<td class=\"critical\">Critical</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2</td><td>2</td>"), html.substring(0, 3000));
    }

    @Test
    void markdownHasNoLiveLinksImagesOrHtmlOutsideFences() throws Exception {
        String md = write(new MarkdownReportExporter(catalogue), ExportFixtures.document(10), ExportPolicy.snippets(2));
        String outside = md.replaceAll("(?s)(`{3,})text\n.*?\n\\1\n", "");
        Matcher unescaped = Pattern.compile("(?<!\\\\)[<\\[\\]!(]").matcher(outside);
        assertFalse(unescaped.find(), () -> "unescaped markup near: " + outside.substring(Math.max(0, unescaped.start() - 40), unescaped.start() + 10));
        assertNoRawSuspicious(md);
        assertTrue(md.contains("strcpy(buf, p); /* <U+202E> } <U+2066> */"), "snippet allowed by policy");
    }

    @Test
    void fencesAreLongerThanAnyBacktickRunInside() {
        assertEquals("````text\na ``` b\n````\n", MarkdownReportExporter.fenced("a ``` b"));
        assertEquals("```text\nplain\n```\n", MarkdownReportExporter.fenced("plain\n"));
        assertEquals("\\[x\\]\\(javascript\\:y\\) \\<b\\>", MarkdownReportExporter.md("[x](javascript:y) <b>"));
    }

    @Test
    void emptyExportStillHasSummaryAndIdentity() throws Exception {
        String md = write(new MarkdownReportExporter(catalogue), ExportFixtures.document(0), ExportPolicy.none());
        assertTrue(md.contains("0 findings."));
        assertTrue(md.contains("| Critical | 0 | 0 | 0 | 0 | 0 | 0 |"));
    }

    static void assertNoRawSuspicious(String s) {
        s.codePoints().forEach(cp -> assertFalse(VisibleText.isSuspicious(cp) && cp != '\r', () -> "raw U+" + Integer.toHexString(cp)));
    }
}
