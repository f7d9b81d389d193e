package airlock.core.git;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A fast read path for whole (non-delta) blobs in the pack files of a repository: the pack and its
 * version-2 index are memory-mapped once, a blob is found by binary search in the index and inflated
 * straight from the mapping into its final array, with one reusable {@link Inflater} per thread.
 * JGit's general path opens a reader, a loader and a stream per blob and copies through its window
 * cache, which made reading every blob of the Linux kernel take seconds longer than inflating it.
 *
 * <p>Anything this class does not handle (deltas, loose objects, packs over 2 GiB, a pack that
 * changed underneath) answers {@code null} or {@code -1} and the caller falls back to JGit, so this
 * is only ever a shortcut, never a second opinion on the store's content.
 */
final class PackBlobs {
    private static final int OBJ_BLOB = 3;
    private static final int IDX_HEADER = 8;
    private static final int FANOUT = 256 * 4;
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(Inflater::new);

    /** No mapped packs: every read goes to JGit. */
    static final PackBlobs NONE = new PackBlobs(List.of());

    private final List<Pack> packs;

    private PackBlobs(List<Pack> packs) {
        this.packs = packs;
    }

    /** Maps the packs under {@code objectsDir}/pack; an unreadable or unusual pack is left to JGit. */
    static PackBlobs open(Path objectsDir) {
        List<Pack> packs = new ArrayList<>();
        Path dir = objectsDir.resolve("pack");
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> idxFiles = Files.newDirectoryStream(dir, "pack-*.idx")) {
                for (Path idx : idxFiles) {
                    String name = idx.getFileName().toString();
                    Pack pack = Pack.map(idx, dir.resolve(name.substring(0, name.length() - 4) + ".pack"));
                    if (pack != null) {
                        packs.add(pack);
                    }
                }
            } catch (IOException e) {
                // listing failed: every read takes JGit's path, which reports real errors
                org.slf4j.LoggerFactory.getLogger(PackBlobs.class).debug("pack listing of {} failed", dir, e);
            }
        }
        return new PackBlobs(packs);
    }

    /** The size of blob {@code id} (20 bytes), or -1 when it is not a whole blob in a mapped pack. */
    long size(byte[] id) {
        for (Pack pack : packs) {
            long offset = pack.find(id);
            if (offset >= 0) {
                long[] header = pack.header(offset);
                return header != null && header[0] == OBJ_BLOB ? header[1] : -1;
            }
        }
        return -1;
    }

    /**
     * The first {@code maxBytes} bytes of blob {@code id}, or null when it is not a whole blob in a
     * mapped pack or does not inflate to its recorded size (the caller then asks JGit).
     */
    byte[] read(byte[] id, long maxBytes) {
        for (Pack pack : packs) {
            long offset = pack.find(id);
            if (offset >= 0) {
                return pack.inflate(offset, maxBytes);
            }
        }
        return null;
    }

    /** One mapped pack and its index. */
    private static final class Pack {
        private final ByteBuffer idx;
        private final ByteBuffer pack;
        private final int count;
        private final int namesAt;
        private final int offsetsAt;
        private final int largeOffsetsAt;

        private Pack(ByteBuffer idx, ByteBuffer pack, int count) {
            this.idx = idx;
            this.pack = pack;
            this.count = count;
            this.namesAt = IDX_HEADER + FANOUT;
            this.offsetsAt = namesAt + count * 24;
            this.largeOffsetsAt = offsetsAt + count * 4;
        }

        static Pack map(Path idxFile, Path packFile) throws IOException {
            if (!Files.isRegularFile(packFile)) {
                return null;
            }
            MappedByteBuffer idx = mapAll(idxFile);
            MappedByteBuffer pack = mapAll(packFile);
            if (idx == null || pack == null || idx.capacity() < IDX_HEADER + FANOUT
                    || idx.getInt(0) != 0xff744f63 || idx.getInt(4) != 2
                    || pack.capacity() < 12 || pack.getInt(0) != 0x5041434b) {
                return null;
            }
            int count = idx.getInt(IDX_HEADER + 255 * 4);
            if (count < 0 || (long) IDX_HEADER + FANOUT + (long) count * 28 > idx.capacity()) {
                return null;
            }
            return new Pack(idx, pack, count);
        }

        private static MappedByteBuffer mapAll(Path file) throws IOException {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = ch.size();
                return size > Integer.MAX_VALUE ? null : ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            }
        }

        /** The pack offset of {@code id}, or -1. */
        long find(byte[] id) {
            int first = id[0] & 0xFF;
            int lo = first == 0 ? 0 : idx.getInt(IDX_HEADER + (first - 1) * 4);
            int hi = idx.getInt(IDX_HEADER + first * 4) - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int cmp = compare(namesAt + mid * 20, id);
                if (cmp < 0) {
                    lo = mid + 1;
                } else if (cmp > 0) {
                    hi = mid - 1;
                } else {
                    int small = idx.getInt(offsetsAt + mid * 4);
                    if (small >= 0) {
                        return small;
                    }
                    int at = largeOffsetsAt + (small & 0x7fffffff) * 8;
                    return at + 8 <= idx.capacity() ? idx.getLong(at) : -1;
                }
            }
            return -1;
        }

        private int compare(int at, byte[] id) {
            for (int i = 0; i < 20; i++) {
                int d = (idx.get(at + i) & 0xFF) - (id[i] & 0xFF);
                if (d != 0) {
                    return d;
                }
            }
            return 0;
        }

        /** {type, size, data offset} of the object at {@code offset}, or null when out of range. */
        long[] header(long offset) {
            if (offset < 12 || offset >= pack.capacity() - 20) {
                return null;
            }
            int at = (int) offset;
            int c = pack.get(at++) & 0xFF;
            long type = (c >> 4) & 7;
            long size = c & 15;
            int shift = 4;
            while ((c & 0x80) != 0) {
                if (at >= pack.capacity() || shift > 56) {
                    return null;
                }
                c = pack.get(at++) & 0xFF;
                size |= (long) (c & 0x7f) << shift;
                shift += 7;
            }
            return new long[] {type, size, at};
        }

        byte[] inflate(long offset, long maxBytes) {
            long[] header = header(offset);
            if (header == null || header[0] != OBJ_BLOB) {
                return null;
            }
            long size = header[1];
            int want = (int) Math.min(Math.min(size, maxBytes), Integer.MAX_VALUE - 16);
            byte[] out = new byte[want];
            int dataAt = (int) header[2];
            Inflater inflater = INFLATERS.get();
            inflater.setInput(pack.slice(dataAt, pack.capacity() - dataAt));
            try {
                int n = 0;
                while (n < want) {
                    int got = inflater.inflate(out, n, want - n);
                    if (got == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                        break;
                    }
                    n += got;
                }
                if (n != want || (want == size && !finishedAtSize(inflater))) {
                    return null;
                }
                return out;
            } catch (DataFormatException e) {
                return null;
            } finally {
                inflater.reset();
            }
        }

        /** After the whole blob: the stream must end exactly there (no extra bytes). */
        private static boolean finishedAtSize(Inflater inflater) throws DataFormatException {
            if (inflater.finished()) {
                return true;
            }
            byte[] probe = new byte[1];
            return inflater.inflate(probe) == 0 && inflater.finished();
        }
    }
}
