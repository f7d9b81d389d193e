package airlock.core.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.core.git.GitSource;
import airlock.core.home.AirlockHome;
import airlock.core.progress.CancelledException;
import airlock.core.progress.ProgressMonitor;
import airlock.core.source.EntryKind;
import airlock.core.source.SourceEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleImportTest {
    @TempDir
    Path temp;
    private AirlockHome home;
    private BundleIntake intake;
    private BundleVectors vectors;

    @BeforeEach
    void setUp() throws Exception {
        home = VectorHarness.homeWithPinnedKeys(temp.resolve("home"));
        intake = VectorHarness.intake(home);
        vectors = new BundleVectors(temp.resolve("vectors"));
    }

    @Test
    void importsIntoTheReadOnlyStoreAndReadsThroughGitSource() throws Exception {
        ImportResult result = intake.importBundle(vectors.good(), Optional.empty(), ProgressMonitor.NONE);
        assertTrue(result.verification().accepted(), result.verification().summary());
        Path folder = result.storeFolder().orElseThrow();
        assertEquals(result.verification().manifestSha256().orElseThrow(), folder.getFileName().toString());
        assertFalse(Files.isWritable(folder.resolve(BundleFiles.MANIFEST)) && !isRoot(), "store files are read-only");
        List<BundleStore.Imported> imported = new BundleStore(home).list();
        assertEquals(1, imported.size());
        try (GitSource source = new BundleStore(home).open(imported.get(0))) {
            assertEquals(List.of("refs/heads/main", "refs/tags/v1.0", "refs/tags/v2.0"), source.refs());
            assertEquals("refs/tags/v2.0", source.reviewRef());
            SourceEntry main = source.find("refs/tags/v2.0", "src/main.c");
            assertArrayEquals("int main(void) { return 1; }\n".getBytes(StandardCharsets.UTF_8), source.read(main, 1000));
            assertEquals(EntryKind.EXECUTABLE, source.find("refs/tags/v2.0", "run.sh").kind());
            assertEquals(null, source.find("refs/tags/v1.0", "run.sh"));
            assertTrue(source.find("refs/heads/main", "NEWS") != null);
        }
        try (Stream<Path> staging = Files.list(home.staging())) {
            assertEquals(0, staging.count(), "staging is empty after import");
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Test
    void importingTheSameBundleTwiceIsANoOp() throws Exception {
        ImportResult first = intake.importBundle(vectors.good(), Optional.empty(), ProgressMonitor.NONE);
        ImportResult second = intake.importBundle(vectors.good(), Optional.empty(), ProgressMonitor.NONE);
        assertFalse(first.alreadyImported());
        assertTrue(second.alreadyImported());
        assertEquals(first.storeFolder(), second.storeFolder());
        assertEquals(1, new BundleStore(home).list().size());
    }

    /**
     * Intake keeps the review ref's listing (issue 20): the file tree's first opening reads it instead of
     * walking the tree. Re-importing writes it when it is missing; a listing that cannot be written (its
     * folder is a file) leaves the import standing, and the first opening walks as before.
     */
    @Test
    void intakeKeepsTheReviewRefsListingSoTheFirstOpeningReadsIt() throws Exception {
        ImportResult result = intake.importBundle(vectors.good(), Optional.empty(), ProgressMonitor.NONE);
        BundleStore store = new BundleStore(home);
        BundleStore.Imported imported = store.list().get(0);
        String commit = imported.manifest().refs().get(imported.manifest().reviewRef());
        Path kept = airlock.core.git.ListingFile.fileFor(store.listings(), commit);
        assertTrue(Files.isRegularFile(kept), "intake wrote the listing");
        try (GitSource source = store.open(imported)) {
            List<SourceEntry> listed = source.list(source.reviewRef());
            assertEquals("read", source.listingNote(source.reviewRef()), "the first opening reads the kept listing");
            assertTrue(listed.stream().anyMatch(e -> e.path().equals("src/main.c")));
        }
        assertEquals("kept", store.keepListing(imported), "a kept listing is not written again");

        Files.delete(kept);
        assertTrue(intake.importBundle(vectors.good(), Optional.empty(), ProgressMonitor.NONE).alreadyImported());
        assertTrue(Files.isRegularFile(kept), "re-importing writes a missing listing");

        Files.delete(kept);
        Files.delete(store.listings());
        Files.writeString(store.listings(), "not a folder");
        assertTrue(intake.importBundle(vectors.good(), Optional.empty(), ProgressMonitor.NONE).storeFolder().isPresent(),
                "the import stands when the listing cannot be kept");
        try (GitSource source = store.open(imported)) {
            source.list(source.reviewRef());
            assertTrue(source.listingNote(source.reviewRef()).startsWith("walked; not kept"), source.listingNote(source.reviewRef()));
        }
        assertEquals(result.storeFolder(), store.list().stream().map(b -> Optional.of(b.folder())).findFirst().orElseThrow());
    }

    @Test
    void aFailedImportLeavesNothingThatLooksImportedAndCanBeRetried() throws Exception {
        String id = intake.verify(vectors.good(), Optional.empty(), ProgressMonitor.NONE).manifestSha256().orElseThrow();
        Path blocker = Files.writeString(home.store().resolve(id), "in the way");
        AirlockException e = assertThrows(AirlockException.class,
                () -> intake.importBundle(vectors.good(), Optional.empty(), ProgressMonitor.NONE));
        assertEquals("bundle.import", e.code());
        assertTrue(new BundleStore(home).list().isEmpty());
        try (Stream<Path> staging = Files.list(home.staging())) {
            assertEquals(0, staging.count());
        }
        Files.delete(blocker);
        assertTrue(intake.importBundle(vectors.good(), Optional.empty(), ProgressMonitor.NONE).storeFolder().isPresent());
    }

    @Test
    void leftoverStagingFromACrashIsDiscardedAndNeverListed() throws Exception {
        Path leftover = Files.createDirectories(home.staging().resolve("intake-crashed").resolve("repo.git"));
        Files.writeString(leftover.resolve("HEAD"), "ref: refs/heads/main\n");
        assertTrue(new BundleStore(home).list().isEmpty());
        intake.discardUnfinished();
        assertFalse(Files.exists(leftover));
    }

    @Test
    void cancellingStopsAndDiscardsStaging() throws Exception {
        ProgressMonitor cancelled = ProgressMonitor.cancelledWhen(() -> true);
        assertThrows(CancelledException.class, () -> intake.importBundle(vectors.good(), Optional.empty(), cancelled));
        assertTrue(new BundleStore(home).list().isEmpty());
        try (Stream<Path> staging = Files.list(home.staging())) {
            assertEquals(0, staging.count());
        }
    }

    @Test
    void aNewerSequenceIsAcceptedAfterAnOlderOne() throws Exception {
        assertTrue(intake.importBundle(vectors.goodV1(), Optional.empty(), ProgressMonitor.NONE).verification().accepted());
        assertTrue(intake.importBundle(vectors.good(), Optional.empty(), ProgressMonitor.NONE).verification().accepted());
        VerificationResult replay = intake.verify(vectors.goodV1(), Optional.empty(), ProgressMonitor.NONE);
        assertEquals(Optional.of(Check.ROLLBACK), replay.failedCheck());
        assertTrue(Files.isRegularFile(home.root().resolve("evidence").resolve(replay.manifestSha256().orElseThrow())
                .resolve(BundleFiles.MANIFEST)), "the refused manifest is kept as evidence");
    }

    @Test
    void aVendorNameIsBoundToTheKeyItWasFirstAcceptedUnder() throws Exception {
        assertTrue(intake.importBundle(vectors.goodV1(), Optional.empty(), ProgressMonitor.NONE).verification().accepted());
        BundleFiles byB = vectors.create("by-b", List.of(), "v2.0", 3, Optional.empty(), TestKeys.VENDOR_B);
        VerificationResult result = intake.verify(byB, Optional.empty(), ProgressMonitor.NONE);
        assertEquals(Optional.of(Check.SIGNATURE), result.failedCheck(), result.summary());
        assertTrue(result.reason().contains("were accepted here under key"), result.reason());
    }
}
