package airlock.core.log;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One committed entry of a log: its fields as parsed from {@link #bytes()}, the exact canonical
 * bytes that were hashed, and their entry hash.
 */
public record LogEntry(long seq, String time, String actor, EntryType type, Map<String, Object> data,
                       byte[] prev, byte[] bytes, byte[] hash) {
    public LogEntry {
        data = Collections.unmodifiableMap(new TreeMap<>(nullSafe(data)));
        prev = prev.clone();
        bytes = bytes.clone();
        hash = hash.clone();
    }

    private static Map<String, Object> nullSafe(Map<String, Object> data) {
        return data == null ? Map.of() : data;
    }

    @Override
    public byte[] prev() {
        return prev.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    public String hashHex() {
        return LogHashes.hex(hash);
    }
}
