package airlock.ui.main;

import airlock.core.source.SourceEntry;
import airlock.core.source.SourceTree;
import airlock.core.text.TextPage;
import airlock.core.text.TextPages;
import airlock.core.text.VisibleText;
import airlock.ui.Texts;
import airlock.ui.code.ContentDecoder;
import airlock.ui.code.CopyAttempt;
import airlock.ui.code.CopyAttemptListener;
import airlock.ui.code.DocumentContent;
import airlock.ui.code.PreparedDocument;
import airlock.ui.task.BackgroundTask;
import airlock.ui.task.ProgressState;
import airlock.ui.task.TaskHandle;
import airlock.ui.task.TaskExecutor;
import airlock.ui.tree.FileTreeViewModel;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the workstation window: the source under review, open documents, status bar texts and
 * the task in progress. Talks to core only through the {@link TaskExecutor}; never touches a node,
 * so it is tested with plain JUnit and the same-thread executor.
 */
public final class MainViewModel implements CopyAttemptListener {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");
    private final Texts texts;
    private final TaskExecutor executor;
    private final Clock clock;
    private final String workstationId;
    private final FileTreeViewModel fileTree = new FileTreeViewModel();
    private final ObjectProperty<SourceTree> source = new SimpleObjectProperty<>(this, "source");
    private final ReadOnlyStringWrapper bundleText = new ReadOnlyStringWrapper(this, "bundleText");
    private final ReadOnlyStringWrapper sessionText = new ReadOnlyStringWrapper(this, "sessionText");
    private final ReadOnlyStringWrapper clockText = new ReadOnlyStringWrapper(this, "clockText");
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper(this, "statusMessage", "");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper(this, "banner", "");
    private final ReadOnlyObjectWrapper<ProgressState> progress = new ReadOnlyObjectWrapper<>(this, "progress");
    private final ObservableList<DocumentViewModel> documents = FXCollections.observableArrayList();
    private final ObjectProperty<DocumentViewModel> selected = new SimpleObjectProperty<>(this, "selected");
    private final List<CopyAttemptListener> copyListeners = new CopyOnWriteArrayList<>();
    private TaskHandle running;
    private volatile FileOpenGate openGate = FileOpenGate.OPEN;
    /** Records history, diff and blame reads in this process before they are shown (issue 16). */
    private volatile airlock.core.history.VersionReads versionReads = airlock.core.history.VersionReads.NONE;
    /** Records definition, reference, caller and symbol lookups in this process before they are shown (issue 16). */
    private volatile airlock.core.symbols.SymbolReads symbolReads = airlock.core.symbols.SymbolReads.NONE;

    public MainViewModel(Texts texts, TaskExecutor executor, Clock clock, String workstationId) {
        this.texts = texts;
        this.executor = executor;
        this.clock = clock;
        this.workstationId = workstationId;
        sessionText.set(texts.get("status.session.none"));
        bundleText.set(texts.get("status.bundle.none"));
        fileTree.onOpenProperty().set(entry -> openEntry(entry, 1));
        tick();
    }

    /** Runs {@code task} with its progress shown in the status bar and cancellable from there. */
    public <T> TaskHandle background(BackgroundTask<T> task) {
        TaskHandle handle = executor.submit(task.onProgress(progress::set).onFinished(() -> progress.set(null)));
        if (!handle.isDone()) {
            running = handle;
        }
        return handle;
    }

    /** Cancels the task whose progress the status bar shows. */
    public void cancelRunning() {
        if (running != null) {
            running.cancel();
            statusMessage.set(texts.get("status.cancelling"));
        }
    }

    /** Shows {@code tree}: its review ref in the file tree and its label in the status bar. */
    public void openSource(SourceTree tree) {
        openSource(tree, null);
    }

    /** Shows {@code tree} and, once its files are listed, opens {@code firstFile} (if not null). */
    public void openSource(SourceTree tree, String firstFile) {
        SourceTree previous = source.get();
        documents.clear();
        selected.set(null);
        source.set(tree);
        if (previous != null && previous != tree) {
            previous.close();
        }
        bundleText.set(texts.format("status.bundle", VisibleText.escape(tree.label()),
                VisibleText.escape(shortRef(tree.reviewRef()))));
        background(BackgroundTask.of(texts.get("task.list"), monitor -> tree.list(tree.reviewRef()))
                .onSuccess(entries -> {
                    if (source.get() == tree) {
                        fileTree.setEntries(entries);
                        if (firstFile != null) {
                            openFile(firstFile, 1);
                        }
                    }
                }));
    }

