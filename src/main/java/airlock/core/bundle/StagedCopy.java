package airlock.core.bundle;

import airlock.core.crypto.Sha256;
import airlock.core.progress.CancelledException;
import airlock.core.progress.ProgressMonitor;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.MappedByteBuffer;
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
 * written, through a read-only mapping. On two cores the check then takes about as long as
 * hashing alone. The copy stops at the size the manifest names; a medium whose file is shorter,
 * or longer once the copy is done, is reported.
 */
final class StagedCopy {
    /** What was copied and its digest; {@code copied} differs from the expected size when the file changed. */
    record Result(long copied, long sizeAfter, byte[] sha256) {
    }

    private static final long CHUNK = 8L << 20;
    private static final long END = -1;

    private StagedCopy() {
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
                for (long end = positions.take(); end != END; end = positions.take()) {
                    MappedByteBuffer chunk = staged.map(FileChannel.MapMode.READ_ONLY, hashed, end - hashed);
                    digest.update(chunk);
                    hashed = end;
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
