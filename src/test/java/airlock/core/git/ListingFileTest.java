package airlock.core.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.source.EntryKind;
import airlock.core.source.SourceEntry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kept listing of a commit (docs/formats/listing.md): round trip, and every damaged form refused. */
class ListingFileTest {
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private static final String BLOB = "89abcdef0123456789abcdef0123456789abcdef";

    private static List<SourceEntry> sample() {
        return List.of(
                new SourceEntry("Makefile", EntryKind.FILE, 12, BLOB),
                new SourceEntry("a\u202eb/\u00e9t\u00e9.c", EntryKind.FILE, 0, BLOB),
                new SourceEntry("a\u202eb/x\uD83D\uDE00", EntryKind.EXECUTABLE, 1L << 40, BLOB.replace('8', '0')),
                new SourceEntry("a\u202eb/x\uD83D\uDE00", EntryKind.FILE, 3, BLOB), // two raw paths decoded alike
                new SourceEntry("lib/link", EntryKind.SYMLINK, 7, BLOB),
                new SourceEntry("lib/sub", EntryKind.SUBMODULE, 0, COMMIT));
    }

    @Test
    void roundTripKeepsEveryEntryAndItsOrder(@TempDir Path dir) throws Exception {
        assertNull(ListingFile.read(dir, COMMIT), "no file yet");
        ListingFile.write(dir, COMMIT, sample());
        assertEquals(sample(), ListingFile.read(dir, COMMIT));
        ListingFile.write(dir, COMMIT, List.of());
        assertEquals(List.of(), ListingFile.read(dir, COMMIT), "rewritten in place");
        try (var left = Files.list(dir)) {
            assertEquals(1, left.count(), "no temporary file left behind");
        }
    }

    @Test
    void aFileOfAnotherCommitIsRefused() {
        byte[] data = ListingFile.encode(COMMIT, sample());
        ListingFile.Damaged e = assertThrows(ListingFile.Damaged.class,
                () -> ListingFile.decode(data, COMMIT.replace('0', 'f')));
        assertTrue(e.getMessage().contains("not"), e.getMessage());
    }

    @Test
    void everyFlippedByteAndEveryCutIsRefused() throws Exception {
        byte[] data = ListingFile.encode(COMMIT, sample());
        for (int i = 0; i < data.length; i++) {
            byte[] bad = data.clone();
            bad[i] ^= 0x01;
            assertThrows(ListingFile.Damaged.class, () -> ListingFile.decode(bad, COMMIT), "byte " + i + " flipped");
        }
        for (int n = 0; n < data.length; n++) {
            byte[] cut = Arrays.copyOf(data, n);
            assertThrows(ListingFile.Damaged.class, () -> ListingFile.decode(cut, COMMIT), "cut at " + n);
        }
        byte[] longer = Arrays.copyOf(data, data.length + 1);
        assertThrows(ListingFile.Damaged.class, () -> ListingFile.decode(longer, COMMIT), "a byte appended");
    }

