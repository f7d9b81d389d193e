package airlock.ui.code;

import airlock.ui.Texts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.util.UndoUtils;

/**
 * A read-only code view: RichTextFX {@code CodeArea} with a gutter (line numbers and the marks
 * features add as {@link GutterColumn}s), a current-line highlight, a monospace font, a hex view for
 * binary content and a notice when only part of a file is shown. Nothing can be copied out of it (see
 * {@link GuardedCodeArea}).
 *
 * <p>Highlighting is computed elsewhere, off the FX thread, and handed in as style classes
 * through {@link #applyStyles}; CSS gives them colours. Styles for many lines are applied a chunk
 * at a time, the lines on screen first (see {@link IncrementalStyles}).
 */
public final class CodeViewPane extends BorderPane {
    private final Texts texts;
    private final GuardedCodeArea area;
    private final Label notice = new Label();
    private final String documentPath;
    /** Lines longer than this turn the current-line highlight off (same limit as highlighting's). */
    static final int LONG_LINE_CHARS = airlock.core.text.ContentLimits.DEFAULT.longLineChars();
    private DocumentContent content;
    private String shownText = "";
    private long contentVersion;
    private PreparedDocument lastPrepared;
    private Paint lineFill = Color.web("#eef3fb");
    /** Null until {@link #setPaging}: a view that cannot turn pages (the split view) shows no buttons. */
    private IntConsumer goToPage;
    private IntSupplier pageCount = () -> 0;
    private final Button previousPage = new Button();
    private final Button nextPage = new Button();
    private final HBox pageBar = new HBox(8);
    private int[] marks = new int[0];
    private final List<GutterColumn> columns = new ArrayList<>();
    private final List<Runnable> shownListeners = new ArrayList<>();
    private final IncrementalStyles styles;
    /** The opened search hit or reference, painted over the text (kept across re-shows of the same file). */
    private final HitMark hitMark;

    public CodeViewPane(Texts texts, String documentPath, CopyAttemptListener copyListener) {
        this.texts = texts;
        this.documentPath = Objects.requireNonNull(documentPath);
        this.area = new GuardedCodeArea(kind -> copyListener.copyRefused(
                new CopyAttempt(documentPath, kind, areaSelectionLength())));
        area.getStyleClass().add("airlock-code");
        // read-only: an undo history would only keep every text and style ever shown alive
        area.setUndoManager(UndoUtils.noOpUndoManager());
        refreshGutter();
        styles = new IncrementalStyles(area, this::styleMarks);
        hitMark = new HitMark(this);
        // the fill must exist before the highlighter is switched on: setting the first fill later
        // re-creates the highlighter and leaves RichTextFX's default yellow one painted behind
        area.setLineHighlighterFill(lineFill);
        area.setLineHighlighterOn(true);
        notice.getStyleClass().add("code-notice");
        previousPage.setText(texts.get("code.page.previous"));
        nextPage.setText(texts.get("code.page.next"));
        previousPage.setTooltip(new Tooltip(texts.get("code.page.previous.tip")));
        nextPage.setTooltip(new Tooltip(texts.get("code.page.next.tip")));
        previousPage.setOnAction(e -> turnPage(-1));
        nextPage.setOnAction(e -> turnPage(1));
        // the notice gives way, not the buttons: their labels are never cut
        previousPage.setMinWidth(Region.USE_PREF_SIZE);
        nextPage.setMinWidth(Region.USE_PREF_SIZE);
        previousPage.setFocusTraversable(false);
        nextPage.setFocusTraversable(false);
        pageBar.getStyleClass().add("code-page-bar");
        HBox.setHgrow(notice, Priority.ALWAYS);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.setWrapText(true);
        getStyleClass().add("code-view");
        setCenter(new VirtualizedScrollPane<>(area));
        // every code view (tabs, split view, diff, blame) takes the current-line paint of the theme of the
        // window it is in: the split view kept the light one in high contrast, white text on pale blue (issue 19)
        sceneProperty().addListener((obs, old, scene) -> followTheme(scene));
    }

    private void followTheme(javafx.scene.Scene scene) {
        if (scene == null || scene.getRoot() == null) {
            return;
        }
        javafx.collections.ObservableList<String> sheets = scene.getRoot().getStylesheets();
        applyTheme(sheets);
        sheets.addListener(new javafx.collections.ListChangeListener<String>() {
            @Override
            public void onChanged(Change<? extends String> change) {
                if (getScene() == null || getScene().getRoot().getStylesheets() != sheets) {
                    sheets.removeListener(this);
                    return;
                }
                applyTheme(sheets);
            }
        });
    }

