package airlock.core.symbols;

import java.util.Arrays;

/**
 * The build's name → id table: every distinct identifier of the tree (4.3 M in the Linux kernel) with the id
 * its rows use. Kept as a few flat arrays (the names' characters end to end, and per name its start,
 * length and id, found through an open-addressing slot array holding each name's hash) instead of a map of String keys and
 * entry objects: the map held 633 MB for the kernel's 4.3 M names (the four-kernel build's heap thrashed
 * under 1.5 GB), this about 30 bytes per name plus one byte per character (NameIdsMemoryBench,
 * docs/navigation.md).
 *
 * <p>Thread-safe: the extraction threads resolve names under its lock, a whole file's names in one
 * {@link #idsOf} call.
 */
final class NameIds {
    /**
     * Slots hold a name's hash in the high 32 bits and its index + 1 in the low 32 (0 = empty); at most half
     * are used. The hash beside the index lets a probe reject another name without reading the name's
     * arrays: a lookup touches one cache line of this table instead of two (the lookups run under the lock
     * both extraction threads take; they were a sixth of the symbol build's samples).
     */
    private long[] slots = new long[1 << 16];
    /**
     * The names' characters in pages of {@link #PAGE} bytes that are never copied (a growing array's copy
     * would briefly hold both, 250 MB of kernel names): one byte per character for a name whose characters
     * are all below U+0100 (nearly every identifier), two (big endian) otherwise; a name longer than a page
     * gets a page of its own.
     */
    private byte[][] pages = new byte[16][];
    private int pageCount;
    /** Bytes used in the last page. */
    private int pageUsed = PAGE;
    /**
     * 256 KiB: below half of G1's smallest region (1 MiB), so a page is an ordinary object; a 1 MiB page was
     * "humongous" and took two whole regions (the kernel's names measured 411 MB instead of about 280).
     */
    private static final int PAGE_BITS = 18;
    private static final int PAGE = 1 << PAGE_BITS;
    /** Per name: page index << PAGE_BITS | offset in the page. */
    private int[] start = new int[1 << 15];
    /** Per name: its length in characters; negative for a name stored two bytes per character. */
    private int[] length = new int[1 << 15];
    private int[] id = new int[1 << 15];
    private int size;
    private long nextId;

    /** @param nextId the id the first new name gets (one more than the largest id already in the index) */
    NameIds(long nextId) {
        this.nextId = nextId;
    }

    /** Adds a name with the id it already has (a resumed build's names, before any {@link #idsOf}). */
    synchronized void put(String name, long nameId) {
        int h = name.hashCode();
        int slot = find(name, h);
        if (slots[slot] != 0) {
            throw new IllegalStateException("name listed twice in the index: id " + id[index(slots[slot])]
                    + " and " + nameId);
        }
        add(slot, name, h, nameId);
        nextId = Math.max(nextId, nameId + 1);
    }

    /** The id of each name, new names getting the next free ids (any thread). */
    synchronized long[] idsOf(String[] names) {
        long[] out = new long[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = idOf(names[i]);
        }
        return out;
    }

    synchronized int size() {
        return size;
    }

    private long idOf(String name) {
        int h = name.hashCode();
        int slot = find(name, h);
        if (slots[slot] != 0) {
            return id[index(slots[slot])];
        }
        long nameId = nextId++;
        add(slot, name, h, nameId);
        return nameId;
    }

    /** The slot holding {@code name}, or the empty slot where it belongs. */
    private int find(String name, int h) {
        int mask = slots.length - 1;
        int n = name.length();
        for (int s = mix(h) & mask; ; s = (s + 1) & mask) {
            long v = slots[s];
            if (v == 0) {
                return s;
            }
            if ((int) (v >>> 32) == h) {
                int k = index(v);
                if (Math.abs(length[k]) == n && sameChars(name, k)) {
                    return s;
                }
            }
        }
    }

    /** The name index a used slot holds. */
    private static int index(long slot) {
        return (int) slot - 1;
    }

    private static long slot(int h, int index) {
        return (long) h << 32 | (index + 1L);
    }

    private boolean sameChars(String name, int k) {
        byte[] page = pages[start[k] >>> PAGE_BITS];
        int from = start[k] & (PAGE - 1);
        int n = name.length();
        if (length[k] >= 0) {
            for (int i = 0; i < n; i++) {
                if ((page[from + i] & 0xFF) != name.charAt(i)) {
                    return false;
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                char c = (char) (((page[from + 2 * i] & 0xFF) << 8) | (page[from + 2 * i + 1] & 0xFF));
                if (c != name.charAt(i)) {
                    return false;
                }
            }
        }
        return true;
    }

    private void add(int slot, String name, int h, long nameId) {
        if (nameId > Integer.MAX_VALUE) {
            throw new IllegalStateException("more than 2^31 names");
        }
        int n = name.length();
        boolean narrow = true;
        for (int i = 0; i < n && narrow; i++) {
            narrow = name.charAt(i) < 0x100;
        }
        int bytes = narrow ? n : 2 * n;
        int at = place(bytes);
        byte[] page = pages[at >>> PAGE_BITS];
        int off = at & (PAGE - 1);
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (narrow) {
                page[off + i] = (byte) c;
            } else {
                page[off + 2 * i] = (byte) (c >>> 8);
                page[off + 2 * i + 1] = (byte) c;
            }
        }
        if (size == start.length) {
            int grown = size + (size >> 1);
            start = Arrays.copyOf(start, grown);
            length = Arrays.copyOf(length, grown);
            id = Arrays.copyOf(id, grown);
        }
        start[size] = at;
        length[size] = narrow ? n : -n;
        id[size] = (int) nameId;
        slots[slot] = slot(h, size++);
        if (size * 2L > slots.length) {
            rehash();
        }
    }

    /** Where {@code bytes} more bytes go: page index << PAGE_BITS | offset, a new page when the last is full. */
    private int place(int bytes) {
        if (pageCount > 0 && pageUsed + bytes < PAGE) { // strictly: an offset never reaches the page index bits
            int at = (pageCount - 1) << PAGE_BITS | pageUsed;
            pageUsed += bytes;
            return at;
        }
        if (pageCount == 1 << (31 - PAGE_BITS)) {
            throw new IllegalStateException("more than 2 GB of names");
        }
        if (pageCount == pages.length) {
            pages = Arrays.copyOf(pages, pageCount * 2);
        }
        pages[pageCount++] = new byte[Math.max(PAGE, bytes)];
        pageUsed = bytes;
        return (pageCount - 1) << PAGE_BITS;
    }

    private void rehash() {
        long[] bigger = new long[slots.length * 2];
        int mask = bigger.length - 1;
        for (long v : slots) {
            if (v == 0) {
                continue;
            }
            int s = mix((int) (v >>> 32)) & mask;
            while (bigger[s] != 0) {
                s = (s + 1) & mask;
            }
            bigger[s] = v;
        }
        slots = bigger;
    }

    /** Spreads String.hashCode's low bits (identifiers sharing a suffix would cluster in linear probing). */
    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
