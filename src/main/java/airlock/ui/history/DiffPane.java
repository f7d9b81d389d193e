package airlock.ui.history;

import airlock.core.history.FileDiff;
import airlock.core.history.Span;
import airlock.ui.Texts;
import airlock.ui.code.CodeViewPane;
import airlock.ui.code.CopyAttemptListener;
import airlock.ui.code.DocumentContent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import org.fxmisc.richtext.CodeArea;

/**
 * A side-by-side diff: two read-only code views (nothing can be copied out) whose rows are aligned,
 * scrolled together, with added, removed and changed line backgrounds and the changed words
 * highlighted. Binary, too-large and special files show a notice instead.
 */
final class DiffPane extends BorderPane {
    private final CodeViewPane left;
    private final CodeViewPane right;
    private boolean syncing;

    DiffPane(Texts texts, FileDiff diff, String header, DiffDocument leftDoc, DiffDocument rightDoc,
             CopyAttemptListener copyListener) {
        getStyleClass().add("airlock-diff");
        Label title = new Label(header);
        title.getStyleClass().add("diff-header");
        title.setMaxWidth(Double.MAX_VALUE);
        setTop(title);
        String path = diff.change().path();
        left = new CodeViewPane(texts, path, copyListener);
        right = new CodeViewPane(texts, path, copyListener);
        left.setId("diff-left");
        right.setId("diff-right");
        show(left, leftDoc, "diff-intraline-removed");
        show(right, rightDoc, "diff-intraline-added");
        syncScroll(left.codeArea(), right.codeArea());
        // a notice above only one side would shift its rows: one notice above both instead
        left.setTop(null);
        right.setTop(null);
        int hidden = left.hiddenCharacterCount() + right.hiddenCharacterCount();
        if (hidden > 0) {
            Label notice = new Label(texts.format("code.notice.hidden", hidden,
                    String.valueOf(airlock.ui.code.HiddenCharacters.MARK)));
            notice.getStyleClass().add("code-notice");
            notice.setMaxWidth(Double.MAX_VALUE);
            notice.setWrapText(true);
            setTop(new javafx.scene.layout.VBox(title, notice));
        }
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.5);
        setCenter(split);
    }

    private static void show(CodeViewPane pane, DiffDocument doc, String intralineClass) {
        pane.show(new DocumentContent(doc.text(), DocumentContent.Kind.TEXT, doc.text().length(), doc.text().length()));
        CodeArea area = pane.codeArea();
        int digits = String.valueOf(doc.lineNumbers().stream().mapToInt(Integer::intValue).max().orElse(1)).length();
        area.setParagraphGraphicFactory(line -> lineNumber(doc, line, digits));
        for (int i = 0; i < doc.rowClasses().size() && i < area.getParagraphs().size(); i++) {
            area.setParagraphStyle(i, List.of(doc.rowClasses().get(i)));
        }
        for (Span span : doc.intraline()) {
            if (span.end() > area.getLength() || span.start() == span.end()) {
                continue;
            }
            area.setStyleSpans(span.start(), area.getStyleSpans(span.start(), span.end())
                    .mapStyles(style -> with(style, intralineClass)));
        }
    }

    private static Collection<String> with(Collection<String> style, String added) {
        List<String> out = new ArrayList<>(style);
        out.add(added);
        return out;
    }

    private static Label lineNumber(DiffDocument doc, int paragraph, int digits) {
        int number = paragraph < doc.lineNumbers().size() ? doc.lineNumbers().get(paragraph) : 0;
        Label label = new Label(String.format("%" + digits + "s", number > 0 ? String.valueOf(number) : ""));
        label.getStyleClass().add("diff-lineno");
        if (paragraph < doc.rowClasses().size()) {
            label.getStyleClass().add(doc.rowClasses().get(paragraph));
        }
        return label;
    }

    /** Rows are aligned, so the same vertical position shows the same rows on both sides. */
    private void syncScroll(CodeArea a, CodeArea b) {
        a.estimatedScrollYProperty().addListener((obs, old, y) -> follow(b, y));
        b.estimatedScrollYProperty().addListener((obs, old, y) -> follow(a, y));
        a.estimatedScrollXProperty().addListener((obs, old, x) -> followX(b, x));
        b.estimatedScrollXProperty().addListener((obs, old, x) -> followX(a, x));
    }

    private void follow(CodeArea target, Double y) {
        if (!syncing && y != null) {
            syncing = true;
            try {
                target.estimatedScrollYProperty().setValue(y);
            } finally {
                syncing = false;
            }
        }
    }

    private void followX(CodeArea target, Double x) {
        if (!syncing && x != null) {
            syncing = true;
            try {
                target.estimatedScrollXProperty().setValue(x);
            } finally {
                syncing = false;
            }
        }
    }

    CodeViewPane left() {
        return left;
    }

    CodeViewPane right() {
        return right;
    }
}
