package airlock.core.search;

import airlock.core.AirlockException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The trigram index of one bundle, kept under the workstation home. Blobs are indexed once
 * whatever refs hold them, spread over a few SQLite shards so that every core can tokenize and
 * write at once (SQLite has one writer per file). The index knows exactly which blobs it holds:
 * anything else is scanned at query time, so a partial index never hides a match.
 */
public final class SearchIndex implements AutoCloseable {
    private final Path dir;
    private final List<IndexShard> shards;
    private final Map<String, Doc> docs = new ConcurrentHashMap<>();

    /** Where a blob lives in the index. */
    record Doc(int shard, long id, int kind) {
    }

    private SearchIndex(Path dir, List<IndexShard> shards) {
        this.dir = dir;
        this.shards = shards;
    }

    /**
     * Opens the index in {@code dir}, creating it with {@code shardsIfNew} shards when there is
     * none (an existing index keeps its shard count, which decides where each blob lives).
     */
    public static SearchIndex open(Path dir, int shardsIfNew) throws AirlockException {
        List<IndexShard> shards = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            int count = 0;
            while (Files.exists(shardFile(dir, count))) {
                count++;
            }
            if (count == 0) {
                count = Math.max(1, shardsIfNew);
            }
            for (int i = 0; i < count; i++) {
                shards.add(IndexShard.open(shardFile(dir, i)));
            }
            SearchIndex index = new SearchIndex(dir, shards);
            for (int i = 0; i < count; i++) {
                for (Map.Entry<String, long[]> e : shards.get(i).docs().entrySet()) {
                    index.docs.put(e.getKey(), new Doc(i, e.getValue()[0], (int) e.getValue()[1]));
                }
            }
            return index;
        } catch (IOException e) {
            shards.forEach(IndexShard::close);
            throw new AirlockException("search.index.open", "Cannot create the search index folder " + dir
                    + ": " + e.getMessage(), e);
        } catch (AirlockException e) {
            shards.forEach(IndexShard::close);
            throw e;
        }
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

    /** Whether {@code dir} holds an index at all. */
    public static boolean exists(Path dir) {
        return Files.exists(shardFile(dir, 0));
    }

    private static Path shardFile(Path dir, int i) {
        return dir.resolve("trigrams-" + i + ".sqlite");
    }

    public Path directory() {
        return dir;
    }

    int shardCount() {
        return shards.size();
    }

    IndexShard shard(int i) {
        return shards.get(i);
    }

    /** The shard a blob belongs to: fixed by its id, so a resumed build finds the same place. */
    int shardOf(String blobId) {
        return Integer.parseInt(blobId.substring(0, 4), 16) % shards.size();
    }

    Doc doc(String blobId) {
        return docs.get(blobId);
    }

    void recorded(String blobId, int shard, long id, int kind) {
        docs.put(blobId, new Doc(shard, id, kind));
    }

    /** The number of blobs recorded so far. */
    public int size() {
        return docs.size();
    }

    /** Which blobs may hold a match of {@code query}, per the index. */
    Candidates candidates(TrigramQuery query) throws AirlockException {
        String fts = query.toFts();
        if (fts == null) {
            return new Candidates(this, null);
        }
        List<Set<Long>> matched = new ArrayList<>();
        for (IndexShard shard : shards) {
            matched.add(shard.match(fts));
        }
        return new Candidates(this, matched);
    }

    /** The answer of the index for one query. */
    static final class Candidates {
        private final SearchIndex index;
        private final List<Set<Long>> matched;

        Candidates(SearchIndex index, List<Set<Long>> matched) {
            this.index = index;
            this.matched = matched;
        }

        /** Whether the trigram query narrowed anything (false: every indexed file is read). */
        boolean narrowed() {
            return matched != null;
        }

        Verdict of(String blobId) {
            Doc doc = index == null ? null : index.doc(blobId);
            if (doc == null) {
                return Verdict.UNINDEXED;
            }
            if (doc.kind() == IndexShard.KIND_BINARY) {
                return Verdict.BINARY;
            }
            if (doc.kind() == IndexShard.KIND_TOO_LARGE || matched == null) {
                return Verdict.READ;
            }
            return matched.get(doc.shard()).contains(doc.id()) ? Verdict.READ : Verdict.NO_MATCH;
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
        shards.forEach(IndexShard::close);
    }
}
