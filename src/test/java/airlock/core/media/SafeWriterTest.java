package airlock.core.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesVerifiesAndLeavesNoTemporaryFile() throws Exception {
        WrittenFile file = new SafeWriter(WriteHooks.NONE).write(dir, "session-s1.log", "hello\n".repeat(50_000).getBytes());
        assertEquals(300_000, file.size());
        assertEquals(SafeWriter.sha256(Files.readAllBytes(file.path())), file.sha256());
        try (Stream<Path> listing = Files.list(dir)) {
            assertEquals(1, listing.count());
        }
    }

    @Test
    void neverOverwritesAndRefusesCaseClashes() throws Exception {
        Files.writeString(dir.resolve("SESSION-S1.LOG"), "earlier export");
        AirlockException e = assertThrows(AirlockException.class,
                () -> new SafeWriter(WriteHooks.NONE).write(dir, "session-s1.log", new byte[] {1}));
        assertEquals("media.file.exists", e.code());
        assertEquals("earlier export", Files.readString(dir.resolve("SESSION-S1.LOG")));
    }

    @Test
    void unsafeNamesAreRefusedUpFront() {
        for (String name : new String[] {"con", "aux.log", "a/b", "a:b", "A.log", "..", ".hidden", "x".repeat(80), "a\u202eb", "a b",
                "lpt1.txt", ""}) {
            assertThrows(AirlockException.class, () -> SafeName.check(name), name);
        }
        assertEquals("session-s-1_a", SafeName.stem("Session/S:1_a"));
    }

    @Test
    void failureDuringForceLeavesNothingAndRetryStartsFromScratch() throws Exception {
        WriteHooks failingForce = new WriteHooks() {
            @Override
            public void beforeForce() throws IOException {
                throw new IOException("fsync failed (simulated)");
            }
        };
        AirlockException e = assertThrows(AirlockException.class,
                () -> new SafeWriter(failingForce).write(dir, "report.json", new byte[1000]));
        assertEquals("media.write.failed", e.code());
        assertTrue(e.getMessage().contains("session stays safe"), e.getMessage());
        try (Stream<Path> listing = Files.list(dir)) {
            assertEquals(0, listing.count(), "neither the final name nor a temporary file remains");
        }
        assertEquals(1000, new SafeWriter(WriteHooks.NONE).write(dir, "report.json", new byte[1000]).size());
    }

    @Test
    void missingFolderIsAClearError() {
        AirlockException e = assertThrows(AirlockException.class,
                () -> new SafeWriter(WriteHooks.NONE).write(dir.resolve("gone"), "a.log", new byte[1]));
        assertEquals("media.folder.missing", e.code());
        assertFalse(Files.exists(dir.resolve("gone")));
    }
}
