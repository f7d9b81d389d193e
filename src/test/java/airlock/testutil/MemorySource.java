package airlock.testutil;

import airlock.core.AirlockException;
import airlock.core.source.EntryKind;
import airlock.core.source.SourceEntry;
import airlock.core.source.SourceTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A {@link SourceTree} held in memory, for view-model tests. Paths sort in git (byte) order. */
public final class MemorySource implements SourceTree {
    public static final String REF = "refs/tags/v1.0";
    private final Map<String, byte[]> files = new TreeMap<>();
    private boolean closed;
    private AirlockException failure;

    public MemorySource put(String path, String text) {
        files.put(path, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public MemorySource put(String path, byte[] bytes) {
        files.put(path, bytes);
        return this;
    }

    /** Makes every later read fail with {@code e}. */
    public MemorySource failWith(AirlockException e) {
        this.failure = e;
        return this;
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public String label() {
        return "memory / test 1.0";
    }

    @Override
    public List<String> refs() {
        return List.of(REF);
    }

    @Override
    public String reviewRef() {
        return REF;
    }

    @Override
    public String commitOf(String ref) {
        return "0".repeat(40);
    }

    @Override
    public List<SourceEntry> list(String ref) throws AirlockException {
        if (failure != null) {
            throw failure;
        }
        List<SourceEntry> entries = new ArrayList<>();
        files.forEach((path, bytes) -> entries.add(new SourceEntry(path, EntryKind.FILE, bytes.length, "b" + path.hashCode())));
        return entries;
    }

    @Override
    public SourceEntry find(String ref, String path) throws AirlockException {
        return list(ref).stream().filter(e -> e.path().equals(path)).findFirst().orElse(null);
    }

    @Override
    public byte[] read(SourceEntry entry, long maxBytes) throws AirlockException {
        if (failure != null) {
            throw failure;
        }
        byte[] bytes = files.get(entry.path());
        return Arrays.copyOf(bytes, (int) Math.min(maxBytes, bytes.length));
    }

    @Override
    public void close() {
        closed = true;
    }
}
