package airlock.keeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.home.AirlockHome;
import airlock.core.bundle.BundleStore;
import airlock.core.quote.QuoteIndexFile;
import airlock.core.quote.QuoteRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keeper's background quote build (issue 18) against the heap it has: with too little free
 * (a figure injected, nothing allocated) it skips the build and the bundle's other indexes stay
 * ready; with enough it builds the file the seal screen reads.
 */
class KeeperQuoteHeapTest {
    @TempDir
    Path tmp;

    private String build(Path homeDir, String id, long freeHeap) throws Exception {
        return build(homeDir, id, freeHeap, null);
    }

    private String build(Path homeDir, String id, long freeHeap, airlock.core.quote.KeptQuoteIndexes kept) throws Exception {
        AirlockHome home = AirlockHome.open(homeDir);
        ExecutorService workers = Executors.newFixedThreadPool(1);
        java.util.concurrent.CompletableFuture<String> ready = new java.util.concurrent.CompletableFuture<>();
        try (KeeperIndexes indexes = new KeeperIndexes(new BundleStore(home), home.databases(), workers, ready::complete)) {
            indexes.alsoQuotes(QuoteRules.defaults(), kept);
            indexes.freeHeap(() -> freeHeap);
            indexes.queue(id);
            assertEquals(id, ready.get(60, TimeUnit.SECONDS));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!indexes.states().isEmpty() && System.nanoTime() < deadline && indexes.quotesSkipped.isEmpty()
                    && !Files.exists(quoteFile(home, id))) {
                Thread.sleep(20);
            }
            String key = id + " " + new BundleStore(home).get(id).manifest().reviewRef();
            while (kept != null && System.nanoTime() < deadline && kept.get(quoteFile(home, id), key, QuoteRules.defaults()).isEmpty()) {
                Thread.sleep(20); // read and checked right after it was written
            }
            Thread.sleep(200); // a build that was (wrongly) started would now be writing its runs
            assertEquals("ready", indexes.states().get(0).state(), "the bundle stays ready whatever the quote build does");
            return indexes.quotesSkipped.contains(id) ? "skipped" : Files.exists(quoteFile(home, id)) ? "built" : "neither";
        } finally {
            workers.shutdownNow();
        }
    }

    private static Path quoteFile(AirlockHome home, String id) {
        return QuoteIndexFile.path(home.databases(), id, QuoteRules.defaults());
    }

    @Test
    void tooLittleFreeHeapSkipsTheBuildAndEnoughBuildsIt() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);
        Path homeDir = tmp.resolve("home");
        String id = KeeperFixture.prepareHome(tmp, homeDir, clock);
        AirlockHome home = AirlockHome.open(homeDir);

        long need = QuoteIndexFile.buildHeap(1);
        assertEquals("skipped", build(homeDir, id, need - 1));
        assertFalse(Files.exists(quoteFile(home, id)), "nothing written");
        try (var left = Files.list(quoteFile(home, id).getParent().getParent())) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".quote")), "no runs begun");
        } catch (java.nio.file.NoSuchFileException nothing) {
            // the databases folder holds no quotes folder at all: nothing begun
        }

        assertEquals("built", build(homeDir, id, 64L << 30));
        assertTrue(QuoteIndexFile.read(quoteFile(home, id), id + " " + new BundleStore(home).get(id).manifest().reviewRef(),
                QuoteRules.defaults(), f -> "").index() != null, "the file the seal screen reads");
    }

    /**
     * The keeper reads and checks the index it built (or found) once and keeps it for its seal
     * screen, which then pays only the check; a file replaced since is not handed out.
     */
    @Test
    void theKeeperKeepsTheIndexItReadForItsSealScreen() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);
        Path homeDir = tmp.resolve("home");
        String id = KeeperFixture.prepareHome(tmp, homeDir, clock);
        AirlockHome home = AirlockHome.open(homeDir);
        String key = id + " " + new BundleStore(home).get(id).manifest().reviewRef();
        airlock.core.quote.KeptQuoteIndexes kept = new airlock.core.quote.KeptQuoteIndexes();
        assertEquals("built", build(homeDir, id, 64L << 30, kept));
        var held = kept.get(quoteFile(home, id), key, QuoteRules.defaults());
        assertTrue(held.isPresent(), "kept after the build");
        assertTrue(kept.readOrKept(quoteFile(home, id), key, QuoteRules.defaults(), f -> "").orElseThrow() == held.get(),
                "the seal screen gets the index kept, not read again");
        QuoteIndexFile.write(quoteFile(home, id), key, held.get()); // rebuilt: a new file moved into place
        assertTrue(kept.get(quoteFile(home, id), key, QuoteRules.defaults()).isEmpty(), "a replaced file is read again");

        airlock.core.quote.KeptQuoteIndexes atStart = new airlock.core.quote.KeptQuoteIndexes(); // a restart: the file is there
        assertEquals("built", build(homeDir, id, 64L << 30, atStart));
        assertTrue(atStart.get(quoteFile(home, id), key, QuoteRules.defaults()).isPresent(), "read and kept at start-up too");
    }
}
