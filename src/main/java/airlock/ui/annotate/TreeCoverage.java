package airlock.ui.annotate;

import airlock.core.annotate.AnchorState;
import airlock.core.annotate.Annotation;
import airlock.core.annotate.CoverageCalculator;
import airlock.core.annotate.FolderCoverage;
import airlock.core.annotate.ReanchorResult;
import airlock.core.annotate.ReviewMark;
import airlock.core.source.SourceTree;
import airlock.ui.Texts;
import airlock.ui.task.BackgroundTask;
import airlock.ui.tree.FileTreePane;
import airlock.ui.tree.PathNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * Review coverage in the file tree: each folder shows the share of its lines reviewed (from
 * {@link CoverageCalculator}), each file a mark when it has findings and a tick when it is marked
 * reviewed (a half mark for reviewed ranges). Line counts are read once per ref off the FX thread;
 * nothing is shown without a session.
 */
final class TreeCoverage {
    private final AnnotationsModel model;
    private final Texts texts;
    private final FileTreePane tree;
    private final LineCounts lineCounts;
    private Map<String, FolderCoverage> coverage = Map.of();
    private Map<String, Integer> findings = Map.of();
    private long generation;
    /** The keeper's counts (issue 16, kread), for a session through the keeper; null: none there. */
    private airlock.core.annotate.LineCounting remote;

    TreeCoverage(AnnotationsModel model, Texts texts, FileTreePane tree, LineCounts lineCounts) {
        this.model = model;
        this.texts = texts;
        this.tree = tree;
        this.lineCounts = lineCounts;
        tree.addDecorator(this::marks);
        model.marks().addListener((ListChangeListener<ReviewMark>) c -> recompute());
        model.bindingProperty().addListener((obs, old, now) -> recompute());
        model.main().sourceProperty().addListener((obs, old, now) -> recompute());
        model.placementsProperty().addListener((obs, old, now) -> countFindings());
        model.annotations().addListener((ListChangeListener<Annotation>) c -> countFindings());
    }

    private void countFindings() {
        Map<String, Integer> counts = new HashMap<>();
        Placements p = model.placementsProperty().get();
        for (Annotation a : model.annotations()) {
            ReanchorResult r = p.of(a.id());
            if (r != null && r.state() != AnchorState.OUTDATED) {
                counts.merge(r.annotation().anchor().path(), 1, Integer::sum);
            }
        }
        findings = counts;
        tree.refreshDecorations();
    }

    void recompute() {
        SourceTree source = model.main().sourceProperty().get();
        long mine = ++generation;
        // through the keeper every file read is a logged open: the keeper counts the lines and sends the counts
        // only (files.lines, issue 16, kread)
        boolean local = model.bindingProperty().get() != null && model.bindingProperty().get().local();
        airlock.core.annotate.LineCounting counting = local ? lineCounts : remote;
        if (source == null || model.bindingProperty().get() == null || counting == null) {
            coverage = Map.of();
            tree.refreshDecorations();
            return;
        }
        List<ReviewMark> marks = List.copyOf(model.marks());
        String ref = source.reviewRef();
        model.main().background(BackgroundTask.of(texts.get("annot.task.coverage"), monitor -> {
            Map<String, FolderCoverage> out = new HashMap<>();
            var files = counting.of(source, ref, monitor);
            for (FolderCoverage c : new CoverageCalculator().compute(files, marks)) {
                out.put(c.path(), c);
            }
            CoverageCalculator calc = new CoverageCalculator();
            for (var f : files) {
                if (marks.stream().anyMatch(m -> m.path().equals(f.path()))) {
                    out.put(f.path(), calc.file(f, marks));
                }
            }
            return out;
        }).onSuccess(result -> {
            if (mine == generation) {
                coverage = result;
                tree.refreshDecorations();
            }
        }));
    }

    /** Counts asked of the keeper for a session through it (issue 16, kread). */
    void useRemote(airlock.core.annotate.LineCounting counting) {
        this.remote = counting;
        recompute();
    }

    /** Coverage of a folder ("" is everything) or a file with marks, once computed. */
    FolderCoverage of(String path) {
        return coverage.get(path);
    }

    int findingsOn(String path) {
        return findings.getOrDefault(path, 0);
    }

    private Node marks(PathNode node) {
        FolderCoverage c = coverage.get(node.path());
        if (node.isFolder()) {
            if (c == null) {
                return null;
            }
            Label percent = new Label(texts.format("annot.tree.percent", (int) Math.floor(c.percent())));
            percent.getStyleClass().addAll("tree-coverage", c.percent() >= 100.0 ? "tree-coverage-full" : "tree-coverage-partial");
            percent.setTooltip(new Tooltip(texts.format("annot.tree.folder.tip", c.reviewedLines(), c.lines(), c.reviewedFiles(), c.files())));
            return percent;
        }
        HBox box = new HBox(3);
        int count = findingsOn(node.path());
        if (count > 0) {
            Label dot = new Label(texts.format("annot.tree.findings", count));
            dot.getStyleClass().add("tree-mark-annotated");
            box.getChildren().add(dot);
        }
        if (c != null && c.reviewedLines() > 0) {
            boolean whole = c.reviewedFiles() == 1;
            Label tick = new Label(whole ? "\u2713" : "\u25D0");
            tick.getStyleClass().add(whole ? "tree-mark-reviewed" : "tree-mark-partly-reviewed");
            tick.setTooltip(new Tooltip(texts.format("annot.tree.file.tip", c.reviewedLines(), c.lines())));
            box.getChildren().add(tick);
        }
        return box.getChildren().isEmpty() ? null : box;
    }
}
