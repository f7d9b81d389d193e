package airlock.core.text;

import airlock.core.AirlockException;
import airlock.core.progress.ProgressMonitor;
import java.util.ArrayList;
import java.util.List;

/**
 * The pages of one large text file, found as they are needed: each page is cut from the bytes read
 * at the previous page's end, so going to a late line reads the file once up to there and never holds
 * more than a page. Pages found are remembered (a few numbers each), so going back costs one read.
 * Thread-safe: one background task at a time finds pages, others wait.
 */
public final class TextPages {
    /** Reads up to {@code length} bytes of the file from {@code offset}. */
    @FunctionalInterface
    public interface Reader {
        byte[] read(long offset, int length) throws AirlockException;
    }

    private final Reader reader;
    private final long totalBytes;
    private final int pageBytes;
    private final List<TextPage> found = new ArrayList<>();
    /** The last page-sized window read, and where: the page found in it is usually shown next. */
    private byte[] lastRead;
    private long lastReadAt;

    private TextPages(Reader reader, long totalBytes, int pageBytes) throws AirlockException {
        this.reader = reader;
        this.totalBytes = totalBytes;
        this.pageBytes = pageBytes;
        found.add(TextPage.first(read(0), totalBytes, pageBytes));
    }

    /** Reads and cuts the first page. */
    public static TextPages open(Reader reader, long totalBytes, int pageBytes) throws AirlockException {
        return new TextPages(reader, totalBytes, pageBytes);
    }

    public long totalBytes() {
        return totalBytes;
    }

    public synchronized TextPage first() {
        return found.get(0);
    }

    /** Page {@code index} (0-based), or the last page when the file has fewer. */
    public synchronized TextPage page(int index, ProgressMonitor monitor) throws AirlockException {
        while (found.size() <= index && !last().isLast()) {
            findNext(monitor);
        }
        return found.get(Math.min(index, found.size() - 1));
    }

    /** The page that shows {@code line} (1-based), or the last page when the file has fewer lines. */
    public synchronized TextPage pageWithLine(int line, ProgressMonitor monitor) throws AirlockException {
        for (TextPage page : found) {
            if (page.contains(line)) {
                return page;
            }
        }
        while (!last().isLast()) {
            TextPage page = findNext(monitor);
            if (page.contains(line)) {
                return page;
            }
        }
        return last();
    }

    /** Whether the file's last page has been found, so the page count is known. */
    public synchronized boolean allFound() {
        return last().isLast();
    }

    /** The pages found so far. */
    public synchronized int foundCount() {
        return found.size();
    }

    /** The bytes {@code page} shows (from the last bytes read when they hold them: finding a page read them). */
    public byte[] bytes(TextPage page) throws AirlockException {
        synchronized (this) {
            if (lastRead != null && lastReadAt == page.startByte() && lastRead.length >= page.shownBytes()) {
                return java.util.Arrays.copyOf(lastRead, page.shownBytes());
            }
        }
        return reader.read(page.startByte(), page.shownBytes());
    }

    private byte[] read(long offset) throws AirlockException {
        lastRead = reader.read(offset, pageBytes + TextPage.LOOKAHEAD);
        lastReadAt = offset;
        return lastRead;
    }

    private TextPage last() {
        return found.get(found.size() - 1);
    }

    private TextPage findNext(ProgressMonitor monitor) throws AirlockException {
        monitor.checkCancelled();
        TextPage next = last().next(read(last().endByte()), pageBytes);
        found.add(next);
        monitor.update(next.endByte());
        return next;
    }
}
