package airlock.core.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.core.progress.ProgressMonitor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.pack.PackWriter;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.MutableObjectId;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.pack.PackConfig;
import org.eclipse.jgit.transport.PackParser;
import org.eclipse.jgit.util.sha1.SHA1;
import org.eclipse.jgit.util.sha1.Sha1CollisionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Object ids from the platform's SHA-1 with JGit's collision-detecting SHA-1 run over the same
 * bytes on a second thread: the ids equal SHA1DC's, a real collision (the first 320 bytes of
 * Google's SHAttered PDFs, which collide on their own) is reported, and an intake whose check
 * finds a collision refuses the bundle.
 */
class ParallelObjectHasherTest {
    private static final PersonIdent WHO = new PersonIdent("Vendor", "vendor@example.org", 1_700_000_000_000L, 0);

    private static byte[] shattered(int n) throws Exception {
        try (InputStream in = ParallelObjectHasherTest.class.getResourceAsStream("shattered-prefix-" + n + ".bin")) {
            return in.readAllBytes();
        }
    }

    @Test
    void theFixtureIsARealCollisionThatSha1dcDetects() throws Exception {
        byte[] one = shattered(1);
        byte[] two = shattered(2);
        assertEquals(320, one.length);
        assertTrue(!java.util.Arrays.equals(one, two));
        java.security.MessageDigest plain = java.security.MessageDigest.getInstance("SHA-1");
        assertEquals(ObjectId.fromRaw(plain.digest(one)), ObjectId.fromRaw(plain.digest(two)), "the two prefixes collide");
        SHA1 dc = SHA1.newInstance().setDetectCollision(true);
        dc.update(one);
        assertThrows(Sha1CollisionException.class, dc::digest);
    }

    @Test
    void idsEqualSha1dcForObjectsOfEverySizeAndDroppedObjectsAreDropped() throws Exception {
        Random random = new Random(7);
        try (ParallelObjectHasher hasher = new ParallelObjectHasher()) {
            // many small objects (more boundaries than a batch holds), then ones spanning batches, then an empty one
            int[] sizes = new int[5012];
            for (int i = 0; i < sizes.length - 1; i++) {
                sizes[i] = i < 5000 ? random.nextInt(300) : random.nextInt(3 * ParallelObjectHasher.BATCH);
            }
            for (int i = 0; i < sizes.length; i++) {
                byte[] data = new byte[sizes[i]];
                random.nextBytes(data);
                hasher.reset();
                hasher.update(Constants.encodedTypeString(Constants.OBJ_BLOB));
                hasher.update((byte) ' ');
                hasher.update(Constants.encodeASCII(data.length));
                hasher.update((byte) 0);
                int half = data.length / 2;
                hasher.update(data, 0, half);
                hasher.update(data, half, data.length - half);
                if (i % 97 == 0) {
                    continue; // the parser dropped this object: reset() comes next without a digest
                }
                MutableObjectId id = new MutableObjectId();
                hasher.digest(id);
                try (ObjectInserter.Formatter f = new ObjectInserter.Formatter()) {
                    assertEquals(f.idFor(Constants.OBJ_BLOB, data), id.toObjectId());
                }
            }
            hasher.reset();
            assertNull(hasher.finish(), "no collision, and both digests agree on every object");
            long given = java.util.stream.IntStream.range(0, sizes.length).filter(i -> i % 97 != 0).count();
            assertEquals(given, hasher.checked(), "every object given an id was checked");
        }
    }

    @Test
    void aCollisionAttackInAnObjectsBytesIsReported() throws Exception {
        try (ParallelObjectHasher hasher = new ParallelObjectHasher()) {
            hasher.reset();
            hasher.update("harmless".getBytes(StandardCharsets.UTF_8));
            hasher.digest();
            hasher.reset();
            hasher.update(shattered(2));
            ObjectId id = hasher.toObjectId();
            hasher.reset();
            hasher.update("after".getBytes(StandardCharsets.UTF_8));
            hasher.digest();
            String problem = hasher.finish();
            assertEquals("object " + id.name() + " carries a SHA-1 collision attack", problem);
        }
    }

    @Test
    void digestsThatDisagreeAreReportedAndDetectionCannotBeTurnedOff() throws Exception {
        SHA1 wrong = new Wrapping(SHA1.newInstance()) {
            @Override
            public byte[] digest() {
                byte[] d = super.digest();
                d[0] ^= 1;
                return d;
            }
        };
        try (ParallelObjectHasher hasher = new ParallelObjectHasher(wrong)) {
            hasher.reset();
            hasher.update(new byte[] {1, 2, 3});
            ObjectId id = hasher.toObjectId();
            String problem = hasher.finish();
            assertTrue(problem.startsWith("object " + id.name() + ": the two SHA-1 computations disagree"), problem);
            assertThrows(UnsupportedOperationException.class, () -> hasher.setDetectCollision(false));
        }
    }

