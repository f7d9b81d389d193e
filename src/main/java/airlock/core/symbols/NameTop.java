package airlock.core.symbols;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link NameTable}'s kept hits: a bounded min-heap of name indexes, the worst (lowest score, then name) on top. */
final class NameTop {
    private final int[] heap;
    private final int[] score;
    private int n;
    private final Map<Integer, Integer> scores = new HashMap<>();

    NameTop(int k) {
        heap = new int[k];
        score = new int[k];
    }

    /** true when (s1, i1) ranks below (s2, i2). */
    private static boolean worse(int s1, int i1, int s2, int i2, NameTable t) {
        if (s1 != s2) {
            return s1 < s2;
        }
        int c = t.compareNames(i1, i2);
        return c != 0 ? c > 0 : i1 > i2;
    }

    boolean full() {
        return n == heap.length;
    }

    int worstScore() {
        return score[0];
    }

    void offer(int s, int i, NameTable t) {
        if (n < heap.length) {
            heap[n] = i;
            score[n] = s;
            up(n++, t);
        } else if (worse(score[0], heap[0], s, i, t)) {
            heap[0] = i;
            score[0] = s;
            down(0, t);
        }
    }

    private void up(int k, NameTable t) {
        while (k > 0) {
            int p = (k - 1) / 2;
            if (!worse(score[k], heap[k], score[p], heap[p], t)) {
                break;
            }
            swap(k, p);
            k = p;
        }
    }

    private void down(int k, NameTable t) {
        while (true) {
            int l = 2 * k + 1;
            int r = l + 1;
            int m = k;
            if (l < n && worse(score[l], heap[l], score[m], heap[m], t)) {
                m = l;
            }
            if (r < n && worse(score[r], heap[r], score[m], heap[m], t)) {
                m = r;
            }
            if (m == k) {
                return;
            }
            swap(k, m);
            k = m;
        }
    }

    private void swap(int a, int b) {
        int h = heap[a];
        heap[a] = heap[b];
        heap[b] = h;
        int s = score[a];
        score[a] = score[b];
        score[b] = s;
    }

    /** The kept indexes, best first. */
    List<Integer> sorted(NameTable t) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(heap[i]);
            scores.put(heap[i], score[i]);
        }
        out.sort((a, b) -> worse(scores.get(a), a, scores.get(b), b, t) ? 1
                : worse(scores.get(b), b, scores.get(a), a, t) ? -1 : 0);
        return out;
    }

    int scoreOf(int i) {
        return scores.get(i);
    }
}
