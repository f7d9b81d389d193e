package airlock.core.symbols;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Packing of identifier occurrences. In memory each occurrence is three ints (line, column, flags); in
 * the index a name's occurrences in one file are one BLOB of varints with line deltas, so the kernel's
 * tens of millions of occurrences cost one row per (name, file) instead of one row each.
 */
public final class Occurrences {
    /** Flag: the identifier is directly followed by '(' (a call or a function-like macro use). */
    public static final int CALL = 1;

    private Occurrences() {
    }

    /** A growable list of (line, column, flags) triples. */
    public static final class Builder {
        private int[] data = new int[12];
        private int size;

        public void add(int line, int column, int flags) {
            if (size + 3 > data.length) {
                data = Arrays.copyOf(data, data.length * 2);
            }
            data[size++] = line;
            data[size++] = column;
            data[size++] = flags;
        }

        public int[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }

    /** Encodes triples (lines non-decreasing) as varints: line delta, column, flags. */
    public static byte[] encode(int[] triples) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(triples.length + 8);
        int prevLine = 0;
        for (int i = 0; i + 2 < triples.length; i += 3) {
            writeVarint(out, triples[i] - prevLine);
            writeVarint(out, triples[i + 1]);
            writeVarint(out, triples[i + 2]);
            prevLine = triples[i];
        }
        return out.toByteArray();
    }

    /** Decodes {@link #encode} output; a corrupt blob yields the triples decoded before the damage. */
    public static int[] decode(byte[] blob) {
        Builder b = new Builder();
        int[] pos = {0};
        int line = 0;
        while (pos[0] < blob.length) {
            int delta = readVarint(blob, pos);
            int col = readVarint(blob, pos);
            int flags = readVarint(blob, pos);
            if (delta < 0 || col < 0 || flags < 0) {
                break;
            }
            line += delta;
            b.add(line, col, flags);
        }
        return b.toArray();
    }

    /** Appends one file's group to a batch blob: file id, count, then the triples as in {@link #encode}. */
    public static void appendGroup(ByteArrayOutputStream out, long fileId, int[] triples) {
        byte[] g = group(fileId, triples);
        out.write(g, 0, g.length);
    }

    /**
     * One file's group as {@link #appendGroup} writes it. Built by the extraction threads, into a plain array
     * (a ByteArrayOutputStream locks on every byte: it was a tenth of the single writer's time).
     */
    static byte[] group(long fileId, int[] triples) {
        // at most 5 bytes per varint: file id, count, and three per triple
        byte[] b = new byte[10 + triples.length * 5];
        int n = putVarint(b, 0, (int) fileId);
        n = putVarint(b, n, triples.length / 3);
        int prevLine = 0;
        for (int i = 0; i + 2 < triples.length; i += 3) {
            n = putVarint(b, n, triples[i] - prevLine);
            n = putVarint(b, n, triples[i + 1]);
            n = putVarint(b, n, triples[i + 2]);
            prevLine = triples[i];
        }
        return Arrays.copyOf(b, n);
    }

    private static int putVarint(byte[] b, int at, int v) {
        while ((v & ~0x7F) != 0) {
            b[at++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[at++] = (byte) v;
        return at;
    }

    /** One file's occurrences inside a batch blob. */
    public record Group(long fileId, int[] triples) {
    }

    /** Decodes {@link #appendGroup} output; stops at the first damaged group. */
    public static java.util.List<Group> decodeGroups(byte[] blob) {
        java.util.List<Group> out = new java.util.ArrayList<>();
        int[] pos = {0};
        while (pos[0] < blob.length) {
            int file = readVarint(blob, pos);
            int n = readVarint(blob, pos);
            if (file < 0 || n < 0) {
                break;
            }
            Builder b = new Builder();
            int line = 0;
            boolean ok = true;
            for (int i = 0; i < n && ok; i++) {
                int delta = readVarint(blob, pos);
                int col = readVarint(blob, pos);
                int flags = readVarint(blob, pos);
                ok = delta >= 0 && col >= 0 && flags >= 0;
                line += delta;
                if (ok) {
                    b.add(line, col, flags);
                }
            }
            out.add(new Group(file, b.toArray()));
            if (!ok) {
                break;
            }
        }
        return out;
    }

    private static void writeVarint(ByteArrayOutputStream out, int v) {
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    private static int readVarint(byte[] b, int[] pos) {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (pos[0] >= b.length) {
                return -1;
            }
            int x = b[pos[0]++] & 0xFF;
            v |= (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                return v;
            }
        }
        return -1;
    }
}