    /** A body with a correct SHA-256 trailer: what a hostile writer (or a bug) could produce. */
    private static byte[] sealed(byte[] body) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
        byte[] all = Arrays.copyOf(body, body.length + digest.length);
        System.arraycopy(digest, 0, all, body.length, digest.length);
        return all;
    }

    private static ByteArrayOutputStream header(int version, long count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ListingFile.MAGIC);
        out.write(version);
        out.writeBytes(java.util.HexFormat.of().parseHex(COMMIT));
        out.write((int) (count >>> 24));
        out.write((int) (count >>> 16));
        out.write((int) (count >>> 8));
        out.write((int) count);
        return out;
    }

    private static void entry(ByteArrayOutputStream out, int shared, byte[] suffix, int kind, byte[] size) {
        out.write(shared);
        out.write(suffix.length);
        out.writeBytes(suffix);
        out.write(kind);
        out.writeBytes(size);
        out.writeBytes(new byte[20]);
    }

    private static String refusal(byte[] body) throws Exception {
        byte[] data = sealed(body);
        return assertThrows(ListingFile.Damaged.class, () -> ListingFile.decode(data, COMMIT)).getMessage();
    }

    @Test
    void wellSealedButMalformedContentIsRefused() throws Exception {
        ByteArrayOutputStream ok = header(1, 1);
        entry(ok, 0, "a/b".getBytes(StandardCharsets.UTF_8), 0, new byte[] {5});
        assertEquals(List.of(new SourceEntry("a/b", EntryKind.FILE, 5, "0".repeat(40))),
                ListingFile.decode(sealed(ok.toByteArray()), COMMIT), "the hand-made form is valid");

        assertTrue(refusal(header(2, 0).toByteArray()).contains("version 2"));
        ByteArrayOutputStream magic = header(1, 0);
        byte[] wrongMagic = magic.toByteArray();
        wrongMagic[0] = 'X';
        assertTrue(refusal(wrongMagic).contains("magic"));
        assertTrue(refusal(header(1, 0xFFFF_FFFFL).toByteArray()).contains("claims"), "a huge count, unallocated");

        ByteArrayOutputStream kind = header(1, 1);
        entry(kind, 0, "a".getBytes(StandardCharsets.UTF_8), 4, new byte[] {0});
        assertTrue(refusal(kind.toByteArray()).contains("kind 4"));

        ByteArrayOutputStream shared = header(1, 1);
        entry(shared, 3, "a".getBytes(StandardCharsets.UTF_8), 0, new byte[] {0});
        assertTrue(refusal(shared.toByteArray()).contains("shares"));

        ByteArrayOutputStream empty = header(1, 1);
        entry(empty, 0, new byte[0], 0, new byte[] {0});
        assertTrue(refusal(empty.toByteArray()).contains("path of 0"));

        ByteArrayOutputStream utf8 = header(1, 1);
        entry(utf8, 0, new byte[] {'a', (byte) 0xff}, 0, new byte[] {0});
        assertTrue(refusal(utf8.toByteArray()).contains("not UTF-8"));

        ByteArrayOutputStream surrogate = header(1, 1);
        entry(surrogate, 0, new byte[] {'a', (byte) 0xed, (byte) 0xa0, (byte) 0x80}, 0, new byte[] {0});
        assertTrue(refusal(surrogate.toByteArray()).contains("not UTF-8"), "an encoded lone surrogate");

        for (String path : List.of("/a", "a/", "a//b")) {
            ByteArrayOutputStream form = header(1, 1);
            entry(form, 0, path.getBytes(StandardCharsets.UTF_8), 0, new byte[] {0});
            assertTrue(refusal(form.toByteArray()).contains("empty segment"), path);
        }

        ByteArrayOutputStream padded = header(1, 1);
        entry(padded, 0, "a".getBytes(StandardCharsets.UTF_8), 0, new byte[] {(byte) 0x85, 0});
        assertTrue(refusal(padded.toByteArray()).contains("padded"));

        ByteArrayOutputStream tooLong = header(1, 1);
        byte[] ten = new byte[10];
        Arrays.fill(ten, (byte) 0xff);
        entry(tooLong, 0, "a".getBytes(StandardCharsets.UTF_8), 0, ten);
        assertTrue(refusal(tooLong.toByteArray()).contains("63 bits"));

        ByteArrayOutputStream extra = header(1, 1);
        entry(extra, 0, "a".getBytes(StandardCharsets.UTF_8), 0, new byte[] {0});
        extra.write(0);
        assertTrue(refusal(extra.toByteArray()).contains("after the last"));

        ByteArrayOutputStream hugePath = header(1, 2);
        entry(hugePath, 0, "a".getBytes(StandardCharsets.UTF_8), 0, new byte[] {0});
        hugePath.write(1);
        hugePath.writeBytes(new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01}); // a 2 MiB suffix claimed
        hugePath.writeBytes(new byte[40]);
        assertTrue(refusal(hugePath.toByteArray()).contains("path of"));
    }

    /**
     * The decoder checks for non-ASCII bytes only past the shared part when that part was ASCII (issue 20):
     * a shared part ending inside a multi-byte character, or a suffix that breaks one, is still refused, and
     * a shorter path never carries the previous path's tail.
     */
    @Test
    void sharedPartsAreCheckedAsUtf8WithTheirSuffix() throws Exception {
        byte[] eAcute = {(byte) 0xc3, (byte) 0xa9, 'x'}; // "éx"
        ByteArrayOutputStream half = header(1, 2);
        entry(half, 0, eAcute, 0, new byte[] {0});
        entry(half, 1, new byte[] {'('}, 0, new byte[] {0}); // the first byte of "é", then a byte that cannot follow it
        assertTrue(refusal(half.toByteArray()).contains("entry 1 has a path that is not UTF-8"));
        ByteArrayOutputStream lone = header(1, 2);
        entry(lone, 0, eAcute, 0, new byte[] {0});
        entry(lone, 2, new byte[] {(byte) 0x80}, 0, new byte[] {0});
        assertTrue(refusal(lone.toByteArray()).contains("entry 1 has a path that is not UTF-8"));
        ByteArrayOutputStream cut = header(1, 2);
        entry(cut, 0, new byte[] {'a'}, 0, new byte[] {0});
        entry(cut, 1, new byte[] {(byte) 0xe2, (byte) 0x82}, 0, new byte[] {0});
        assertTrue(refusal(cut.toByteArray()).contains("entry 1 has a path that is not UTF-8"));

        ByteArrayOutputStream mixed = header(1, 4);
        entry(mixed, 0, "abcde".getBytes(StandardCharsets.UTF_8), 0, new byte[] {1});
        entry(mixed, 2, "\u20ac".getBytes(StandardCharsets.UTF_8), 0, new byte[] {2});
        entry(mixed, 1, "z".getBytes(StandardCharsets.UTF_8), 0, new byte[] {3});
        entry(mixed, 0, "\u00e9".getBytes(StandardCharsets.UTF_8), 0, new byte[] {4});
        List<String> paths = ListingFile.decode(sealed(mixed.toByteArray()), COMMIT).stream().map(SourceEntry::path).toList();
        assertEquals(List.of("abcde", "ab\u20ac", "az", "\u00e9"), paths);
    }

    @Test
    void aFileTooLargeIsRefusedUnread(@TempDir Path dir) throws Exception {
        Path file = ListingFile.fileFor(dir, COMMIT);
        try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.SPARSE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[1]), ListingFile.MAX_FILE);
        }
        assertTrue(assertThrows(ListingFile.Damaged.class, () -> ListingFile.read(dir, COMMIT)).getMessage()
                .contains("more than a listing may be"));
        assertThrows(IllegalArgumentException.class, () -> ListingFile.fileFor(dir, "../" + COMMIT.substring(3)));
    }

    @Test
    void gitSourceWritesTheListingOnceReadsItAfterAndRebuildsADamagedOne(@TempDir Path dir) throws Exception {
        IsolatedGit.install();
        Path work = dir.resolve("work");
        Files.createDirectories(work.resolve("src/deep/er"));
        Files.writeString(work.resolve("README"), "hello\n");
        Files.writeString(work.resolve("src/a.c"), "int a;\n");
        Files.writeString(work.resolve("src/deep/er/b\u00e9.h"), "#define B 1\n");
        Files.writeString(work.resolve("src-x.c"), "");
        Path listings = dir.resolve("listing");
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("Test", "test@example.org", 0L, 0);
            git.commit().setMessage("c").setAuthor(who).setCommitter(who).setSign(false).call();
            String ref = "refs/heads/main";
            GitSource plain = GitSource.ofAllRefs(git.getRepository(), "t", ref);
            List<SourceEntry> walked = plain.list(ref);
            assertEquals(4, walked.size());
            String commit = plain.commitOf(ref);
            java.util.Map<String, String> refs = java.util.Map.of(ref, commit);

            GitSource first = new GitSource(git.getRepository(), "t", refs, ref, listings);
            assertEquals(walked, first.list(ref));
            assertEquals("walked", first.listingNote(ref));
            assertEquals(walked, ListingFile.read(listings, commit), "written as walked");

            GitSource second = new GitSource(git.getRepository(), "t", refs, ref, listings);
            assertEquals(walked, second.list(ref));
            assertEquals("read", second.listingNote(ref));

            Path file = ListingFile.fileFor(listings, commit);
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length / 2] ^= 0x40;
            Files.write(file, bytes);
            GitSource third = new GitSource(git.getRepository(), "t", refs, ref, listings);
            assertEquals(walked, third.list(ref), "a damaged file is not used");
            assertTrue(third.listingNote(ref).startsWith("rebuilt: its SHA-256"), third.listingNote(ref));
            assertEquals(walked, ListingFile.read(listings, commit), "and is rewritten");

            // another commit's file put in its place: refused by the commit it names, rebuilt
            Files.write(file, ListingFile.encode(COMMIT, List.of(new SourceEntry("evil", EntryKind.FILE, 1, BLOB))));
            GitSource fourth = new GitSource(git.getRepository(), "t", refs, ref, listings);
            assertEquals(walked, fourth.list(ref));
            assertTrue(fourth.listingNote(ref).contains("lists commit " + COMMIT), fourth.listingNote(ref));

            // a folder that cannot be written: the walk is still answered, the note says why nothing was kept
            Path blocked = dir.resolve("blocked");
            Files.writeString(blocked, "a file where the folder should be");
            GitSource fifth = new GitSource(git.getRepository(), "t", refs, ref, blocked);
            assertEquals(walked, fifth.list(ref));
            assertTrue(fifth.listingNote(ref).contains("not kept"), fifth.listingNote(ref));
        }
    }

    @Test
    void aLargeListingRoundTrips() throws Exception {
        List<SourceEntry> many = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            many.add(new SourceEntry("copy-" + (i % 4) + "/drivers/net/d" + (i / 4) + "/f" + i + ".c", EntryKind.FILE,
                    i * 31L, String.format("%040x", i)));
        }
        assertEquals(many, ListingFile.decode(ListingFile.encode(COMMIT, many), COMMIT));
    }
}