    static String shortRef(String ref) {
        for (String prefix : new String[] {"refs/heads/", "refs/tags/"}) {
            if (ref.startsWith(prefix)) {
                return ref.substring(prefix.length());
            }
        }
        return ref;
    }

    /** Opens {@code path} of the review ref at {@code line} (1-based); selects it if already open. */
    public void openFile(String path, int line) {
        openFile(path, line, null);
    }

    /**
     * Opens {@code path} of the review ref at {@code line} with {@code mark} marked on it (a search hit or a
     * reference; null marks nothing); selects it if already open.
     */
    public void openFile(String path, int line, LineMark mark) {
        Optional<DocumentViewModel> open = find(path);
        if (open.isPresent()) {
            selected.set(open.get());
            showLine(open.get(), line, mark);
            return;
        }
        SourceTree tree = source.get();
        if (tree == null) {
            statusMessage.set(texts.get("status.nosource"));
            return;
        }
        background(BackgroundTask.of(texts.format("task.find", VisibleText.escape(path)),
                        monitor -> Optional.ofNullable(tree.find(tree.reviewRef(), path)))
                .onSuccess(entry -> entry.ifPresentOrElse(e -> openEntry(e, line, mark), () ->
                        statusMessage.set(texts.format("status.file.missing", VisibleText.escape(path))))));
    }

    /** Opens {@code entry} (from the tree) at {@code line}. */
    public void openEntry(SourceEntry entry, int line) {
        openEntry(entry, line, null);
    }

    private void openEntry(SourceEntry entry, int line, LineMark mark) {
        Optional<DocumentViewModel> open = find(entry.path());
        if (open.isPresent()) {
            selected.set(open.get());
            showLine(open.get(), line, mark);
            return;
        }
        DocumentViewModel document = new DocumentViewModel(entry);
        documents.add(document);
        selected.set(document);
        SourceTree tree = source.get();
        background(BackgroundTask.of(texts.format("task.open", document.title()), monitor -> {
                    Opened opened = open(tree, entry);
                    openGate.beforeShow(tree, entry);
                    // masking and the view's document are plain data: built here, so the FX thread only swaps them in
                    return new Loaded(PreparedDocument.of(opened.content()), opened.pages());
                })
                .onSuccess(loaded -> {
                    document.setPages(loaded.pages());
                    document.setContent(loaded.document());
                    showLine(document, line, mark);
                })
                .onFailure(failure -> close(document))
                .onCancelled(() -> close(document)));
    }

    /** A document read for its first showing, with its pages when the file is too large to show whole. */
    private record Loaded(PreparedDocument document, TextPages pages) {
    }

    /** What a file shows first, and its pages when it is shown a page at a time (else null). */
    private record Opened(DocumentContent content, TextPages pages) {
    }

    /**
     * Reads a file for its first showing. A UTF-8 text file over {@link TextPage#PAGE_BYTES}, or with a
     * line over {@link TextPage#MAX_LINE_BYTES}, is shown a page at a time from its first page; every other
     * file is shown whole (or binary as hex, or in another encoding up to the page size).
     */
    private static Opened open(SourceTree tree, SourceEntry entry) throws airlock.core.AirlockException {
        if (entry.kind() == airlock.core.source.EntryKind.SUBMODULE || entry.kind() == airlock.core.source.EntryKind.SYMLINK
                || entry.size() <= TextPage.MAX_LINE_BYTES) {
            return new Opened(load(tree, entry), null);
        }
        TextPages pages = TextPages.open((offset, length) -> tree.readRange(entry, offset, length), entry.size(),
                TextPage.PAGE_BYTES);
        byte[] first = pages.bytes(pages.first());
        if (pages.first().isLast()) {
            // one page holds it all, no line too long: shown whole, from the bytes already read
            return new Opened(decode(first, entry.size()), null);
        }
        // binary (magic, NUL) and the encoding (BOM) are told by the first bytes: no need to decode the whole page twice
        airlock.core.text.DecodedContent start = new airlock.core.text.Decoder(airlock.core.text.ContentLimits.DEFAULT)
                .decode(java.util.Arrays.copyOf(first, Math.min(first.length, 64 * 1024)), entry.size());
        return start.isText() && start.encoding().equals(java.nio.charset.StandardCharsets.UTF_8.name())
                ? new Opened(ContentDecoder.page(pages, pages.first()), pages)
                : new Opened(load(tree, entry), null);
    }