    private void applyTheme(List<String> sheets) {
        airlock.ui.theme.Theme theme = sheets.contains(airlock.ui.theme.Theme.HIGH_CONTRAST.stylesheetUrl())
                ? airlock.ui.theme.Theme.HIGH_CONTRAST : airlock.ui.theme.Theme.LIGHT;
        if (!theme.currentLine().equals(lineFill)) {
            setLineHighlight(theme.currentLine());
        }
    }

    private int areaSelectionLength() {
        return area.getSelection().getLength();
    }

    /**
     * Replaces what is shown. Styles applied before are dropped. Masks and builds the document on
     * the calling thread; callers with a background thread use {@link PreparedDocument#of} there and
     * {@link #show(PreparedDocument)} here.
     */
    public void show(DocumentContent newContent) {
        show(PreparedDocument.of(newContent));
    }

    /**
     * Replaces what is shown with a document prepared off the FX thread: only the swap and the
     * notice happen here, nothing proportional to the file's size. Styles applied before are dropped.
     */
    public void show(PreparedDocument prepared) {
        DocumentContent newContent = prepared.content();
        this.content = newContent;
        this.lastPrepared = prepared;
        contentVersion++;
        styles.cancel();
        marks = prepared.marks();
        shownText = prepared.text();
        // through the document, not area.replace: that one puts the caret after the new text, which
        // lays out the last lines before moveTo(0) lays out the first ones again
        area.getContent().replace(0, area.getLength(), prepared.document());
        area.getStyleClass().remove("hex");
        if (newContent.kind() == DocumentContent.Kind.HEX) {
            area.getStyleClass().add("hex");
        }
        area.moveTo(0);
        area.requestFollowCaret();
        // the current-line highlight re-measures the caret's whole line on every caret move: on a line of
        // hundreds of thousands of characters that is a full text layout each time, so it is off there
        // (set after the swap: turning it on measures the caret's line, which is now the new first one)
        area.setLineHighlighterOn(prepared.longestLine() <= LONG_LINE_CHARS);
        String message = noticeFor(newContent);
        if (marks.length > 0) {
            String hidden = texts.format("code.notice.hidden", marks.length, String.valueOf(HiddenCharacters.MARK));
            message = message.isEmpty() ? hidden : message + " " + hidden;
        }
        notice.setText(message);
        hitMark.reapply();
        if (newContent.page() != null && goToPage != null) {
            // a large file's page: where it is in the file, and the way to the pages around it
            previousPage.setDisable(newContent.page().index() == 0);
            nextPage.setDisable(newContent.page().isLast());
            pageBar.getChildren().setAll(notice, previousPage, nextPage);
            setTop(pageBar);
        } else {
            setTop(message.isEmpty() ? null : notice);
        }
        for (Runnable listener : List.copyOf(shownListeners)) {
            listener.run();
        }
    }

    /**
     * Runs {@code listener} on the FX thread each time {@link #show} has replaced the text (a new
     * file, a new version, the display text with visible tokens). Cheaper than listening to the
     * area's text, which builds the whole text as one string on every change.
     */
    public void addShownListener(Runnable listener) {
        shownListeners.add(Objects.requireNonNull(listener));
    }

    /**
     * A new column of gutter marks, right of the line numbers and of the columns added before.
     * Its marks are asked for only for the lines being laid out.
     */
    public GutterColumn addGutterColumn() {
        GutterColumn column = new GutterColumn();
        columns.add(column);
        refreshGutter();
        return column;
    }

    /** A column of marks in the gutter; see {@link #addGutterColumn}. */
    public final class GutterColumn {
        private static final IntFunction<GutterMark> NONE = line -> null;
        private IntFunction<GutterMark> marksOfLine = NONE;

        private GutterColumn() {
        }

        /**
         * Replaces the marks (0-based line to mark, null for none) and redraws the gutter; clearing a
         * column that has no marks redraws nothing.
         */
        public void setMarks(IntFunction<GutterMark> marksOfLine) {
            if (marksOfLine == null && this.marksOfLine == NONE) {
                return;
            }
            this.marksOfLine = marksOfLine == null ? NONE : marksOfLine;
            refreshGutter();
        }
    }

