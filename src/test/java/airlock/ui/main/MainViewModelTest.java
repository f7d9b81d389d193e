package airlock.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.testutil.MemorySource;
import airlock.ui.Texts;
import airlock.ui.code.CopyAttempt;
import airlock.ui.code.DocumentContent;
import airlock.ui.task.FailureTranslator;
import airlock.ui.task.SameThreadTaskExecutor;
import airlock.ui.task.UserFailure;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The window's logic without a toolkit: same-thread executor, in-memory source. */
class MainViewModelTest {
    private final Texts texts = Texts.load(Locale.ROOT);
    private final List<UserFailure> failures = new ArrayList<>();
    private final MainViewModel model = new MainViewModel(texts,
            new SameThreadTaskExecutor(failures::add, new FailureTranslator(texts)),
            Clock.fixed(Instant.parse("2026-11-28T09:30:00Z"), ZoneOffset.UTC), "WS-TEST-0001");
    private final MemorySource source = new MemorySource()
            .put("README.md", "# hello\n")
            .put("src/a.c", "int a;\nint b;\nint c;\n")
            .put("bin/blob", new byte[] {0, 1, 2})
            .put("docs/evil\u202Etxt.exe", "x");

    @Test
    void aStatusMessageExpiresOnlyWhileItIsStillShown() {
        model.showStatus("copy refused");
        model.expireStatus("something older");
        assertEquals("copy refused", model.statusMessageProperty().get());
        model.expireStatus("copy refused");
        assertEquals("", model.statusMessageProperty().get());
    }

    @Test
    void statusBarStartsWithNoSessionAndShowsWorkstationAndClock() {
        assertEquals(texts.get("status.session.none"), model.sessionTextProperty().get());
        assertEquals(texts.format("status.workstation", "WS-TEST-0001"), model.workstationText());
        assertEquals("2026-11-28 09:30 Z", model.clockTextProperty().get());
        assertEquals(texts.get("status.bundle.none"), model.bundleTextProperty().get());
    }

    @Test
    void openingASourceListsItsFilesAndOpensTheFirstFile() {
        model.openSource(source, "src/a.c");
        assertEquals(4, model.fileTree().totalFiles());
        assertEquals(texts.format("status.bundle", "memory / test 1.0", "v1.0"), model.bundleTextProperty().get());
        DocumentViewModel doc = model.selectedProperty().get();
        assertEquals("src/a.c", doc.path());
        assertEquals("int a;\nint b;\nint c;\n", doc.contentProperty().get().text());
        assertEquals(1, doc.lineRequestProperty().get().line());
        assertNull(model.progressProperty().get(), "progress is hidden once done");
    }

    @Test
    void openingTheSameFileTwiceSelectsTheTabAndMovesToTheLine() {
        model.openSource(source);
        model.openFile("src/a.c", 1);
        model.openFile("README.md", 1);
        model.openFile("src/a.c", 3);
        assertEquals(2, model.documents().size());
        assertEquals("src/a.c", model.selectedProperty().get().path());
        assertEquals(3, model.selectedProperty().get().lineRequestProperty().get().line());
    }

    @Test
    void aMissingFileIsAStatusMessageNotATab() {
        model.openSource(source);
        model.openFile("no/such/file", 1);
        assertEquals(0, model.documents().size());
        assertEquals(texts.format("status.file.missing", "no/such/file"), model.statusMessageProperty().get());
    }

    @Test
    void binaryFilesOpenAsHexAndNamesAreEscaped() {
        model.openSource(source);
        model.openFile("bin/blob", 1);
        assertEquals(DocumentContent.Kind.HEX, model.selectedProperty().get().contentProperty().get().kind());
        model.openFile("docs/evil\u202Etxt.exe", 1);
        assertEquals("evil\u27E8U+202E\u27E9txt.exe", model.selectedProperty().get().title());
    }

    @Test
    void aReadFailureIsReportedAndLeavesNoEmptyTab() {
        model.openSource(source);
        source.failWith(new AirlockException("source.read", "object missing"));
        model.openEntry(new airlock.core.source.SourceEntry("README.md", airlock.core.source.EntryKind.FILE, 8, "x"), 1);
        assertEquals(0, model.documents().size());
        assertEquals(1, failures.size());
        assertEquals("source.read", failures.get(0).code());
    }

    @Test
    void closingTabsSelectsANeighbourAndCyclingWraps() {
        model.openSource(source);
        model.openFile("README.md", 1);
        model.openFile("src/a.c", 1);
        model.openFile("bin/blob", 1);
        model.cycle(+1);
        assertEquals("README.md", model.selectedProperty().get().path());
        model.cycle(-1);
        assertEquals("bin/blob", model.selectedProperty().get().path());
        model.closeSelected();
        assertEquals("src/a.c", model.selectedProperty().get().path());
        model.closeAll();
        assertTrue(model.documents().isEmpty());
        assertNull(model.selectedProperty().get());
        model.cycle(+1); // nothing to cycle: no error
    }

    @Test
    void goToLineChecksWhatWasTyped() {
        assertEquals(Optional.of(texts.get("goto.line.nofile")), model.goToLine("3"));
        model.openSource(source);
        model.openFile("src/a.c", 1);
        assertEquals(Optional.of(texts.format("goto.line.invalid", "abc")), model.goToLine("abc"));
        assertTrue(model.goToLine("0").isPresent());
        assertTrue(model.goToLine("99999999999999").isPresent());
        assertEquals(Optional.empty(), model.goToLine(" 2 "));
        assertEquals(2, model.selectedProperty().get().lineRequestProperty().get().line());
    }

    @Test
    void copyAttemptsAreRefusedAndPassedToTheHook() {
        List<CopyAttempt> logged = new ArrayList<>();
        model.addCopyAttemptListener(logged::add);
        CopyAttempt attempt = new CopyAttempt("src/a.c", CopyAttempt.Kind.COPY, 12);
        model.copyRefused(attempt);
        assertEquals(List.of(attempt), logged);
        assertEquals(texts.get("code.copy.refused"), model.statusMessageProperty().get());
    }

    @Test
    void progressIsShownWhileATaskRunsAndHiddenAfter() {
        List<airlock.ui.task.ProgressState> seen = new ArrayList<>();
        model.background(airlock.ui.task.BackgroundTask.of("Indexing", monitor -> {
            monitor.beginTask("files", 10);
            monitor.update(4);
            seen.add(model.progressProperty().get());
            return null;
        }));
        assertEquals(new airlock.ui.task.ProgressState("Indexing", "files", 4, 10), seen.get(0));
        assertNull(model.progressProperty().get());
    }

    @Test
    void aCancelledTaskIsNotAFailure() {
        List<String> outcome = new ArrayList<>();
        model.cancelRunning();
        assertEquals("", model.statusMessageProperty().get(), "nothing to cancel: nothing happens");
        model.background(airlock.ui.task.BackgroundTask.of("Indexing", monitor -> {
            throw new airlock.core.progress.CancelledException();
        }).onCancelled(() -> outcome.add("cancelled")));
        assertEquals(List.of("cancelled"), outcome);
        assertEquals(List.of(), failures, "a cancel is not reported as a failure");
    }

    @Test
    void openingAnotherSourceClosesThePreviousOne() {
        model.openSource(source);
        model.openFile("README.md", 1);
        MemorySource other = new MemorySource().put("x", "y");
        model.openSource(other);
        assertTrue(source.closed());
        assertTrue(model.documents().isEmpty());
        assertEquals(1, model.fileTree().totalFiles());
    }
}