    /**
     * Shows page {@code index} (0-based) of a document too large to show whole, at its first line: the
     * page is found (reading the file up to it, with progress, cancellable) and read off the FX thread.
     */
    public void showPage(DocumentViewModel document, int index) {
        loadPage(document, (pages, monitor) -> pages.page(Math.max(0, index), monitor), 0, null);
    }

    /** Shows {@code line} of an open document; in a large file, on the page that has it (loaded first). */
    private void showLine(DocumentViewModel document, int requested, LineMark mark) {
        // line 0 or less means the first line, as the view clamps it (and no page search runs to the end for it)
        int line = Math.max(1, requested);
        TextPage shown = document.contentProperty().get() == null ? null : document.contentProperty().get().page();
        if (document.pages() == null || shown == null || shown.contains(line)) {
            document.requestLine(line, mark);
            return;
        }
        loadPage(document, (pages, monitor) -> pages.pageWithLine(line, monitor), line, mark);
    }

    @FunctionalInterface
    private interface PageChoice {
        TextPage choose(TextPages pages, airlock.core.progress.ProgressMonitor monitor) throws airlock.core.AirlockException;
    }

    /** Finds the page {@code choice} names, shows it, then {@code line} (0: the page's first line). */
    private void loadPage(DocumentViewModel document, PageChoice choice, int line, LineMark mark) {
        TextPages pages = document.pages();
        background(BackgroundTask.of(texts.format("task.page", document.title()), monitor -> {
            monitor.beginTask(texts.format("task.page", document.title()), pages.totalBytes());
            TextPage page = choice.choose(pages, monitor);
            return PreparedDocument.of(ContentDecoder.page(pages, page));
        }).onSuccess(prepared -> {
            if (documents.contains(document)) {
                document.setContent(prepared);
                document.requestLine(line > 0 ? line : prepared.content().page().firstLine(), line > 0 ? mark : null);
            }
        }));
    }

    private static DocumentContent load(SourceTree tree, SourceEntry entry) throws airlock.core.AirlockException {
        return switch (entry.kind()) {
            case SUBMODULE -> new DocumentContent(entry.blobId(), DocumentContent.Kind.SUBMODULE, 0, 0);
            case SYMLINK -> {
                byte[] target = tree.read(entry, 4096);
                yield new DocumentContent(VisibleText.escape(new String(target, java.nio.charset.StandardCharsets.UTF_8)),
                        DocumentContent.Kind.SYMLINK, target.length, entry.size());
            }
            default -> decode(tree.read(entry, ContentDecoder.TEXT_LIMIT), entry.size());
        };
    }

    /**
     * Core's decoder decides (binary by magic or NUL, UTF-16/32 by BOM, invalid UTF-8 replaced); binary
     * content gets the hex dump, text is shown decoded.
     */
    private static DocumentContent decode(byte[] bytes, long size) {
        airlock.core.text.DecodedContent decoded = new airlock.core.text.Decoder(
                airlock.core.text.ContentLimits.DEFAULT).decode(bytes, size);
        if (!decoded.isText()) {
            int shown = Math.min(bytes.length, ContentDecoder.HEX_LIMIT);
            return new DocumentContent(ContentDecoder.hexDump(bytes, shown), DocumentContent.Kind.HEX, shown, size);
        }
        return new DocumentContent(decoded.text().replace("\r\n", "\n"), DocumentContent.Kind.TEXT, bytes.length,
                size);
    }

    private Optional<DocumentViewModel> find(String path) {
        return documents.stream().filter(d -> d.path().equals(path)).findFirst();
    }

    public void close(DocumentViewModel document) {
        int index = documents.indexOf(document);
        if (index < 0) {
            return;
        }
        documents.remove(index);
        if (selected.get() == document) {
            selected.set(documents.isEmpty() ? null : documents.get(Math.min(index, documents.size() - 1)));
        }
    }

