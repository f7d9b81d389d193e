package airlock.core.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.progress.ProgressMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The fingerprint contexts kept in the quote index (issue 18): a candidate file is read only when
 * the text's tokens around a shared fingerprint agree with the file's, and no run of minRunTokens
 * is ever lost to that shortcut, wherever the run lies against the fingerprint and the file's ends.
 */
class QuoteContextTest {
    private static final QuoteRules RULES = QuoteRules.defaults();

    /** Files of random identifiers (every token distinct within a file), reads counted. */
    private static final class Words implements QuoteIndex.Source {
        final List<String> texts = new ArrayList<>();
        final AtomicInteger reads = new AtomicInteger();

        Words(int files, int tokens, long seed) {
            Random r = new Random(seed);
            for (int f = 0; f < files; f++) {
                StringBuilder b = new StringBuilder();
                for (int t = 0; t < tokens; t++) {
                    b.append("w").append(Long.toString(r.nextLong() & Long.MAX_VALUE, 36)).append(t % 10 == 9 ? "\n" : " ");
                }
                texts.add(b.toString());
            }
        }

        @Override
        public List<String> paths() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                out.add("f" + i + ".c");
            }
            return out;
        }

        @Override
        public QuoteIndex.FileTexts texts() {
            return id -> {
                reads.incrementAndGet();
                return texts.get(id);
            };
        }

        String[] tokens(int file) {
            return texts.get(file).trim().split("\\s+");
        }
    }

    private static String run(String[] tokens, int from, int length) {
        return String.join(" ", java.util.Arrays.copyOfRange(tokens, from, from + length));
    }

    @Test
    void aRunOfExactlyMinRunTokensIsFoundWhereverItLies() throws Exception {
        Words words = new Words(4, 120, 18);
        QuoteCheck check = new QuoteCheck(QuoteIndex.build(words, RULES, 1, ProgressMonitor.NONE), RULES);
        String[] tokens = words.tokens(2);
        int n = RULES.minRunTokens();
        for (int from = 0; from + n <= tokens.length; from++) {
            // prose around the run on both sides, or the run alone (text ends at the run's ends too)
            for (String text : new String[] {"see the loop near " + run(tokens, from, n) + " in the driver", run(tokens, from, n)}) {
                QuoteCheck.TextScan scan = check.scan(text);
                assertEquals(1, scan.files().size(), from + ": " + text);
                assertEquals("f2.c", scan.files().get(0).path());
                assertEquals(n, scan.files().get(0).tokens(), from + ": " + text);
            }
            assertTrue(check.scan("see " + run(tokens, from, n - 1) + " there").files().isEmpty(), "one token short: " + from);
        }
    }

    @Test
    void aFileSharingOnlyShorterRunsIsNotRead() throws Exception {
        Words words = new Words(3, 200, 7);
        QuoteCheck check = new QuoteCheck(QuoteIndex.build(words, RULES, 1, ProgressMonitor.NONE), RULES);
        int afterBuild = words.reads.get();
        String[] tokens = words.tokens(1);
        StringBuilder text = new StringBuilder();
        for (int from = 0; from + 5 <= tokens.length; from += 7) { // each run one k-gram: a shared fingerprint, nothing more
            text.append(run(tokens, from, 5)).append(" , and ; then ");
        }
        QuoteCheck.TextScan scan = check.scan(text.toString());
        assertTrue(scan.files().isEmpty(), scan.toString());
        assertEquals(afterBuild, words.reads.get(), "runs of 5 share fingerprints with f1.c, but their neighbours rule it out unread");
        assertFalse(check.scan(text + run(tokens, 100, 8)).files().isEmpty(), "one run of 8 and it is read and found");
        assertEquals(afterBuild + 1, words.reads.get());
    }

    @Test
    void aFingerprintAtSeveralPlacesOfAFileMatchesAtAnyOfThem() throws Exception {
        // the same 8 tokens twice in one file with other neighbours: one entry per fingerprint, its context 'any'
        String a = "alpha beta gamma delta epsilon zeta eta theta";
        List<String> texts = List.of("one two three " + a + " four five six seven eight nine ten\n"
                + "red green blue " + a + " cyan magenta yellow black white grey pink\n");
        QuoteIndex.Source source = new QuoteIndex.Source() {
            @Override
            public List<String> paths() {
                return List.of("twice.c");
            }

            @Override
            public QuoteIndex.FileTexts texts() {
                return texts::get;
            }
        };
        QuoteIndex index = QuoteIndex.build(source, RULES, 1, ProgressMonitor.NONE);
        QuoteCheck check = new QuoteCheck(index, RULES);
        assertFalse(check.scan("so: red green blue " + a + " cyan magenta yellow").files().isEmpty());
        assertFalse(check.scan("so: two three " + a + " four five").files().isEmpty());
        boolean any = false;
        for (int i = 0; i < index.table().size(); i++) {
            any |= index.table().context(i) == QuoteIndex.ANY_CONTEXT;
        }
        assertTrue(any, "some fingerprint of the repeated run keeps no single context");
    }

    @Test
    void theFileBuiltInRunsHoldsTheSameEntriesAndContextsAsTheHeap(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        Words words = new Words(40, 3000, 3); // two threads: two runs merged
        QuoteIndex heap = QuoteIndex.build(words, RULES, 2, ProgressMonitor.NONE);
        java.nio.file.Path file = dir.resolve("t.qidx");
        QuoteIndexFile.build(file, "key", words, RULES, 2, ProgressMonitor.NONE);
        QuoteIndex mapped = QuoteIndexFile.read(file, "key", RULES, words.texts()).index();
        assertEquals(heap.fingerprints(), mapped.fingerprints());
        for (int i = 0; i < heap.fingerprints(); i++) {
            assertEquals(heap.table().entry(i), mapped.table().entry(i), "entry " + i);
            assertEquals(heap.table().context(i), mapped.table().context(i), "context " + i);
        }
        try (var left = java.nio.file.Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "no run or temporary left");
        }
    }

    @Test
    void aFileBeyondTheFilesALookupReturnsIsStillRead() throws Exception {
        // 70 files open with the same line: its fingerprints name only the first 64 files. The last file ranks first by
        // the fragments of its own code the text carries (too short to be quotes), and its run of the common line is
        // found as it was before contexts existed: checked through the crowded fingerprint itself
        String header = "copyright holder grants permission to use copy modify merge publish distribute";
        Words own = new Words(1, 200, 5);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 69; i++) {
            texts.add(header + "\nint f" + i + "(void) { return " + i + "; }\n");
        }
        texts.add(header + "\n" + own.texts.get(0));
        QuoteIndex.Source source = new QuoteIndex.Source() {
            @Override
            public List<String> paths() {
                List<String> out = new ArrayList<>();
                for (int i = 0; i < texts.size(); i++) {
                    out.add("f" + i + ".c");
                }
                return out;
            }

            @Override
            public QuoteIndex.FileTexts texts() {
                return texts::get;
            }
        };
        QuoteCheck check = new QuoteCheck(QuoteIndex.build(source, RULES, 1, ProgressMonitor.NONE), RULES);
        String[] tokens = own.tokens(0);
        StringBuilder text = new StringBuilder(header).append(" ; then ");
        for (int from = 0; from + 5 <= tokens.length; from += 7) {
            text.append(run(tokens, from, 5)).append(" , and ; then ");
        }
        QuoteCheck.TextScan scan = check.scan(text.toString());
        assertTrue(scan.files().stream().anyMatch(f -> f.path().equals("f69.c")), scan.toString());
    }
}
