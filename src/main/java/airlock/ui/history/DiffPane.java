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
    private final CodeViewPane unified;
    private final DiffDocument rightDoc;
    private final DiffDocument unifiedDoc;
    private final SplitPane sideBySide;
    private final javafx.scene.control.RadioButton splitMode;
    private final javafx.scene.control.RadioButton unifiedMode;
    private final Label position = new Label();
    private final Texts texts;
    /** The change shown last (index into the current form's change starts), -1 before the first step. */
    private int change = -1;
    private boolean syncing;

    DiffPane(Texts texts, FileDiff diff, String header, DiffDocument leftDoc, DiffDocument rightDoc,
             DiffDocument unifiedDoc, CopyAttemptListener copyListener) {
        this.texts = texts;
        this.rightDoc = rightDoc;
        this.unifiedDoc = unifiedDoc;
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
        unified = new CodeViewPane(texts, path, copyListener);
        unified.setId("diff-unified");
        show(unified, unifiedDoc, null);
        unified.setTop(null);
        syncScroll(left.codeArea(), right.codeArea());
        // a notice above only one side would shift its rows: one notice above both instead
        left.setTop(null);
        right.setTop(null);
        // the form (side by side or unified) and the way from change to change (F7 / Shift+F7, Alt+Down / Alt+Up)
        javafx.scene.control.ToggleGroup modes = new javafx.scene.control.ToggleGroup();
        splitMode = new javafx.scene.control.RadioButton(texts.get("versions.diff.mode.split"));
        unifiedMode = new javafx.scene.control.RadioButton(texts.get("versions.diff.mode.unified"));
        splitMode.setToggleGroup(modes);
        unifiedMode.setToggleGroup(modes);
        splitMode.setSelected(true);
        javafx.scene.control.Button previous = new javafx.scene.control.Button(texts.get("versions.diff.change.previous"));
        javafx.scene.control.Button next = new javafx.scene.control.Button(texts.get("versions.diff.change.next"));
        previous.setTooltip(new javafx.scene.control.Tooltip("Shift+F7, Alt+Up"));
        unifiedMode.setTooltip(new javafx.scene.control.Tooltip("Alt+Shift+U"));
        splitMode.setTooltip(new javafx.scene.control.Tooltip("Alt+Shift+U"));
        next.setTooltip(new javafx.scene.control.Tooltip("F7, Alt+Down"));
        previous.setOnAction(e -> step(false));
        next.setOnAction(e -> step(true));
        for (javafx.scene.control.Labeled l : List.of(splitMode, unifiedMode, previous, next, position)) {
            l.setMnemonicParsing(false);
            l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        javafx.scene.layout.HBox bar = new javafx.scene.layout.HBox(8, splitMode, unifiedMode, previous, next, position);
        bar.getStyleClass().add("diff-bar");
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        javafx.scene.layout.VBox top = new javafx.scene.layout.VBox(title, bar);
        int hidden = left.hiddenCharacterCount() + right.hiddenCharacterCount();
        if (hidden > 0) {
            Label notice = new Label(texts.format("code.notice.hidden", hidden,
                    String.valueOf(airlock.ui.code.HiddenCharacters.MARK)));
            notice.getStyleClass().add("code-notice");
            notice.setMaxWidth(Double.MAX_VALUE);
            notice.setWrapText(true);
            top.getChildren().add(notice);
        }
        setTop(top);
        sideBySide = new SplitPane(left, right);
        sideBySide.setDividerPositions(0.5);
        setCenter(sideBySide);
        modes.selectedToggleProperty().addListener((obs, old, now) -> {
            int line = currentPane().currentLine();
            setCenter(now == unifiedMode ? unified : sideBySide);
            change = -1;
            showPosition();
            currentPane().goToLine(line);
            // the form left the scene and took the focus with it: the keyboard stays in the diff
            currentPane().focusText();
        });
        // F7 / Shift+F7, Alt+Down / Alt+Up and Alt+Shift+U: here, and from anywhere in the versions window
        // while this diff's tab is shown (VersionsWindow routes them; see handleKey)
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (handleKey(e)) {
                e.consume();
            }
        });
        showPosition();
    }

    /**
     * Acts on the diff's keys: F7 / Alt+Down the next change, Shift+F7 / Alt+Up the previous one,
     * Alt+Shift+U the other form. Returns whether {@code e} was one of them (the caller consumes it).
     */
    boolean handleKey(javafx.scene.input.KeyEvent e) {
        if (e.getEventType() != javafx.scene.input.KeyEvent.KEY_PRESSED || e.isShortcutDown()) {
            return false;
        }
        javafx.scene.input.KeyCode code = e.getCode();
        boolean forward = (code == javafx.scene.input.KeyCode.F7 && !e.isShiftDown() && !e.isAltDown())
                || (code == javafx.scene.input.KeyCode.DOWN && e.isAltDown() && !e.isShiftDown());
        boolean back = (code == javafx.scene.input.KeyCode.F7 && e.isShiftDown() && !e.isAltDown())
                || (code == javafx.scene.input.KeyCode.UP && e.isAltDown() && !e.isShiftDown());
        if (forward || back) {
            step(forward);
            return true;
        }
        if (code == javafx.scene.input.KeyCode.U && e.isAltDown() && e.isShiftDown()) {
            setUnified(!isUnified()); // Alt+Shift+U: the other form
            return true;
        }
        return false;
    }

    /** Where the keyboard goes when the diff is shown: the code of the form shown (its right side). */
    javafx.scene.Node focusTarget() {
        return currentPane().codeArea();
    }

    /** Whether the unified form is shown. */
    boolean isUnified() {
        return getCenter() == unified;
    }

    /** Shows the unified form ({@code true}) or the side-by-side one. */
    void setUnified(boolean on) {
        (on ? unifiedMode : splitMode).setSelected(true);
    }

    private CodeViewPane currentPane() {
        return isUnified() ? unified : right;
    }

    private List<Integer> changes() {
        return (isUnified() ? unifiedDoc : rightDoc).changeStarts();
    }

    /** Goes to the next or previous change (wrapping), its first row near the top of the view. */
    void step(boolean forward) {
        List<Integer> starts = changes();
        if (starts.isEmpty()) {
            showPosition();
            return;
        }
        if (change < 0) {
            int caret = currentPane().codeArea().getCurrentParagraph();
            change = forward ? 0 : starts.size() - 1;
            for (int i = 0; i < starts.size(); i++) {
                if (forward && starts.get(i) > caret) {
                    change = i;
                    break;
                }
                if (!forward && starts.get(i) < caret) {
                    change = i;
                }
            }
        } else {
            change = Math.floorMod(change + (forward ? 1 : -1), starts.size());
        }
        int paragraph = starts.get(change);
        CodeViewPane pane = currentPane();
        pane.codeArea().moveTo(paragraph, 0);
        pane.codeArea().showParagraphAtTop(Math.max(0, paragraph - 2));
        if (!isUnified()) {
            // the same rows on the left, asked for directly: each side lays out on its own, and neither
            // must wait for the other's new position to reach it through the syncing
            int row = Math.min(paragraph, left.codeArea().getParagraphs().size() - 1);
            left.codeArea().moveTo(row, 0);
            left.codeArea().showParagraphAtTop(Math.max(0, row - 2));
        }
        pane.focusText();
        showPosition();
    }

    private void showPosition() {
        int n = changes().size();
        position.setText(n == 0 ? texts.get("versions.diff.change.none")
                : change < 0 ? texts.format("versions.diff.change.position", "\u2013", n)
                : texts.format("versions.diff.change.position", change + 1, n));
    }

    /** The caret's row (0-based) in the form shown, and the change position text, for tests. */
    int currentRow() {
        return currentPane().codeArea().getCurrentParagraph();
    }

    String positionText() {
        return position.getText();
    }

    CodeViewPane unified() {
        return unified;
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
            String styleClass = intralineClass != null ? intralineClass
                    : DiffDocument.ADDED.equals(rowClassAt(doc, area, span.start())) ? "diff-intraline-added"
                    : "diff-intraline-removed";
            area.setStyleSpans(span.start(), area.getStyleSpans(span.start(), span.end())
                    .mapStyles(style -> with(style, styleClass)));
        }
    }

    private static String rowClassAt(DiffDocument doc, CodeArea area, int offset) {
        int paragraph = area.offsetToPosition(offset, org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor();
        return paragraph < doc.rowClasses().size() ? doc.rowClasses().get(paragraph) : "";
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

    /**
     * Rows are aligned, so both sides show the same rows: when one side has scrolled (its layout changed its
     * position), the other is put at the same first row and the same offset within it. The positions are
     * carried over as rows, not as pixels: each side's vertical pixel position is an estimate from the rows it
     * has measured, so the same estimate meant different rows on the two sides, and carrying it over moved the
     * side F7 had just put at a change somewhere else (issue 19: "Change 1 of 4" at lines 46-47 while the
     * view showed line 84).
     */
    private void syncScroll(CodeArea a, CodeArea b) {
        a.estimatedScrollYProperty().addListener((obs, old, y) -> followRows(a, b));
        b.estimatedScrollYProperty().addListener((obs, old, y) -> followRows(b, a));
        a.estimatedScrollXProperty().addListener((obs, old, x) -> followX(b, x));
        b.estimatedScrollXProperty().addListener((obs, old, x) -> followX(a, x));
    }

    private void followRows(CodeArea from, CodeArea to) {
        if (syncing) {
            return;
        }
        org.fxmisc.flowless.VirtualFlow<?, ?> source = flow(from);
        org.fxmisc.flowless.VirtualFlow<?, ?> target = flow(to);
        if (source == null || target == null || source.visibleCells().isEmpty() || to.getParagraphs().isEmpty()) {
            return;
        }
        int first = source.getFirstVisibleIndex();
        double offset = source.getCell(first).getNode().getLayoutY();
        int row = Math.min(first, to.getParagraphs().size() - 1);
        if (target.visibleCells().size() > 0 && target.getFirstVisibleIndex() == row
                && Math.abs(target.getCell(row).getNode().getLayoutY() - offset) < 0.5) {
            return; // already there: nothing to lay out again, and nothing echoes back
        }
        syncing = true;
        try {
            target.showAtOffset(row, offset);
        } finally {
            syncing = false;
        }
    }

    /** The virtual flow that lays out a code area's rows (its child; RichTextFX does not hand it out otherwise). */
    private static org.fxmisc.flowless.VirtualFlow<?, ?> flow(CodeArea area) {
        for (javafx.scene.Node child : area.getChildrenUnmodifiable()) {
            if (child instanceof org.fxmisc.flowless.VirtualFlow<?, ?> flow) {
                return flow;
            }
        }
        return null;
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
