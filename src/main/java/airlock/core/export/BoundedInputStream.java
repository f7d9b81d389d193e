package airlock.core.export;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails once more than a budget of bytes has been read, so a huge file cannot exhaust memory. */
final class BoundedInputStream extends FilterInputStream {
    private long remaining;

    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long limit) {
            super("input exceeds " + limit + " bytes");
        }
    }

    private final long limit;

    BoundedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
        this.remaining = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && --remaining < 0) {
            throw new TooLargeException(limit);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            remaining -= n;
            if (remaining < 0) {
                throw new TooLargeException(limit);
            }
        }
        return n;
    }
}
