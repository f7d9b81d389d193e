package airlock.core.log;

import airlock.core.AirlockException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store's high-water record ({@code airlock.db.highwater} next to the database): for every
 * log that is open or ended (and the ledger) the number of entries and the head hash the store
 * last acknowledged, and the database's store id. It is written after each COMMIT that records an
 * entry and before the caller is told, so every acknowledged entry is at or below it; at open the
 * database must reach it. A lost write-ahead log, a missing database or an older copy then shows
 * as a database below its own high-water mark, and the store goes read-only instead of
 * reusing the lost sequence numbers.
 *
 * <p>Layout: two slots of equal size (half the file). Each write goes, with O_DSYNC, to the slot
 * that does not hold the newest valid record, so a torn write destroys at most the slot being
 * written and the other still holds the previous (lower) record. A slot is text ending in a
 * SHA-256 line; the valid slot with the larger counter wins. One extra synchronous write per
 * commit is its whole cost on the append path.
 */
final class HighWater implements AutoCloseable {
    static final String SUFFIX = ".highwater";
    static final String MAGIC = "airlock-highwater/1";
    static final int INITIAL_SLOT = 4096;
    private static final Map<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();
    private final Path file;
    private final Object jvmLock;
    private FileChannel channel;

    /** One log's acknowledged state: entries from 0 to size-1, the last one hashing to head. */
    record Mark(String id, String state, long size, byte[] head) {
    }

    /** A decoded record. */
    record Record(long counter, String store, List<Mark> marks) {
        Mark mark(String id) {
            for (Mark m : marks) {
                if (m.id().equals(id)) {
                    return m;
                }
            }
            return null;
        }
    }

