package airlock.core.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files offered on a stick: links never followed, a few folders deep, limits that say so. */
class MediaFilesTest {
    @TempDir
    Path dir;

    @Test
    void findsTheKeyFilesOnTheStickAndNothingALinkPointsAt() throws IOException {
        Path stick = Files.createDirectories(dir.resolve("ADA"));
        Path outside = Files.createDirectories(dir.resolve("workstation"));
        Files.writeString(outside.resolve("secret.key"), "not on the stick");
        Files.writeString(stick.resolve("supervisor.key"), "k");
        Files.writeString(Files.createDirectories(stick.resolve("keys")).resolve("old.KEY"), "k");
        Files.writeString(stick.resolve("supervisor.pub"), "p");
        Files.createSymbolicLink(stick.resolve("linked.key"), outside.resolve("secret.key"));
        Files.createSymbolicLink(stick.resolve("elsewhere"), outside);
        Path deep = Files.createDirectories(stick.resolve("a/b/c/d"));
        Files.writeString(deep.resolve("too-deep.key"), "k");
        MediaFiles.Found found = MediaFiles.files(stick, MediaFiles.named(".key"));
        assertEquals(List.of(stick.resolve("keys/old.KEY"), stick.resolve("supervisor.key")), found.paths());
        assertTrue(found.complete());
        MediaFiles.Found folders = MediaFiles.folders(stick, p -> true);
        assertTrue(folders.paths().contains(stick) && folders.paths().contains(stick.resolve("keys")), folders.paths().toString());
        assertFalse(folders.paths().contains(stick.resolve("elsewhere")), "a linked folder is not offered");
    }

    @Test
    void aLinkAsTheStickOrAFileIsRefusedAndAFullStickSaysItWasCutShort() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        assertThrows(IOException.class, () -> MediaFiles.files(link, p -> true));
        assertThrows(IOException.class, () -> MediaFiles.files(Files.writeString(dir.resolve("f"), "x"), p -> true));
        for (int i = 0; i < MediaFiles.MAX_FOUND + 5; i++) {
            Files.writeString(real.resolve("k" + i + ".log"), "");
        }
        MediaFiles.Found found = MediaFiles.files(real, MediaFiles.named(".log"));
        assertEquals(MediaFiles.MAX_FOUND, found.paths().size());
        assertFalse(found.complete());
    }

    @Test
    void theDemosSticksAreOfferedAsMediaThemselvesAndNothingElse() throws IOException {
        Path demoStick = Files.createDirectories(dir.resolve("demo-media"));
        Path supervisorStick = Files.createDirectories(dir.resolve("demo-supervisor-stick"));
        Files.createDirectories(dir.resolve("classes"));
        Files.createSymbolicLink(dir.resolve("linked-stick"), demoStick);
        var media = airlock.core.bundle.MediaLocations.folders(List.of(demoStick, supervisorStick, dir.resolve("linked-stick"),
                dir.resolve("absent")));
        assertEquals(List.of(demoStick, supervisorStick), media.list().stream().map(m -> m.root()).toList());
    }
}
