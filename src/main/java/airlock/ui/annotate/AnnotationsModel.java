package airlock.ui.annotate;

import airlock.core.AirlockException;
import airlock.core.annotate.Anchor;
import airlock.core.annotate.AnchorState;
import airlock.core.annotate.Annotation;
import airlock.core.annotate.AnnotationContent;
import airlock.core.annotate.AnnotationFilter;
import airlock.core.annotate.AnnotationOrder;
import airlock.core.annotate.Bookmark;
import airlock.core.annotate.ReanchorResult;
import airlock.core.annotate.ReviewMark;
import airlock.core.annotate.Severity;
import airlock.core.annotate.Status;
import airlock.core.annotate.store.AnnotationService;
import airlock.core.annotate.store.AnnotationStore;
import airlock.core.session.ActiveSession;
import airlock.core.session.ReviewSession;
import airlock.core.annotate.store.Findings;
import airlock.core.source.SourceTree;
import airlock.core.text.VisibleText;
import airlock.ui.Texts;
import airlock.ui.main.MainViewModel;
import airlock.ui.task.BackgroundTask;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The findings of the running session as the window shows them: the stored list, where each sits
 * in the version under review, the panel's filter and order, review marks, bookmarks and the undo
 * stack. Every change goes to core ({@link AnnotationService}, through the session's gate) off the
 * FX thread and is applied here only after it was committed with its log entry. Holds no nodes.
 */
public final class AnnotationsModel {
    private final MainViewModel main;
    private final Texts texts;
    private final Clock clock;
    private final Supplier<String> ids;
    private final ReadOnlyObjectWrapper<Binding> binding = new ReadOnlyObjectWrapper<>(this, "binding");
    private final ObservableList<Annotation> annotations = FXCollections.observableArrayList();
    private final ObservableList<ReviewMark> marks = FXCollections.observableArrayList();
    private final ObservableList<Bookmark> bookmarks = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Placements> placements = new ReadOnlyObjectWrapper<>(this, "placements", Placements.EMPTY);
    private final ObservableList<PanelRow> visible = FXCollections.observableArrayList();
    private final ObjectProperty<PanelRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final StringProperty filterFile = new SimpleStringProperty(this, "filterFile", "");
    private final StringProperty filterAuthor = new SimpleStringProperty(this, "filterAuthor", "");
    private final StringProperty filterCategory = new SimpleStringProperty(this, "filterCategory", "");
    private final ObjectProperty<Severity> filterSeverity = new SimpleObjectProperty<>(this, "filterSeverity");
    private final ObjectProperty<Status> filterStatus = new SimpleObjectProperty<>(this, "filterStatus");
    private final ObjectProperty<AnnotationOrder> order = new SimpleObjectProperty<>(this, "order", AnnotationOrder.SEVERITY);
    private final Deque<Annotation> undo = new ArrayDeque<>();

    /** The open session's pieces: the gate, the tables and the service that joins them. */
    public record Binding(ReviewSession session, AnnotationStore store, Findings service) {
        /** True when this process holds the tables (export and import of findings need them). */
        public boolean local() {
            return store != null && session.local().isPresent() && service instanceof AnnotationService;
        }

        ActiveSession localSession() {
            return session.local().orElseThrow();
        }

        AnnotationService localService() {
            return (AnnotationService) service;
        }
    }

    /** A finding as the panel lists it: as stored, and where it is in the version under review. */
    public record PanelRow(Annotation annotation, ReanchorResult placement) {
        public AnchorState state() {
            return placement == null ? AnchorState.OUTDATED : placement.state();
        }

        /** The anchor in the version under review (the original one when outdated). */
        public Anchor shownAnchor() {
            return placement == null ? annotation.anchor() : placement.annotation().anchor();
        }
    }

    public AnnotationsModel(MainViewModel main, Texts texts, Clock clock, Supplier<String> ids) {
        this.main = main;
        this.texts = texts;
        this.clock = clock;
        this.ids = ids;
        for (var p : List.of(filterText, filterFile, filterAuthor, filterCategory)) {
            p.addListener((obs, old, now) -> refilter());
        }
        filterSeverity.addListener((obs, old, now) -> refilter());
        filterStatus.addListener((obs, old, now) -> refilter());
        order.addListener((obs, old, now) -> refilter());
        main.sourceProperty().addListener((obs, old, now) -> replaceAll());
    }

    // ----- session -----

    /** Binds {@code findings} kept elsewhere (the keeper's) to {@code session} and loads what it lists. */
    public void attach(ReviewSession session, Findings findings, Consumer<Binding> opened) {
        main.background(BackgroundTask.of(texts.get("annot.task.open"), monitor -> new Loaded(new Binding(session, null, findings),
                findings.list(), findings.reviewMarks(), findings.bookmarks())).onSuccess(loaded -> {
                    binding.set(loaded.binding());
                    annotations.setAll(loaded.annotations());
                    marks.setAll(loaded.marks());
                    bookmarks.setAll(loaded.bookmarks());
                    undo.clear();
                    replaceAll();
                    opened.accept(loaded.binding());
                }));
    }

    /** Opens the annotation tables of {@code session} in {@code database} and loads its findings. */
    public void attach(ActiveSession session, Path database, Consumer<Binding> opened) {
        main.background(BackgroundTask.of(texts.get("annot.task.open"), monitor -> {
            AnnotationStore store = AnnotationStore.open(database);
            try {
                AnnotationService service = new AnnotationService(store, session.id(), session::record, clock, ids, session.inspector());
                return new Loaded(new Binding(session, store, service), service.list(), service.reviewMarks(), service.bookmarks());
            } catch (AirlockException | RuntimeException e) {
                store.close();
                throw e;
            }
        }).onSuccess(loaded -> {
            binding.set(loaded.binding());
            annotations.setAll(loaded.annotations());
            marks.setAll(loaded.marks());
            bookmarks.setAll(loaded.bookmarks());
            undo.clear();
            replaceAll();
            opened.accept(loaded.binding());
        }));
    }

    private record Loaded(Binding binding, List<Annotation> annotations, List<ReviewMark> marks, List<Bookmark> bookmarks) {
    }

    /** The session ended or closed: forget its findings and close the tables. */
    public void detach() {
        Binding b = binding.get();
        binding.set(null);
        annotations.clear();
        marks.clear();
        bookmarks.clear();
        undo.clear();
        placements.set(Placements.EMPTY);
        refilter();
        if (b != null && b.store() != null) {
            main.background(BackgroundTask.of(texts.get("annot.task.close"), monitor -> {
                b.store().close();
                return Boolean.TRUE;
            }));
        }
    }

    /** The open session's binding, or empty after telling the user to start a session. */
    Optional<Binding> requireSession() {
        if (binding.get() == null) {
            main.showStatus(texts.get("annot.nosession"));
        }
        return Optional.ofNullable(binding.get());
    }

    // ----- changes (each one logged by core before it shows here) -----

    public void create(Anchor anchor, AnnotationContent content, Status status, Consumer<Annotation> done) {
        requireSession().ifPresent(b -> main.background(BackgroundTask.of(texts.get("annot.task.create"), monitor -> {
            Annotation a = b.service().create(anchor, content);
            return status == Status.OPEN ? a : b.service().setStatus(a.id(), status);
        }).onSuccess(a -> {
            annotations.add(a);
            place(a);
            main.showStatus(texts.format("annot.created", VisibleText.escape(a.title())));
            done.accept(a);
        })));
    }

    public void edit(Annotation before, AnnotationContent content, Status status) {
        requireSession().ifPresent(b -> main.background(BackgroundTask.of(texts.get("annot.task.edit"), monitor -> {
            Annotation a = before.content().equals(content) ? before : b.service().edit(before.id(), content);
            return status == a.status() ? a : b.service().setStatus(a.id(), status);
        }).onSuccess(a -> {
            if (a != before) {
                undo.push(before);
            }
            replace(a);
        })));
    }

    public void setStatus(Annotation before, Status status) {
        edit(before, before.content(), status);
    }

    public void reply(Annotation to, String body) {
        requireSession().ifPresent(b -> main.background(BackgroundTask.of(texts.get("annot.task.reply"),
                monitor -> b.service().reply(to.id(), body)).onSuccess(this::replace)));
    }

    public void delete(Annotation gone) {
        requireSession().ifPresent(b -> main.background(BackgroundTask.of(texts.get("annot.task.delete"), monitor -> {
            b.service().delete(gone.id());
            return gone;
        }).onSuccess(a -> {
            annotations.removeIf(x -> x.id().equals(a.id()));
            undo.removeIf(x -> x.id().equals(a.id()));
            placements.set(placements.get().with(a.id(), null));
            refilter();
            main.showStatus(texts.format("annot.deleted", VisibleText.escape(a.title())));
        })));
    }

    /** Undoes the last edit or status change by logging a new edit back to the earlier content. */
    public void undo() {
        if (undo.isEmpty()) {
            main.showStatus(texts.get("annot.undo.nothing"));
            return;
        }
        Annotation earlier = undo.pop();
        requireSession().ifPresent(b -> main.background(BackgroundTask.of(texts.get("annot.task.undo"), monitor -> {
            Annotation now = b.service().get(earlier.id());
            Annotation a = now.content().equals(earlier.content()) ? now : b.service().edit(now.id(), earlier.content());
            return a.status() == earlier.status() ? a : b.service().setStatus(a.id(), earlier.status());
        }).onSuccess(a -> {
            replace(a);
            main.showStatus(texts.format("annot.undone", VisibleText.escape(a.title())));
        })));
    }

    public int undoDepth() {
        return undo.size();
    }

    /** Marks the whole file reviewed, or takes the mark back when it is there. */
    public void toggleFileReviewed(String ref, String path, String blobId) {
        toggleReviewed(ref, path, blobId, 0, 0);
    }

    /** Marks lines {@code first..last} reviewed, or takes back a mark on exactly those lines. */
    public void toggleReviewed(String ref, String path, String blobId, int first, int last) {
        requireSession().ifPresent(b -> {
            Optional<ReviewMark> existing = marks.stream().filter(m -> m.path().equals(path) && m.blobId().equals(blobId)
                    && m.firstLine() == first && m.lastLine() == last).findFirst();
            main.background(BackgroundTask.of(texts.get("annot.task.review"), monitor -> {
                if (existing.isPresent()) {
                    b.service().unmarkReviewed(existing.get());
                    return Optional.<ReviewMark>empty();
                }
                return Optional.of(b.service().markReviewed(ref, path, blobId, first, last));
            }).onSuccess(added -> {
                existing.ifPresent(marks::remove);
                added.ifPresent(marks::add);
                String where = first == 0 ? VisibleText.escape(path) : texts.format("annot.lines", VisibleText.escape(path), first, last);
                main.showStatus(texts.format(added.isPresent() ? "annot.reviewed.marked" : "annot.reviewed.unmarked", where));
            }));
        });
    }

    public void addBookmark(String ref, String path, int line, String label) {
        requireSession().ifPresent(b -> main.background(BackgroundTask.of(texts.get("annot.task.bookmark"),
                monitor -> b.service().addBookmark(ref, path, line, label)).onSuccess(bm -> {
                    bookmarks.add(bm);
                    main.showStatus(texts.format("annot.bookmark.added", VisibleText.escape(path), line));
                })));
    }

    /** The session's findings as the keeper lists them after an import through it (issue 16, kexport). */
    void reloaded(List<Annotation> all) {
        annotations.setAll(all);
        replaceAll();
    }

    /** Findings an import added (already stored and logged). */
    void imported(List<Annotation> added) {
        annotations.addAll(added);
        replaceAll();
    }

    // ----- placement in the version under review -----

    private void replace(Annotation a) {
        for (int i = 0; i < annotations.size(); i++) {
            if (annotations.get(i).id().equals(a.id())) {
                annotations.set(i, a);
            }
        }
        place(a);
    }

    /** Places one new or changed finding (its anchor is unchanged by edits, so this is cheap). */
    private void place(Annotation a) {
        SourceTree tree = main.sourceProperty().get();
        if (tree == null) {
            refilter();
            return;
        }
        String ref = tree.reviewRef();
        main.background(BackgroundTask.of(texts.get("annot.task.place"), monitor -> Placements.compute(tree, ref, List.of(a)).of(a.id()))
                .onSuccess(r -> {
                    if (tree == main.sourceProperty().get()) {
                        placements.set(placements.get().with(a.id(), r));
                    }
                    refilter();
                }));
    }

    /** Places every finding on the version now under review (after a ref switch or a session start). */
    private void replaceAll() {
        SourceTree tree = main.sourceProperty().get();
        List<Annotation> all = List.copyOf(annotations);
        if (tree == null || all.isEmpty()) {
            placements.set(Placements.EMPTY);
            refilter();
            return;
        }
        String ref = tree.reviewRef();
        main.background(BackgroundTask.of(texts.format("annot.task.reanchor", all.size()),
                monitor -> Placements.compute(tree, ref, all)).onSuccess(p -> {
                    if (tree != main.sourceProperty().get()) {
                        return;
                    }
                    placements.set(p);
                    refilter();
                    long moved = p.count(AnchorState.MOVED);
                    long outdated = p.count(AnchorState.OUTDATED);
                    if (moved + outdated > 0) {
                        main.showStatus(texts.format("annot.reanchored", all.size(), moved, outdated));
                    }
                }));
    }

    // ----- the panel's list -----

    void refilter() {
        AnnotationFilter filter;
        try {
            String cwe = filterCategory.get() == null ? "" : filterCategory.get().strip().toUpperCase(java.util.Locale.ROOT)
                    .replace("CWE-", "");
            filter = new AnnotationFilter(filterFile.get(),
                    filterSeverity.get() == null ? Set.of() : Set.of(filterSeverity.get()),
                    filterStatus.get() == null ? Set.of() : Set.of(filterStatus.get()),
                    cwe.isEmpty() ? null : Integer.valueOf(cwe), filterAuthor.get(), filterText.get());
        } catch (NumberFormatException e) {
            main.showStatus(texts.format("annot.filter.cwe.invalid", VisibleText.escape(filterCategory.get())));
            return;
        }
        Placements p = placements.get();
        PanelRow keep = selected.get();
        List<PanelRow> rows = new ArrayList<>();
        for (Annotation a : order.get().select(annotations, filter)) {
            rows.add(new PanelRow(a, p.of(a.id())));
        }
        visible.setAll(rows);
        if (keep != null) {
            selected.set(rows.stream().filter(r -> r.annotation().id().equals(keep.annotation().id())).findFirst().orElse(null));
        }
    }

    /** The row of finding {@code id}, if listed. */
    Optional<PanelRow> row(String id) {
        return visible.stream().filter(r -> r.annotation().id().equals(id)).findFirst();
    }

    public ReadOnlyObjectProperty<Binding> bindingProperty() {
        return binding.getReadOnlyProperty();
    }

    public ObservableList<Annotation> annotations() {
        return annotations;
    }

    public ObservableList<ReviewMark> marks() {
        return marks;
    }

    public ObservableList<Bookmark> bookmarks() {
        return bookmarks;
    }

    public ObservableList<PanelRow> visible() {
        return visible;
    }

    ReadOnlyObjectProperty<Placements> placementsProperty() {
        return placements.getReadOnlyProperty();
    }

    public ObjectProperty<PanelRow> selectedProperty() {
        return selected;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public StringProperty filterFileProperty() {
        return filterFile;
    }

    public StringProperty filterAuthorProperty() {
        return filterAuthor;
    }

    public StringProperty filterCategoryProperty() {
        return filterCategory;
    }

    public ObjectProperty<Severity> filterSeverityProperty() {
        return filterSeverity;
    }

    public ObjectProperty<Status> filterStatusProperty() {
        return filterStatus;
    }

    public ObjectProperty<AnnotationOrder> orderProperty() {
        return order;
    }

    MainViewModel main() {
        return main;
    }

    Texts texts() {
        return texts;
    }

    Clock clock() {
        return clock;
    }

    Supplier<String> ids() {
        return ids;
    }
}
