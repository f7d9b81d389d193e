package airlock.core.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The threat "a native library planted in a home or temp folder is never loaded": io.github.bonede's own
 * loader would reuse {@code ~/.tree-sitter/lib/<name>} whenever its CRC32 matches the jar's copy. These
 * tests plant such files (garbage whose CRC32 is forged to match) and read {@code /proc/self/maps} to see
 * what the process really mapped.
 */
class TreeSitterNativesTest {

    @Test
    void aPlantedLibraryWithAMatchingCrcInTheHomeIsNeverLoaded(@TempDir Path home) throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "needs Linux /proc");
        Path store = home.resolve(".tree-sitter").resolve("lib");
        Files.createDirectories(store);
        for (String name : TreeSitterHighlighter.LIBRARIES) {
            String file = TreeSitterHighlighter.platformName(name);
            byte[] genuine = resource("/lib/" + file);
            byte[] planted = forgeCrc(garbage(genuine.length - 4), crc(genuine));
            assertEquals(crc(genuine), crc(planted), "the planted file passes the binding's CRC32 check");
            Files.write(store.resolve(file), planted);
        }
        String realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        Optional<TreeSitterHighlighter> ts;
        try {
            ts = TreeSitterHighlighter.create();
        } finally {
            System.setProperty("user.home", realHome);
        }
        for (String path : NativeMaps.mapped("tree-sitter")) {
            assertFalse(path.contains("/.tree-sitter/"), "loaded from a home store: " + path);
        }
        assertTrue(ts.isPresent(), "tree-sitter still loads, from the application's own copy");
        String src = "int main(void) { return 42; }";
        Highlighting hl = ts.get().highlight(Language.C, src);
        assertEquals("tree-sitter", hl.engine());
        assertEquals("syntax-number", hl.classAt(src.indexOf("42")));

        List<String> mapped = NativeMaps.mapped("tree-sitter");
        assertEquals(TreeSitterHighlighter.LIBRARIES.size(), mapped.size(), "core and three grammars: " + mapped);
        for (String path : mapped) {
            assertFalse(path.contains("/.tree-sitter/"), "loaded from a home store: " + path);
            assertFalse(path.startsWith(home.toString()), "loaded the planted file: " + path);
            assertTrue(path.contains("/airlock-natives-"), "loaded from the private folder only: " + path);
            assertTrue(path.endsWith(" (deleted)"), "the private copy is deleted once loaded: " + path);
        }
        assertNotNull(System.getProperty("user.home"));
        assertEquals(null, System.getProperty(TreeSitterHighlighter.STORE_PROPERTY), "the loader's property is restored");
    }

    @Test
    void theBindingsNamesMatchTheApplicationsResources() throws IOException {
        for (String name : TreeSitterHighlighter.LIBRARIES) {
            assertTrue(resource("/lib/" + TreeSitterHighlighter.platformName(name)).length > 10_000, name);
        }
    }

    @Test
    void nothingIsLeftInTheSystemTemporaryFolder() throws IOException {
        List<String> before = NativeMaps.privateFolders();
        assumeTrue(TreeSitterHighlighter.create().isPresent(), "tree-sitter not loadable here");
        List<String> after = NativeMaps.privateFolders();
        assertTrue(before.containsAll(after), "new in java.io.tmpdir: " + after);
        for (String path : NativeMaps.mapped("tree-sitter")) {
            Path folder = Path.of(path.replace(" (deleted)", "")).getParent().getParent();
            assertFalse(Files.exists(folder), "the private folder is gone: " + folder);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TreeSitterHighlighter.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }

    private static byte[] garbage(int length) {
        byte[] b = new byte[length];
        new Random(16).nextBytes(b);
        return b;
    }

    private static long crc(byte[] b) {
        CRC32 c = new CRC32();
        c.update(b);
        return c.getValue();
    }

    /**
     * {@code prefix} plus four bytes chosen so the CRC32 of the whole is {@code target}. CRC32 of a fixed
     * prefix is affine in the last 32 bits, so the bits are found by Gaussian elimination over GF(2).
     */
    static byte[] forgeCrc(byte[] prefix, long target) {
        byte[] data = Arrays.copyOf(prefix, prefix.length + 4);
        long base = crc(data);
        long[] rows = new long[32];
        for (int bit = 0; bit < 32; bit++) {
            byte[] probe = data.clone();
            probe[prefix.length + bit / 8] ^= (byte) (1 << (bit % 8));
            rows[bit] = (crc(probe) ^ base) | (1L << (32 + bit));
        }
        long want = target ^ base;
        long solution = 0;
        for (int col = 0; col < 32; col++) {
            int pivot = -1;
            for (int r = col; r < 32; r++) {
                if ((rows[r] >>> col & 1) == 1) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                throw new IllegalStateException("singular");
            }
            long t = rows[pivot];
            rows[pivot] = rows[col];
            rows[col] = t;
            for (int r = 0; r < 32; r++) {
                if (r != col && (rows[r] >>> col & 1) == 1) {
                    rows[r] ^= rows[col];
                }
            }
        }
        for (int col = 0; col < 32; col++) {
            if ((want >>> col & 1) == 1) {
                solution ^= rows[col] >>> 32;
            }
        }
        for (int bit = 0; bit < 32; bit++) {
            if ((solution >>> bit & 1) == 1) {
                data[prefix.length + bit / 8] ^= (byte) (1 << (bit % 8));
            }
        }
        return data;
    }
}
