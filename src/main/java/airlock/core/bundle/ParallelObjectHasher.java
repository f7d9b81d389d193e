package airlock.core.bundle;

import java.lang.reflect.Field;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.eclipse.jgit.lib.MutableObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.transport.PackParser;
import org.eclipse.jgit.util.sha1.SHA1;
import org.eclipse.jgit.util.sha1.Sha1CollisionException;

/**
 * The object hasher of a pack parse, split over two cores. JGit's parser names every object by
 * the SHA-1 of its bytes, computed with collision detection (SHA1DC, about 230 MB/s in Java on one
 * core: most of an intake). Here the parser's thread takes the id from the platform's SHA-1 (the
 * processor's SHA instructions), and hands the very same bytes to a second thread that runs JGit's
 * collision-detecting SHA-1 over them and compares: {@link #finish()} reports an object whose bytes
 * carry a collision attack, or whose two digests differ (which cannot happen unless one of them is
 * broken). Nothing the parse wrote counts before {@code finish()} says so: the intake refuses the
 * bundle otherwise, and its staging store is deleted with everything in it.
 *
 * <p>The parser calls {@link #reset()}, then {@code update}s, then {@link #digest(MutableObjectId)}
 * once per object. Bytes travel to the checker in batches of {@value #BATCH} bytes (each with the
 * positions where objects end and the ids given for them); a few batches in flight bound the memory
 * and make the parser wait when the checker falls behind.
 */
final class ParallelObjectHasher extends SHA1 implements AutoCloseable {
    static final int BATCH = 1 << 20;
    private static final int IN_FLIGHT = 8;
    private static final int MARKS = 4096;
    /** Tells the checker that no more batches come. */
    private static final Batch LAST = new Batch(0, 0);

    private final MessageDigest ids = platformSha1();
    private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(IN_FLIGHT + 1);
    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(IN_FLIGHT);
    private final Thread checker;
    private final SHA1 detecting;
    private volatile String failure;
    private Batch batch;
    /** Whether bytes were added since the last object boundary. */
    private boolean open;

    /** A checker that uses JGit's collision-detecting SHA-1. */
    ParallelObjectHasher() {
        this(SHA1.newInstance());
    }

    /** With the given collision-detecting SHA-1 (tests). */
    ParallelObjectHasher(SHA1 detecting) {
        this.detecting = detecting.setDetectCollision(true);
        for (int i = 0; i < IN_FLIGHT; i++) {
            free.add(new Batch(BATCH, MARKS));
        }
        batch = take(free);
        checker = new Thread(this::check, "sha1-collision-check");
        checker.setDaemon(true);
        checker.start();
    }

    /**
     * Makes {@code parser} name its objects through {@code hasher}. False when this JGit has no such
     * field (another version): the parser then keeps its own collision-detecting SHA-1, as safe,
     * only slower.
     */
    static boolean install(PackParser parser, ParallelObjectHasher hasher) {
        try {
            Field field = PackParser.class.getDeclaredField("objectHasher");
            if (field.getType() != SHA1.class) {
                return false;
            }
            field.setAccessible(true);
            field.set(parser, hasher);
            return field.get(parser) == hasher;
        } catch (NoSuchFieldException | IllegalAccessException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ParallelObjectHasher.class)
                    .info("JGit's pack parser keeps its own SHA-1 ({}); intake runs on one core", e.toString());
            return false;
        }
    }

    private static MessageDigest platformSha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java platform", e);
        }
    }

    @Override
    public void update(byte b) {
        ids.update(b);
        if (batch.length == BATCH) {
            ship();
        }
        batch.bytes[batch.length++] = b;
        open = true;
    }

    @Override
    public void update(byte[] in) {
        update(in, 0, in.length);
    }

    @Override
    public void update(byte[] in, int offset, int length) {
        ids.update(in, offset, length);
        while (length > 0) {
            if (batch.length == BATCH) {
                ship();
            }
            int n = Math.min(length, BATCH - batch.length);
            System.arraycopy(in, offset, batch.bytes, batch.length, n);
            batch.length += n;
            offset += n;
            length -= n;
        }
        open = true;
    }

    @Override
    public byte[] digest() {
        byte[] id = ids.digest();
        mark(id);
        return id;
    }

    @Override
    public ObjectId toObjectId() {
        return ObjectId.fromRaw(digest());
    }

    @Override
    public void digest(MutableObjectId id) {
        id.fromRaw(digest());
    }

    @Override
    public SHA1 reset() {
        ids.reset();
        if (open) {
            // bytes of an object the parser dropped: the checker drops them too
            mark(null);
        }
        return this;
    }

    /** Collision detection is always on here; it cannot be turned off. */
    @Override
    public SHA1 setDetectCollision(boolean detect) {
        if (!detect) {
            throw new UnsupportedOperationException("intake always detects SHA-1 collisions");
        }
        return this;
    }

    /** Only {@link #finish()} knows; until then no object counts as checked. */
    @Override
    public boolean hasCollision() {
        return failure != null;
    }

    private void mark(byte[] id) {
        if (batch.marks == MARKS) {
            ship();
        }
        batch.ends[batch.marks] = batch.length;
        batch.ids[batch.marks] = id;
        batch.marks++;
        open = false;
    }

    private void ship() {
        put(batch);
        batch = take(free);
    }

    /**
     * Waits until every object given an id so far has been checked. Returns null when all of them
     * are free of collision attacks and both digests agree, else what was found (the first problem).
     */
    String finish() throws InterruptedException {
        put(batch);
        batch = null;
        put(LAST);
        checker.join();
        return failure;
    }

    @Override
    public void close() {
        checker.interrupt();
    }

    private void check() {
        try {
            for (Batch b = full.take(); b != LAST; b = full.take()) {
                try {
                    checkBatch(b);
                } catch (RuntimeException e) {
                    failure = "the SHA-1 collision check failed: " + e;
                }
                b.length = 0;
                b.marks = 0;
                java.util.Arrays.fill(b.ids, null);
                free.put(b);
            }
        } catch (InterruptedException e) {
            // the parse ended without finish(): nothing it wrote is accepted
            Thread.currentThread().interrupt();
        }
    }

    private void checkBatch(Batch b) {
        int at = 0;
        for (int i = 0; i < b.marks; i++) {
            detecting.update(b.bytes, at, b.ends[i] - at);
            at = b.ends[i];
            byte[] expected = b.ids[i];
            if (expected != null && failure == null) {
                HexFormat hex = HexFormat.of();
                try {
                    byte[] detected = detecting.digest();
                    if (!MessageDigest.isEqual(detected, expected)) {
                        failure = "object " + hex.formatHex(expected) + ": the two SHA-1 computations disagree ("
                                + hex.formatHex(detected) + ")";
                    }
                } catch (Sha1CollisionException e) {
                    failure = "object " + hex.formatHex(expected) + " carries a SHA-1 collision attack";
                }
            }
            detecting.reset();
        }
        detecting.update(b.bytes, at, b.length - at);
    }

    private static Batch take(BlockingQueue<Batch> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the SHA-1 collision check", e);
        }
    }

    private void put(Batch b) {
        try {
            full.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the SHA-1 collision check", e);
        }
    }

    /** Bytes on their way to the checker, and where objects end in them. */
    private static final class Batch {
        final byte[] bytes;
        int length;
        final int[] ends;
        final byte[][] ids;
        int marks;

        Batch(int bytes, int marks) {
            this.bytes = new byte[bytes];
            this.ends = new int[marks];
            this.ids = new byte[marks][];
        }
    }
}
