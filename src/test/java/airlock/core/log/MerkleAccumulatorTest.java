package airlock.core.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The streaming tree head reuses its node arrays: a copy must not see what is added to the original later. */
class MerkleAccumulatorTest {
    private final LogHashes hashes = new LogHashes();

    @Test
    void aCopyKeepsItsRootWhileTheOriginalGrows() {
        for (int n = 0; n < 70; n++) {
            MerkleAccumulator original = tree(n);
            MerkleAccumulator copy = original.copy();
            for (int more = 0; more < 9; more++) {
                original.add(leaf(n + more));
            }
            assertArrayEquals(tree(n).root(), copy.root(), "copy at " + n);
            assertArrayEquals(tree(n + 9).root(), original.root(), "original at " + (n + 9));
            copy.add(leaf(n));
            assertArrayEquals(tree(n + 1).root(), copy.root(), "copy grown at " + (n + 1));
        }
    }

    @Test
    void rootsMatchTheRecursiveDefinition() {
        for (int n = 1; n < 40; n++) {
            assertArrayEquals(recursive(0, n), tree(n).root(), "size " + n);
        }
    }

    /** RFC 6962 MTH(D[lo:hi]) straight from its definition. */
    private byte[] recursive(int lo, int hi) {
        if (hi - lo == 1) {
            return leaf(lo);
        }
        int split = Integer.highestOneBit(hi - lo - 1);
        return hashes.nodeHash(recursive(lo, lo + split), recursive(lo + split, hi));
    }

    private MerkleAccumulator tree(int n) {
        MerkleAccumulator tree = new MerkleAccumulator(new LogHashes());
        for (int i = 0; i < n; i++) {
            tree.add(leaf(i));
        }
        return tree;
    }

    private byte[] leaf(int i) {
        return hashes.entryHash(("entry " + i).getBytes());
    }
}
