package airlock.core.search;

import airlock.core.AirlockException;
import airlock.core.source.SourceEntry;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The trigram index of one bundle, kept under the workstation home: a folder of immutable
 * {@link TrigramSegment} files ({@code seg-*.tri}), each written whole by one build worker and
 * renamed into place, so the committed segments are simply the ones present (a half-written
 * {@code .tmp} file is ignored and removed). Blobs are indexed once whatever refs hold them. The
 * index knows exactly which blobs it holds: anything else is scanned at query time, so a partial
 * index never hides a match.
 */
public final class SearchIndex implements AutoCloseable {
    private static final SecureRandom NAMES = new SecureRandom();
    /** Held shared by builds, exclusively by the clean-up at opening (see {@link #buildLock}). */
    static final String LOCK_FILE = "build.lock";

    private final Path dir;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SearchIndex.class);
    private final int parallelism;
    private final List<TrigramSegment> segments = new CopyOnWriteArrayList<>();
    private final Map<String, Doc> docs = new ConcurrentHashMap<>();

    /** Where a blob lives in the index. */
    record Doc(TrigramSegment segment, int id, int kind) {
    }

    private SearchIndex(Path dir, int parallelism) {
        this.dir = dir;
        this.parallelism = parallelism;
    }

    /**
     * Opens the index in {@code dir} (creating the folder when there is none); a build on it uses
     * {@code workers} threads.
     */
    public static SearchIndex open(Path dir, int workers) throws AirlockException {
        SearchIndex index = new SearchIndex(dir, Math.max(1, workers));
        try {
            Files.createDirectories(dir);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "trigrams-*.sqlite*")) {
                for (Path p : old) {
                    // the SQLite index of an earlier Airlock: derived data only, replaced by a build of this format
                    LOG.info("Removing {}: an earlier version's search index; the index is built again", p);
                    Files.delete(p);
                }
            }
            removeUnfinishedSegments(dir);
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, "seg-*" + TrigramSegment.SUFFIX)) {
                found.forEach(files::add);
            }
            files.sort(null);
            for (Path file : files) {
                index.adopt(TrigramSegment.open(file));
            }
            return index;
        } catch (IOException e) {
            throw new AirlockException("search.index.open", "Cannot open the search index folder " + dir
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes the {@code .tmp} files of segments whose writer stopped before the rename (never
     * committed), unless a build holds the folder's lock ({@link #buildLock}): then they may be
     * segments being written right now, by this process or another, and are left alone.
     */
    private static void removeUnfinishedSegments(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                return;
            }
            if (lock == null) {
                return;
            }
            try (lock) {
                try (DirectoryStream<Path> partial = Files.newDirectoryStream(dir, "seg-*.{tri,txt}.tmp")) {
                    for (Path p : partial) {
                        Files.deleteIfExists(p);
                    }
                }
                try (DirectoryStream<Path> segments = Files.newDirectoryStream(dir, "seg-*.tri")) {
                    for (Path p : segments) {
                        if (earlierVersion(p)) {
                            // derived data of an earlier Airlock: its blobs are indexed again
                            LOG.info("Removing {}: an earlier version's search index segment; its files are indexed again", p);
                            Files.delete(p);
                        }
                    }
                }
                try (DirectoryStream<Path> texts = Files.newDirectoryStream(dir, "seg-*" + TrigramSegment.TEXT_SUFFIX)) {
                    for (Path p : texts) {
                        if (!Files.exists(TrigramSegment.segmentOf(p))) {
                            // written before a crash stopped its segment (or its segment was an earlier version's)
                            Files.deleteIfExists(p);
                        }
                    }
                }
            }
        }
    }

    /** Whether {@code segment} is a trigram segment of an earlier format ("AIRTRI" and a lower version). */
    private static boolean earlierVersion(Path segment) throws IOException {
        byte[] head = new byte[TrigramSegment.MAGIC.length];
        try (var in = Files.newInputStream(segment)) {
            if (in.readNBytes(head, 0, head.length) != head.length) {
                return false;
            }
        }
        byte[] magic = TrigramSegment.MAGIC;
        return java.util.Arrays.equals(head, 0, 6, magic, 0, 6) && head[6] == magic[6] && head[7] >= '0' && head[7] < magic[7];
    }

    /**
     * A shared lock on the index folder, held by a build while it writes segments, so that opening
     * the index elsewhere (another window, the command line) does not remove a segment still being
     * written. A second build in this process already holds it through the first: then no new lock is taken.
     */
    java.io.Closeable buildLock() throws AirlockException {
        try {
            FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.lock(0, Long.MAX_VALUE, true);
                return () -> {
                    try (channel) {
                        lock.release();
                    }
                };
            } catch (OverlappingFileLockException e) {
                channel.close();
                return () -> { };
            }
        } catch (IOException e) {
            throw new AirlockException("search.index.write", "Cannot lock the search index folder " + dir + " for a build: "
                    + e.getMessage(), e);
        }
    }

    /** A fresh base name for a segment and its text file ({@code seg-<16 hex digits>}, suffixes added by the writer). */
    static String newSegmentName() {
        return String.format("seg-%016x", NAMES.nextLong());
    }

    /** Makes a committed segment's blobs known to searches. */
    void adopt(TrigramSegment segment) {
        for (int d = 0; d < segment.docCount(); d++) {
            // a blob in two segments (two builds at once) is the same blob: either answer is right
            docs.putIfAbsent(segment.blobId(d), new Doc(segment, d, segment.kind(d)));
        }
        segments.add(segment);
    }

    /**
     * The folder name for the index of {@code source}: a hash of its refs and their commits, so an
     * imported bundle finds its index again, and another bundle (or another release) never shares it.
     */
    public static String keyOf(airlock.core.source.SourceTree source) throws AirlockException {
        StringBuilder refs = new StringBuilder();
        for (String ref : source.refs()) {
            refs.append(ref).append(' ').append(source.commitOf(ref)).append('\n');
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(refs.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "bundle-" + java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Whether {@code dir} holds an index at all (at least one committed segment). */
    public static boolean exists(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, "seg-*.tri")) {
            return found.iterator().hasNext();
        } catch (IOException e) {
            // unreadable folder: opening it reports the error
            return true;
        }
    }

    public Path directory() {
        return dir;
    }

    int parallelism() {
        return parallelism;
    }

    int segmentCount() {
        return segments.size();
    }

    Doc doc(String blobId) {
        return docs.get(blobId);
    }

    /** The listing {@link #docsOf} last resolved, and its records (identity: a source caches its listings). */
    private List<SourceEntry> resolvedListing;
    private Doc[] resolvedDocs;

    /**
     * The index's record of each entry of {@code listing} (null where there is none yet), kept for
     * the same listing object: a query then looks each file up by position instead of hashing 78,000
     * blob ids (issue 20: most of a rare literal's CPU on the kernel). A record, once there, never
     * changes; a null is looked up again by {@link Candidates#of(String, Doc)}.
     */
    synchronized Doc[] docsOf(List<SourceEntry> listing) {
        if (resolvedListing != listing) {
            Doc[] out = new Doc[listing.size()];
            int k = 0;
            for (SourceEntry entry : listing) {
                out[k++] = docs.get(entry.blobId());
            }
            resolvedListing = listing;
            resolvedDocs = out;
        }
        return resolvedDocs;
    }

    /** The number of blobs recorded so far. */
    public int size() {
        return docs.size();
    }

    /**
     * The bytes of text blob {@code blobId} from the index's own copy, or null when the index has
     * none for it (not indexed, binary, too large, or its copy damaged): read the object store then.
     */
    byte[] text(String blobId) {
        Doc doc = docs.get(blobId);
        return doc == null ? null : doc.segment().text(doc.id());
    }

    /** Which blobs may hold a match of {@code query}, per the index. */
    Candidates candidates(TrigramQuery query, boolean folded) throws AirlockException {
        if (query instanceof TrigramQuery.All) {
            return new Candidates(this, null);
        }
        Map<TrigramSegment, BitSet> matched = new IdentityHashMap<>();
        for (TrigramSegment segment : segments) {
            matched.put(segment, eval(query, folded, segment, new HashMap<>()));
        }
        return new Candidates(this, matched);
    }

    private static BitSet eval(TrigramQuery q, boolean folded, TrigramSegment segment, Map<Integer, BitSet> cache)
            throws AirlockException {
        if (q instanceof TrigramQuery.All) {
            BitSet every = new BitSet();
            every.set(0, segment.docCount());
            return every;
        }
        if (q instanceof TrigramQuery.Gram gram) {
            BitSet out = new BitSet();
            for (int[] alternative : ByteTrigrams.alternatives(gram.gram(), folded)) {
                BitSet all = null;
                for (int tri : alternative) {
                    BitSet p = cache.get(tri);
                    if (p == null) {
                        p = segment.postings(tri);
                        cache.put(tri, p);
                    }
                    if (all == null) {
                        all = (BitSet) p.clone();
                    } else {
                        all.and(p);
                    }
                }
                if (all == null) {
                    // fewer than three bytes cannot come of three characters; stay safe anyway
                    all = new BitSet();
                    all.set(0, segment.docCount());
                }
                out.or(all);
            }
            return out;
        }
        boolean and = q instanceof TrigramQuery.And;
        List<TrigramQuery> parts = and ? ((TrigramQuery.And) q).parts() : ((TrigramQuery.Or) q).parts();
        BitSet out = null;
        for (TrigramQuery part : parts) {
            BitSet p = eval(part, folded, segment, cache);
            if (out == null) {
                out = p;
            } else if (and) {
                out.and(p);
            } else {
                out.or(p);
            }
            if (and && out.isEmpty()) {
                break;
            }
        }
        return out == null ? new BitSet() : out;
    }

    /** The answer of the index for one query. */
    static final class Candidates {
        private final SearchIndex index;
        private final Map<TrigramSegment, BitSet> matched;

        Candidates(SearchIndex index, Map<TrigramSegment, BitSet> matched) {
            this.index = index;
            this.matched = matched;
        }

        /** Whether the trigram query narrowed anything (false: every indexed file is read). */
        boolean narrowed() {
            return matched != null;
        }

        Verdict of(String blobId) {
            return of(blobId, null);
        }

        /** As {@link #of(String)}, with the blob's record when the caller already has it. */
        Verdict of(String blobId, Doc known) {
            Doc doc = known != null ? known : index == null ? null : index.doc(blobId);
            if (doc == null) {
                return Verdict.UNINDEXED;
            }
            if (doc.kind() == TrigramSegment.KIND_BINARY) {
                return Verdict.BINARY;
            }
            if (doc.kind() == TrigramSegment.KIND_TOO_LARGE || matched == null) {
                return Verdict.READ;
            }
            BitSet set = matched.get(doc.segment());
            if (set == null) {
                // committed after this query asked the index: not covered by its answer
                return Verdict.UNINDEXED;
            }
            return set.get(doc.id()) ? Verdict.READ : Verdict.NO_MATCH;
        }
    }

    /** What the index says about one blob. */
    enum Verdict {
        /** Indexed and ruled out by its trigrams. */
        NO_MATCH,
        /** A candidate (or indexed but too large for trigrams): read and verify. */
        READ,
        /** Known to be binary: skipped as ripgrep skips it. */
        BINARY,
        /** Not in the index (partial build): read and verify. */
        UNINDEXED
    }

    @Override
    public void close() {
        // segments are read-only mappings, released with the index; their text files are closed
        segments.forEach(TrigramSegment::close);
        segments.clear();
        docs.clear();
        synchronized (this) {
            resolvedListing = null;
            resolvedDocs = null;
        }
    }
}
