package airlock.core.quote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Quote indexes a long-lived process (the keeper) has already read and checked from their files
 * ({@link QuoteIndexFile#read}: checksum, order, key and rules), kept mapped so that the seal
 * screen it serves pays only the check, not the read (issue 18). An index is handed out again only
 * while its file is the one that was read: same file (inode), size and modification time; a file
 * rebuilt (a new file moved into place) or changed since is read and checked again by the caller.
 * At most {@value #MAX} are kept (the most recently used); each holds its paths and a 4 MB bucket
 * table in the heap, its entries in the mapped file.
 */
public final class KeptQuoteIndexes {
    static final int MAX = 4;

    private record Kept(String key, int k, int window, Object fileKey, long size, long modified, QuoteIndex index) {
    }

    /** Guarded by itself: least recently used first. */
    private final LinkedHashMap<Path, Kept> kept = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Kept> eldest) {
            return size() > MAX;
        }
    };

    /**
     * Keeps {@code index}, just read from {@code file} by {@link QuoteIndexFile#read} for {@code key}
     * and {@code rules}. Attributes are taken now: call right after the read (a file replaced in
     * between is then never matched, so it is read again, never trusted unread).
     */
    public void keep(Path file, String key, QuoteRules rules, QuoteIndex index) {
        BasicFileAttributes a = attributes(file);
        if (a == null || !index.fits(rules)) {
            return;
        }
        synchronized (kept) {
            kept.put(file, new Kept(key, rules.k(), rules.window(), a.fileKey(), a.size(), a.lastModifiedTime().toMillis(), index));
        }
    }

    /** The index kept for {@code file}, {@code key} and {@code rules} while the file is still the one read; else empty (and forgotten). */
    public Optional<QuoteIndex> get(Path file, String key, QuoteRules rules) {
        Kept k;
        synchronized (kept) {
            k = kept.get(file);
        }
        if (k == null) {
            return Optional.empty();
        }
        BasicFileAttributes a = attributes(file);
        boolean same = a != null && k.fileKey() != null && k.fileKey().equals(a.fileKey()) && k.size() == a.size()
                && k.modified() == a.lastModifiedTime().toMillis() && k.key().equals(key) && k.k() == rules.k()
                && k.window() == rules.window();
        if (!same) {
            synchronized (kept) {
                kept.remove(file, k);
            }
            return Optional.empty();
        }
        return Optional.of(k.index());
    }

    /**
     * The index in {@code file} for {@code key} and {@code rules}: the kept one while its file is
     * unchanged, else read and checked now and kept when intact. Empty when the file is missing or
     * refused (the caller builds it).
     */
    public Optional<QuoteIndex> readOrKept(Path file, String key, QuoteRules rules, QuoteIndex.FileTexts texts) {
        Optional<QuoteIndex> held = get(file, key, rules);
        if (held.isPresent()) {
            return held;
        }
        BasicFileAttributes before = attributes(file);
        QuoteIndexFile.Read read = QuoteIndexFile.read(file, key, rules, texts);
        if (read.index() == null) {
            return Optional.empty();
        }
        BasicFileAttributes after = attributes(file);
        if (before != null && after != null && before.fileKey() != null && before.fileKey().equals(after.fileKey())
                && before.size() == after.size() && before.lastModifiedTime().equals(after.lastModifiedTime())) {
            keep(file, key, rules, read.index()); // unchanged while it was read: what was checked is what is kept
        }
        return Optional.of(read.index());
    }

    int size() {
        synchronized (kept) {
            return kept.size();
        }
    }

    private static BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }
}
