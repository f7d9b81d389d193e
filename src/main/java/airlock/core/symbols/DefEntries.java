package airlock.core.symbols;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Packing of definitions, as the index keeps them: a file's definitions in one blob of its {@code files} row
 * (the outline), and each name's definitions of a build batch in one record of the definition file
 * ({@code <index>.defs}, the format of {@link RefsFile}). One entry, varints:
 *
 * <pre>
 * key (a name id in a file's blob, a file id in a name's record) | kind ({@link SymbolKind} ordinal) | line |
 * column | end line - line (zigzag) | scope length | scope (UTF-8) | condition length | condition (UTF-8)
 * </pre>
 *
 * A file's blob is its entry count then its entries. They replaced the {@code defs} table, whose 6.1 million
 * kernel rows (nine bound values and two B-tree inserts each) were two thirds of the build's single writer.
 * Decoding checks every value: damage is refused with what is wrong, never read as fewer definitions.
 */
final class DefEntries {
    private static final SymbolKind[] KINDS = SymbolKind.values();

    private DefEntries() {
    }

    /** One decoded entry; {@code key} is a name id or a file id, as the blob it came from says. */
    record Entry(long key, SymbolKind kind, int line, int column, int endLine, String scope, String condition) {
    }

    /** A growable byte array (a ByteArrayOutputStream locks on every byte). */
    static final class Out {
        private byte[] b = new byte[256];
        private int n;

        int size() {
            return n;
        }

        byte[] bytes() {
            return b;
        }

        byte[] toArray() {
            return Arrays.copyOf(b, n);
        }

        void varint(long v) {
            room(10);
            while ((v & ~0x7FL) != 0) {
                b[n++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            b[n++] = (byte) v;
        }

        void text(String s) {
            if (s.isEmpty()) {
                varint(0);
                return;
            }
            byte[] u = s.getBytes(StandardCharsets.UTF_8);
            varint(u.length);
            room(u.length);
            System.arraycopy(u, 0, b, n, u.length);
            n += u.length;
        }

        /** Appends {@code len} bytes of {@code src} from {@code from}. */
        void append(byte[] src, int from, int len) {
            room(len);
            System.arraycopy(src, from, b, n, len);
            n += len;
        }

        private void room(int more) {
            if (n + more > b.length) {
                b = Arrays.copyOf(b, Math.max(b.length * 2, n + more));
            }
        }
    }

    /** Appends one entry. */
    static void put(Out out, long key, Tag t) {
        out.varint(key);
        out.varint(t.kind().ordinal());
        out.varint(t.line());
        out.varint(t.column());
        long d = (long) t.endLine() - t.line();
        out.varint((d << 1) ^ (d >> 63));
        out.text(t.scope());
        out.text(t.condition());
    }

    /** A file's blob: its definitions keyed by their name ids. */
    static byte[] ofFile(List<Tag> defs, long[] nameIds) {
        Out out = new Out();
        out.varint(defs.size());
        for (int i = 0; i < defs.size(); i++) {
            put(out, nameIds[i], defs.get(i));
        }
        return out.toArray();
    }

    /** Decodes a file's blob (count, then entries); throws IllegalArgumentException saying what is damaged. */
    static List<Entry> decodeFile(byte[] blob) {
        int[] pos = {0};
        long count = varint(blob, pos);
        return decode(blob, pos, count);
    }

    /** Decodes {@code count} entries that fill {@code blob} exactly (a name's record). */
    static List<Entry> decodeAll(byte[] blob, int count) {
        return decode(blob, new int[] {0}, count);
    }

    /** {@code count} entries from {@code pos}, which must end exactly at the blob's end. */
    private static List<Entry> decode(byte[] b, int[] pos, long count) {
        if (count < 0 || count > b.length) {
            throw new IllegalArgumentException("a definition count of " + count + " in " + b.length + " bytes");
        }
        List<Entry> out = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            long key = varint(b, pos);
            long kind = varint(b, pos);
            long line = varint(b, pos);
            long column = varint(b, pos);
            long z = varint(b, pos);
            long end = line + ((z >>> 1) ^ -(z & 1));
            if (kind >= KINDS.length || line < 1 || line > Integer.MAX_VALUE || column > Integer.MAX_VALUE
                    || end < 0 || end > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("definition " + (i + 1) + " has impossible values");
            }
            String scope = text(b, pos);
            String condition = text(b, pos);
            out.add(new Entry(key, KINDS[(int) kind], (int) line, (int) column, (int) end, scope, condition));
        }
        if (pos[0] != b.length) {
            throw new IllegalArgumentException((b.length - pos[0]) + " bytes after the last definition");
        }
        return out;
    }

    private static String text(byte[] b, int[] pos) {
        long len = varint(b, pos);
        if (len > b.length - pos[0]) {
            throw new IllegalArgumentException("a text of " + len + " bytes runs past the end");
        }
        String s = new String(b, pos[0], (int) len, StandardCharsets.UTF_8);
        pos[0] += (int) len;
        return s;
    }

    private static long varint(byte[] b, int[] pos) {
        long v = 0;
        for (int shift = 0; shift < 63; shift += 7) {
            if (pos[0] >= b.length) {
                throw new IllegalArgumentException("cut short");
            }
            int x = b[pos[0]++] & 0xFF;
            v |= (long) (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("a number longer than 9 bytes");
    }
}
