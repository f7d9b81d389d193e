package airlock.core.bundle;

import java.lang.reflect.Field;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
 * once per object. Objects go to two checker threads in turn, so that with the parser's own
 * inflating the two cores stay busy. Bytes travel to a checker in batches of {@value #BATCH} bytes
 * (each with the positions where objects end and the ids given for them); a few batches in flight
 * bound the memory and make the parser wait when the checkers fall behind.
 */
final class ParallelObjectHasher extends SHA1 implements AutoCloseable {
    static final int BATCH = 1 << 20;
    private static final int IN_FLIGHT = 8;
    private static final int MARKS = 4096;
    /** Tells a checker that no more batches come. */
    private static final Batch LAST = new Batch(0, 0);

    private final MessageDigest ids = platformSha1();
    private final Lane[] lanes;
    /** The lane that receives the current object's bytes; objects go to the lanes in turn. */
    private Lane lane;
    private int next;
    private volatile String failure;
    private final java.util.concurrent.atomic.AtomicLong checked = new java.util.concurrent.atomic.AtomicLong();
    /** Whether bytes were added since the last object boundary. */
    private boolean open;

    /**
     * Two checkers with JGit's collision-detecting SHA-1, each taking every other object: with the
     * parser's own work that keeps both cores busy (one checker alone left the parser waiting).
     */
    ParallelObjectHasher() {
        this(SHA1::newInstance, 2);
    }

    /** One checker with the given collision-detecting SHA-1 (tests). */
    ParallelObjectHasher(SHA1 detecting) {
        this(() -> detecting, 1);
    }

    private ParallelObjectHasher(Supplier<SHA1> detecting, int count) {
        lanes = new Lane[count];
        for (int i = 0; i < count; i++) {
            lanes[i] = new Lane(detecting.get().setDetectCollision(true), "sha1-collision-check-" + (i + 1));
        }
        lane = lanes[0];
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
        Batch batch = lane.room();
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
            Batch batch = lane.room();
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

    /** Ends the current object (its id, or null when it was dropped) and moves to the next lane. */
    private void mark(byte[] id) {
        Batch batch = lane.batch;
        if (batch.marks == MARKS) {
            batch = lane.ship();
        }
        batch.ends[batch.marks] = batch.length;
        batch.ids[batch.marks] = id;
        batch.marks++;
        open = false;
        next = (next + 1) % lanes.length;
        lane = lanes[next];
    }

    /**
     * Waits until every object given an id so far has been checked. Returns null when all of them
     * are free of collision attacks and both digests agree, else what was found (the first problem).
     */
    String finish() throws InterruptedException {
        for (Lane l : lanes) {
            l.put(l.batch);
            l.batch = null;
            l.put(LAST);
        }
        for (Lane l : lanes) {
            l.thread.join();
            if (!l.completed && failure == null) {
                // a checker that died (an Error) checked only part of the objects: never accept that
                fail("the SHA-1 collision check stopped before the end of the pack");
            }
        }
        return failure;
    }

    /** How many objects the checkers compared so far (all of them once {@link #finish()} returned). */
    long checked() {
        return checked.get();
    }

    private synchronized void fail(String problem) {
        if (failure == null) {
            failure = problem;
        }
    }

    @Override
    public void close() {
        for (Lane l : lanes) {
            l.thread.interrupt();
        }
    }

    /** One checker thread, the batches in flight to it and the one being filled for it. */
    private final class Lane {
        final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(IN_FLIGHT + 1);
        final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(IN_FLIGHT);
        final SHA1 detecting;
        final Thread thread;
        Batch batch;
        /** Set by the checker when it has seen the last batch, after every one before it. */
        volatile boolean completed;

        Lane(SHA1 detecting, String name) {
            this.detecting = detecting;
            for (int i = 0; i < IN_FLIGHT; i++) {
                free.add(new Batch(BATCH, MARKS));
            }
            batch = free.remove();
            thread = new Thread(this::check, name);
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> org.slf4j.LoggerFactory.getLogger(ParallelObjectHasher.class)
                    .error("{} stopped; the intake in progress is refused", t.getName(), e));
            thread.start();
        }

        /** The batch to add bytes to, with room for at least one. */
        Batch room() {
            return batch.length == BATCH ? ship() : batch;
        }

        /** Hands the filled batch to the checker and waits for an empty one. */
        Batch ship() {
            put(batch);
            try {
                Batch empty;
                while ((empty = free.poll(1, TimeUnit.SECONDS)) == null) {
                    requireAlive();
                }
                batch = empty;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CheckStopped("interrupted while waiting for the SHA-1 collision check");
            }
            return batch;
        }

        void put(Batch b) {
            try {
                while (!full.offer(b, 1, TimeUnit.SECONDS)) {
                    requireAlive();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CheckStopped("interrupted while waiting for the SHA-1 collision check");
            }
        }

        /** A checker that died (out of memory, say) would leave the parser waiting for ever. */
        private void requireAlive() {
            if (!thread.isAlive()) {
                throw new CheckStopped("the SHA-1 collision check stopped" + (failure == null ? "" : ": " + failure));
            }
        }

        private void check() {
            try {
                for (Batch b = full.take(); b != LAST; b = full.take()) {
                    try {
                        checkBatch(b);
                    } catch (RuntimeException e) {
                        fail("the SHA-1 collision check failed: " + e);
                    }
                    b.length = 0;
                    b.marks = 0;
                    free.put(b);
                }
                completed = true;
            } catch (InterruptedException e) {
                // the parse ended without finish(): nothing it wrote is accepted
                Thread.currentThread().interrupt();
            }
        }

        /** Hashes a batch's bytes, object by object; an object cut at the batch's end continues in the next. */
        private void checkBatch(Batch b) {
            int at = 0;
            for (int i = 0; i < b.marks; i++) {
                detecting.update(b.bytes, at, b.ends[i] - at);
                at = b.ends[i];
                byte[] expected = b.ids[i];
                if (expected != null) {
                    checked.incrementAndGet();
                }
                if (expected != null && failure == null) {
                    HexFormat hex = HexFormat.of();
                    try {
                        byte[] detected = detecting.digest();
                        if (!MessageDigest.isEqual(detected, expected)) {
                            fail("object " + hex.formatHex(expected) + ": the two SHA-1 computations disagree ("
                                    + hex.formatHex(detected) + ")");
                        }
                    } catch (Sha1CollisionException e) {
                        fail("object " + hex.formatHex(expected) + " carries a SHA-1 collision attack");
                    }
                }
                detecting.reset();
            }
            detecting.update(b.bytes, at, b.length - at);
        }
    }

    /** The parse cannot go on because a checker stopped or the wait for it was interrupted. */
    static final class CheckStopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CheckStopped(String message) {
            super(message);
        }
    }

    /** Bytes on their way to a checker, and where objects end in them. */
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
