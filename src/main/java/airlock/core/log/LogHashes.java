package airlock.core.log;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hashes of the session log, RFC 6962 style: an entry's hash is SHA-256(0x00 || entry bytes),
 * an inner Merkle node is SHA-256(0x01 || left || right). The 0x00/0x01 prefixes keep a leaf from
 * ever being mistaken for a node (second-preimage attacks on the tree).
 */
public final class LogHashes {
    public static final int LENGTH = 32;
    private static final HexFormat HEX = HexFormat.of();
    private final MessageDigest digest;
    private final byte[] node = new byte[1 + 2 * LENGTH];

    public LogHashes() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime lacks SHA-256", e);
        }
    }

    /** Entry (leaf) hash of the exact canonical bytes of one entry, without its line feed. */
    public byte[] entryHash(byte[] entry, int offset, int length) {
        byte[] out = new byte[LENGTH];
        entryHash(entry, offset, length, out, 0);
        return out;
    }

    /** The entry hash of {@code entry[offset, offset + length)} written into {@code out} at {@code outOffset}. */
    public void entryHash(byte[] entry, int offset, int length, byte[] out, int outOffset) {
        digest.update((byte) 0x00);
        digest.update(entry, offset, length);
        digestInto(out, outOffset);
    }

    public byte[] entryHash(byte[] entry) {
        return entryHash(entry, 0, entry.length);
    }

    public byte[] nodeHash(byte[] left, byte[] right) {
        byte[] out = new byte[LENGTH];
        nodeHash(left, right, out);
        return out;
    }

    /** The node hash of {@code left} and {@code right} written into {@code out} (which may be either of them). */
    public void nodeHash(byte[] left, byte[] right, byte[] out) {
        node[0] = 0x01;
        System.arraycopy(left, 0, node, 1, LENGTH);
        System.arraycopy(right, 0, node, 1 + LENGTH, LENGTH);
        digest.update(node);
        digestInto(out, 0);
    }

    private void digestInto(byte[] out, int offset) {
        try {
            digest.digest(out, offset, LENGTH);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException("SHA-256 refused a 32-byte output buffer", e);
        }
    }

    /** Root of the empty tree: SHA-256 of nothing. */
    public byte[] emptyRoot() {
        return digest.digest();
    }

    /** The "prev" of entry 0: 32 zero bytes. */
    public static byte[] genesisPrev() {
        return new byte[LENGTH];
    }

    public static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    /** Parses 64 lower-case hex digits; anything else is refused (one spelling per hash). */
    public static byte[] parseHex(String text) {
        if (text == null || text.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("a hash is 64 lower-case hex digits");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw new IllegalArgumentException("a hash is 64 lower-case hex digits");
            }
        }
        return HEX.parseHex(text);
    }
}
