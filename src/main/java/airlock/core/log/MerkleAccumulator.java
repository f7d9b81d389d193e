package airlock.core.log;

import java.util.ArrayList;
import java.util.List;

/**
 * Streaming RFC 6962 Merkle tree head: keeps only the roots of the perfect subtrees of the entries
 * seen so far (at most log2(n) hashes), so a million-entry log is verified in constant memory and
 * the tree head of every prefix is available as entries arrive.
 */
public final class MerkleAccumulator {
    private final LogHashes hashes;
    private final List<byte[]> subtrees = new ArrayList<>();
    private final List<Long> sizes = new ArrayList<>();
    private long size;

    public MerkleAccumulator(LogHashes hashes) {
        this.hashes = hashes;
    }

    /** Adds the next entry's (leaf) hash. */
    public void add(byte[] entryHash) {
        byte[] node = entryHash;
        long nodeSize = 1;
        while (!sizes.isEmpty() && sizes.get(sizes.size() - 1) == nodeSize) {
            int last = sizes.size() - 1;
            node = hashes.nodeHash(subtrees.remove(last), node);
            sizes.remove(last);
            nodeSize *= 2;
        }
        subtrees.add(node);
        sizes.add(nodeSize);
        size++;
    }

    /** An independent copy (the append path builds the next state before COMMIT). */
    public MerkleAccumulator copy() {
        MerkleAccumulator copy = new MerkleAccumulator(hashes);
        copy.subtrees.addAll(subtrees);
        copy.sizes.addAll(sizes);
        copy.size = size;
        return copy;
    }

    public long size() {
        return size;
    }

    /** MTH of all entries added so far (RFC 6962 section 2.1). */
    public byte[] root() {
        if (subtrees.isEmpty()) {
            return hashes.emptyRoot();
        }
        byte[] acc = subtrees.get(subtrees.size() - 1);
        for (int i = subtrees.size() - 2; i >= 0; i--) {
            acc = hashes.nodeHash(subtrees.get(i), acc);
        }
        return acc;
    }
}
