package airlock.core.symbols;

import airlock.core.AirlockException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * A complete symbol index's name → id lookup, in a file of its own beside the SQLite file
 * ({@code <index>.names}): an open-addressing hash table of name ids, written once at the end of a build from
 * what the build's writer gathered as it went. It replaced the {@code names_by_name} SQLite index, whose
 * creation (a sort of 4.3 million kernel names) was the longest single-threaded step of a build (5 to 7 s).
 * Little endian:
 *
 * <pre>
 * "AIRNAM01" | int S (slots, a power of two) | S × long slot | int CRC-32C of everything before | "NEND"
 * slot: 0 when empty, else (int fingerprint) &lt;&lt; 32 | (int name id); linear probing from the hash's top
 * log2(S) bits (so the table grows from the fingerprints alone)
 * </pre>
 *
 * The hash is 64-bit FNV-1a over the name's UTF-16 code units with a final mix; its high half is the
 * fingerprint, so a probe reads the names table only for a slot whose fingerprint matches, and the name read
 * is compared: a slot can at worst point to the wrong name, never make a lookup answer it. The file is
 * derived data in the keeper's account: its checksum is checked when it is opened, and every id it holds is
 * checked against the names table before use.
 */
final class NameSlots {
    static final byte[] MAGIC = {'A', 'I', 'R', 'N', 'A', 'M', '0', '1'};
    static final byte[] END = {'N', 'E', 'N', 'D'};
    private static final int HEADER = MAGIC.length + 4;
    private static final int TRAILER = 8;

    private NameSlots() {
    }

    /** The name file of the index {@code db}. */
    static Path of(Path db) {
        return db.resolveSibling(db.getFileName() + ".names");
    }

    static long hash(CharSequence name) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            h ^= name.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    /** The home slot of hash {@code h} in a table of {@code slots} (a power of two): the hash's top bits. */
    static int home(long h, int slots) {
        int bits = Integer.numberOfTrailingZeros(slots);
        return bits == 0 ? 0 : (int) (h >>> (64 - bits));
    }

    static AirlockException damaged(Path file, String what) {
        return new AirlockException("symbols.names.damaged", "The symbol index's name file " + file
                + " is damaged (" + what + "). Building the index again replaces it.");
    }

    private static AirlockException io(Path file, IOException e) {
        return new AirlockException("symbols.names.io", "Cannot read or write the symbol index's name file " + file
                + " (" + e.getMessage() + ").", e);
    }

    /** Gathers (name, id) pairs on the build's writer thread, then writes the file. */
    static final class Builder {
        private long[] slots = new long[1 << 10];
        private int size;

        /** Adds a name (each name once, as the build's name table guarantees). */
        void add(String name, long id) {
            if (id <= 0 || id > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("name id " + id + " out of range");
            }
            // at most three quarters full: the kernel's 4.3 million names fit 8 M slots (64 MB), and a probe
            // reads a block of slots at once, so the longer runs of linear probing cost no more reads
            if (4L * (size + 1) > 3L * slots.length) {
                grow();
            }
            put(slots, hash(name), (int) id);
            size++;
        }

        int size() {
            return size;
        }

        private static void put(long[] table, long h, int id) {
            int mask = table.length - 1;
            int i = home(h, table.length);
            while (table[i] != 0) {
                i = (i + 1) & mask;
            }
            table[i] = (h & 0xFFFFFFFF00000000L) | id;
        }

        /** Doubles the table: each slot's fingerprint holds the top bits its new home needs. */
        private void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            for (long s : old) {
                if (s != 0) {
                    put(slots, s & 0xFFFFFFFF00000000L, (int) s);
                }
            }
        }

