package airlock.core.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import airlock.core.AirlockException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real small file system as the stick: tmpfs with size=64k (fills up), remounted read-only, and
 * lazily unmounted in the middle of a write (the stick pulled). Needs root to mount; elsewhere the
 * tests are skipped with that reason.
 */
class TmpfsMediaTest {
    @TempDir
    Path dir;
    private Path stick;
    private boolean mounted;

    @BeforeEach
    void mountStick() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "not root: cannot mount a tmpfs stick, media tests skipped");
        stick = Files.createDirectories(dir.resolve("stick"));
        int exit = run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", stick.toString());
        assumeTrue(exit == 0, "mount -t tmpfs failed (no mount permission in this sandbox): media tests skipped");
        mounted = true;
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            run("umount", "-l", stick.toString());
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    private Path goodFolder() throws IOException {
        return Files.createDirectories(dir.resolve("other-stick"));
    }

    @Test
    void fullStickIsRefusedAndAnotherStickWorks() throws Exception {
        byte[] content = new byte[200_000];
        AirlockException e = assertThrows(AirlockException.class, () -> new SafeWriter(WriteHooks.NONE).write(stick, "session-a.log", content));
        assertEquals("media.full", e.code());
        assertFalse(Files.exists(stick.resolve("session-a.log")));
        WrittenFile retry = new SafeWriter(WriteHooks.NONE).write(goodFolder(), "session-a.log", content);
        assertEquals(SafeWriter.sha256(content), retry.sha256());
    }

    @Test
    void stickThatFillsDuringTheWriteLeavesNoFinalFile() throws Exception {
        byte[] content = new byte[30_000];
        // free space is checked up front, so fill the stick from "another writer" after the check
        WriteHooks fillUp = new WriteHooks() {
            @Override
            public void afterChunk(long written, long total) throws IOException {
                if (!Files.exists(stick.resolve("other.bin"))) {
                    Files.write(stick.resolve("other.bin"), new byte[45_000]);
                }
            }
        };
        AirlockException e = assertThrows(AirlockException.class, () -> new SafeWriter(fillUp).write(stick, "session-b.log", content));
        assertEquals("media.write.failed", e.code());
        assertFalse(Files.exists(stick.resolve("session-b.log")));
    }

    @Test
    void readOnlyStickGivesClearError() throws Exception {
        assertEquals(0, run("mount", "-o", "remount,ro", stick.toString()));
        AirlockException e = assertThrows(AirlockException.class,
                () -> new SafeWriter(WriteHooks.NONE).write(stick, "session-c.log", new byte[1000]));
        assertEquals("media.write.failed", e.code());
        assertTrue(e.getMessage().contains("read-only"), e.getMessage());
        assertFalse(Files.exists(stick.resolve("session-c.log")));
        assertEquals(1000, new SafeWriter(WriteHooks.NONE).write(goodFolder(), "session-c.log", new byte[1000]).size());
    }

    @Test
    void stickPulledDuringTheWriteNeverReportsSuccess() throws Exception {
        byte[] content = new byte[48_000];
        WriteHooks pull = new WriteHooks() {
            @Override
            public void afterChunk(long written, long total) throws IOException {
                try {
                    run("umount", "-l", stick.toString());
                    mounted = false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        };
        AirlockException e = assertThrows(AirlockException.class, () -> new SafeWriter(pull).write(stick, "session-d.log", content));
        // the handle still reaches the detached tmpfs, so the write itself succeeds: the folder check refuses it
        assertTrue(e.code().equals("media.folder.changed") || e.code().equals("media.folder.unmounted"), e.code());
        assertTrue(e.getMessage().startsWith("session-d.log was not written: "), e.getMessage());
        assertFalse(Files.exists(stick.resolve("session-d.log")), "no file under the final name");
        WrittenFile retry = new SafeWriter(WriteHooks.NONE).write(goodFolder(), "session-d.log", content);
        assertEquals(SafeWriter.sha256(content), retry.sha256());
    }
}
