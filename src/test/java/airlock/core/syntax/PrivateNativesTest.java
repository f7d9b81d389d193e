package airlock.core.syntax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

class PrivateNativesTest {
    private static final String CORE = "/lib/" + TreeSitterHighlighter.platformName("tree-sitter");

    @Test
    void extractedFilesAreOwnerOnlyAndHoldTheJarsBytes() throws IOException {
        Path folder = PrivateNatives.newFolder();
        try {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
            Path lib = PrivateNatives.subFolder(folder, "lib");
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(lib)));
            Path file = PrivateNatives.extract(TreeSitterHighlighter.class, CORE, lib, "core.so");
            assertTrue(file.isAbsolute());
            assertEquals("r--------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            try (InputStream in = TreeSitterHighlighter.class.getResourceAsStream(CORE)) {
                assertArrayEquals(in.readAllBytes(), Files.readAllBytes(file));
            }
        } finally {
            PrivateNatives.deleteFolder(folder);
        }
        assertFalse(Files.exists(folder), "deleteFolder removes the folder and its files");
    }

    @Test
    void aFileAlreadyThereIsNeverReused(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("core.so"), "planted");
        assertThrows(FileAlreadyExistsException.class,
                () -> PrivateNatives.extract(TreeSitterHighlighter.class, CORE, dir, "core.so"));
        assertEquals("planted", Files.readString(dir.resolve("core.so")));
    }

    @Test
    void aLinkPlantedAtTheTargetIsNotFollowed(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path elsewhere = Files.writeString(dir.resolve("elsewhere"), "x");
        Files.createSymbolicLink(dir.resolve("core.so"), elsewhere);
        assertThrows(IOException.class, () -> PrivateNatives.extract(TreeSitterHighlighter.class, CORE, dir, "core.so"));
        assertEquals("x", Files.readString(elsewhere));
        assertTrue(Files.isSymbolicLink(dir.resolve("core.so")));
    }

    @Test
    void verifyRefusesOtherBytesAndLinks(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("lib.so"), new byte[] {1, 2, 3});
        PrivateNatives.verify(file, PrivateNatives.sha256(new byte[] {1, 2, 3}));
        IOException e = assertThrows(IOException.class,
                () -> PrivateNatives.verify(file, PrivateNatives.sha256(new byte[] {1, 2, 4})));
        assertTrue(e.getMessage().contains("differs from the application's copy"), e.getMessage());
        Path link = Files.createSymbolicLink(dir.resolve("link.so"), file);
        assertFalse(Files.isRegularFile(link, LinkOption.NOFOLLOW_LINKS));
        assertThrows(IOException.class, () -> PrivateNatives.verify(link, PrivateNatives.sha256(new byte[] {1, 2, 3})));
    }

    @Test
    void aMissingResourceIsAClearError(@org.junit.jupiter.api.io.TempDir Path dir) {
        IOException e = assertThrows(IOException.class,
                () -> PrivateNatives.extract(TreeSitterHighlighter.class, "/lib/no-such.so", dir, "x.so"));
        assertEquals("the application has no /lib/no-such.so", e.getMessage());
        assertFalse(Files.exists(dir.resolve("x.so")));
    }
}
