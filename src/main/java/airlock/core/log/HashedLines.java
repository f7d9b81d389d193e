package airlock.core.log;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The lines (LF-terminated, not decoded) of an entries file with their entry hashes, read and
 * hashed on a second thread while the verifier checks the chain, the tree and the checkpoints on
 * its own: on two cores the reading and hashing of every entry's bytes then costs almost no wall
 * time. Nothing is allocated per line: the file is read into {@value #BUFFER_BYTES}-byte buffers, a
 * batch is one buffer with the positions and hashes of the whole lines in it, a line cut by the
 * end of a buffer starts the next one, and the reader walks the lines with a cursor
 * ({@link #advance}). At most {@value #QUEUED} batches wait and batches are reused, so memory stays
 * bounded whatever the file's size. A line longer than the entry limit is reported
 * as such and ends the reading; a read error on the second thread is rethrown to the reader, in
 * order, after the lines before it.
 */
final class HashedLines implements AutoCloseable {
    /** A copy of one line, for the rare look-ahead: its bytes, whether it ended with LF, whether it passed the limit. */
    record Line(byte[] bytes, boolean terminated, boolean tooLong) {
    }

    static final int BUFFER_BYTES = 1 << 20;
    private static final int QUEUED = 4;
    /** Batches in use at most: one being filled, one handed on with it, the queued ones, the reader's and its look-ahead. */
    private static final int BATCHES = QUEUED + 5;
    private static final Object END = new Object();
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LFS = 0x0a0a0a0a0a0a0a0aL;

    /**
     * The lines of one buffer, with their hashes side by side in one array. The last line may be
     * unterminated or over the limit; then no batch follows. Batches are reused.
     */
    private static final class Batch {
        final byte[] buffer = new byte[BUFFER_BYTES];
        int count;
        int[] offsets = new int[4096];
        int[] lengths = new int[4096];
        byte[] hashes = new byte[4096 * LogHashes.LENGTH];
        boolean lastCut;
        boolean lastTooLong;

        Batch reset() {
            count = 0;
            lastCut = false;
            lastTooLong = false;
            return this;
        }

        /** Room for one more line; its hash goes to {@code hashes} at {@code count * 32}. */
        void grow() {
            if (count == offsets.length) {
                offsets = Arrays.copyOf(offsets, 2 * count);
                lengths = Arrays.copyOf(lengths, 2 * count);
                hashes = Arrays.copyOf(hashes, 2 * count * LogHashes.LENGTH);
            }
        }

        void add(int offset, int length) {
            grow();
            offsets[count] = offset;
            lengths[count] = length;
            count++;
        }

        boolean terminated(int i) {
            return !(i == count - 1 && (lastCut || lastTooLong));
        }

        boolean tooLong(int i) {
            return i == count - 1 && lastTooLong;
        }
    }

    private final InputStream in;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED);
    private final BlockingQueue<Batch> free = new LinkedBlockingQueue<>();
    private final Thread producer;
    private int allocated;
    private Batch batch;
    private int index = -1;
    private Batch ahead;
    private boolean ended;

    HashedLines(InputStream in) {
        this.in = in;
        producer = new Thread(this::produce, "log-entry-hash");
        producer.setDaemon(true);
        producer.start();
    }

    /** Moves to the next line; false when there is none. The accessors below then describe that line. */
    boolean advance() throws IOException {
        if (batch != null && index + 1 < batch.count) {
            index++;
            return true;
        }
        while (true) {
            Batch next = ahead != null ? ahead : take();
            ahead = null;
            if (batch != null) {
                free.add(batch);
            }
            batch = next;
            index = 0;
            if (batch == null) {
                return false;
            }
            if (batch.count > 0) {
                return true;
            }
        }
    }

    /** The buffer holding the current line; valid until the next {@link #advance}. */
    byte[] buffer() {
        return batch.buffer;
    }

    int offset() {
        return batch.offsets[index];
    }

    int length() {
        return batch.lengths[index];
    }

    /** Whether the current line ended with LF (and was within the limit). */
    boolean terminated() {
        return batch.terminated(index);
    }

    /** Whether the current line is longer than the entry limit (its bytes are then not kept). */
    boolean tooLong() {
        return batch.tooLong(index);
    }

    /** A copy of the current line's bytes, without its LF. */
    byte[] bytes() {
        int offset = offset();
        return Arrays.copyOfRange(batch.buffer, offset, offset + length());
    }

    /** Copies the current line's entry hash, SHA-256(0x00 || bytes), into {@code target}; only for a terminated line. */
    void copyHash(byte[] target) {
        System.arraycopy(batch.hashes, index * LogHashes.LENGTH, target, 0, LogHashes.LENGTH);
    }

    /** A copy of the line after the current one, or null at the end; does not move. */
    Line peek() throws IOException {
        Batch holder = batch;
        int at = index + 1;
        while (holder == null || at >= holder.count) {
            if (ahead == null) {
                ahead = take();
                if (ahead == null) {
                    return null;
                }
            }
            if (holder == ahead) {
                return null;
            }
            holder = ahead;
            at = 0;
        }
        int offset = holder.offsets[at];
        return new Line(Arrays.copyOfRange(holder.buffer, offset, offset + holder.lengths[at]), holder.terminated(at), holder.tooLong(at));
    }

    private Batch take() throws IOException {
        if (ended) {
            return null;
        }
        Object next;
        try {
            next = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the log");
        }
        if (next == END) {
            ended = true;
            return null;
        }
        if (next instanceof IOException e) {
            ended = true;
            throw new IOException(e.getMessage(), e);
        }
        if (next instanceof RuntimeException e) {
            ended = true;
            throw new IllegalStateException("reading the log failed: " + e, e);
        }
        return (Batch) next;
    }

    private void produce() {
        try {
            try {
                readAll();
            } catch (IOException | RuntimeException e) {
                queue.put(e);
                return;
            }
            queue.put(END);
        } catch (InterruptedException e) {
            // close() was called: the verifier has its verdict and wants no more lines
            Thread.currentThread().interrupt();
        }
    }

    private void readAll() throws IOException, InterruptedException {
        LogHashes hashes = new LogHashes();
        Batch current = batch();
        byte[] buffer = current.buffer;
        int start = 0;
        int scanned = 0;
        int end = 0;
        while (true) {
            int lf = indexOfLf(buffer, scanned, end);
            if (lf >= 0) {
                int length = lf - start;
                if (length > EntryCodec.MAX_ENTRY_BYTES) {
                    tooLong(current, start);
                    return;
                }
                current.grow();
                hashes.entryHash(buffer, start, length, current.hashes, current.count * LogHashes.LENGTH);
                current.add(start, length);
                start = lf + 1;
                scanned = start;
                continue;
            }
            scanned = end;
            if (end - start > EntryCodec.MAX_ENTRY_BYTES) {
                tooLong(current, start);
                return;
            }
            if (end == buffer.length) {
                Batch next = batch();
                System.arraycopy(buffer, start, next.buffer, 0, end - start);
                queue.put(current);
                end -= start;
                scanned = end;
                start = 0;
                current = next;
                buffer = current.buffer;
            }
            int n;
            try {
                n = in.read(buffer, end, buffer.length - end);
            } catch (IOException e) {
                queue.put(current); // the whole lines read so far come before the error
                throw e;
            }
            if (n < 0) {
                if (end > start) {
                    current.add(start, end - start);
                    current.lastCut = true;
                }
                queue.put(current);
                return;
            }
            end += n;
        }
    }

    private void tooLong(Batch current, int start) throws InterruptedException {
        current.add(start, 0);
        current.lastTooLong = true;
        queue.put(current);
    }

    private Batch batch() throws InterruptedException {
        Batch batch = free.poll();
        if (batch != null) {
            return batch.reset();
        }
        if (allocated < BATCHES) {
            allocated++;
            return new Batch();
        }
        return free.take().reset();
    }

    /** The index of the first LF in {@code bytes[from, to)}, or -1; eight bytes at a time. */
    static int indexOfLf(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = (long) LONGS.get(bytes, i) ^ LFS;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Stops the second thread and waits for it, so it never reads the stream after this returns. */
    @Override
    public void close() {
        producer.interrupt();
        boolean interrupted = false;
        while (producer.isAlive()) {
            try {
                producer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
