package airlock.core.bundle;

import airlock.core.crypto.Sha256;
import airlock.core.progress.CancelledException;
import airlock.core.progress.ProgressMonitor;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Copies the git bundle from the medium into staging and computes the SHA-256 of the staged copy,
 * the bytes that will be parsed, in one pass over the page cache: the calling thread copies in
 * {@value #CHUNK}-byte chunks inside the kernel ({@link FileChannel#transferTo}, no copy through
 * the Java heap) while a second thread hashes each chunk of the staged file as soon as it is
 * written. On two cores the check then takes about as long as hashing alone. The copy stops at
 * the size the manifest names; a medium whose file is shorter, or longer once the copy is done, is
 * reported.
 */
final class StagedCopy {
    /** What was copied and its digest; {@code copied} differs from the expected size when the file changed. */
    record Result(long copied, long sizeAfter, byte[] sha256) {
    }

    private static final long CHUNK = 8L << 20;
    private static final long END = -1;
    private static final java.util.concurrent.atomic.AtomicBoolean WARMING = new java.util.concurrent.atomic.AtomicBoolean();

    private StagedCopy() {
    }

    /**
     * Has the JIT compile the SHA-256 code path on a spare core, started before the signature
     * and manifest checks so that the bundle is hashed by compiled code from its first megabyte:
     * a cold JVM otherwise hashes the first tens of megabytes in the interpreter (measured on the
     * 250 MB kernel bundle: 0.33 s cold, 0.23 s once compiled; openssl 0.24 s). Hashes only zeros
     * of its own; nothing waits for it. Once per JVM: compiled code stays.
     */
    static void warmUp() {
        if (!WARMING.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            MessageDigest warm = Sha256.newDigest();
            byte[] zeros = new byte[64 * 1024];
            for (int i = 0; i < 200; i++) {
                warm.update(zeros);
            }
            warm.digest();
        }, "sha256-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    static Result copy(Path source, Path target, long size, ProgressMonitor monitor) throws IOException, CancelledException {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                     StandardOpenOption.READ)) {
            Hasher hasher = new Hasher(out);
            Thread thread = new Thread(hasher, "bundle-hash");
            thread.setDaemon(true);
            thread.start();
            long copied = 0;
            try {
                while (copied < size) {
                    long n = in.transferTo(copied, Math.min(CHUNK, size - copied), out);
                    if (n <= 0) {
                        break;
                    }
                    copied += n;
                    hasher.written(copied);
                    monitor.update(n);
                    monitor.checkCancelled();
                }
                hasher.written(END);
                byte[] digest = hasher.await(thread);
                return new Result(copied, in.size(), digest);
            } finally {
                thread.interrupt();
                joinUninterruptibly(thread);
            }
        }
    }

    /** Hashes the staged file up to each position the copier reports, in order. */
    private static final class Hasher implements Runnable {
        private final FileChannel staged;
        private final BlockingQueue<Long> positions = new ArrayBlockingQueue<>(1024);
        private final MessageDigest digest = Sha256.newDigest();
        private volatile IOException failure;
        private volatile byte[] result;

        Hasher(FileChannel staged) {
            this.staged = staged;
        }

        void written(long position) throws IOException {
            try {
                positions.put(position);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while copying the bundle");
            }
        }

        @Override
        public void run() {
            long hashed = 0;
            try {
                // whole-megabyte updates from a heap array: the SHA-256 intrinsic then runs over many
                // blocks per call (a mapped buffer is fed to the digest 4 KiB at a time)
                byte[] buffer = new byte[1 << 20];
                ByteBuffer wrapped = ByteBuffer.wrap(buffer);
                for (long end = positions.take(); end != END; end = positions.take()) {
                    while (hashed < end) {
                        wrapped.clear().limit((int) Math.min(buffer.length, end - hashed));
                        int n = staged.read(wrapped, hashed);
                        if (n <= 0) {
                            throw new IOException("the staged bundle ends at " + hashed + " bytes, before the " + end
                                    + " copied");
                        }
                        digest.update(buffer, 0, n);
                        hashed += n;
                    }
                }
                result = digest.digest();
            } catch (IOException e) {
                failure = e;
            } catch (InterruptedException e) {
                // the copier stopped (cancelled or failed) and will not wait for a digest
                Thread.currentThread().interrupt();
            }
        }

        byte[] await(Thread thread) throws IOException {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while hashing the bundle");
            }
            if (failure != null) {
                throw new IOException("cannot hash the staged bundle: " + failure.getMessage(), failure);
            }
            if (result == null) {
                throw new IOException("the staged bundle was not hashed to the end");
            }
            return result;
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
