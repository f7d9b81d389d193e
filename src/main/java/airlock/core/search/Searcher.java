package airlock.core.search;

import airlock.core.AirlockException;
import airlock.core.progress.CancelledException;
import airlock.core.progress.ProgressMonitor;
import airlock.core.source.EntryKind;
import airlock.core.source.SourceEntry;
import airlock.core.source.SourceTree;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a query: the index (when there is one) names candidate files, every candidate and every
 * file the index lacks is read from the object store and verified with ripgrep's line semantics,
 * in parallel, and results are handed to the listener in path order as soon as they are known.
 * The same code serves the GUI and the command line.
 */
public final class Searcher implements CodeSearch {
    /** Files larger than this are not searched, and the summary says so. */
    public static final long MAX_SEARCH_BYTES = 512L << 20;
    private static final int WINDOW = 256;

    private final ExecutorService workers;

    /** @param workers verifies files; give it one thread per core */
    public Searcher(ExecutorService workers) {
        this.workers = workers;
    }

    /** In this process nothing is logged by the search itself: the caller records the run. */
    @Override
    public boolean recordsRuns() {
        return false;
    }

    /** Searches {@code query.ref()} (or every ref) of {@code source}; {@code index} may be null. */
    @Override
    public SearchSummary search(SourceTree source, SearchIndex index, SearchQuery query, SearchListener listener,
                                ProgressMonitor monitor) throws AirlockException {
        TextMatcher matcher = TextMatcher.compile(query);
        ByteFilter bytes = ByteFilter.of(query);
        PathFilter filter = new PathFilter(query);
        List<String> refs = refsOf(source, query.ref());
        SearchIndex.Candidates candidates = index == null ? new SearchIndex.Candidates(null, null)
                : index.candidates(TrigramExtractor.of(query), RegexParser.folds(query));
        Tally tally = new Tally();
        for (String ref : refs) {
            List<Work> work = new ArrayList<>();
            List<SourceEntry> listing = source.list(ref);
            SearchIndex.Doc[] docs = index == null ? null : index.docsOf(listing);
            int k = -1;
            for (SourceEntry entry : listing) {
                k++;
                if (!searchable(entry) || !filter.accepts(entry.path())) {
                    continue;
                }
                tally.inScope++;
                switch (candidates.of(entry.blobId(), docs == null ? null : docs[k])) {
                    case NO_MATCH -> { }
                    case BINARY -> tally.binary++;
                    case UNINDEXED -> {
                        tally.unindexed++;
                        work.add(new Work(ref, entry, null));
                    }
                    default -> work.add(new Work(ref, entry, null));
                }
            }
            run(source, index, work, matcher, bytes, listener, monitor, tally);
        }
        SearchSummary.Coverage coverage = index == null ? SearchSummary.Coverage.NO_INDEX
                : tally.unindexed > 0 ? SearchSummary.Coverage.PARTIAL_INDEX
                : candidates.narrowed() ? SearchSummary.Coverage.INDEXED : SearchSummary.Coverage.SCANNED;
        return tally.summary(coverage);
    }

    /**
     * Searches only what changed from {@code baseRef} to {@code query.ref()}: files added or
     * modified there, and in them only the added or changed lines ("what changed that mentions X").
     */
    @Override
    public SearchSummary searchDiff(SourceTree source, String baseRef, SearchQuery query, SearchListener listener,
                                    ProgressMonitor monitor) throws AirlockException {
        if (query.ref() == null) {
            throw new InvalidQueryException("A diff search needs the ref to compare with the base ref.");
        }
        TextMatcher matcher = TextMatcher.compile(query);
        ByteFilter bytes = ByteFilter.of(query);
        PathFilter filter = new PathFilter(query);
        refsOf(source, baseRef);
        Map<String, SourceEntry> base = new HashMap<>();
        for (SourceEntry entry : source.list(baseRef)) {
            base.put(entry.path(), entry);
        }
        Tally tally = new Tally();
        List<Work> work = new ArrayList<>();
        for (SourceEntry entry : source.list(refsOf(source, query.ref()).get(0))) {
            SourceEntry old = base.get(entry.path());
            if (!searchable(entry) || !filter.accepts(entry.path())
                    || (old != null && old.blobId().equals(entry.blobId()))) {
                continue;
            }
            tally.inScope++;
            work.add(new Work(query.ref(), entry, old != null && searchable(old) ? old : NO_BASE));
        }
        run(source, null, work, matcher, bytes, listener, monitor, tally);
        return tally.summary(SearchSummary.Coverage.SCANNED);
    }

    private static final SourceEntry NO_BASE = new SourceEntry("", EntryKind.FILE, 0, "");

    private static boolean searchable(SourceEntry entry) {
        // links and submodules are not followed, as ripgrep does not follow them by default
        return entry.kind() == EntryKind.FILE || entry.kind() == EntryKind.EXECUTABLE;
    }

    private static List<String> refsOf(SourceTree source, String ref) throws InvalidQueryException {
        if (ref == null) {
            return source.refs();
        }
        if (!source.refs().contains(ref)) {
            throw new InvalidQueryException("There is no ref '" + ref + "'. Refs: " + String.join(", ", source.refs()));
        }
        return List.of(ref);
    }

    /** One file to verify; {@code base} non-null means only lines changed since it count. */
    private record Work(String ref, SourceEntry entry, SourceEntry base) {
    }

    /** What verifying one file found. */
    private record Outcome(Work work, List<LineMatch> lines, boolean binary, String incomplete) {
    }

