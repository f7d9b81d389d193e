package airlock.keeper.client;

import airlock.core.AirlockException;
import airlock.core.source.EntryKind;
import airlock.core.source.SourceEntry;
import airlock.core.source.SourceTree;
import airlock.protocol.Answer;
import airlock.protocol.Limits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bundle under review as the workstation sees it through the keeper: the same {@link SourceTree}
 * the views read today, so a view model can be handed this instead of the store's own copy. Every
 * content read goes through the keeper's session: the first read of a file opens it (the keeper
 * records {@code file.opened}), then pages are fetched. The keeper does not send blob ids in file
 * lists, so an entry's {@code blobId} is known only once the file is opened ({@link #blobOf}).
 */
public final class KeeperSourceTree implements SourceTree {
    private final KeeperClient client;
    private final Answer.SessionInfo session;
    private final Map<String, List<SourceEntry>> lists = new HashMap<>();
    private final Map<String, Answer.FileOpened> opened = new HashMap<>();
    /** The commit each listed ref names, as the keeper's listing said (protocol version 5). */
    private final Map<String, String> commits = new HashMap<>();

    public KeeperSourceTree(KeeperClient client, Answer.SessionInfo session) {
        this.client = client;
        this.session = session;
    }

    @Override
    public String label() {
        return session.label();
    }

    @Override
    public List<String> refs() {
        return session.refs();
    }

    @Override
    public String reviewRef() {
        return session.reviewRef();
    }

    /**
     * The commit of a ref, as the keeper's listing of that ref said (the first page is asked for when the ref
     * was not listed yet: names and sizes only, nothing of the code, nothing logged).
     */
    @Override
    public synchronized String commitOf(String ref) throws AirlockException {
        String known = commits.get(ref);
        if (known == null) {
            Answer.Files first = client.files(ref, 0, 1);
            known = first.commit();
            commits.put(ref, known);
        }
        return known;
    }

    @Override
    public synchronized List<SourceEntry> list(String ref) throws AirlockException {
        List<SourceEntry> cached = lists.get(ref);
        if (cached != null) {
            return cached;
        }
        List<SourceEntry> all = null;
        int offset = 0;
        while (true) {
            // version 5 (issue 20): up to 100,000 entries a page in a binary listing frame, not 1,000 as JSON
            Answer.Files page = client.files(ref, offset, Limits.MAX_LISTING_PAGE);
            commits.put(ref, page.commit());
            if (all == null) { // sized once from the first page's total, capped (the total is the keeper's word)
                all = new ArrayList<>(Math.min(Math.max(page.total(), page.files().size()), 4 * Limits.MAX_LISTING_PAGE));
            }
            add(all, page);
            // the page covers offset .. next of the keeper's listing (fewer files when the keeper left out a
            // path longer than the protocol carries): the next page starts at next
            if (page.next() >= page.total() || page.next() <= offset) {
                break;
            }
            offset = page.next();
        }
        List<SourceEntry> list = List.copyOf(all);
        lists.put(ref, list);
        return list;
    }

    /** The entry kind of a listed kind name (the four the listing frame carries; no upper-casing per entry). */
    private static EntryKind kind(String name) {
        return switch (name) {
            case "file" -> EntryKind.FILE;
            case "executable" -> EntryKind.EXECUTABLE;
            case "symlink" -> EntryKind.SYMLINK;
            case "submodule" -> EntryKind.SUBMODULE;
            default -> EntryKind.valueOf(name.toUpperCase(Locale.ROOT));
        };
    }

    /** One page's entries. */
    private static void add(List<SourceEntry> all, Answer.Files page) {
        for (Answer.FileInfo f : page.files()) {
            all.add(new SourceEntry(f.path(), kind(f.kind()), f.size(), ""));
        }
    }

    @Override
    public SourceEntry find(String ref, String path) throws AirlockException {
        for (SourceEntry e : list(ref)) {
            if (e.path().equals(path)) {
                return e;
            }
        }
        return null;
    }

    /** The blob id of a file, once opened. */
    public String blobOf(String ref, String path) {
        Answer.FileOpened f = opened.get(ref + '\0' + path);
        return f == null ? null : f.blob();
    }

    private synchronized Answer.FileOpened open(String ref, String path) throws AirlockException {
        String key = ref + '\0' + path;
        Answer.FileOpened f = opened.get(key);
        if (f == null) {
            f = client.open(ref, path);
            opened.put(key, f);
        }
        return f;
    }

    /** Reads through the keeper; reads {@link #reviewRef()} (a {@link SourceEntry} does not name its ref). */
    @Override
    public byte[] read(SourceEntry entry, long maxBytes) throws AirlockException {
        return readAt(reviewRef(), entry.path(), 0, maxBytes);
    }

    @Override
    public byte[] readRange(SourceEntry entry, long offset, int maxBytes) throws AirlockException {
        if (offset < 0 || maxBytes < 0) {
            throw new IllegalArgumentException("a range needs a non-negative offset and length");
        }
        return readAt(reviewRef(), entry.path(), offset, maxBytes);
    }

    /**
     * Bytes {@code offset .. offset+max} of a file at {@code ref}, opening it first if this session has
     * not: then the open and the first page go in one exchange ({@link KeeperClient#openAndPage}), the
     * keeper still committing {@code file.opened} before it reads the page.
     */
    public byte[] readAt(String ref, String path, long offset, long max) throws AirlockException {
        Answer.FileOpened f;
        Answer.Page first = null;
        synchronized (this) {
            String key = ref + '\0' + path;
            f = opened.get(key);
            if (f == null && max > 0) {
                KeeperClient.OpenedPage both = client.openAndPage(ref, path, offset, (int) Math.min(Limits.MAX_PAGE_BYTES, max));
                f = both.opened();
                first = both.page();
                opened.put(key, f);
            } else if (f == null) {
                f = open(ref, path);
            }
        }
        long stop = max >= f.size() - offset ? f.size() : offset + max; // no overflow for max = Long.MAX_VALUE
        if (first != null && first.length() >= stop - offset) {
            // the whole range in the first page: one copy out of the answer, no reassembly
            byte[] b = first.bytes();
            return b.length == stop - offset ? b : java.util.Arrays.copyOf(b, (int) Math.max(0, stop - offset));
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        long at = offset;
        if (first != null) {
            out.write(first.bytes(), 0, first.length());
            at += first.length();
            if (first.length() == 0) {
                return out.toByteArray();
            }
        }
        while (at < stop) {
            Answer.Page page = client.page(ref, path, at, (int) Math.min(Limits.MAX_PAGE_BYTES, stop - at));
            byte[] b = page.bytes();
            if (b.length == 0) {
                break;
            }
            out.write(b, 0, b.length);
            at += b.length;
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        // the connection belongs to whoever made the client
    }
}
