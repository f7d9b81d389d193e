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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds (or resumes building) a {@link SearchIndex} for some refs of a source. One worker per
 * shard reads and inserts the blobs of its shard, committing every few thousand files, so
 * a crash or a cancel keeps what was committed and the next build continues from there. The
 * calling thread relays progress and cancellation.
 */
public final class IndexBuilder {
    /** Blobs above this size are not tokenized; searches always read them. */
    public static final long MAX_INDEXED_BYTES = 64L << 20;
    private static final int BATCH_FILES = 8000;
    private static final long BATCH_CHARS = 96L << 20;

    private final ExecutorService workers;

    /** @param workers runs one task per shard; give it at least as many threads as cores */
    public IndexBuilder(ExecutorService workers) {
        this.workers = workers;
    }

    /** What a build did. */
    public record Result(int blobsAdded, int blobsTotal) {
    }

    /**
     * Indexes every file blob of {@code refs} not yet in {@code index}, then merges the index.
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
        List<List<SourceEntry>> perShard = new ArrayList<>();
        for (int i = 0; i < index.shardCount(); i++) {
            perShard.add(new ArrayList<>());
        }
        int todo = 0;
        for (SourceEntry entry : blobs.values()) {
            if (index.doc(entry.blobId()) == null) {
                perShard.get(index.shardOf(entry.blobId())).add(entry);
                todo++;
            }
        }
        monitor.beginTask("Indexing files", todo);
        monitor.checkCancelled();
        AtomicLong done = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Void>> futures = new ArrayList<>();
        for (int i = 0; i < index.shardCount(); i++) {
            int shard = i;
            futures.add(workers.submit(() -> {
                indexShard(source, index, shard, perShard.get(shard), done, stop);
                return null;
            }));
        }
        waitFor(futures, monitor, done, stop);
        monitor.endTask();
        if (todo > 0) {
            monitor.beginTask("Merging the index", index.shardCount());
            List<Future<Void>> merges = new ArrayList<>();
            for (int i = 0; i < index.shardCount(); i++) {
                IndexShard shard = index.shard(i);
                merges.add(workers.submit(() -> {
                    shard.optimize();
                    return null;
                }));
            }
            AtomicLong merged = new AtomicLong();
            waitFor(merges, ProgressMonitor.NONE, merged, new AtomicBoolean());
            monitor.update(index.shardCount());
            monitor.endTask();
        }
        return new Result(todo, blobs.size());
    }

    private static void indexShard(SourceTree source, SearchIndex index, int shardNo, List<SourceEntry> entries,
                                   AtomicLong done, AtomicBoolean stop) throws AirlockException {
        IndexShard shard = index.shard(shardNo);
        List<Object[]> pending = new ArrayList<>();
        long chars = 0;
        try {
            shard.begin();
            for (SourceEntry entry : entries) {
                if (stop.get()) {
                    break;
                }
                int kind;
                byte[] text = null;
                if (entry.size() > MAX_INDEXED_BYTES) {
                    kind = IndexShard.KIND_TOO_LARGE;
                } else {
                    text = indexedText(source.read(entry, MAX_INDEXED_BYTES));
                    kind = text == null ? IndexShard.KIND_BINARY : IndexShard.KIND_TEXT;
                    chars += text == null ? 0 : text.length;
                }
                long id = shard.add(entry.blobId(), kind, text);
                pending.add(new Object[] {entry.blobId(), id, kind});
                if (pending.size() >= BATCH_FILES || chars >= BATCH_CHARS) {
                    commit(index, shard, shardNo, pending);
                    done.addAndGet(pending.size());
                    pending.clear();
                    chars = 0;
                    shard.begin();
                }
            }
            commit(index, shard, shardNo, pending);
            done.addAndGet(pending.size());
        } catch (AirlockException | RuntimeException e) {
            shard.rollbackQuietly();
            stop.set(true);
            throw e;
        }
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

    private static void commit(SearchIndex index, IndexShard shard, int shardNo, List<Object[]> pending)
            throws AirlockException {
        shard.commit();
        // only now are these rows durable and may searches rely on them
        for (Object[] p : pending) {
            index.recorded((String) p[0], shardNo, (Long) p[1], (Integer) p[2]);
        }
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
