package airlock.core.symbols;

import java.util.Arrays;

/**
 * The build's name → id table: every distinct identifier of the tree (4.3 M in the Linux kernel) with the id
 * its rows use. Kept as a few flat arrays (the names' characters end to end, and per name its start,
 * length, hash and id, found through an open-addressing slot array) instead of a map of String keys and
 * entry objects: the map held about 140 bytes per name (580 MB for one kernel, the four-kernel build's heap
 * thrashed under 1.5 GB), this about 40 plus the characters (docs/navigation.md).
 *
 * <p>Thread-safe: the extraction threads resolve names under its lock, a whole file's names in one
 * {@link #idsOf} call.
 */
final class NameIds {
    /** Slots hold name index + 1 (0 = empty); at most half are used. */
    private int[] slots = new int[1 << 16];
    private char[] chars = new char[1 << 20];
    private int charsUsed;
    private int[] start = new int[1 << 15];
    private int[] length = new int[1 << 15];
    private int[] hash = new int[1 << 15];
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
            throw new IllegalStateException("name listed twice in the index: id " + id[slots[slot] - 1]
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
            return id[slots[slot] - 1];
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
            int k = slots[s] - 1;
            if (k < 0) {
                return s;
            }
            if (hash[k] == h && length[k] == n && sameChars(name, start[k])) {
                return s;
            }
        }
    }

    private boolean sameChars(String name, int from) {
        for (int i = 0, n = name.length(); i < n; i++) {
            if (chars[from + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void add(int slot, String name, int h, long nameId) {
        if (nameId > Integer.MAX_VALUE) {
            throw new IllegalStateException("more than 2^31 names");
        }
        int n = name.length();
        if (charsUsed + (long) n > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("more than 2^31 characters of names");
        }
        if (charsUsed + n > chars.length) {
            chars = Arrays.copyOf(chars, (int) Math.min(Integer.MAX_VALUE - 16,
                    Math.max(charsUsed + (long) n, chars.length + (chars.length >> 1))));
        }
        name.getChars(0, n, chars, charsUsed);
        if (size == start.length) {
            int grown = size + (size >> 1);
            start = Arrays.copyOf(start, grown);
            length = Arrays.copyOf(length, grown);
            hash = Arrays.copyOf(hash, grown);
            id = Arrays.copyOf(id, grown);
        }
        start[size] = charsUsed;
        length[size] = n;
        hash[size] = h;
        id[size] = (int) nameId;
        charsUsed += n;
        slots[slot] = ++size;
        if (size * 2L > slots.length) {
            rehash();
        }
    }

    private void rehash() {
        int[] bigger = new int[slots.length * 2];
        int mask = bigger.length - 1;
        for (int k = 0; k < size; k++) {
            int s = mix(hash[k]) & mask;
            while (bigger[s] != 0) {
                s = (s + 1) & mask;
            }
            bigger[s] = k + 1;
        }
        slots = bigger;
    }

    /** Spreads String.hashCode's low bits (identifiers sharing a suffix would cluster in linear probing). */
    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
