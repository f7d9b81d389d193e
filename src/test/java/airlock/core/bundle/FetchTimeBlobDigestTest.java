package airlock.core.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.crypto.Sha256;
import airlock.core.progress.ProgressMonitor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.pack.PackWriter;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.pack.PackConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blob hashes recorded while the pack is parsed (whole and delta-resolved objects alike) give
 * the same tree digest as inflating every blob from the store, on a pack with deltas, a symlink,
 * a submodule entry and a .gitmodules file. (The import tests cover the demo bundle: its manifest
 * digest is computed at creation by inflating, and intake now checks it from recorded hashes.)
 */
class FetchTimeBlobDigestTest {
    private static final PersonIdent WHO = new PersonIdent("Vendor", "vendor@example.org", 1_700_000_000_000L, 0);

    @Test
    void recordedBlobHashesGiveTheSameTreeDigestOnAPackWithDeltas(@TempDir Path dir) throws Exception {
        String base = "line of text that repeats so the second version deltifies against the first\n".repeat(200);
        ObjectId first;
        ObjectId second;
        byte[] pack;
        int deltas;
        try (Repository source = new FileRepository(dir.resolve("source.git").toFile())) {
            source.create(true);
            try (ObjectInserter ins = source.newObjectInserter()) {
                first = commit(ins, tree(ins, base, "target/one"), null);
                second = commit(ins, tree(ins, base + "one more line\n", "target/two"), first);
                ins.flush();
            }
            PackConfig config = new PackConfig(source);
            config.setDeltaCompress(true);
            try (PackWriter writer = new PackWriter(config, source.newObjectReader())) {
                writer.preparePack(NullProgressMonitor.INSTANCE, Set.of(second), Set.of());
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                writer.writePack(NullProgressMonitor.INSTANCE, NullProgressMonitor.INSTANCE, out);
                pack = out.toByteArray();
                deltas = (int) writer.getStatistics().byObjectType(Constants.OBJ_BLOB).getDeltas();
            }
        }
        assertTrue(deltas > 0, "the test pack must hold a delta-compressed blob");

        try (Repository target = new FileRepository(dir.resolve("target.git").toFile())) {
            target.create(true);
            BlobDigests recorded = new BlobDigests();
            new ObjectFetch(IntakeLimits.defaults()).fetch(new ByteArrayInputStream(pack), target,
                    Map.of("refs/heads/main", second.name()), recorded, ProgressMonitor.NONE);
            // blobs: two versions of the file, two symlink targets, .gitmodules
            assertEquals(5, recorded.size());
            ObjectId newFile = blobId(base + "one more line\n");
            BlobDigests.Digest digest = recorded.get(newFile);
            assertNotNull(digest);
            assertArrayEquals(Sha256.digest((base + "one more line\n").getBytes(StandardCharsets.UTF_8)), digest.sha256());
            assertEquals((base + "one more line\n").length(), digest.size());
            for (ObjectId commit : new ObjectId[] {first, second}) {
                TreeDigest.Result inflated = TreeDigest.compute(target, commit, ProgressMonitor.NONE);
                TreeDigest.Result fromFetch = TreeDigest.compute(target, commit, recorded, ProgressMonitor.NONE);
                assertEquals(inflated, fromFetch);
                assertEquals(4, fromFetch.entries());
                assertEquals(3, fromFetch.flags().size(), fromFetch.flags().toString());
            }
        }
    }

    private static ObjectId blobId(String text) {
        try (ObjectInserter.Formatter f = new ObjectInserter.Formatter()) {
            return f.idFor(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static ObjectId tree(ObjectInserter ins, String file, String linkTarget) throws Exception {
        TreeFormatter sub = new TreeFormatter();
        sub.append("file.txt", FileMode.REGULAR_FILE, ins.insert(Constants.OBJ_BLOB, file.getBytes(StandardCharsets.UTF_8)));
        sub.append("link", FileMode.SYMLINK, ins.insert(Constants.OBJ_BLOB, linkTarget.getBytes(StandardCharsets.UTF_8)));
        ObjectId subTree = ins.insert(sub);
        TreeFormatter root = new TreeFormatter();
        root.append(".gitmodules", FileMode.REGULAR_FILE, ins.insert(Constants.OBJ_BLOB,
                "[submodule \"lib\"]\n\tpath = lib\n\turl = https://example.org/lib.git\n".getBytes(StandardCharsets.UTF_8)));
        root.append("dir", FileMode.TREE, subTree);
        root.append("lib", FileMode.GITLINK, ObjectId.fromString("0123456789abcdef0123456789abcdef01234567"));
        return ins.insert(root);
    }

    private static ObjectId commit(ObjectInserter ins, ObjectId tree, ObjectId parent) throws Exception {
        CommitBuilder c = new CommitBuilder();
        c.setTreeId(tree);
        if (parent != null) {
            c.setParentId(parent);
        }
        c.setAuthor(WHO);
        c.setCommitter(WHO);
        c.setMessage("version\n");
        return ins.insert(c);
    }
}
