package airlock.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.annotate.Anchor;
import airlock.core.annotate.AnchorState;
import airlock.core.annotate.AnchoredRange;
import airlock.core.annotate.Annotation;
import airlock.core.annotate.AnnotationContent;
import airlock.core.annotate.AnnotationOrder;
import airlock.core.annotate.Confidence;
import airlock.core.annotate.LineIndex;
import airlock.core.annotate.MemorySourceTree;
import airlock.core.annotate.Severity;
import airlock.core.annotate.Status;
import airlock.core.log.EntryType;
import airlock.testutil.TestSessions;
import airlock.ui.Texts;
import airlock.ui.main.MainViewModel;
import airlock.ui.task.FailureTranslator;
import airlock.ui.task.SameThreadTaskExecutor;
import airlock.ui.task.UserFailure;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The annotations view model without a toolkit: same-thread executor, a real session and database. */
class AnnotationsModelTest {
    static final String V1 = "refs/tags/v1";
    static final String V2 = "refs/tags/v2";
    static final String CODE = "int f(char *p) {\n    strcpy(buf, p);\n    return 0;\n}\n";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path dir;
    private final Texts texts = Texts.load(Locale.ROOT);
    private final List<UserFailure> failures = new ArrayList<>();
    private final MainViewModel main = new MainViewModel(texts, new SameThreadTaskExecutor(failures::add, new FailureTranslator(texts)),
            CLOCK, "WS-TEST");
    private final AtomicInteger n = new AtomicInteger();
    private final AnnotationsModel model = new AnnotationsModel(main, texts, CLOCK, () -> "00000000-0000-4000-8000-" + String.format("%012d", n.incrementAndGet()));

    private static Anchor anchor(MemorySourceTree tree) throws Exception {
        LineIndex idx = new LineIndex(CODE);
        int at = CODE.indexOf("strcpy");
        return new Anchor(V1, tree.commitOf(V1), "src/f.c", MemorySourceTree.blobId(CODE), List.of(AnchoredRange.of(idx, idx.range(at, at + 15))));
    }

    private static AnnotationContent content(String title, Severity severity) {
        return new AnnotationContent(title, "body", severity, Confidence.HIGH, 120, List.of("memory"));
    }

    @Test
    void changesAreLoggedUndoneAsNewEditsFilteredAndPlacedOnTheReviewedVersion() throws Exception {
        MemorySourceTree tree = new MemorySourceTree().put(V1, "src/f.c", CODE).put(V2, "src/f.c", "// added\n" + CODE);
        try (TestSessions s = TestSessions.start(dir.resolve("home"), "s-vm", "alice", CLOCK, 0)) {
            main.openSource(new RefView(tree, V1));
            model.attach(s.session(), s.store().file(), b -> { });
            assertTrue(model.bindingProperty().get() != null, failures.toString());
            List<Annotation> made = new ArrayList<>();
            model.create(anchor(tree), content("Unbounded copy", Severity.HIGH), Status.CONFIRMED, made::add);
            model.create(anchor(tree), content("Style", Severity.LOW), Status.OPEN, made::add);
            assertEquals(2, model.visible().size());
            assertEquals("Unbounded copy", model.visible().get(0).annotation().title(), "severity order: high first");
            assertEquals(Status.CONFIRMED, model.annotations().get(0).status());

            model.edit(model.annotations().get(0), content("Unbounded strcpy", Severity.CRITICAL), Status.CONFIRMED);
            model.setStatus(model.annotations().get(0), Status.DISPUTED);
            assertEquals(2, model.undoDepth());
            model.undo();
            assertEquals(Status.CONFIRMED, model.annotations().get(0).status());
            model.undo();
            assertEquals("Unbounded copy", model.annotations().get(0).title());
            assertEquals(Severity.HIGH, model.annotations().get(0).severity());

            model.reply(model.annotations().get(0), "Vendor agrees.");
            assertEquals(1, model.annotations().get(0).replies().size());
            model.delete(made.get(1));
            assertEquals(1, model.annotations().size());

            model.filterTextProperty().set("nothing like this");
            assertEquals(0, model.visible().size());
            model.filterTextProperty().set("strcpy");
            assertEquals(0, model.visible().size(), "the title went back to 'copy'");
            model.filterTextProperty().set("");
            model.filterCategoryProperty().set("CWE-120");
            model.filterSeverityProperty().set(Severity.HIGH);
            model.orderProperty().set(AnnotationOrder.FILE);
            assertEquals(1, model.visible().size());

            model.toggleFileReviewed(V1, "src/f.c", MemorySourceTree.blobId(CODE));
            assertEquals(1, model.marks().size());
            model.toggleFileReviewed(V1, "src/f.c", MemorySourceTree.blobId(CODE));
            assertEquals(0, model.marks().size(), "the toggle takes the mark back");
            model.addBookmark(V1, "src/f.c", 2, "strcpy");
            assertEquals(1, model.bookmarks().size());

            assertEquals(AnchorState.CURRENT, model.visible().get(0).state());
            main.openSource(new RefView(tree, V2));
            AnnotationsModel.PanelRow row = model.visible().get(0);
            assertEquals(AnchorState.MOVED, row.state(), "one line added above it in v2");
            assertEquals(3, row.shownAnchor().primary().range().startLine());
            assertEquals(2, row.annotation().anchor().primary().range().startLine(), "the stored finding is unchanged");

            List<EntryType> types = new ArrayList<>();
            airlock.core.log.EntryCodec codec = new airlock.core.log.EntryCodec();
            airlock.core.log.SessionLog.readEntries(s.store(), "s-vm", bytes -> types.add(codec.decode(bytes).type()));
            assertEquals(3, types.stream().filter(t -> t == EntryType.ANNOTATION_STATUS_CHANGED).count(), "confirm, dispute, undo");
            assertTrue(types.contains(EntryType.REVIEW_UNMARKED) && types.contains(EntryType.BOOKMARK_ADDED));
            assertTrue(s.verify().isValid());
            assertEquals(List.of(), failures);
        }
    }

    @Test
    void withoutASessionNothingIsAnnotatedAndTheUserIsTold() throws Exception {
        MemorySourceTree tree = new MemorySourceTree().put(V1, "src/f.c", CODE);
        main.openSource(new RefView(tree, V1));
        model.create(anchor(tree), content("x", Severity.LOW), Status.OPEN, a -> { });
        assertEquals(0, model.annotations().size());
        assertEquals(texts.get("annot.nosession"), main.statusMessageProperty().get());
    }

    /** The memory tree seen at one ref, as a ref switch re-opens a source. */
    static final class RefView implements airlock.core.source.SourceTree {
        private final MemorySourceTree tree;
        private final String ref;

        RefView(MemorySourceTree tree, String ref) {
            this.tree = tree;
            this.ref = ref;
        }

        @Override
        public String label() {
            return "memory";
        }

        @Override
        public List<String> refs() {
            return tree.refs();
        }

        @Override
        public String reviewRef() {
            return ref;
        }

        @Override
        public String commitOf(String r) throws airlock.core.AirlockException {
            return tree.commitOf(r);
        }

        @Override
        public List<airlock.core.source.SourceEntry> list(String r) throws airlock.core.AirlockException {
            return tree.list(r);
        }

        @Override
        public airlock.core.source.SourceEntry find(String r, String path) throws airlock.core.AirlockException {
            return tree.find(r, path);
        }

        @Override
        public byte[] read(airlock.core.source.SourceEntry entry, long maxBytes) throws airlock.core.AirlockException {
            return tree.read(entry, maxBytes);
        }

        @Override
        public void close() {
        }
    }
}