    private void refreshGutter() {
        // a new factory makes RichTextFX rebuild the graphics of the lines on screen; others are built when shown
        area.setParagraphGraphicFactory(line -> gutterLine(line));
    }

    private Node gutterLine(int line) {
        List<GutterMark> lineMarks = new ArrayList<>(columns.size());
        for (GutterColumn column : columns) {
            lineMarks.add(column.marksOfLine.apply(line));
        }
        int lineOffset = lineOffset();
        return new GutterLine(padded(line + 1 + lineOffset, String.valueOf(lineOffset + area.getParagraphs().size()).length()),
                lineMarks);
    }

    private static String padded(int n, int width) {
        String s = Integer.toString(n);
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    private String noticeFor(DocumentContent c) {
        return switch (c.kind()) {
            case HEX -> c.page() != null ? pageNotice(c) + " " + texts.format("code.notice.page.binary", kib(c.shownBytes()))
                    : texts.format("code.notice.binary", kib(c.shownBytes()), kib(c.totalBytes()));
            case SYMLINK -> texts.get("code.notice.symlink");
            case SUBMODULE -> texts.get("code.notice.submodule");
            case TEXT -> c.page() != null ? pageNotice(c)
                    : c.truncated() ? texts.format("code.notice.truncated", kib(c.shownBytes()), kib(c.totalBytes())) : "";
        };
    }

    private String pageNotice(DocumentContent c) {
        airlock.core.text.TextPage page = c.page();
        int count = pageCount.getAsInt();
        return texts.format(page.cutsALine() ? "code.notice.page.line" : "code.notice.page", kib(c.totalBytes()), page.index() + 1,
                count > 0 ? texts.format("code.notice.page.of", count) : "", page.firstLine(), page.lastLine(),
                page.startByte(), page.endByte());
    }

    /**
     * For a file shown a page at a time: {@code goToPage} is called with the index (0-based) of the page
     * the user asks for (the buttons above the text, {@link #turnPage}); {@code knownPageCount}
     * tells the page count once it is known, else 0.
     */
    public void setPaging(IntConsumer goToPage, IntSupplier knownPageCount) {
        this.goToPage = Objects.requireNonNull(goToPage);
        this.pageCount = Objects.requireNonNull(knownPageCount);
    }

    /** The page of a large file shown, or null when the file is shown whole. */
    public airlock.core.text.TextPage page() {
        return content == null ? null : content.page();
    }

    /** The file line of the first line shown, less one: non-zero on the later pages of a large file. */
    public int lineOffset() {
        return content == null ? 0 : content.lineOffset();
    }

    /**
     * Asks for the page {@code delta} pages on (1: the next, -1: the one before) when a large file is shown a
     * page at a time and there is one; else does nothing.
     */
    public void turnPage(int delta) {
        airlock.core.text.TextPage page = page();
        if (page != null && goToPage != null && (delta < 0 ? page.index() > 0 : !page.isLast())) {
            goToPage.accept(page.index() + delta);
        }
    }

    private static long kib(long bytes) {
        return (bytes + 1023) / 1024;
    }

    /**
     * Applies style classes computed off the FX thread, starting at {@code fromParagraph}. Call on
     * the FX thread with the {@link #contentVersion()} read when the work started; spans computed
     * for older content are ignored. Spans running past the end are cut. Spans over a few hundred
     * lines are applied incrementally: the lines on screen now, the rest a chunk per frame nearest
     * the screen first (until then those lines show unstyled); {@link #stylesPending()} tells.
     *
     * @return true when the styles were accepted
     */
    public boolean applyStyles(long forVersion, int fromParagraph, StyleSpans<Collection<String>> spans) {
        if (forVersion != contentVersion || fromParagraph < 0 || fromParagraph >= area.getParagraphs().size()) {
            return false;
        }
        int start = area.getAbsolutePosition(fromParagraph, 0);
        if (start + spans.length() > area.getLength()) {
            spans = spans.subView(0, area.getLength() - start);
        }
        styles.apply(start, spans);
        return true;
    }

    /** Whether styles handed to {@link #applyStyles} are still being applied to lines off screen. */
    public boolean stylesPending() {
        return styles.pending();
    }

    /** Adds the warning style to the hidden-character marks in [from, to), keeping other styles. */
    private void styleMarks(int from, int to) {
        int styled = 0;
        for (int position : marks) {
            if (styled++ >= PreparedDocument.MAX_STYLED_MARKS) {
                return;
            }
            if (position >= from && position < to) {
                Collection<String> style = new java.util.ArrayList<>(area.getStyleAtPosition(position + 1));
                style.add("hidden-char");
                area.setStyle(position, position + 1, style);
            }
        }
    }

    /** How many hidden characters the shown text marks. */
    public int hiddenCharacterCount() {
        return marks.length;
    }

    /** Changes each time {@link #show} replaces the text. */
    public long contentVersion() {
        return contentVersion;
    }

    /** Moves the caret to the start of {@code line} (1-based, clamped) and scrolls it into view. */
    public void goToLine(int line) {
        int paragraphs = area.getParagraphs().size();
        int index = Math.max(0, Math.min(line - 1 - lineOffset(), paragraphs - 1));
        area.moveTo(index, 0);
        area.showParagraphAtCenter(index);
        area.requestFocus();
    }

    /**
     * Shows {@code line} (1-based, of the file) with columns [{@code from}, {@code to}) of it marked, as an
     * opened search hit or reference: the columns count in {@code fileLine}, the file's own text of that
     * line (null: the shown line's columns). The mark stays when the view replaces its text with the
     * display text (hidden characters as tokens) and is moved onto the same characters there.
     */
    public void goToMarked(int line, int from, int to, String fileLine) {
        hitMark.set(line, from, to, fileLine);
        goToLine(line);
        hitMark.reapply();
        // a view opened for this hit is laid out only on the next pulse: scroll there again once it is
        int paragraph = area.getCurrentParagraph();
        javafx.application.Platform.runLater(() -> {
            if (paragraph < area.getParagraphs().size()) {
                area.showParagraphAtCenter(paragraph);
            }
        });
    }

    /**
     * Marks columns [{@code from}, {@code to}) of paragraph {@code paragraph} (0-based, as shown) and moves
     * the caret there, scrolled into view: the current find-in-file match.
     */
    public void markShown(int paragraph, int from, int to) {
        hitMark.set(paragraph + 1 + lineOffset(), from, to, null);
        hitMark.reapply();
        area.moveTo(paragraph, Math.min(from, area.getParagraph(paragraph).length()));
        area.showParagraphAtCenter(paragraph);
    }

    /** Takes the hit mark away. */
    public void clearMark() {
        hitMark.clear();
    }

    /** The marked range as absolute offsets into the shown text, or null when nothing is marked. */
    public javafx.scene.control.IndexRange markedRange() {
        return hitMark.range();
    }

    /** The caret's line, 1-based. */
    public int currentLine() {
        return area.getCurrentParagraph() + 1 + lineOffset();
    }

    public int lineCount() {
        return area.getParagraphs().size();
    }

    /**
     * The shown text, hidden characters masked (for features that read what the user sees). Kept
     * from the prepared document: the area's own getText() joins every line anew on each call.
     */
    public String text() {
        return shownText;
    }

    public DocumentContent content() {
        return content;
    }

    public String documentPath() {
        return documentPath;
    }

    /**
     * Takes this view out of use after a library failure: it drops its text (so listeners that still
     * hold it show nothing) and its children (so no later layout pass reaches its broken cells).
     */
    public void detach() {
        styles.cancel();
        shownListeners.clear();
        setCenter(null);
        setTop(null);
    }

    /**
     * Lays the same text out again with fresh cells, the caret line kept: the way back for a view that
     * is not a tab (split view, diff) after its library failed in a layout pass (issue 19).
     */
    public void recoverView() {
        if (lastPrepared == null) {
            return;
        }
        int line = currentLine();
        area.deselect();
        show(lastPrepared);
        goToLine(line);
    }

    /** The current-line highlight's paint. */
    public Paint lineHighlight() {
        return lineFill;
    }

    public void setLineHighlight(Paint fill) {
        lineFill = fill;
        area.setLineHighlighterFill(fill);
    }

    public void focusText() {
        area.requestFocus();
    }

    /** The area, for features that add gutter marks or listen to the caret. It stays read-only. */
    public org.fxmisc.richtext.CodeArea codeArea() {
        return area;
    }
}
