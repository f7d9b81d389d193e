package airlock.core.log;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits an entries file into lines (LF-terminated) without decoding them, with one line of
 * look-ahead. A line longer than the entry limit is reported, not buffered without bound.
 */
final class LineReader {
    /** A line as read: its bytes, whether it ended with LF, whether it was cut at the limit. */
    record Line(byte[] bytes, boolean terminated, boolean tooLong) {
    }

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 20];
    private int pos;
    private int limit;
    private Line peeked;
    private long bytesRead;

    LineReader(InputStream in) {
        this.in = in;
    }

    long bytesRead() {
        return bytesRead;
    }

    Line peek() throws IOException {
        if (peeked == null) {
            peeked = read();
        }
        return peeked;
    }

    Line next() throws IOException {
        Line line = peek();
        peeked = null;
        return line;
    }

    private Line read() throws IOException {
        byte[] acc = null;
        int accLength = 0;
        while (true) {
            if (pos == limit && !fill()) {
                return accLength == 0 && acc == null ? null : new Line(Arrays.copyOf(acc, accLength), false, false);
            }
            int start = pos;
            while (pos < limit && buffer[pos] != '\n') {
                pos++;
            }
            int chunk = pos - start;
            if (accLength + chunk > EntryCodec.MAX_ENTRY_BYTES) {
                return new Line(new byte[0], false, true);
            }
            if (pos < limit) {
                pos++;
                if (acc == null) {
                    return new Line(Arrays.copyOfRange(buffer, start, start + chunk), true, false);
                }
                acc = append(acc, accLength, start, chunk);
                return new Line(Arrays.copyOf(acc, accLength + chunk), true, false);
            }
            acc = append(acc == null ? new byte[0] : acc, accLength, start, chunk);
            accLength += chunk;
        }
    }

    private byte[] append(byte[] acc, int accLength, int start, int chunk) {
        byte[] grown = acc.length >= accLength + chunk ? acc : Arrays.copyOf(acc, Math.max(2 * acc.length, accLength + chunk));
        System.arraycopy(buffer, start, grown, accLength, chunk);
        return grown;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            pos = 0;
            limit = 0;
            return false;
        }
        bytesRead += n;
        pos = 0;
        limit = n;
        return true;
    }
}