    private HighWater(Path file) {
        this.file = file;
        this.jvmLock = JVM_LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), p -> new Object());
    }

    static Path fileFor(Path database) {
        return database.resolveSibling(database.getFileName() + SUFFIX);
    }

    Path file() {
        return file;
    }

    /** Creates the record for a store (replacing any file there atomically) from the database's current state. */
    static HighWater create(Path file, Connection connection, String store) throws AirlockException {
        HighWater highWater = new HighWater(file);
        try {
            byte[] slot = encode(new Record(1, store, snapshot(connection)));
            int size = slotSize(slot.length, INITIAL_SLOT);
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            writeWhole(temp, file, slot, size);
        } catch (IOException | SQLException e) {
            throw new AirlockException("log.highwater.write", "Cannot write the high-water record " + file + ": " + e.getMessage(), e);
        }
        return highWater;
    }

    /** Opens an existing record for updates. */
    static HighWater attach(Path file) {
        return new HighWater(file);
    }

    /**
     * Reads the newest valid record; null when the file does not exist. A file that exists but
     * holds no valid slot is reported by an {@link IOException} naming what is wrong.
     */
    static Record read(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("it is not a regular file");
        }
        byte[] bytes = Files.readAllBytes(file);
        return newest(bytes);
    }

    private static Record newest(byte[] bytes) throws IOException {
        if (bytes.length == 0 || bytes.length % 2 != 0 || bytes.length > (1 << 24)) {
            throw new IOException("it has " + bytes.length + " bytes, not two equal slots");
        }
        int slot = bytes.length / 2;
        Record best = null;
        String firstProblem = null;
        for (int i = 0; i < 2; i++) {
            try {
                Record record = decode(bytes, i * slot, slot);
                if (best == null || record.counter() > best.counter()) {
                    best = record;
                }
            } catch (IOException e) {
                firstProblem = firstProblem == null ? "slot " + i + ": " + e.getMessage() : firstProblem;
            }
        }
        if (best == null) {
            throw new IOException("neither copy in it is intact (" + firstProblem + ")");
        }
        return best;
    }

    /**
     * Records the database's state after a COMMIT: the snapshot is taken under the file's lock, so
     * of two writers (two processes on one home) the later one never writes an older snapshot.
     */
    void acknowledge(Connection connection) throws AirlockException {
        synchronized (jvmLock) {
            try {
                if (channel == null) {
                    channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DSYNC);
                }
                boolean replaced = false;
                try (FileLock lock = channel.lock()) {
                    long length = channel.size();
                    ByteBuffer all = ByteBuffer.allocate((int) Math.min(length, 1 << 24));
                    channel.read(all, 0);
                    byte[] bytes = all.array();
                    Record current = newest(bytes);
                    int slot = bytes.length / 2;
                    int target = 0;
                    try {
                        Record zero = decode(bytes, 0, slot);
                        target = zero.counter() == current.counter() ? 1 : 0;
                    } catch (IOException e) {
                        target = 0;
                    }
                    byte[] encoded = encode(new Record(current.counter() + 1, current.store(), snapshot(connection)));
                    if (encoded.length > slot) {
                        // outgrown: a new file with larger slots replaces this one (under the old file's lock)
                        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
                        writeWhole(temp, file, encoded, slotSize(encoded.length, slot * 2));
                        replaced = true;
                    } else {
                        ByteBuffer out = ByteBuffer.allocate(slot); // the whole slot: zeros after the record
                        out.put(encoded);
                        out.rewind();
                        long position = (long) target * slot;
                        while (out.hasRemaining()) {
                            position += channel.write(out, position);
                        }
                    }
                }
                if (replaced) {
                    close(); // the next write opens the new file
                }
            } catch (IOException | SQLException e) {
                throw new AirlockException("log.highwater.write", "The entry was committed but the high-water record "
                        + file + " could not be updated (" + e.getMessage() + "); the store stops recording until it is"
                        + " restarted.", e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (jvmLock) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // nothing was pending: every write was synchronous
                }
                channel = null;
            }
        }
    }

    /** The acknowledged state of every open or ended log, and of the ledger, as the database holds it now. */
    static List<Mark> snapshot(Connection connection) throws SQLException {
        List<Mark> marks = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT s.id, s.state, e.seq, e.hash FROM log_session s JOIN log_entry e ON e.session = s.id"
                        + " AND e.seq = (SELECT max(seq) FROM log_entry WHERE session = s.id)"
                        + " WHERE s.state IN ('open', 'ended') OR s.id = ? ORDER BY s.id")) {
            query.setString(1, SessionHeader.LEDGER_SESSION);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    marks.add(new Mark(rows.getString(1), rows.getString(2), rows.getLong(3) + 1, rows.getBytes(4)));
                }
            }
        }
        return marks;
    }

    static byte[] encode(Record record) {
        StringBuilder text = new StringBuilder();
        text.append(MAGIC).append('\n');
        text.append("counter ").append(record.counter()).append('\n');
        text.append("store ").append(record.store()).append('\n');
        for (Mark mark : record.marks()) {
            text.append("log ").append(mark.state()).append(' ').append(mark.size()).append(' ')
                    .append(HexFormat.of().formatHex(mark.head())).append(' ').append(mark.id()).append('\n');
        }
        byte[] body = text.toString().getBytes(StandardCharsets.US_ASCII);
        String end = "sha256 " + HexFormat.of().formatHex(sha256(body, 0, body.length)) + "\n";
        byte[] out = new byte[body.length + end.length()];
        System.arraycopy(body, 0, out, 0, body.length);
        System.arraycopy(end.getBytes(StandardCharsets.US_ASCII), 0, out, body.length, end.length());
        return out;
    }

    /** Decodes one slot strictly: magic, counter, store id, marks, checksum, then only zero bytes. */
    static Record decode(byte[] bytes, int offset, int length) throws IOException {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        for (int i = end; i < offset + length; i++) {
            if (bytes[i] != 0) {
                throw new IOException("bytes after the end of the record");
            }
        }
        String text = new String(bytes, offset, end - offset, StandardCharsets.US_ASCII);
        int sumAt = text.lastIndexOf("sha256 ");
        if (sumAt < 0 || !text.endsWith("\n")) {
            throw new IOException("no checksum line");
        }
        byte[] expected = sha256(bytes, offset, sumAt);
        String sum = text.substring(sumAt + 7, text.length() - 1);
        if (!sum.equals(HexFormat.of().formatHex(expected))) {
            throw new IOException("checksum does not match");
        }
        String[] lines = text.substring(0, sumAt).split("\n", -1);
        if (lines.length < 4 || !lines[0].equals(MAGIC) || !lines[1].startsWith("counter ") || !lines[2].startsWith("store ")
                || !lines[lines.length - 1].isEmpty()) {
            throw new IOException("not a high-water record");
        }
        long counter;
        try {
            counter = Long.parseLong(lines[1].substring(8));
        } catch (NumberFormatException e) {
            throw new IOException("bad counter");
        }
        String store = lines[2].substring(6);
        if (!store.matches("[0-9a-f]{32}")) {
            throw new IOException("bad store id");
        }
        List<Mark> marks = new ArrayList<>();
        for (int i = 3; i < lines.length - 1; i++) {
            String[] f = lines[i].split(" ", -1);
            if (f.length != 5 || !f[0].equals("log") || !f[1].matches("open|ended|sealed|exported")
                    || !f[2].matches("[1-9][0-9]{0,17}") || !f[3].matches("[0-9a-f]{64}")
                    || !SessionHeader.ID.matcher(f[4]).matches()) {
                throw new IOException("bad line " + i);
            }
            marks.add(new Mark(f[4], f[1], Long.parseLong(f[2]), HexFormat.of().parseHex(f[3])));
        }
        return new Record(counter, store, List.copyOf(marks));
    }

    private static int slotSize(int needed, int atLeast) {
        int size = Math.max(atLeast, INITIAL_SLOT);
        while (size < needed) {
            size *= 2;
        }
        return size;
    }

    /** Writes a whole new file (both slots the same record) by temp file, fsync, atomic rename and folder fsync. */
    private static void writeWhole(Path temp, Path target, byte[] record, int slot) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(slot * 2);
        out.put(record);
        out.position(slot);
        out.put(record);
        out.rewind();
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            while (out.hasRemaining()) {
                channel.write(out);
            }
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel folder = FileChannel.open(target.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            // some file systems cannot fsync a folder; the rename itself is atomic
        }
    }

    private static byte[] sha256(byte[] bytes, int offset, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, offset, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime lacks SHA-256", e);
        }
    }
}
