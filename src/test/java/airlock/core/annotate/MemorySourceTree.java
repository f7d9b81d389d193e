package airlock.core.annotate;

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

/** A source in memory for tests: ref → path → text; blob ids are content hashes. */
public final class MemorySourceTree implements SourceTree {
    private final Map<String, Map<String, String>> refs = new TreeMap<>();
    private final Map<String, List<SourceEntry>> entries = new TreeMap<>();
    private final Map<String, String> blobs = new java.util.HashMap<>();

    public MemorySourceTree put(String ref, String path, String text) {
        refs.computeIfAbsent(ref, r -> new TreeMap<>()).put(path, text);
        blobs.put(blobId(text), text);
        entries.put(ref, refs.get(ref).entrySet().stream()
                .map(e -> new SourceEntry(e.getKey(), EntryKind.FILE, e.getValue().getBytes(StandardCharsets.UTF_8).length, blobId(e.getValue())))
                .toList());
        return this;
    }

    public static String blobId(String text) {
        return Fingerprints.sha256(text).substring(0, 40);
    }

    @Override
    public String label() {
        return "memory";
    }

    @Override
    public List<String> refs() {
        return new ArrayList<>(refs.keySet());
    }

    @Override
    public String reviewRef() {
        return refs.keySet().iterator().next();
    }

    @Override
    public String commitOf(String ref) throws AirlockException {
        if (!refs.containsKey(ref)) {
            throw new AirlockException("source.ref.unknown", "no ref " + ref);
        }
        return Fingerprints.sha256(ref).substring(0, 40);
    }

    @Override
    public List<SourceEntry> list(String ref) {
        return entries.getOrDefault(ref, List.of());
    }

    @Override
    public SourceEntry find(String ref, String path) {
        return list(ref).stream().filter(e -> e.path().equals(path)).findFirst().orElse(null);
    }

    @Override
    public byte[] read(SourceEntry entry, long maxBytes) throws AirlockException {
        String text = blobs.get(entry.blobId());
        if (text != null) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            return Arrays.copyOf(bytes, (int) Math.min(bytes.length, maxBytes));
        }
        throw new AirlockException("source.blob.missing", "no blob " + entry.blobId());
    }

    @Override
    public void close() {
    }
}
