package airlock.core.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import airlock.core.AirlockException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 case 2 with a real block device: an ext4 image on a loop device is the stick. After the
 * file was written and synced, the test changes its bytes in the image underneath the mounted file
 * system (what a stick whose controller stores other bytes does). A plain re-open still returns the
 * written bytes from the page cache; the writer's O_DIRECT read-back gets the device's bytes and
 * refuses the copy. Needs root (losetup, mkfs.ext4, mount); skipped loudly otherwise.
 */
class LoopDeviceMediaTest {
    @TempDir
    Path dir;
    private Path image;
    private Path stick;
    private String loop;
    private boolean mounted;

    @BeforeEach
    void mountLoopStick() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "NOT ROOT: the loop-device read-back test of issue 15 case 2 is SKIPPED");
        image = dir.resolve("stick.img");
        try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
            file.setLength(16L * 1024 * 1024);
        }
        assumeTrue(run("mkfs.ext4", "-q", "-F", image.toString()).exit == 0, "MKFS FAILED: loop-device test SKIPPED");
        Result attach = run("losetup", "-f", "--show", image.toString());
        assumeTrue(attach.exit == 0, "LOSETUP FAILED (" + attach.output.strip() + "): loop-device test SKIPPED");
        loop = attach.output.strip();
        stick = Files.createDirectories(dir.resolve("stick"));
        Result mount = run("mount", loop, stick.toString());
        assumeTrue(mount.exit == 0, "MOUNT FAILED (" + mount.output.strip() + "): loop-device test SKIPPED");
        mounted = true;
    }

    @AfterEach
    void detach() throws Exception {
        if (mounted) {
            run("umount", stick.toString());
        }
        if (loop != null) {
            run("losetup", "-d", loop);
        }
    }

    @Test
    void bytesChangedOnTheDeviceAfterTheSyncAreCaughtThoughThePageCacheStillHoldsTheGoodOnes() throws Exception {
        byte[] content = new byte[256 * 1024];
        new Random(15).nextBytes(content);
        boolean[] cacheHidTheChange = {false};
        WriteHooks controllerLies = new WriteHooks() {
            @Override
            public void afterSync(Path file) throws IOException {
                long at = find(image, Arrays.copyOf(content, 64));
                if (at < 0) {
                    throw new IOException("the written bytes are not in the image");
                }
                try (RandomAccessFile raw = new RandomAccessFile(image.toFile(), "rw")) {
                    raw.seek(at + 5000);
                    int b = raw.read();
                    raw.seek(at + 5000);
                    raw.write(b ^ 0x01);
                    raw.getFD().sync();
                }
                cacheHidTheChange[0] = Arrays.equals(content, Files.readAllBytes(file));
            }
        };
        AirlockException e;
        try (MediaFolder target = MediaFolder.open(stick)) {
            assertEquals("ext4", target.fileSystem());
            e = assertThrows(AirlockException.class, () -> new SafeWriter(controllerLies).write(target, "session-l.log", content));
        }
        assertTrue(cacheHidTheChange[0], "a plain re-open (the old read-back) still saw the good bytes from the page cache");
        assertEquals("media.readback.mismatch", e.code());
        assertTrue(e.getMessage().contains(ReadBack.DIRECT.description()), e.getMessage());
        assertFalse(Files.exists(stick.resolve("session-l.log")), "the bad copy was removed");

        WrittenFile good = new SafeWriter(WriteHooks.NONE).write(stick, "session-l.log", content);
        assertEquals(ReadBack.DIRECT, good.readBack());
        assertArrayEquals(content, Files.readAllBytes(stick.resolve("session-l.log")));
    }

    private static long find(Path file, byte[] needle) throws IOException {
        byte[] hay = Files.readAllBytes(file);
        outer:
        for (int i = 0; i + needle.length <= hay.length; i += 512) { // file data starts on a block boundary
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private record Result(int exit, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(60, TimeUnit.SECONDS) ? process.exitValue() : -1, output);
    }
}
