package airlock.core.source;

import airlock.core.AirlockException;
import java.util.List;

/**
 * Read-only view of the code under review: the refs a bundle carries and, per ref, its files.
 * Nothing is checked out to disk; content is read from the object store.
 */
public interface SourceTree extends AutoCloseable {

    /** A short human label, e.g. "demo-vendor / airlock 0.1.0". */
    String label();

    /** Every ref this source carries, sorted, e.g. {@code refs/tags/v1.0}. */
    List<String> refs();

    /** The ref the vendor named as under review. */
    String reviewRef();

    /** The commit id (hex) a ref points at. */
    String commitOf(String ref) throws AirlockException;

    /** Every file-like entry at {@code ref}, sorted by path bytes (git order). */
    List<SourceEntry> list(String ref) throws AirlockException;

    /** The entry at {@code path} in {@code ref}, or null when there is none. */
    SourceEntry find(String ref, String path) throws AirlockException;

    /**
     * The content of a blob, at most {@code maxBytes} bytes (a larger blob is cut there; callers
     * compare with {@link SourceEntry#size()} to tell the user). For a symlink this is the target.
     */
    byte[] read(SourceEntry entry, long maxBytes) throws AirlockException;

    /**
     * At most {@code maxBytes} bytes of a blob from byte {@code offset} on (fewer at its end, none past
     * it): a page of a file too large to show whole. This default reads the blob from its start;
     * sources that can skip without holding the bytes before {@code offset} override it.
     */
    default byte[] readRange(SourceEntry entry, long offset, int maxBytes) throws AirlockException {
        if (offset < 0 || maxBytes < 0) {
            throw new IllegalArgumentException("a range needs a non-negative offset and length, not " + offset
                    + " and " + maxBytes);
        }
        byte[] head = read(entry, offset + maxBytes);
        return offset >= head.length ? new byte[0] : java.util.Arrays.copyOfRange(head, (int) offset, head.length);
    }

    @Override
    void close();
}
