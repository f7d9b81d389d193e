package airlock.keeper.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import airlock.core.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The one chunked, verified fetch of the findings export and the seal screen: pieces checked, each caller's code kept. */
class ChunkedFetchTest {
    private static final byte[] FILE = "the keeper's file, in three pieces".getBytes(StandardCharsets.UTF_8);
    private static final String SHA = Sha256.hex(Sha256.digest(FILE));
    private static final ChunkedFetch.Mismatch SEAL = new ChunkedFetch.Mismatch("seal.file.mismatch", "not the seal's bytes");

    private static ChunkedFetch.Piece honest(long offset) {
        int from = (int) offset;
        int to = Math.min(FILE.length, from + 12);
        return new ChunkedFetch.Piece("a.log", offset, Arrays.copyOfRange(FILE, from, to), FILE.length, SHA, to == FILE.length);
    }

    @Test
    void piecesMakeTheFileNamed() throws Exception {
        assertArrayEquals(FILE, ChunkedFetch.fetch("a.log", FILE.length, SHA, ChunkedFetchTest::honest, "it named", SEAL));
    }

    @Test
    void aPieceOfAnotherFileOrPlaceIsAProtocolError() {
        ChunkedFetch.Source otherName = o -> new ChunkedFetch.Piece("b.log", o, new byte[1], FILE.length, SHA, false);
        ChunkedFetch.Source otherOffset = o -> new ChunkedFetch.Piece("a.log", o + 1, new byte[1], FILE.length, SHA, false);
        ChunkedFetch.Source otherSize = o -> new ChunkedFetch.Piece("a.log", o, new byte[1], FILE.length + 1, SHA, false);
        ChunkedFetch.Source otherSha = o -> new ChunkedFetch.Piece("a.log", o, new byte[1], FILE.length, "00".repeat(32), false);
        ChunkedFetch.Source empty = o -> new ChunkedFetch.Piece("a.log", o, new byte[0], FILE.length, SHA, false);
        for (ChunkedFetch.Source s : new ChunkedFetch.Source[] {otherName, otherOffset, otherSize, otherSha, empty}) {
            assertEquals("keeper.protocol", assertThrows(KeeperException.class,
                    () -> ChunkedFetch.fetch("a.log", FILE.length, SHA, s, "its review named", SEAL)).code());
        }
    }

    @Test
    void aWholeThatIsNotTheFileNamedKeepsTheCallersCode() {
        byte[] changed = FILE.clone();
        changed[3] ^= 1;
        ChunkedFetch.Source lying = o -> new ChunkedFetch.Piece("a.log", 0, changed, FILE.length, SHA, true);
        assertEquals("seal.file.mismatch", assertThrows(KeeperException.class,
                () -> ChunkedFetch.fetch("a.log", FILE.length, SHA, lying, "its review named", SEAL)).code());
        assertEquals("keeper.protocol", assertThrows(KeeperException.class, () -> ChunkedFetch.fetch("a.log", FILE.length, SHA,
                lying, "it named", new ChunkedFetch.Mismatch("keeper.protocol", "not the export's bytes"))).code());
        ChunkedFetch.Source shortEnd = o -> new ChunkedFetch.Piece("a.log", 0, new byte[2], FILE.length, SHA, true);
        assertEquals("seal.file.mismatch", assertThrows(KeeperException.class,
                () -> ChunkedFetch.fetch("a.log", FILE.length, SHA, shortEnd, "its review named", SEAL)).code());
    }
}
