package airlock.ui.navigate;

import airlock.core.AirlockException;
import airlock.core.source.SourceEntry;
import airlock.core.source.SourceTree;
import airlock.core.symbols.FileFinder;
import airlock.core.symbols.IndexBuilder;
import airlock.core.symbols.IndexState;
import airlock.core.symbols.RecordedSymbols;
import airlock.core.symbols.SymbolIndex;
import airlock.core.symbols.SymbolLookup;
import airlock.ui.Texts;
import airlock.ui.main.DocumentViewModel;
import airlock.ui.main.MainViewModel;
import airlock.ui.task.BackgroundTask;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Per source: the in-memory file finder and the symbol index (opened at once, built or resumed in the
 * background with progress; open files are indexed first). Queries go through the task executor. An
 * index read in this process answers through {@link RecordedSymbols}: each lookup is recorded in the
 * session before it is returned (issue 16); the keeper's index records in the keeper.
 */
final class SymbolService {
    private final MainViewModel model;
    private final Texts texts;
    private final Path databases;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final java.util.function.Function<SourceTree, SymbolLookup> remote;
    private SymbolLookup index;
    private FileFinder files = new FileFinder(List.of());
    private SourceTree source;
    private Runnable filesListed = () -> { };

    SymbolService(MainViewModel model, Texts texts, Path databases) {
        this(model, texts, databases, null);
    }

    /**
     * @param remote when not null, each source's symbols are asked of this lookup (the keeper's index)
     *               instead of an index this process opens and builds under {@code databases}
     */
    SymbolService(MainViewModel model, Texts texts, Path databases, java.util.function.Function<SourceTree, SymbolLookup> remote) {
        this.model = model;
        this.texts = texts;
        this.databases = databases;
        this.remote = remote;
        model.sourceProperty().addListener((obs, old, now) -> sourceChanged(now));
        if (model.sourceProperty().get() != null) {
            sourceChanged(model.sourceProperty().get());
        }
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    FileFinder files() {
        return files;
    }

    /** {@code then} runs on the FX thread each time a source's file list has arrived (a go-to-file window may be open). */
    void onFilesListed(Runnable then) {
        this.filesListed = then;
    }

    SymbolLookup index() {
        return index;
    }

    /** The code the index is built from, or null. */
    SourceTree source() {
        return source;
    }

    private void sourceChanged(SourceTree tree) {
        close();
        source = tree;
        model.fileTree().contentMarksProperty().set(java.util.Map.of());
        if (tree == null) {
            status.set("");
            return;
        }
        model.background(BackgroundTask.of(texts.get("task.list"), monitor -> tree.list(tree.reviewRef()))
                .onSuccess(entries -> {
                    if (source == tree) {
                        files = new FileFinder(entries.stream().map(SourceEntry::path).toList());
                        filesListed.run();
                    }
                }));
        if (remote != null) {
            index = remote.apply(tree);
            status.set(texts.get("nav.index.keeper"));
            return;
        }
        if (databases == null) {
            status.set(texts.get("nav.index.off"));
            return;
        }
        status.set(texts.get("nav.index.opening"));
        model.background(BackgroundTask.of(texts.get("nav.task.index.open"), monitor -> {
            Path file = SymbolIndex.fileFor(databases, tree.commitOf(tree.reviewRef()));
            SymbolIndex opened = SymbolIndex.open(file);
            opened.preload();
            return new Object[] {file, opened};
        }).onSuccess(opened -> {
            SymbolIndex idx = (SymbolIndex) opened[1];
            if (source != tree) {
                idx.close();
                return;
            }
            // every answer is recorded in the session log (the model's symbol-read gate) before it is
            // returned, and so before a code line is read for it, as the keeper records before it answers
            index = new RecordedSymbols(idx, model.symbolReads(), tree.reviewRef());
            build(tree, (Path) opened[0]);
        }));
    }

    private void build(SourceTree tree, Path file) {
        status.set(texts.get("nav.index.building"));
        List<String> open = model.documents().stream().map(DocumentViewModel::path).toList();
        model.background(BackgroundTask.of(texts.get("nav.task.index.build"),
                        monitor -> new IndexBuilder(tree, tree.reviewRef(), file).build(open, monitor))
                .onSuccess(state -> {
                    status.set(texts.format("nav.index.ready", state.filesTotal()));
                    loadMarks(tree);
                })
                .onCancelled(() -> refreshState())
                .onFailure(failure -> refreshState()));
    }

    /** Hands the content marks found so far to the file tree. */
    private void loadMarks(SourceTree tree) {
        SymbolLookup idx = index;
        if (idx == null || source != tree) {
            return;
        }
        model.background(BackgroundTask.of(texts.get("nav.task.index.open"), monitor -> idx.contentMarks())
                .onSuccess(marks -> {
                    if (source == tree) {
                        model.fileTree().contentMarksProperty().set(marks);
                    }
                }));
    }

    private void refreshState() {
        SymbolLookup idx = index;
        if (idx == null) {
            return;
        }
        loadMarks(source);
        model.background(BackgroundTask.of(texts.get("nav.task.index.open"), monitor -> idx.state())
                .onSuccess(st -> status.set(describe(st))));
    }

    String describe(IndexState st) {
        return switch (st.status()) {
            case COMPLETE -> texts.format("nav.index.ready", st.filesTotal());
            case PARTIAL -> texts.format("nav.index.partial", st.filesDone(), st.filesTotal());
            case ABSENT -> texts.get("nav.index.off");
        };
    }

    /** Runs {@code query} on the index in the background; says so when there is no index. */
    <T> void query(String title, IndexQuery<T> query, Consumer<T> then) {
        SymbolLookup idx = index;
        if (idx == null) {
            model.showStatus(texts.get("nav.index.unavailable"));
            return;
        }
        model.background(BackgroundTask.of(title, monitor -> query.run(idx)).onSuccess(then));
    }

    /**
     * The source lines of {@code references} at the review ref, read from the code under review once per
     * file (as the keeper does for its reference answers); "" where a file cannot be found or read.
     */
    static List<String> lines(SourceTree source, List<airlock.core.symbols.Reference> references)
            throws AirlockException {
        java.util.Map<String, byte[]> files = new java.util.HashMap<>();
        List<String> out = new java.util.ArrayList<>(references.size());
        for (airlock.core.symbols.Reference r : references) {
            if (source != null && !files.containsKey(r.path())) {
                SourceEntry entry = source.find(source.reviewRef(), r.path());
                files.put(r.path(), entry == null ? null
                        : source.read(entry, airlock.core.symbols.IndexBuilder.MAX_FILE_BYTES));
            }
            out.add(airlock.core.symbols.DefinitionLines.line(files.get(r.path()), r.line()));
        }
        return out;
    }

    /** Shows {@code message} in the status line (a refused lookup that opens no dialog). */
    void showStatus(String message) {
        model.showStatus(message);
    }

    /** A query against the index. */
    interface IndexQuery<T> {
        T run(SymbolLookup index) throws AirlockException;
    }

    void close() {
        if (index != null) {
            index.close();
            index = null;
        }
        files = new FileFinder(List.of());
    }
}
