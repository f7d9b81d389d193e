package airlock.core.log;

import java.util.Arrays;

/**
 * Streaming RFC 6962 Merkle tree head: keeps only the roots of the perfect subtrees of the entries
 * seen so far (at most log2(n) hashes), so a million-entry log is verified in constant memory and
 * the tree head of every prefix is available as entries arrive.
 */
public final class MerkleAccumulator {
    private final LogHashes hashes;
    /** Roots of the perfect subtrees, largest first: one per set bit of {@code size}, high bit first. */
    private byte[][] subtrees = new byte[8][];
    private final byte[] scratch = new byte[LogHashes.LENGTH];
    private int count;
    private long size;

    public MerkleAccumulator(LogHashes hashes) {
        this.hashes = hashes;
    }

    /**
     * Adds the next entry's (leaf) hash. Allocates nothing once the tree has its height: the new
     * node is merged in a scratch array and stored in the slot of the last subtree it absorbed.
     */
    public void add(byte[] entryHash) {
        System.arraycopy(entryHash, 0, scratch, 0, LogHashes.LENGTH);
        // each trailing one bit of size is a perfect subtree of the new node's size: merge it
        for (long bits = size; (bits & 1) == 1; bits >>>= 1) {
            hashes.nodeHash(subtrees[--count], scratch, scratch);
        }
        if (count == subtrees.length) {
            subtrees = Arrays.copyOf(subtrees, 2 * count);
        }
        if (subtrees[count] == null) {
            subtrees[count] = new byte[LogHashes.LENGTH];
        }
        System.arraycopy(scratch, 0, subtrees[count++], 0, LogHashes.LENGTH);
        size++;
    }

    /** An independent copy (the append path builds the next state before COMMIT). */
    public MerkleAccumulator copy() {
        MerkleAccumulator copy = new MerkleAccumulator(hashes);
        copy.subtrees = new byte[subtrees.length][];
        for (int i = 0; i < count; i++) {
            copy.subtrees[i] = subtrees[i].clone();
        }
        copy.count = count;
        copy.size = size;
        return copy;
    }

    public long size() {
        return size;
    }

    /** MTH of all entries added so far (RFC 6962 section 2.1). */
    public byte[] root() {
        if (count == 0) {
            return hashes.emptyRoot();
        }
        byte[] acc = subtrees[count - 1];
        for (int i = count - 2; i >= 0; i--) {
            acc = hashes.nodeHash(subtrees[i], acc);
        }
        return acc;
    }
}
