package airlock.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The framing: a 4-byte big-endian unsigned length, then that many payload bytes. A length of 0 or
 * above the reader's limit is refused before any payload byte is read or allocated.
 */
public final class Frames {
    /** Payloads up to this size are written with their length in one array (one write). */
    private static final int SMALL = 64 * 1024;

    private Frames() {
    }

    /** What {@link #read} found: a payload, or a declared length that is refused (payload still unread). */
    public record Frame(byte[] payload, long refusedLength) {
        public boolean refused() {
            return payload == null;
        }
    }

    /**
     * Reads one frame. Returns null at a clean end of stream (before the first length byte); throws
     * {@link EOFException} when the stream ends inside a frame.
     */
    public static Frame read(InputStream in, int max) throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            return null;
        }
        long length = ((long) b0 << 24) | ((long) readByte(in) << 16) | ((long) readByte(in) << 8) | readByte(in);
        if (length == 0 || length > max) {
            return new Frame(null, length);
        }
        // the length is within the limit (checked above): read straight into one array of that size
        byte[] payload = new byte[(int) length];
        int read = in.readNBytes(payload, 0, payload.length);
        if (read != length) {
            throw new EOFException("the stream ended inside a frame (" + read + " of " + length + " bytes)");
        }
        return new Frame(payload, 0);
    }

    /** Skips {@code length} payload bytes of a refused frame; false when the stream ended first. */
    public static boolean skip(InputStream in, long length) throws IOException {
        try {
            in.skipNBytes(length);
            return true;
        } catch (EOFException e) {
            return false;
        }
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the stream ended inside a frame length");
        }
        return b;
    }

    /**
     * Writes one page answer's frame: the length, {@code head} ({@link Codec#pageHead}) and the page's
     * bytes from where the page holds them, so a 1 MB page is not copied into a frame array first.
     * Two writes, one flush; refuses a frame above {@code max}.
     */
    public static void writePage(OutputStream out, byte[] head, Answer.Page page, int max) throws IOException {
        long n = (long) head.length + page.length();
        if (n > max) {
            throw new IOException("a frame payload is 1 to " + max + " bytes, not " + n);
        }
        byte[] first = new byte[4 + head.length];
        first[0] = (byte) (n >>> 24);
        first[1] = (byte) (n >>> 16);
        first[2] = (byte) (n >>> 8);
        first[3] = (byte) n;
        System.arraycopy(head, 0, first, 4, head.length);
        out.write(first);
        page.writeTo(out);
        out.flush();
    }

    /** Writes one frame; refuses a payload above {@code max} (the peer would refuse it). */
    public static void write(OutputStream out, byte[] payload, int max) throws IOException {
        if (payload.length == 0 || payload.length > max) {
            throw new IOException("a frame payload is 1 to " + max + " bytes, not " + payload.length);
        }
        int n = payload.length;
        if (n <= SMALL) {
            byte[] frame = new byte[4 + n];
            frame[0] = (byte) (n >>> 24);
            frame[1] = (byte) (n >>> 16);
            frame[2] = (byte) (n >>> 8);
            frame[3] = (byte) n;
            System.arraycopy(payload, 0, frame, 4, n);
            out.write(frame);
        } else {
            // a large payload (a page) is not copied into a second array: the length, then the payload
            out.write(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
            out.write(payload);
        }
        out.flush();
    }
}
