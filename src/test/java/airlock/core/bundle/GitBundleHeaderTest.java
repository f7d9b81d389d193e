package airlock.core.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GitBundleHeaderTest {
    private static final String ID = "0123456789abcdef0123456789abcdef01234567";

    private static GitBundleHeader read(String text) throws Exception {
        return GitBundleHeader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), 4096);
    }

    @Test
    void readsRefsAndStopsAtThePack() throws Exception {
        GitBundleHeader header = read("# v2 git bundle\n" + ID + " refs/heads/main\n" + ID + " refs/tags/v1\n\nPACK");
        assertEquals(2, header.refs().size());
        assertEquals("refs/tags/v1", header.refs().get(1).name());
        assertEquals(16 + 57 + 54 + 1, header.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "# v2 git bundle", "# v2 git bundle\n", "# v2 git bundle\r\n\n", "# v1 git bundle\n\n", "PACK",
        "# v2 git bundle\n-" + ID + " base\n\n",
        "# v3 git bundle\n@object-format=sha256\n\n",
        "# v2 git bundle\n@filter=blob:none\n\n",
        "# v2 git bundle\n" + ID + "\n\n",
        "# v2 git bundle\n" + ID + " refs/heads/a b\n\n",
        "# v2 git bundle\nABCDEF0123456789abcdef0123456789abcdef01 refs/heads/main\n\n",
        "# v2 git bundle\n" + ID + "  refs/heads/main\n\n",
    })
    void refusesEveryOtherShapeAsIncompleteOrUnsupported(String text) {
        AirlockException e = assertThrows(AirlockException.class, () -> read(text));
        assertEquals(Check.BUNDLE_HEADER.code(), e.code());
        assertTrue(e.getMessage().startsWith("Incomplete or unsupported bundle"), e.getMessage());
    }

    @Test
    void refusesOverlongLinesAndHeaders() {
        String longLine = "# v2 git bundle\n" + ID + " refs/heads/" + "x".repeat(5000) + "\n\n";
        assertThrows(AirlockException.class, () -> read(longLine));
        StringBuilder many = new StringBuilder("# v2 git bundle\n");
        for (int i = 0; i < 200; i++) {
            many.append(ID).append(" refs/heads/b").append(i).append('\n');
        }
        AirlockException e = assertThrows(AirlockException.class, () -> read(many + "\n"));
        assertTrue(e.getMessage().contains("larger than 4096"), e.getMessage());
    }
}
