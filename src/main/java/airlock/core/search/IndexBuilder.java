package airlock.core.search;

import airlock.core.AirlockException;
import airlock.core.progress.CancelledException;
import airlock.core.progress.ProgressMonitor;
import airlock.core.source.EntryKind;
import airlock.core.source.SourceEntry;
import airlock.core.source.SourceTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds (or resumes building) a {@link SearchIndex} for some refs of a source. One worker per
 * core reads blobs and writes {@link TrigramSegment}s of a few thousand files each, so a crash or a
 * cancel keeps every segment written and the next build continues from there. The calling thread
 * relays progress and cancellation.
 */
public final class IndexBuilder {
    /** Blobs above this size are not tokenized; searches always read them. */
    public static final long MAX_INDEXED_BYTES = 64L << 20;
    private final ExecutorService workers;
    private final int maxPairs;

    /** @param workers runs the build workers; give it at least as many threads as cores */
    public IndexBuilder(ExecutorService workers) {
        this(workers, SegmentWriter.MAX_PAIRS);
    }

    /** With a smaller batch (tests: many segments from a small repository). */
    IndexBuilder(ExecutorService workers, int maxPairs) {
        this.workers = workers;
        this.maxPairs = maxPairs;
    }

    /** What a build did. */
    public record Result(int blobsAdded, int blobsTotal) {
    }

    /**
     * Indexes every file blob of {@code refs} not yet in {@code index}. Each worker takes blobs from
     * a shared list, collects their trigrams in memory and writes a segment whenever its batch is
     * full (and at the end, or on cancel): each written segment is committed, whatever happens next.
     *
     * @throws CancelledException when the monitor asks to stop (committed work is kept)
     */
    public Result build(SourceTree source, List<String> refs, SearchIndex index, ProgressMonitor monitor)
            throws AirlockException {
        Map<String, SourceEntry> blobs = new LinkedHashMap<>();
        for (String ref : refs) {
            for (SourceEntry entry : source.list(ref)) {
                if (entry.kind() == EntryKind.FILE || entry.kind() == EntryKind.EXECUTABLE) {
                    blobs.putIfAbsent(entry.blobId(), entry);
                }
            }
        }
        List<SourceEntry> todo = new ArrayList<>();
        for (SourceEntry entry : blobs.values()) {
            if (index.doc(entry.blobId()) == null) {
                todo.add(entry);
            }
        }
        monitor.beginTask("Indexing files", todo.size());
        monitor.checkCancelled();
        try (java.io.Closeable lock = index.buildLock()) {
            runWorkers(source, index, todo, monitor);
        } catch (java.io.IOException e) {
            throw new AirlockException("search.index.write", "Cannot release the search index folder's build lock: " + e.getMessage(), e);
        }
        monitor.endTask();
        return new Result(todo.size(), blobs.size());
    }

    private void runWorkers(SourceTree source, SearchIndex index, List<SourceEntry> todo, ProgressMonitor monitor)
            throws AirlockException {
        AtomicLong done = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger next = new AtomicInteger();
        List<Future<Void>> futures = new ArrayList<>();
        int count = Math.min(index.parallelism(), Math.max(1, todo.size()));
        for (int i = 0; i < count; i++) {
            futures.add(workers.submit(() -> {
                work(source, index, todo, next, done, stop);
                return null;
            }));
        }
        waitFor(futures, monitor, done, stop);
    }

    private void work(SourceTree source, SearchIndex index, List<SourceEntry> todo, AtomicInteger next,
                      AtomicLong done, AtomicBoolean stop) throws AirlockException {
        SegmentWriter batch = new SegmentWriter(index.directory());
        try {
            while (!stop.get()) {
                int i = next.getAndIncrement();
                if (i >= todo.size()) {
                    break;
                }
                SourceEntry entry = todo.get(i);
                if (entry.size() > MAX_INDEXED_BYTES) {
                    batch.add(entry.blobId(), TrigramSegment.KIND_TOO_LARGE, null, null);
                } else {
                    byte[] raw = source.read(entry, MAX_INDEXED_BYTES);
                    byte[] text = indexedText(raw);
                    batch.add(entry.blobId(), text == null ? TrigramSegment.KIND_BINARY : TrigramSegment.KIND_TEXT,
                            text, raw);
                }
                done.incrementAndGet();
                if (batch.full(maxPairs)) {
                    commit(index, batch);
                }
            }
            // also on cancel: what was read is written, so the next build does not redo it
            if (batch.docs() > 0) {
                commit(index, batch);
            }
        } catch (AirlockException | RuntimeException e) {
            batch.clear();
            stop.set(true);
            throw e;
        }
    }

    private static void commit(SearchIndex index, SegmentWriter batch) throws AirlockException {
        SegmentWriter.Written written = batch.write();
        // only now is the segment durable and may searches rely on it
        index.adopt(TrigramSegment.open(written.file()));
    }

    /**
     * The UTF-8 bytes the tokenizer reads for a blob, decoded as the searcher decodes it
     * ({@link DecodedText}), or null when the blob is binary. Plain UTF-8 (nearly every source
     * file) is handed over as it is, without a round trip through a Java string; invalid bytes
     * then reach the tokenizer raw, which is why a query's U+FFFD never becomes a trigram.
     */
    static byte[] indexedText(byte[] bytes) {
        if (ByteFilter.utf16(bytes)) {
            DecodedText decoded = DecodedText.decode(bytes);
            return decoded.binary() ? null : decoded.text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        for (byte b : bytes) {
            if (b == 0) {
                return null;
            }
        }
        boolean bom = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
        return bom ? java.util.Arrays.copyOfRange(bytes, 3, bytes.length) : bytes;
    }

    private static void waitFor(List<Future<Void>> futures, ProgressMonitor monitor, AtomicLong done,
                                AtomicBoolean stop) throws AirlockException {
        long reported = 0;
        try {
            for (Future<Void> f : futures) {
                while (true) {
                    try {
                        f.get(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                        break;
                    } catch (java.util.concurrent.TimeoutException e) {
                        long now = done.get();
                        monitor.update(now - reported);
                        reported = now;
                        if (monitor.isCancelled()) {
                            stop.set(true);
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            stop.set(true);
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            stop.set(true);
            if (e.getCause() instanceof AirlockException airlock) {
                throw airlock;
            }
            throw new AirlockException("search.index.failed", "Indexing failed: " + e.getCause(), e.getCause());
        }
        monitor.update(done.get() - reported);
        if (stop.get()) {
            throw new CancelledException();
        }
    }
}
