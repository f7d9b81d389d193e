package airlock.core.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folder a media export writes to is held by its handle and checked before each file and
 * before success (issue 15 case 1), and files are read back past the page cache where the file
 * system allows (case 2). These run without root: a device change is simulated by moving the
 * folder away and putting another at its path, and a vanished mount by the injected mount table.
 */
class MediaFolderTest {
    @TempDir
    Path dir;

    private static List<String> names(Path folder) throws IOException {
        try (var listing = Files.list(folder)) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aSymbolicLinkAsTheTargetFolderIsRefused() throws Exception {
        Path real = Files.createDirectories(dir.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(dir.resolve("stick"), real);
        AirlockException e = assertThrows(AirlockException.class, () -> MediaFolder.open(link));
        assertEquals("media.folder.symlink", e.code());
        AirlockException viaWriter = assertThrows(AirlockException.class,
                () -> new SafeWriter(WriteHooks.NONE).write(link, "a.log", new byte[] {1}));
        assertEquals("media.folder.symlink", viaWriter.code());
        assertEquals(List.of(), names(real));
    }

    @Test
    void aFileInsteadOfAFolderIsRefusedByName() throws Exception {
        Path file = Files.writeString(dir.resolve("stick"), "not a folder");
        AirlockException e = assertThrows(AirlockException.class, () -> MediaFolder.open(file));
        assertEquals("media.folder.missing", e.code());
        assertTrue(e.getMessage().endsWith(" is not a folder"), e.getMessage());
    }

    @Test
    void aFolderReplacedBetweenTwoFilesStopsTheExportAndTheFirstFileIsRemovedThroughTheHandle() throws Exception {
        Path stick = Files.createDirectories(dir.resolve("stick"));
        Path moved = dir.resolve("stick-gone");
        SafeWriter writer = new SafeWriter(WriteHooks.NONE);
        try (MediaFolder target = MediaFolder.open(stick)) {
            writer.write(target, "one.log", new byte[] {1, 2, 3});
            Files.move(stick, moved);
            Files.createDirectories(stick);
            AirlockException e = assertThrows(AirlockException.class, () -> writer.write(target, "two.seal", new byte[] {4}));
            assertEquals("media.folder.changed", e.code());
            assertTrue(e.getMessage().startsWith("two.seal was not written: " + stick.toAbsolutePath()), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
            target.remove("one.log");
        }
        assertEquals(List.of(), names(stick), "nothing went to the folder now at the path");
        assertEquals(List.of(), names(moved), "the handle reached the folder it opened");
    }

    @Test
    void aFolderReplacedWhileAFileIsWrittenIsNotReportedAsWritten() throws Exception {
        Path stick = Files.createDirectories(dir.resolve("stick"));
        Path moved = dir.resolve("stick-gone");
        WriteHooks swapAfterSync = new WriteHooks() {
            @Override
            public void beforeMove() throws IOException {
                Files.move(stick, moved);
                Files.createDirectories(stick);
            }
        };
        AirlockException e = assertThrows(AirlockException.class,
                () -> new SafeWriter(swapAfterSync).write(stick, "one.log", new byte[5000]));
        assertEquals("media.folder.changed", e.code());
        assertEquals(List.of(), names(stick));
        assertEquals(List.of(), names(moved), "the unconfirmed file was removed, no .part left");
    }

    @Test
    void aMountThatVanishesOrIsReplacedIsRefused() throws Exception {
        Path stick = Files.createDirectories(dir.resolve("stick"));
        String point = stick.toRealPath().toString();
        AtomicReference<String> table = new AtomicReference<>(
                "26 1 254:0 / / rw,relatime - ext4 /dev/vda rw\n" + "90 26 8:17 / " + point + " rw - vfat /dev/sdb1 rw\n");
        try (MediaFolder target = MediaFolder.open(stick, table::get)) {
            assertEquals("vfat", target.fileSystem());
            target.confirm("a.log");
            table.set("26 1 254:0 / / rw,relatime - ext4 /dev/vda rw\n");
            AirlockException gone = assertThrows(AirlockException.class, () -> target.confirm("b.log"));
            assertEquals("media.folder.unmounted", gone.code());
            assertTrue(gone.getMessage().startsWith("b.log was not written: " + point + " (vfat, device 8:17) is no longer mounted"),
                    gone.getMessage());
            table.set("26 1 254:0 / / rw,relatime - ext4 /dev/vda rw\n" + "91 26 8:17 / " + point + " rw - vfat /dev/sdb1 rw\n");
            assertEquals("media.folder.unmounted", assertThrows(AirlockException.class, () -> target.confirm("c.log")).code(),
                    "mounted again (another mount id) is not the mount the export began on");
            table.set("garbage");
            assertEquals("media.folder.unmounted", assertThrows(AirlockException.class, () -> target.confirm(null)).code());
        }
        AtomicReference<String> unreadable = new AtomicReference<>("26 1 254:0 / / rw - ext4 /dev/vda rw\n");
        try (MediaFolder target = MediaFolder.open(stick, () -> {
            if (unreadable.get() == null) {
                throw new IOException("no /proc");
            }
            return unreadable.get();
        })) {
            unreadable.set(null);
            AirlockException e = assertThrows(AirlockException.class, () -> target.confirm("d.log"));
            assertEquals("media.folder.unmounted", e.code());
            assertTrue(e.getMessage().contains("the mount table cannot be read"), e.getMessage());
        }
    }

    @Test
    void theMountTableParserTakesHostileLinesCalmly() {
        String text = "36 35 98:0 /mnt1 /mnt/with\\040space rw,noatime master:1 - ext3 /dev/root rw,errors=continue\n"
                + "\n" + "x y z\n" + "37 35 98:1 / /a rw - \n" + "abc 35 98:1 / /b rw shared:1 - ext4 /dev/x rw\n"
                + "38 35 98:2 / /c\\ rw - ext4 /dev/y rw\n" + "39 35 98:3 / /d\\1 rw - ext4 /dev/y rw\n"
                + "40 35 8:1 / /media/stick rw - vfat /dev/sdb1 rw\n" + "41 35 8:2 / /media/stick rw - exfat /dev/sdb2 rw\n";
        List<MountTable.Mount> mounts = MountTable.parse(text);
        assertEquals(new MountTable.Mount(36, "98:0", "/mnt/with space", "ext3"), mounts.get(0));
        assertEquals(List.of(36L, 38L, 39L, 40L, 41L), mounts.stream().map(MountTable.Mount::id).toList());
        assertEquals("/c\\", mounts.get(1).mountPoint());
        assertEquals("/d\\1", mounts.get(2).mountPoint());
        assertEquals(41, MountTable.holding(mounts, Path.of("/media/stick/export")).id(), "the mount on top holds the folder");
        assertNull(MountTable.holding(mounts, Path.of("/media/other")));
        assertNull(MountTable.holding(mounts, Path.of("/media/sticky")), "a prefix of the name is not an ancestor");
        assertEquals(List.of(), MountTable.parse(""));
    }

    @Test
    void deviceNumbersAreWrittenAsTheKernelWritesThem() {
        assertEquals("8:17", MountTable.device(makedev(8, 17)));
        assertEquals("254:0", MountTable.device(makedev(254, 0)));
        assertEquals("259:1048577", MountTable.device(makedev(259, 1048577)));
        assertEquals("4096:300", MountTable.device(makedev(4096, 300)));
    }

    /** glibc's makedev. */
    private static long makedev(long major, long minor) {
        return (minor & 0xffL) | ((major & 0xfffL) << 8) | ((minor & ~0xffL) << 12) | ((major & ~0xfffL) << 32);
    }

    @Test
    void theReadBackSaysHowItWasDoneAndOnADiskItBypassesTheCache() throws Exception {
        Path stick = Files.createDirectories(dir.resolve("stick"));
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(7).nextBytes(content);
        try (MediaFolder target = MediaFolder.open(stick)) {
            WrittenFile written = new SafeWriter(WriteHooks.NONE).write(target, "big.log", content);
            assertArrayEquals(content, target.readAll("big.log"));
            switch (target.fileSystem()) {
                case "tmpfs", "ramfs" -> assertEquals(ReadBack.MEMORY, written.readBack());
                case "ext4", "xfs", "btrfs", "vfat", "exfat" -> assertEquals(ReadBack.DIRECT, written.readBack(),
                        "a disk file system takes O_DIRECT reads");
                default -> assertTrue(written.readBack() == ReadBack.DIRECT || written.readBack() == ReadBack.CACHED);
            }
            WrittenFile empty = new SafeWriter(WriteHooks.NONE).write(target, "empty.log", new byte[0]);
            assertEquals(SafeWriter.sha256(new byte[0]), empty.sha256());
        }
    }

    @Test
    void bytesChangedBelowTheWriterAfterTheSyncAreCaughtAndTheCopyRemoved() throws Exception {
        Path stick = Files.createDirectories(dir.resolve("stick"));
        WriteHooks badStick = new WriteHooks() {
            @Override
            public void afterSync(Path file) throws IOException {
                byte[] bytes = Files.readAllBytes(file);
                bytes[10] ^= 0x40;
                Files.write(file, bytes);
            }
        };
        AirlockException e = assertThrows(AirlockException.class,
                () -> new SafeWriter(badStick).write(stick, "session-x.log", "a log line\n".repeat(100).getBytes()));
        assertEquals("media.readback.mismatch", e.code());
        assertTrue(e.getMessage().contains("session-x.log") && e.getMessage().contains("read back"), e.getMessage());
        assertEquals(List.of(), names(stick));
    }
}