    @Test
    void aCheckerThatDiesNeverPassesThePack() throws Exception {
        SHA1 dying = new Wrapping(SHA1.newInstance()) {
            @Override
            public void update(byte[] in, int offset, int length) {
                throw new StackOverflowError("a checker dying of an Error, as out of memory would");
            }
        };
        try (ParallelObjectHasher hasher = new ParallelObjectHasher(dying)) {
            hasher.reset();
            hasher.update(new byte[] {1, 2, 3});
            hasher.digest();
            assertEquals("the SHA-1 collision check stopped before the end of the pack", hasher.finish());
        }
        try (ParallelObjectHasher hasher = new ParallelObjectHasher(dying)) {
            // more batches than are in flight: the parser is told instead of waiting for ever
            byte[] chunk = new byte[ParallelObjectHasher.BATCH];
            assertThrows(ParallelObjectHasher.CheckStopped.class, () -> {
                for (int i = 0; i < 20; i++) {
                    hasher.update(chunk);
                }
            });
        }
    }

    @Test
    void thisJGitsPackParserTakesTheHasher(@TempDir Path dir) throws Exception {
        try (Repository repo = new FileRepository(dir.resolve("t.git").toFile());
             ParallelObjectHasher hasher = new ParallelObjectHasher()) {
            repo.create(true);
            try (ObjectInserter ins = repo.newObjectInserter()) {
                PackParser parser = ins.newPackParser(new ByteArrayInputStream(new byte[0]));
                assertTrue(ParallelObjectHasher.install(parser, hasher),
                        "JGit's PackParser.objectHasher is gone: intake would run its SHA-1 on one core");
            }
        }
    }

    @Test
    void anIntakeWhoseCheckFindsACollisionIsRefused(@TempDir Path dir) throws Exception {
        String marked = "a blob the check below treats as a collision attack\n";
        ObjectId head;
        byte[] pack;
        try (Repository source = new FileRepository(dir.resolve("source.git").toFile())) {
            source.create(true);
            try (ObjectInserter ins = source.newObjectInserter()) {
                TreeFormatter tree = new TreeFormatter();
                tree.append("a.txt", FileMode.REGULAR_FILE, ins.insert(Constants.OBJ_BLOB, "fine\n".getBytes(StandardCharsets.UTF_8)));
                tree.append("b.txt", FileMode.REGULAR_FILE, ins.insert(Constants.OBJ_BLOB, marked.getBytes(StandardCharsets.UTF_8)));
                CommitBuilder c = new CommitBuilder();
                c.setTreeId(ins.insert(tree));
                c.setAuthor(WHO);
                c.setCommitter(WHO);
                c.setMessage("v1\n");
                head = ins.insert(c);
                ins.flush();
            }
            try (PackWriter writer = new PackWriter(new PackConfig(source), source.newObjectReader())) {
                writer.preparePack(NullProgressMonitor.INSTANCE, Set.of(head), Set.of());
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                writer.writePack(NullProgressMonitor.INSTANCE, NullProgressMonitor.INSTANCE, out);
                pack = out.toByteArray();
            }
        }
        // a detecting SHA-1 that reports an attack in the object holding the marked text
        SHA1 detecting = new Wrapping(SHA1.newInstance()) {
            private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

            @Override
            public void update(byte[] in, int offset, int length) {
                seen.write(in, offset, length);
                super.update(in, offset, length);
            }

            @Override
            public byte[] digest() {
                if (seen.toString(StandardCharsets.UTF_8).contains(marked)) {
                    throw new Sha1CollisionException(ObjectId.zeroId());
                }
                return super.digest();
            }

            @Override
            public SHA1 reset() {
                seen.reset();
                return super.reset();
            }
        };
        Path target = dir.resolve("target.git");
        try (Repository repo = new FileRepository(target.toFile())) {
            repo.create(true);
            AirlockException e = assertThrows(AirlockException.class, () ->
                    new ObjectFetch(IntakeLimits.defaults(), () -> new ParallelObjectHasher(detecting)).fetch(
                            new ByteArrayInputStream(pack), repo, Map.of("refs/heads/main", head.name()), new BlobDigests(),
                            ProgressMonitor.NONE));
            assertEquals(Check.OBJECTS.code(), e.code());
            assertTrue(e.getMessage().contains("carries a SHA-1 collision attack"), e.getMessage());
            assertTrue(repo.exactRef("refs/heads/main") == null, "no ref is recorded for a refused pack");
        }
        try (Repository repo = new FileRepository(dir.resolve("clean.git").toFile())) {
            repo.create(true);
            new ObjectFetch(IntakeLimits.defaults()).fetch(new ByteArrayInputStream(pack), repo,
                    Map.of("refs/heads/main", head.name()), new BlobDigests(), ProgressMonitor.NONE);
            assertEquals(head, repo.exactRef("refs/heads/main").getObjectId(), "the same pack passes the real check");
        }
        assertTrue(Files.exists(target));
    }

    /** A SHA-1 that passes everything to another. */
    private static class Wrapping extends SHA1 {
        private final SHA1 inner;

        Wrapping(SHA1 inner) {
            this.inner = inner;
        }

        @Override public void update(byte b) { update(new byte[] {b}, 0, 1); }
        @Override public void update(byte[] in) { update(in, 0, in.length); }
        @Override public void update(byte[] in, int offset, int length) { inner.update(in, offset, length); }
        @Override public byte[] digest() { return inner.digest(); }
        @Override public ObjectId toObjectId() { return ObjectId.fromRaw(digest()); }
        @Override public void digest(MutableObjectId id) { id.fromRaw(digest()); }
        @Override public SHA1 reset() { inner.reset(); return this; }
        @Override public SHA1 setDetectCollision(boolean detect) { inner.setDetectCollision(detect); return this; }
        @Override public boolean hasCollision() { return inner.hasCollision(); }
    }
}