    public void closeSelected() {
        if (selected.get() != null) {
            close(selected.get());
        }
    }

    public void closeAll() {
        documents.clear();
        selected.set(null);
    }

    /** Selects the next (+1) or previous (-1) tab, wrapping around. */
    public void cycle(int direction) {
        if (documents.isEmpty()) {
            return;
        }
        int index = documents.indexOf(selected.get());
        int next = Math.floorMod((index < 0 ? 0 : index) + direction, documents.size());
        selected.set(documents.get(next));
    }

    /**
     * Parses what the user typed in "Go to line" and moves the selected document there.
     *
     * @return empty on success, else the message to show
     */
    public Optional<String> goToLine(String typed) {
        DocumentViewModel document = selected.get();
        if (document == null) {
            return Optional.of(texts.get("goto.line.nofile"));
        }
        String text = typed == null ? "" : typed.strip();
        int line;
        try {
            line = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return Optional.of(texts.format("goto.line.invalid", VisibleText.escape(text)));
        }
        if (line < 1) {
            return Optional.of(texts.format("goto.line.invalid", text));
        }
        showLine(document, line, null);
        return Optional.empty();
    }

    @Override
    public void copyRefused(CopyAttempt attempt) {
        statusMessage.set(texts.get("code.copy.refused"));
        for (CopyAttemptListener listener : copyListeners) {
            listener.copyRefused(attempt);
        }
    }

    /** Where the session log plugs in to record each file opened before it is shown. */
    public void setFileOpenGate(FileOpenGate gate) {
        openGate = java.util.Objects.requireNonNull(gate);
    }

    /**
     * Where the session log plugs in to record each diff, blame and history read in this process
     * before it is returned (the versions window's counterpart of the file-open gate).
     */
    public void setVersionReads(airlock.core.history.VersionReads reads) {
        versionReads = java.util.Objects.requireNonNull(reads);
    }

    /** The current recorder of version reads, asked at the moment of each read (off the FX thread). */
    public airlock.core.history.VersionReads versionReads() {
        return (key, reads) -> versionReads.record(key, reads);
    }

    /**
     * Where the session log plugs in to record each navigation lookup (definitions, hover, references,
     * callers, go to symbol) read in this process before its answer is returned.
     */
    public void setSymbolReads(airlock.core.symbols.SymbolReads reads) {
        symbolReads = java.util.Objects.requireNonNull(reads);
    }

    /** The current recorder of navigation lookups, asked at the moment of each lookup (off the FX thread). */
    public airlock.core.symbols.SymbolReads symbolReads() {
        return (kind, query, ref, found) -> symbolReads.record(kind, query, ref, found);
    }

    /** Where the session log plugs in to record refused copy attempts. */
    public void addCopyAttemptListener(CopyAttemptListener listener) {
        copyListeners.add(listener);
    }

    /** Updates the status-bar clock from the injected clock. */
    public void tick() {
        clockText.set(CLOCK.format(ZonedDateTime.now(clock)));
    }

    /** A message shown across the top of the window (e.g. the demo has nothing to show). */
    public void showBanner(String message) {
        banner.set(message == null ? "" : message);
    }

    /** Takes {@code shown} off the status bar if it is still the message there (its time is up). */
    public void expireStatus(String shown) {
        if (shown != null && shown.equals(statusMessage.get())) {
            statusMessage.set("");
        }
    }

    public void showStatus(String message) {
        statusMessage.set(message);
    }

    /** Sets the session part of the status bar (the session feature owns what it says). */
    public void setSessionText(String text) {
        sessionText.set(text);
    }

    public FileTreeViewModel fileTree() {
        return fileTree;
    }

    public ReadOnlyObjectProperty<SourceTree> sourceProperty() {
        return source;
    }

    public ObservableList<DocumentViewModel> documents() {
        return documents;
    }

    public ObjectProperty<DocumentViewModel> selectedProperty() {
        return selected;
    }

    public String workstationText() {
        return texts.format("status.workstation", VisibleText.escape(workstationId));
    }

    public ReadOnlyStringProperty bundleTextProperty() {
        return bundleText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sessionTextProperty() {
        return sessionText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty clockTextProperty() {
        return clockText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ProgressState> progressProperty() {
        return progress.getReadOnlyProperty();
    }

}