        /** Writes the file, forced to disk; returns its size. */
        long write(Path file) throws AirlockException {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                CRC32C crc = new CRC32C();
                ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
                long at = 0;
                b.put(MAGIC).putInt(slots.length);
                for (long s : slots) {
                    if (b.remaining() < 8) {
                        at = drain(ch, b, crc, at);
                    }
                    b.putLong(s);
                }
                at = drain(ch, b, crc, at);
                b.putInt((int) crc.getValue()).put(END);
                b.flip();
                while (b.hasRemaining()) {
                    at += ch.write(b, at);
                }
                ch.force(true);
                long expected = HEADER + 8L * slots.length + TRAILER;
                if (ch.size() != expected) {
                    throw damaged(file, "written with the wrong size");
                }
                return expected;
            } catch (IOException e) {
                throw io(file, e);
            }
        }

        private static long drain(FileChannel ch, ByteBuffer b, CRC32C crc, long at) throws IOException {
            b.flip();
            crc.update(b.duplicate());
            while (b.hasRemaining()) {
                at += ch.write(b, at);
            }
            b.clear();
            return at;
        }
    }

    /** Looks names up in a complete index's name file, checked when opened. */
    static final class Reader implements Closeable {
        private final Path file;
        private final FileChannel ch;
        private final int slots;
        /** Slots read per probe block (512 bytes). */
        private static final int BLOCK = 64;
        private final ByteBuffer block = ByteBuffer.allocate(8 * BLOCK).order(ByteOrder.LITTLE_ENDIAN);
        private int blockFrom = -1;
        private int blockSize;

        private Reader(Path file, FileChannel ch, int slots) {
            this.file = file;
            this.ch = ch;
            this.slots = slots;
        }

        /** Opens a file of {@code expectedSize} bytes (from the index's meta): size, magic, end mark, checksum. */
        static Reader open(Path file, long expectedSize) throws AirlockException {
            FileChannel ch;
            try {
                if (!Files.isRegularFile(file)) {
                    throw new AirlockException("symbols.names.missing", "The symbol index's name file " + file
                            + " is missing. Building the index again replaces it.");
                }
                ch = FileChannel.open(file, StandardOpenOption.READ);
            } catch (IOException e) {
                throw io(file, e);
            }
            try {
                long size = ch.size();
                if (size != expectedSize) {
                    throw damaged(file, "size " + size + " where the index recorded " + expectedSize);
                }
                if (size < HEADER + 8 + TRAILER) {
                    throw damaged(file, "truncated (" + size + " bytes)");
                }
                ByteBuffer head = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
                readFully(file, ch, head, 0);
                for (int i = 0; i < MAGIC.length; i++) {
                    if (head.get(i) != MAGIC[i]) {
                        throw damaged(file, "not a name file of this version");
                    }
                }
                int slots = head.getInt(MAGIC.length);
                if (slots <= 0 || Integer.bitCount(slots) != 1 || HEADER + 8L * slots + TRAILER != size) {
                    throw damaged(file, "inconsistent slot count " + slots);
                }
                CRC32C crc = new CRC32C();
                ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
                long body = size - TRAILER;
                for (long at = 0; at < body; ) {
                    chunk.clear();
                    chunk.limit((int) Math.min(chunk.capacity(), body - at));
                    readFully(file, ch, chunk, at);
                    chunk.flip();
                    at += chunk.remaining();
                    crc.update(chunk);
                }
                ByteBuffer tail = ByteBuffer.allocate(TRAILER).order(ByteOrder.LITTLE_ENDIAN);
                readFully(file, ch, tail, body);
                for (int i = 0; i < END.length; i++) {
                    if (tail.get(4 + i) != END[i]) {
                        throw damaged(file, "truncated (no end mark)");
                    }
                }
                if (tail.getInt(0) != (int) crc.getValue()) {
                    throw damaged(file, "checksum mismatch");
                }
                return new Reader(file, ch, slots);
            } catch (AirlockException | RuntimeException e) {
                RefsFile.close(ch);
                throw e;
            } catch (IOException e) {
                RefsFile.close(ch);
                throw io(file, e);
            }
        }

        /** Reads a name by its id (null: no such id). */
        interface Names {
            String nameOf(long id) throws java.sql.SQLException;
        }

        /** The id of {@code name}, or -1; candidate slots are confirmed by reading their name. */
        long idOf(String name, Names names) throws AirlockException, java.sql.SQLException {
            blockFrom = -1; // each lookup reads its own blocks
            blockSize = 0;
            long h = hash(name);
            int mask = slots - 1;
            int i = home(h, slots);
            for (int probes = 0; probes < slots; probes++) {
                long s = slot(i);
                if (s == 0) {
                    return -1;
                }
                int id = (int) s;
                if (id <= 0) {
                    throw damaged(file, "slot " + i + " holds name id " + id);
                }
                if ((s & 0xFFFFFFFF00000000L) == (h & 0xFFFFFFFF00000000L)) {
                    String found = names.nameOf(id);
                    if (found == null) {
                        throw damaged(file, "slot " + i + " holds name id " + id + ", which the index does not have");
                    }
                    if (found.equals(name)) {
                        return id;
                    }
                }
                i = (i + 1) & mask;
            }
            return -1;
        }

        /** Slot {@code i}, read with the block it starts (the slots a probe reads next). */
        private long slot(int i) throws AirlockException {
            if (i < blockFrom || i >= blockFrom + blockSize) {
                blockFrom = i;
                blockSize = Math.min(BLOCK, slots - i);
                block.clear().limit(8 * blockSize);
                readFully(file, ch, block, HEADER + 8L * i);
            }
            return block.getLong(8 * (i - blockFrom));
        }

        @Override
        public void close() {
            RefsFile.close(ch);
        }
    }

    private static void readFully(Path file, FileChannel ch, ByteBuffer b, long at) throws AirlockException {
        try {
            long from = at;
            while (b.hasRemaining()) {
                int n = ch.read(b, from);
                if (n < 0) {
                    throw damaged(file, "cut short at offset " + from);
                }
                from += n;
            }
        } catch (IOException e) {
            throw io(file, e);
        }
    }

}
