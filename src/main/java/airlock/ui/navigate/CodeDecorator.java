package airlock.ui.navigate;

import airlock.core.syntax.Highlighting;
import airlock.core.syntax.Language;
import airlock.core.syntax.SyntaxHighlighter;
import airlock.core.text.ContentLimits;
import airlock.core.text.DisplayText;
import airlock.core.text.HomoglyphFinding;
import airlock.core.text.Homoglyphs;
import airlock.core.text.TextFinding;
import airlock.ui.Texts;
import airlock.ui.code.CodeViewPane;
import airlock.ui.code.DocumentContent;
import airlock.ui.code.GutterMark;
import airlock.ui.code.PreparedDocument;
import airlock.ui.main.MainViewModel;
import airlock.ui.task.BackgroundTask;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Decorates every code view: syntax highlighting computed off the FX thread, invisible and bidi
 * characters replaced by visible {@code ⟨U+…⟩} tokens in their own style, a gutter mark on each line
 * that has one, and a banner on the file.
 */
final class CodeDecorator {
    static final String TOKEN_CLASS = "invisible-token";
    private final MainViewModel model;
    private final Texts texts;
    private final SyntaxHighlighter highlighter;
    private final ContentLimits limits;
    private final Map<CodeViewPane, Decoration> decorations = new HashMap<>();
    private boolean replacing;

    CodeDecorator(MainViewModel model, Texts texts, SyntaxHighlighter highlighter, ContentLimits limits) {
        this.model = model;
        this.texts = texts;
        this.highlighter = highlighter;
        this.limits = limits;
    }

    /** The decoration of a pane, once computed (null before). */
    Decoration decorationOf(CodeViewPane pane) {
        return decorations.get(pane);
    }

    void attach(CodeViewPane pane) {
        CodeViewPane.GutterColumn column = pane.addGutterColumn();
        pane.addShownListener(() -> {
            if (!replacing) {
                decorate(pane, column);
            }
        });
        if (pane.content() != null) {
            decorate(pane, column);
        }
    }

    private void decorate(CodeViewPane pane, CodeViewPane.GutterColumn column) {
        DocumentContent content = pane.content();
        decorations.remove(pane);
        column.setMarks(null);
        if (content == null || content.kind() != DocumentContent.Kind.TEXT) {
            return;
        }
        long version = pane.contentVersion();
        // the file's own text: the pane shows hidden characters masked, which would hide them from the scan
        String text = content.text();
        String path = pane.documentPath();
        model.background(BackgroundTask.of(texts.format("nav.task.highlight", DisplayText.inline(path)), monitor -> {
            Language lang = Language.detect(path, text); // by content too: extension-less C++ headers, C++ .h files
            DisplayText display = DisplayText.of(text);
            Highlighting hl = text.length() <= limits.highlightBytes() && longestLine(text) <= limits.longLineChars()
                    ? highlighter.best(lang, text) : Highlighting.empty("none");
            List<HomoglyphFinding> homoglyphs = text.length() <= limits.highlightBytes() ? Homoglyphs.scan(text)
                    : List.of();
            // the display text (⟨U+…⟩ tokens) replaces the shown one: its view document is built here too
            PreparedDocument shown = display.hasFindings() ? PreparedDocument.of(new DocumentContent(display.display(),
                    DocumentContent.Kind.TEXT, content.shownBytes(), content.totalBytes(), content.page())) : null;
            Decoration decoration = new Decoration(version, display, lang, hl, homoglyphs);
            return new Decorated(decoration, shown, spans(decoration), gutterMarks(decoration));
        }).onSuccess(d -> apply(pane, column, d)));
    }

    /**
     * A decoration with everything the FX thread needs already computed: when the display text differs
     * from the file's, its prepared view document; the style spans; the gutter marks by 0-based line.
     */
    private record Decorated(Decoration decoration, PreparedDocument shown, StyleSpans<Collection<String>> spans,
            Map<Integer, GutterMark> marks) {
    }

    private static int longestLine(String text) {
        int longest = 0;
        int start = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            longest = Math.max(longest, i - start);
            start = i + 1;
        }
        return Math.max(longest, text.length() - start);
    }

    private void apply(CodeViewPane pane, CodeViewPane.GutterColumn column, Decorated decorated) {
        Decoration d = decorated.decoration();
        PreparedDocument shown = decorated.shown();
        if (pane.contentVersion() != d.version()) {
            return;
        }
        long version = d.version();
        if (shown != null) {
            replacing = true;
            try {
                pane.show(shown);
            } finally {
                replacing = false;
            }
            version = pane.contentVersion();
        }
        decorations.put(pane, d);
        pane.applyStyles(version, 0, decorated.spans());
        Map<Integer, GutterMark> marks = decorated.marks();
        column.setMarks(marks.isEmpty() ? null : marks::get);
        banner(pane, d);
    }

    private static StyleSpans<Collection<String>> spans(Decoration d) {
        DisplayText display = d.display();
        int n = display.display().length();
        String[] classes = new String[n];
        Highlighting hl = d.highlighting();
        for (int i = 0; i < hl.size(); i++) {
            int s = display.toDisplay(hl.start(i));
            int e = Math.min(n, display.toDisplay(hl.end(i)));
            for (int k = s; k < e; k++) {
                classes[k] = hl.styleClass(i);
            }
        }
        for (int[] r : display.tokenRanges()) {
            for (int k = r[0]; k < r[1] && k < n; k++) {
                classes[k] = TOKEN_CLASS;
            }
        }
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        int runStart = 0;
        for (int k = 1; k <= n; k++) {
            if (k == n || !java.util.Objects.equals(classes[k], classes[runStart])) {
                b.add(classes[runStart] == null ? List.of() : List.of(classes[runStart]), k - runStart);
                runStart = k;
            }
        }
        if (n == 0) {
            b.add(List.of(), 0);
        }
        return b.create();
    }

    /** The invisible-character and homoglyph marks by 0-based line, each with its findings as tooltip. */
    private static Map<Integer, GutterMark> gutterMarks(Decoration d) {
        Map<Integer, List<String>> found = new HashMap<>();
        for (TextFinding f : d.display().findings()) {
            found.computeIfAbsent(f.line() - 1, k -> new ArrayList<>()).add(f.describe());
        }
        for (HomoglyphFinding h : d.homoglyphs()) {
            found.computeIfAbsent(h.line() - 1, k -> new ArrayList<>()).add(h.describe());
        }
        Map<Integer, GutterMark> marks = new HashMap<>();
        found.forEach((line, here) -> marks.put(line, new GutterMark("\u26A0", List.of("invisible-mark"),
                String.join("\n", here))));
        return marks;
    }

    private void banner(CodeViewPane pane, Decoration d) {
        int invisible = d.display().findings().size();
        int homoglyphs = d.homoglyphs().size();
        if (invisible == 0 && homoglyphs == 0) {
            return;
        }
        Label banner = new Label(texts.format("nav.banner.invisible", invisible, homoglyphs));
        banner.getStyleClass().add("invisible-banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        Node top = pane.getTop();
        pane.setTop(top == null ? banner : new VBox(banner, top));
    }
}
