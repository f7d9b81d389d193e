package airlock.ui.annotate;

import airlock.core.annotate.AnchoredRange;
import airlock.core.annotate.Annotation;
import airlock.core.annotate.ReanchorResult;
import airlock.core.annotate.ReviewMark;
import airlock.core.source.SourceEntry;
import airlock.core.source.SourceTree;
import airlock.core.text.VisibleText;
import airlock.ui.Texts;
import airlock.ui.code.CodeViewPane;
import airlock.ui.code.DocumentContent;
import airlock.ui.code.GutterMark;
import airlock.ui.main.DocumentViewModel;
import airlock.ui.main.MainViewModel;
import airlock.ui.task.BackgroundTask;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.stage.Popup;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.Selection;
import org.fxmisc.richtext.SelectionImpl;
import org.fxmisc.richtext.event.MouseOverTextEvent;

/**
 * Findings in the code views: a gutter mark on each annotated line (coloured by severity, with a
 * preview tooltip), the annotated ranges highlighted (extra RichTextFX selections with style
 * classes, so they never fight the syntax highlighting's style spans), a hover preview over the
 * code, and reviewed lines shown by a quiet bar in the gutter. The marks are a gutter column of their
 * own, beside the other features' columns.
 */
final class CodeMarks {
    static final int PREVIEW_BODY_LINES = 4;
    private final AnnotationsModel model;
    private final MainViewModel main;
    private final Texts texts;
    private final Map<CodeViewPane, PaneMarks> panes = new HashMap<>();

    CodeMarks(AnnotationsModel model, Texts texts) {
        this.model = model;
        this.main = model.main();
        this.texts = texts;
        model.placementsProperty().addListener((obs, old, now) -> refreshAll());
        model.marks().addListener((ListChangeListener<ReviewMark>) c -> refreshAll());
        model.annotations().addListener((ListChangeListener<Annotation>) c -> refreshAll());
    }

    /** The state kept for one code view. */
    final class PaneMarks {
        final CodeViewPane pane;
        ViewTextMap map;
        long mapVersion = -1;
        final CodeViewPane.GutterColumn column;
        final List<Selection<?, ?, ?>> highlights = new ArrayList<>();
        final Map<Integer, List<ReanchorResult>> byLine = new TreeMap<>();
        final List<int[]> viewRanges = new ArrayList<>();
        final List<ReanchorResult> rangeOwners = new ArrayList<>();
        BitSet reviewed = new BitSet();
        final Popup popup = new Popup();

        PaneMarks(CodeViewPane pane) {
            this.pane = pane;
            this.column = pane.addGutterColumn();
        }

        /** Lines (0-based paragraphs) with a finding, for tests. */
        java.util.Set<Integer> markedLines() {
            return byLine.keySet();
        }

        int highlightCount() {
            return highlights.size();
        }

        BitSet reviewedLines() {
            return reviewed;
        }
    }