    private void run(SourceTree source, SearchIndex index, List<Work> work, TextMatcher matcher, ByteFilter bytes, SearchListener listener,
                     ProgressMonitor monitor, Tally tally) throws AirlockException {
        monitor.beginTask("Searching", work.size());
        AtomicBoolean cancelled = new AtomicBoolean();
        Deque<Future<Outcome>> window = new ArrayDeque<>();
        try {
            for (Work w : work) {
                window.add(workers.submit(() -> verify(source, index, w, matcher, bytes, cancelled)));
                if (window.size() >= WINDOW) {
                    drain(window.poll(), listener, monitor, tally, cancelled);
                }
            }
            while (!window.isEmpty()) {
                drain(window.poll(), listener, monitor, tally, cancelled);
            }
        } finally {
            cancelled.set(true);
            window.forEach(f -> f.cancel(false));
            monitor.endTask();
        }
    }

    private static void drain(Future<Outcome> future, SearchListener listener, ProgressMonitor monitor, Tally tally,
                              AtomicBoolean cancelled) throws AirlockException {
        Outcome outcome;
        try {
            while (true) {
                if (monitor.isCancelled()) {
                    cancelled.set(true);
                    throw new CancelledException();
                }
                try {
                    outcome = future.get(50, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException e) {
                    // poll the monitor again
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AirlockException airlock) {
                throw airlock;
            }
            throw new AirlockException("search.failed", "Search failed: " + e.getCause(), e.getCause());
        }
        monitor.update(1);
        if (outcome == null) {
            throw new CancelledException();
        }
        tally.read++;
        if (outcome.binary()) {
            tally.binary++;
        }
        if (outcome.incomplete() != null) {
            tally.incomplete.add(outcome.work().ref() + ":" + outcome.work().entry().path() + ": " + outcome.incomplete());
        }
        if (!outcome.lines().isEmpty()) {
            FileMatches file = new FileMatches(outcome.work().ref(), outcome.work().entry().path(), outcome.lines());
            tally.add(file);
            listener.onFile(file);
        }
    }

    private static Outcome verify(SourceTree source, SearchIndex index, Work w, TextMatcher matcher, ByteFilter filter,
                                  AtomicBoolean cancelled) throws AirlockException {
        if (cancelled.get()) {
            return null;
        }
        if (w.entry().size() > MAX_SEARCH_BYTES) {
            return new Outcome(w, List.of(), false, "larger than " + (MAX_SEARCH_BYTES >> 20) + " MiB, not searched");
        }
        // the index's copy of the blob when it has one: no second inflation from the object store
        byte[] bytes = index == null ? null : index.text(w.entry().blobId());
        if (bytes == null) {
            bytes = source.read(w.entry(), MAX_SEARCH_BYTES);
        }
        int[] candidates = filter == null || ByteFilter.utf16(bytes) ? ByteFilter.EVERY_LINE
                : filter.candidateLines(bytes);
        if (candidates == null) {
            return new Outcome(w, List.of(), true, null);
        }
        if (candidates != ByteFilter.EVERY_LINE && candidates.length == 0) {
            return new Outcome(w, List.of(), false, null);
        }
        DecodedText decoded = null;
        List<LineMatch> lines;
        try {
            if (candidates == ByteFilter.EVERY_LINE) {
                decoded = DecodedText.decode(bytes);
                if (decoded.binary()) {
                    return new Outcome(w, List.of(), true, null);
                }
                lines = matcher.matchLines(decoded.text(), cancelled::get);
            } else {
                // only the lines the byte filter could not rule out are decoded and matched
                int[] numbers = new int[candidates.length / 3];
                for (int i = 0; i < numbers.length; i++) {
                    numbers[i] = candidates[3 * i];
                }
                String joined = DecodedText.joinedLines(bytes, candidates);
                lines = matcher.matchSelectedLines(joined, numbers, bytes.length, cancelled::get);
            }
        } catch (BudgetedText.Stop stop) {
            if (!stop.budget) {
                return null;
            }
            return new Outcome(w, List.of(), false, "the pattern is too costly on this file (catastrophic backtracking?)");
        } catch (StackOverflowError e) {
            // java.util.regex recurses per repetition on some patterns; a long line can exhaust the stack
            return new Outcome(w, List.of(), false, "the pattern is too deeply recursive for this file");
        }
        if (w.base() != null && !lines.isEmpty()) {
            String oldText = "";
            if (w.base() != NO_BASE) {
                DecodedText old = DecodedText.decode(source.read(w.base(), MAX_SEARCH_BYTES));
                oldText = old.binary() ? "" : old.text();
            }
            String newText = decoded != null ? decoded.text() : DecodedText.decode(bytes).text();
            BitSet changed = ChangedLines.of(oldText, newText);
            lines = lines.stream().filter(l -> changed.get(l.number())).toList();
        }
        return new Outcome(w, lines, false, null);
    }

    /** Counts, kept by the calling thread only. */
    private static final class Tally {
        int inScope;
        int read;
        int unindexed;
        int binary;
        int files;
        long lines;
        long matches;
        final List<String> incomplete = new ArrayList<>();

        void add(FileMatches file) {
            files++;
            lines += file.lines().size();
            matches += file.matchCount();
        }

        SearchSummary summary(SearchSummary.Coverage coverage) {
            return new SearchSummary(files, lines, matches, inScope, read, unindexed, binary, coverage, incomplete);
        }
    }
}
