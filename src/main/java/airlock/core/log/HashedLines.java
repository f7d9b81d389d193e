package airlock.core.log;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The lines of an entries file with their entry hashes, read and hashed on a second thread while
 * the verifier checks the chain, the tree and the checkpoints on its own: on two cores the
 * reading and hashing of every entry's bytes then costs almost no wall time. Lines travel in
 * batches of at most {@value #BATCH_LINES} lines or {@value #BATCH_BYTES} bytes, and at most
 * {@value #QUEUED} batches wait, so memory stays bounded whatever the file's size. A read error
 * on the second thread is rethrown to the reader, in order, after the lines before it.
 */
final class HashedLines implements AutoCloseable {
    /** A line as read, and its entry hash when it is a complete line within the entry limit. */
    record Item(LineReader.Line line, byte[] hash) {
    }

    private static final int BATCH_LINES = 2048;
    private static final int BATCH_BYTES = 4 << 20;
    private static final int QUEUED = 4;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread producer;
    private List<Item> batch = List.of();
    private int index;
    private boolean ended;
    private Item peeked;

    HashedLines(InputStream in) {
        LineReader reader = new LineReader(in);
        producer = new Thread(() -> produce(reader), "log-entry-hash");
        producer.setDaemon(true);
        producer.start();
    }

    Item peek() throws IOException {
        if (peeked == null) {
            peeked = take();
        }
        return peeked;
    }

    Item next() throws IOException {
        Item item = peek();
        peeked = null;
        return item;
    }

    private Item take() throws IOException {
        while (index == batch.size()) {
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
            @SuppressWarnings("unchecked")
            List<Item> items = (List<Item>) next;
            batch = items;
            index = 0;
        }
        return batch.get(index++);
    }

    private void produce(LineReader reader) {
        LogHashes hashes = new LogHashes();
        try {
            List<Item> items = new ArrayList<>();
            long bytes = 0;
            LineReader.Line line;
            try {
                while ((line = reader.next()) != null) {
                    boolean whole = line.terminated() && !line.tooLong();
                    items.add(new Item(line, whole ? hashes.entryHash(line.bytes()) : null));
                    bytes += line.bytes().length;
                    if (items.size() >= BATCH_LINES || bytes >= BATCH_BYTES) {
                        queue.put(items);
                        items = new ArrayList<>();
                        bytes = 0;
                    }
                }
            } catch (IOException | RuntimeException e) {
                queue.put(items);
                queue.put(e);
                return;
            }
            queue.put(items);
            queue.put(END);
        } catch (InterruptedException e) {
            // close() was called: the verifier has its verdict and wants no more lines
            Thread.currentThread().interrupt();
        }
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