    void attach(CodeViewPane pane) {
        PaneMarks marks = new PaneMarks(pane);
        panes.put(pane, marks);
        CodeArea area = pane.codeArea();
        pane.addShownListener(() -> remap(marks));
        if (area.getMouseOverTextDelay() == null) {
            area.setMouseOverTextDelay(java.time.Duration.ofMillis(400));
        }
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, e -> hover(marks, e));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> marks.popup.hide());
        area.currentParagraphProperty().addListener((obs, old, line) -> {
            List<ReanchorResult> here = marks.byLine.get(line);
            if (here != null && !here.isEmpty()) {
                model.row(here.get(0).annotation().id()).ifPresent(row -> model.selectedProperty().set(row));
            }
        });
        pane.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null && !main.documents().stream().anyMatch(d -> d.path().equals(pane.documentPath()))) {
                panes.remove(pane);
            }
        });
        remap(marks);
    }

    Optional<PaneMarks> of(CodeViewPane pane) {
        return Optional.ofNullable(panes.get(pane));
    }

    /** The entry a pane shows (its document), in the source now open. */
    Optional<SourceEntry> entryOf(CodeViewPane pane) {
        return main.documents().stream().filter(d -> d.path().equals(pane.documentPath())).findFirst().map(DocumentViewModel::entry);
    }

    /** Rebuilds the offset map between the file and what the view shows, off the FX thread. */
    private void remap(PaneMarks marks) {
        CodeViewPane pane = marks.pane;
        DocumentContent content = pane.content();
        SourceTree tree = main.sourceProperty().get();
        Optional<SourceEntry> entry = entryOf(pane);
        marks.map = null;
        if (content == null || content.kind() != DocumentContent.Kind.TEXT || tree == null || entry.isEmpty()) {
            refresh(marks);
            return;
        }
        long version = pane.contentVersion();
        String view = pane.text();
        main.background(BackgroundTask.of(texts.get("annot.task.anchor"), monitor ->
                ViewTextMap.of(tree.read(entry.get(), LineCounts.MAX_BYTES), content, view))
                .onSuccess(map -> {
                    if (pane.contentVersion() == version) {
                        marks.map = map;
                        marks.mapVersion = version;
                        refresh(marks);
                    }
                }));
    }

    void refreshAll() {
        panes.values().forEach(this::refresh);
    }

    private void refresh(PaneMarks marks) {
        CodeArea area = marks.pane.codeArea();
        marks.highlights.forEach(s -> {
            area.removeSelection(castSelection(s));
            s.dispose();
        });
        marks.highlights.clear();
        marks.byLine.clear();
        marks.viewRanges.clear();
        marks.rangeOwners.clear();
        String path = marks.pane.documentPath();
        Optional<SourceEntry> entry = entryOf(marks.pane);
        marks.reviewed = reviewedLines(path, entry.map(SourceEntry::blobId).orElse(null), area.getParagraphs().size(),
                marks.pane.lineOffset());
        if (marks.map != null && marks.mapVersion == marks.pane.contentVersion()) {
            for (ReanchorResult r : model.placementsProperty().get().onPath(path)) {
                if (entry.isPresent() && !r.annotation().anchor().blobId().equals(entry.get().blobId())) {
                    continue;
                }
                for (AnchoredRange range : r.annotation().anchor().ranges()) {
                    int start = marks.map.toView(range.range().startOffset());
                    int end = marks.map.toView(range.range().endOffset());
                    if (start < 0 || end < start || end > area.getLength()) {
                        continue;
                    }
                    int line = area.offsetToPosition(start, org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor();
                    marks.byLine.computeIfAbsent(line, k -> new ArrayList<>()).add(r);
                    marks.viewRanges.add(new int[] {start, end});
                    marks.rangeOwners.add(r);
                    SelectionImpl<?, ?, ?> highlight = new SelectionImpl<>("annotation-" + marks.highlights.size(), area, path2 -> {
                        path2.getStyleClass().addAll("annotation-range", "severity-" + lower(r.annotation().severity()));
                    });
                    area.addSelection(castSelection(highlight));
                    highlight.selectRange(start, end);
                    marks.highlights.add(highlight);
                }
            }
        }
        installGutter(marks);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Selection castSelection(Selection<?, ?, ?> s) {
        return s;
    }

    /** The view's lines (0-based) marked reviewed; {@code lineOffset} is the file line of the view's first line, less one. */
    private BitSet reviewedLines(String path, String blobId, int paragraphs, int lineOffset) {
        BitSet lines = new BitSet();
        for (ReviewMark m : model.marks()) {
            if (m.path().equals(path) && m.blobId().equals(blobId)) {
                if (m.wholeFile()) {
                    lines.set(0, paragraphs);
                } else {
                    int from = Math.max(0, m.firstLine() - 1 - lineOffset);
                    int to = Math.min(m.lastLine() - lineOffset, paragraphs);
                    if (from < to) {
                        lines.set(from, to);
                    }
                }
            }
        }
        return lines;
    }

    private void installGutter(PaneMarks marks) {
        Map<Integer, GutterMark> annotated = new HashMap<>();
        marks.byLine.forEach((line, here) -> {
            Annotation worst = here.stream().map(ReanchorResult::annotation)
                    .max(java.util.Comparator.comparing(Annotation::severity)).orElseThrow();
            StringBuilder tip = new StringBuilder();
            for (ReanchorResult r : here) {
                tip.append(tip.length() == 0 ? "" : "\n\n").append(preview(r.annotation()));
            }
            annotated.put(line, new GutterMark("\u25CF", List.of("annot-mark", "severity-" + lower(worst.severity())),
                    tip.toString()));
        });
        BitSet reviewed = (BitSet) marks.reviewed.clone();
        if (annotated.isEmpty() && reviewed.isEmpty()) {
            marks.column.setMarks(null);
            return;
        }
        marks.column.setMarks(line -> {
            GutterMark mark = annotated.get(line);
            if (!reviewed.get(line)) {
                return mark;
            }
            // a reviewed line: the quiet bar, and the finding's mark on it if there is one
            List<String> classes = new ArrayList<>(mark == null ? List.of() : mark.styleClasses());
            classes.add("annot-reviewed-line");
            return new GutterMark(mark == null ? "" : mark.symbol(), classes, mark == null ? null : mark.tooltip());
        });
    }

    private void hover(PaneMarks marks, MouseOverTextEvent e) {
        int at = e.getCharacterIndex();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < marks.viewRanges.size(); i++) {
            int[] r = marks.viewRanges.get(i);
            if (at >= r[0] && at < r[1]) {
                text.append(text.length() == 0 ? "" : "\n\n").append(preview(marks.rangeOwners.get(i).annotation()));
            }
        }
        if (text.length() == 0) {
            return;
        }
        Label label = new Label(text.toString());
        label.getStyleClass().add("annot-hover");
        label.setWrapText(true);
        label.setMaxWidth(520);
        label.getStylesheets().setAll(marks.pane.getScene().getRoot().getStylesheets());
        marks.popup.getContent().setAll(label);
        marks.popup.setAutoHide(true);
        marks.popup.show(marks.pane, e.getScreenPosition().getX() + 8, e.getScreenPosition().getY() + 12);
    }

    /** Title, severity, status and the first lines of the body, every piece escaped. */
    String preview(Annotation a) {
        String[] lines = a.body().split("\n", -1);
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(PREVIEW_BODY_LINES, lines.length); i++) {
            shown.add(VisibleText.escape(lines[i].replace("\t", "    ")));
        }
        if (lines.length > PREVIEW_BODY_LINES) {
            shown.add("\u2026");
        }
        return texts.format("annot.preview", VisibleText.escape(a.title()), EnumTexts.of(texts, "annot.severity.", a.severity()),
                EnumTexts.of(texts, "annot.status.", a.status()), a.cweLabel() == null ? "\u2014" : a.cweLabel(),
                String.join("\n", shown));
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
