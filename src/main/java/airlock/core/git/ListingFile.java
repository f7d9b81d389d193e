package airlock.core.git;

import airlock.core.source.EntryKind;
import airlock.core.source.SourceEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The kept listing of one commit's tree (docs/formats/listing.md): every file-like entry with its kind,
 * size and blob id, in the order {@link GitSource#list} gives, written once after the first walk of the
 * tree and read instead of walking it again. A commit's tree never changes, so the file is keyed by the
 * commit id alone. The file is derived data: a file that fails any check (magic, version, commit, bounds,
 * UTF-8, path form, kind, the SHA-256 trailer, trailing bytes) is refused with {@link Damaged} and the
 * caller walks the tree again and rewrites it; nothing read from a refused file is used.
 */
public final class ListingFile {
    /** The first bytes of every listing file; the byte after it is the version. */
    static final byte[] MAGIC = "AIRLOCK-LISTING\n".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    private static final int ID = 20;
    private static final int DIGEST = 32;
    private static final int HEADER = MAGIC.length + 1 + ID + 4;
    /**
     * The fewest bytes an entry takes: two one-byte lengths, kind, one-byte size, blob id (the suffix may be
     * empty: two paths that differ only in bytes that are not UTF-8 both decode to the same text).
     */
    private static final int MIN_ENTRY = 1 + 1 + 1 + 1 + ID;
    /** A listing file larger than this is refused unread (four kernels' listing is about 10 MB). */
    static final long MAX_FILE = 1L << 30;
    /** One path's UTF-8 bytes at most (git itself has no limit; no real tree comes near). */
    static final int MAX_PATH_BYTES = 1 << 20;
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    /** The file was not a valid listing of the commit asked for; the message says which check failed. */
    public static final class Damaged extends Exception {
        private static final long serialVersionUID = 1L;

        Damaged(String message) {
            super(message);
        }
    }

    private ListingFile() {
    }

    /** The listing file of {@code commit} in {@code dir}. */
    public static Path fileFor(Path dir, String commit) {
        if (!COMMIT.matcher(commit).matches()) {
            throw new IllegalArgumentException("not a commit id: " + commit);
        }
        return dir.resolve(commit + ".lst");
    }

    /** The bytes of the listing of {@code commit}: {@code entries} as given (their order is kept). */
    static byte[] encode(String commit, List<SourceEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + entries.size() * 40);
        out.writeBytes(MAGIC);
        out.write(VERSION);
        out.writeBytes(HexFormat.of().parseHex(commit));
        writeInt(out, entries.size());
        byte[] previous = new byte[0];
        HexFormat hex = HexFormat.of();
        for (SourceEntry e : entries) {
            byte[] path = e.path().getBytes(StandardCharsets.UTF_8);
            int shared = Arrays.mismatch(previous, path);
            if (shared < 0) { // equal: two raw paths that decode alike
                shared = path.length;
            }
            writeVar(out, shared);
            writeVar(out, path.length - shared);
            out.write(path, shared, path.length - shared);
            out.write(e.kind().ordinal());
            writeVar(out, e.size());
            out.writeBytes(hex.parseHex(e.blobId()));
            previous = path;
        }
        byte[] body = out.toByteArray();
        byte[] digest = sha256(body, body.length);
        byte[] all = Arrays.copyOf(body, body.length + DIGEST);
        System.arraycopy(digest, 0, all, body.length, DIGEST);
        return all;
    }

    /** Reads and checks the listing of {@code commit}; an unmodifiable list, or {@link Damaged}. */
    static List<SourceEntry> decode(byte[] data, String commit) throws Damaged {
        if (data.length < HEADER + DIGEST) {
            throw new Damaged("shorter than a listing's header (" + data.length + " bytes)");
        }
        if (!Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new Damaged("not a listing file (its first bytes are not the listing's magic)");
        }
        if (data[MAGIC.length] != VERSION) {
            throw new Damaged("listing version " + (data[MAGIC.length] & 0xff) + ", this build reads " + VERSION);
        }
        int bodyLength = data.length - DIGEST;
        if (!MessageDigest.isEqual(sha256(data, bodyLength), Arrays.copyOfRange(data, bodyLength, data.length))) {
            throw new Damaged("its SHA-256 does not match its content (damaged or cut short)");
        }
        HexFormat hex = HexFormat.of();
        String stored = hex.formatHex(data, MAGIC.length + 1, MAGIC.length + 1 + ID);
        if (!stored.equals(commit)) {
            throw new Damaged("it lists commit " + stored + ", not " + commit);
        }
        Reader in = new Reader(data, HEADER, bodyLength);
        long count = Integer.toUnsignedLong(readInt(data, HEADER - 4));
        if (count > (bodyLength - HEADER) / MIN_ENTRY) {
            throw new Damaged("it claims " + count + " entries, more than its " + bodyLength + " bytes can hold");
        }
        EntryKind[] kinds = EntryKind.values();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        List<SourceEntry> entries = new ArrayList<>((int) count);
        byte[] path = new byte[256];
        int pathLength = 0;
        int asciiUpTo = 0; // path[0 .. asciiUpTo) is ASCII
        for (long i = 0; i < count; i++) {
            long shared = in.var();
            long suffix = in.var();
            if (shared > pathLength) {
                throw new Damaged("entry " + i + " shares " + shared + " bytes with a path of " + pathLength);
            }
            if (shared + suffix > MAX_PATH_BYTES || shared + suffix == 0) {
                throw new Damaged("entry " + i + " has a path of " + (shared + suffix) + " bytes");
            }
            int length = (int) (shared + suffix);
            if (length > path.length) {
                path = Arrays.copyOf(path, Math.max(length, path.length * 2));
            }
            in.bytes(path, (int) shared, (int) suffix);
            pathLength = length;
            int kind = in.u8();
            if (kind >= kinds.length) {
                throw new Damaged("entry " + i + " has kind " + kind);
            }
            long size = in.var();
            String blob = hex.formatHex(data, in.take(ID), in.at);
            int ascii = Math.min(asciiUpTo, (int) shared); // the shared part's ASCII prefix is known
            while (ascii < length && path[ascii] >= 0) {
                ascii++;
            }
            asciiUpTo = ascii;
            String text = decodePath(utf8, path, length, ascii == length, i);
            entries.add(new SourceEntry(text, kinds[kind], size, blob));
        }
        if (in.at != bodyLength) {
            throw new Damaged((bodyLength - in.at) + " bytes after the last of its " + count + " entries");
        }
        return Collections.unmodifiableList(entries);
    }

    private static String decodePath(CharsetDecoder utf8, byte[] path, int length, boolean ascii, long i) throws Damaged {
        String text;
        if (ascii) {
            text = new String(path, 0, length, StandardCharsets.ISO_8859_1);
        } else {
            try {
                text = utf8.reset().decode(ByteBuffer.wrap(path, 0, length)).toString();
            } catch (CharacterCodingException e) {
                throw new Damaged("entry " + i + " has a path that is not UTF-8");
            }
        }
        if (text.charAt(0) == '/' || text.charAt(text.length() - 1) == '/' || text.contains("//")) {
            throw new Damaged("entry " + i + " has a path with an empty segment");
        }
        return text;
    }

    /**
     * The kept listing of {@code commit} in {@code dir}: null when there is none, {@link Damaged} when
     * there is one that fails a check.
     */
    public static List<SourceEntry> read(Path dir, String commit) throws IOException, Damaged {
        Path file = fileFor(dir, commit);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        long size = Files.size(file);
        if (size > MAX_FILE) {
            throw new Damaged("it is " + size + " bytes, more than a listing may be (" + MAX_FILE + ")");
        }
        return decode(Files.readAllBytes(file), commit);
    }

    /**
     * Writes the listing of {@code commit}: to a temporary file in {@code dir}, then moved over the old
     * one in one step, so a reader sees either the old file or the whole new one. The bytes are read back
     * and decoded before the move; a mismatch is an {@link IOException} and nothing is replaced.
     */
    public static void write(Path dir, String commit, List<SourceEntry> entries) throws IOException {
        byte[] bytes = encode(commit, entries);
        Files.createDirectories(dir);
        Path target = fileFor(dir, commit);
        Path temp = Files.createTempFile(dir, commit + ".", ".tmp");
        try {
            Files.write(temp, bytes);
            try {
                if (!decode(Files.readAllBytes(temp), commit).equals(entries)) {
                    throw new IOException("the listing written to " + temp + " does not read back as written");
                }
            } catch (Damaged e) {
                throw new IOException("the listing written to " + temp + " does not read back: " + e.getMessage(), e);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static final class Reader {
        private final byte[] data;
        private final int end;
        private int at;

        Reader(byte[] data, int at, int end) {
            this.data = data;
            this.at = at;
            this.end = end;
        }

        int take(int n) throws Damaged {
            if (end - at < n) {
                throw new Damaged("cut short in an entry");
            }
            int start = at;
            at += n;
            return start;
        }

        int u8() throws Damaged {
            return data[take(1)] & 0xff;
        }

        void bytes(byte[] into, int offset, int n) throws Damaged {
            System.arraycopy(data, take(n), into, offset, n);
        }

        /** An unsigned LEB128 number of at most 9 bytes (63 bits); longer or padded forms are refused. */
        long var() throws Damaged {
            long value = 0;
            for (int shift = 0; shift < 63; shift += 7) {
                int b = u8();
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    if (b == 0 && shift > 0) {
                        throw new Damaged("a number in a padded form");
                    }
                    return value;
                }
            }
            throw new Damaged("a number longer than 63 bits");
        }
    }

    private static void writeVar(ByteArrayOutputStream out, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative: " + value);
        }
        while (value >= 0x80) {
            out.write((int) (value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    private static int readInt(byte[] data, int at) {
        return (data[at] & 0xff) << 24 | (data[at + 1] & 0xff) << 16 | (data[at + 2] & 0xff) << 8 | (data[at + 3] & 0xff);
    }

    private static byte[] sha256(byte[] data, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(data, 0, length);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
