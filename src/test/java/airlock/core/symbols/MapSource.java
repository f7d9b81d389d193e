package airlock.core.symbols;

import airlock.core.source.EntryKind;
import airlock.core.source.SourceEntry;
import airlock.core.source.SourceTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An in-memory source tree with one ref, for index tests. */
class MapSource implements SourceTree {
    private final TreeMap<String, byte[]> files = new TreeMap<>();
    volatile int reads;

    MapSource put(String path, String text) {
        files.put(path, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    MapSource putBytes(String path, byte[] bytes) {
        files.put(path, bytes);
        return this;
    }

    @Override public String label() { return "test"; }
    @Override public List<String> refs() { return List.of("refs/heads/main"); }
    @Override public String reviewRef() { return "refs/heads/main"; }
    @Override public String commitOf(String ref) { return "0123456789abcdef0123456789abcdef01234567"; }

    @Override
    public List<SourceEntry> list(String ref) {
        List<SourceEntry> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            out.add(new SourceEntry(e.getKey(), EntryKind.FILE, e.getValue().length,
                    Integer.toHexString(Arrays.hashCode(e.getValue()))));
        }
        return out;
    }

    @Override
    public SourceEntry find(String ref, String path) {
        byte[] b = files.get(path);
        return b == null ? null : new SourceEntry(path, EntryKind.FILE, b.length, Integer.toHexString(Arrays.hashCode(b)));
    }

    @Override
    public synchronized byte[] read(SourceEntry entry, long maxBytes) {
        reads++;
        byte[] b = files.get(entry.path());
        return Arrays.copyOf(b, (int) Math.min(b.length, maxBytes));
    }

    @Override public void close() { }
}
