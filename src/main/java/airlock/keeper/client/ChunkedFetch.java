package airlock.keeper.client;

import airlock.core.AirlockException;
import airlock.core.crypto.Sha256;
import java.io.ByteArrayOutputStream;

/**
 * One file's bytes from the keeper, piece by piece, each piece checked against the name, size and
 * SHA-256 the keeper named for the whole file and against the offset asked for, the whole checked
 * against that size and SHA-256 at the end. Shared by the findings export ({@code findings.file})
 * and the seal screen ({@code seal.file}); each caller keeps its own error code for a whole that
 * does not match, which its tests and the screens' messages rely on.
 */
final class ChunkedFetch {
    /** One piece as an answer carries it. */
    record Piece(String name, long offset, byte[] data, long size, String sha256, boolean end) {
    }

    /** Asks the keeper for the piece at {@code offset}. */
    @FunctionalInterface
    interface Source {
        Piece at(long offset) throws AirlockException;
    }

    /** What a whole that does not match is called by the caller: its error code and message. */
    record Mismatch(String code, String message) {
    }

    private ChunkedFetch() {
    }

    /**
     * @param named    how the pieces' mismatch says where the name came from ("it named", "its review named")
     * @param mismatch the caller's error when every piece arrived but the whole is not the file named
     */
    static byte[] fetch(String name, long size, String sha256, Source source, String named, Mismatch mismatch)
            throws AirlockException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(size, 1 << 20));
        long offset = 0;
        while (true) {
            Piece piece = source.at(offset);
            if (!piece.name().equals(name) || piece.offset() != offset || piece.size() != size || !piece.sha256().equals(sha256)) {
                throw new KeeperException("keeper.protocol", "The keeper's bytes of " + name + " are not those " + named + ".");
            }
            byte[] data = piece.data();
            out.write(data, 0, data.length);
            offset += data.length;
            if (piece.end()) {
                break;
            }
            if (data.length == 0) {
                throw new KeeperException("keeper.protocol", "The keeper sent an empty piece of " + name + " before its end.");
            }
        }
        byte[] all = out.toByteArray();
        if (all.length != size || !Sha256.hex(Sha256.digest(all)).equals(sha256)) {
            throw new KeeperException(mismatch.code(), mismatch.message());
        }
        return all;
    }
}
