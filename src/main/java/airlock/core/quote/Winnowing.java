package airlock.core.quote;

/**
 * Winnowing (Schleimer, Wilkerson and Aiken, "Winnowing: local algorithms for document
 * fingerprinting", SIGMOD 2003; the method of MOSS): of every window of {@code w} consecutive
 * k-gram hashes, the smallest is a fingerprint (the rightmost on ties, recorded once per run). Any
 * shared run of at least {@code w + k - 1} tokens therefore shares at least one fingerprint, while
 * only about {@code 2 / (w + 1)} of the k-grams are kept. Linear time (a monotone queue).
 */
public final class Winnowing {
    private Winnowing() {
    }

    /** The positions (indices into {@code kgrams}) of the fingerprints, in increasing order. */
    public static int[] select(long[] kgrams, int w) {
        int n = kgrams.length;
        if (n == 0) {
            return new int[0];
        }
        int window = Math.min(w, n);
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        int[] out = new int[n];
        int count = 0;
        int last = -1;
        for (int i = 0; i < n; i++) {
            // unsigned comparison: the hashes are uniform over all 64 bits
            while (tail > head && Long.compareUnsigned(kgrams[queue[tail - 1]], kgrams[i]) >= 0) {
                tail--;
            }
            queue[tail++] = i;
            if (queue[head] <= i - window) {
                head++;
            }
            if (i >= window - 1 && queue[head] != last) {
                last = queue[head];
                out[count++] = last;
            }
        }
        return java.util.Arrays.copyOf(out, count);
    }
}
