package airlock.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.annotate.AnchorState;
import airlock.core.annotate.Annotation;
import airlock.core.annotate.Severity;
import airlock.core.annotate.Status;
import airlock.core.export.ExportFormat;
import airlock.core.git.GitSource;
import airlock.core.git.IsolatedGit;
import airlock.core.log.EntryCodec;
import airlock.core.log.EntryType;
import airlock.core.log.LogEntry;
import airlock.testutil.Screenshots;
import airlock.testutil.TestSessions;
import airlock.ui.Texts;
import airlock.ui.WorkstationWindow;
import airlock.ui.code.CodeViewPane;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 7's done-when flow in the real window (headless): annotate a range of a small C project
 * (two ranges, Markdown body, CWE from the catalogue), reply, change status, mark the file
 * reviewed, switch to the next version and see the finding moved (and one outdated), export all
 * four formats; the session log verifies and holds every create, edit and delete with full content.
 */
@ExtendWith(ApplicationExtension.class)
class AnnotationsGuiTest {
    static final String V1 = "refs/tags/v1.0";
    static final String V2 = "refs/tags/v1.1";
    static final String PARSE = "src/parse.c";
    static final String PARSE_V1 = "#include <string.h>\n#include \"parse.h\"\n\n"
            + "/* Copies the packet's name into the session. */\n"
            + "int parse_name(struct session *s, const char *packet)\n{\n"
            + "\tchar name[32];\n"
            + "\tstrcpy(name, packet + HEADER_LEN);\n"
            + "\tif (s->debug)\n\t\tprintf(\"name=%s\\n\", name);\n"
            + "\treturn store_name(s, name);\n}\n\n"
            + "int parse_flags(const char *packet)\n{\n\treturn packet[1] & 0x7f; /* legacy mask */\n}\n";
    static final String PARSE_V2 = "#include <string.h>\n#include <stdio.h>\n#include \"parse.h\"\n\n"
            + "/* Limits shared with the vendor's protocol notes. */\n#define NAME_MAX_LEN 31\n\n"
            + "/* Copies the packet's name into the session. */\n"
            + "int parse_name(struct session *s, const char *packet)\n{\n"
            + "\tchar name[32];\n"
            + "\tstrcpy(name, packet + HEADER_LEN);\n"
            + "\tif (s->debug)\n\t\tprintf(\"name=%s\\n\", name);\n"
            + "\treturn store_name(s, name);\n}\n\n"
            + "int parse_flags(const char *packet)\n{\n\treturn packet[1];\n}\n";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:30:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path dir;
    private WorkstationWindow window;
    private TestSessions session;

    @Start
    void start(Stage stage) throws Exception {
        GitSource source = repo(dir.resolve("repo-" + System.nanoTime()));
        session = TestSessions.start(dir.resolve("home-" + System.nanoTime()), "s-2026-11-28-a", "Alice Inspector", CLOCK, 0);
        window = new WorkstationWindow(stage, Texts.load(Locale.ROOT), CLOCK, "WS-TEST-0007", session.home().databases());
        window.session().open(session.session());
        stage.show();
        window.model().openSource(source, PARSE);
    }

    @Stop
    void stop() throws Exception {
        window.close();
        session.close();
    }

    static GitSource repo(Path work) throws Exception {
        IsolatedGit.install();
        Files.createDirectories(work.resolve("src"));
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            Files.writeString(work.resolve(PARSE), PARSE_V1, StandardCharsets.UTF_8);
            Files.writeString(work.resolve("src/parse.h"), "#define HEADER_LEN 4\nstruct session { int debug; };\n", StandardCharsets.UTF_8);
            Files.writeString(work.resolve("README.md"), "# packet parser\n", StandardCharsets.UTF_8);
            commit(git, "v1.0", 1_700_000_000L);
            git.tag().setName("v1.0").setAnnotated(false).call();
            Files.writeString(work.resolve(PARSE), PARSE_V2, StandardCharsets.UTF_8);
            commit(git, "v1.1: name limit, flags", 1_700_000_100L);
            git.tag().setName("v1.1").setAnnotated(false).call();
        }
        var repository = new FileRepositoryBuilder().setWorkTree(work.toFile()).setMustExist(true).build();
        return GitSource.ofAllRefs(repository, "vendor / packet-parser", V1);
    }

    private static void commit(Git git, String message, long seconds) throws Exception {
        git.add().addFilepattern(".").call();
        PersonIdent who = new PersonIdent(new PersonIdent("Vendor", "dev@example.invalid"), Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
        git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    }

    @Test
    void annotateReplyTriageReviewSwitchRefAndExport(FxRobot robot) throws Exception {
        AnnotationsFeature feature = window.annotations();
        AnnotationsModel model = feature.model();
        waitUntil(() -> model.bindingProperty().get() != null && view() != null && view().text().contains("strcpy(name"));
        CodeViewPane pane = view();
        waitUntil(() -> feature.codeMarks().of(pane).map(m -> m.map != null).orElse(false));

        // 1. annotate the strcpy call, add the buffer declaration as a second range
        String text = pane.text();
        int call = text.indexOf("strcpy(name, packet + HEADER_LEN);");
        robot.interact(() -> pane.codeArea().selectRange(call, call + "strcpy(name, packet + HEADER_LEN);".length()));
        robot.interact(feature::annotateSelection);
        waitUntil(() -> feature.lastEditor() != null && feature.lastEditor().stage().isShowing());
        AnnotationEditor editor = feature.lastEditor();
        int decl = text.indexOf("char name[32];");
        robot.interact(() -> {
            pane.codeArea().selectRange(decl, decl + "char name[32];".length());
            editor.titleField().setText("Unbounded copy of the packet name into a 32-byte buffer");
            editor.bodyArea().setText("## Impact\nA name longer than **31 bytes** overflows `name` on the stack.\n\n"
                    + "- reachable from `parse_packet`\n- see [CWE-120](https://cwe.mitre.org/data/definitions/120.html)\n\n"
                    + "```\nstrcpy(name, packet + HEADER_LEN);\n```");
            editor.severityBox().setValue(Severity.HIGH);
            editor.tagsField().setText("memory, network-input");
            editor.cwePicker().queryField().setText("120");
        });
        waitUntil(() -> !editor.cwePicker().resultList().getItems().isEmpty());
        robot.interact(() -> editor.stage().toFront());
        // one click on a result picks it (no double-click to discover)
        robot.clickOn(robot.from(editor.stage().getScene().getRoot()).lookup("#cwe-results .list-cell")
                .match((javafx.scene.control.ListCell<?> cell) -> cell.getIndex() == 0).<javafx.scene.Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> clickAddRange(editor));
        waitUntil(() -> editor.rangeLabels().size() == 2);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // let the Markdown preview's pause run
        waitUntil(() -> MarkdownView.textOf(((javafx.scene.control.ScrollPane) editor.stage().getScene().lookup(".md-preview")).getContent())
                .contains("31 bytes"));
        robot.interact(() -> Screenshots.shot(editor.stage().getScene(), "annot-editor.png"));
        assertEquals(120, editor.cwePicker().chosenProperty().get().id());
        robot.interact(editor::trySave);
        waitUntil(() -> model.annotations().size() == 1);
        Annotation finding = model.annotations().get(0);
        assertEquals(2, finding.anchor().ranges().size());
        assertEquals("strcpy(name, packet + HEADER_LEN);", finding.anchor().primary().originalText());
        assertEquals(8, finding.anchor().primary().range().startLine());
        assertEquals(List.of("memory", "network-input"), finding.tags());

        // a second finding on code that v1.1 changes, to be seen outdated later; a third to delete
        String flags = "return packet[1] & 0x7f; /* legacy mask */";
        int at = text.indexOf(flags);
        robot.interact(() -> pane.codeArea().selectRange(at, at + flags.length()));
        robot.interact(feature::annotateSelection);
        waitUntil(() -> feature.lastEditor() != editor && feature.lastEditor() != null);
        robot.interact(() -> {
            feature.lastEditor().titleField().setText("Flag mask drops the top bit");
            feature.lastEditor().severityBox().setValue(Severity.LOW);
            feature.lastEditor().trySave();
        });
        waitUntil(() -> model.annotations().size() == 2);
        robot.interact(() -> pane.codeArea().selectRange(0, 19));
        robot.interact(feature::annotateSelection);
        waitUntil(() -> feature.lastEditor() != null && feature.lastEditor().titleField().getText().isEmpty());
        robot.interact(() -> {
            feature.lastEditor().titleField().setText("Temporary note");
            feature.lastEditor().trySave();
        });
        waitUntil(() -> model.annotations().size() == 3);
        Annotation temporary = model.annotations().stream().filter(a -> a.title().equals("Temporary note")).findFirst().orElseThrow();

        // 2. reply, change status, edit and undo, delete
        robot.interact(() -> model.reply(byTitle(model, "Unbounded"), "The vendor's notes say names are at most 16 bytes; the code does not check."));
        waitUntil(() -> byTitle(model, "Unbounded").replies().size() == 1);
        robot.interact(() -> model.setStatus(byTitle(model, "Unbounded"), Status.CONFIRMED));
        waitUntil(() -> byTitle(model, "Unbounded").status() == Status.CONFIRMED);
        robot.interact(() -> model.edit(byTitle(model, "Flag"), byTitle(model, "Flag").content(), Status.DISPUTED));
        waitUntil(() -> byTitle(model, "Flag").status() == Status.DISPUTED);
        robot.interact(model::undo);
        waitUntil(() -> byTitle(model, "Flag").status() == Status.OPEN);
        robot.interact(() -> model.delete(temporary));
        waitUntil(() -> model.annotations().size() == 2);

        // 3. mark the file reviewed; the tree shows it and the folder's coverage
        robot.interact(feature::toggleFileReviewed);
        waitUntil(() -> model.marks().size() == 1);
        waitUntil(() -> feature.coverage().of("src") != null && feature.coverage().of("src").reviewedFiles() == 1);
        waitUntil(() -> feature.codeMarks().of(pane).map(m -> m.markedLines().contains(7) && m.highlightCount() == 3
                && m.reviewedLines().get(0)).orElse(false));
        String preview = feature.codeMarks().preview(byTitle(model, "Unbounded"));
        assertTrue(preview.contains("high") && preview.contains("confirmed") && preview.contains("CWE-120"), preview);
        robot.interact(() -> {
            pane.goToLine(8);
            Screenshots.shot(window.stage().getScene(), "annot-gutter.png");
        });

        robot.interact(() -> {
            window.view().fileTree().reveal(PARSE);
            Screenshots.shot(window.stage().getScene(), "coverage-tree.png");
        });
        robot.interact(() -> {
            feature.showPanel();
            model.selectedProperty().set(model.row(byTitle(model, "Unbounded").id()).orElseThrow());
        });
        waitUntil(() -> MarkdownView.textOf(feature.panel().detail()).contains("16 bytes"));
        robot.interact(() -> Screenshots.shot(window.stage().getScene(), "annot-panel.png"));
        robot.interact(() -> model.filterTextProperty().set("mask"));
        assertEquals(1, model.visible().size());
        robot.interact(() -> model.filterTextProperty().set(""));

        // 4. switch to v1.1: the strcpy finding moved down 4 lines, the mask one is outdated
        robot.interact(() -> window.versions().switchTo(V2));
        waitUntil(() -> V2.equals(window.model().sourceProperty().get().reviewRef()) && view() != null
                && view().text().contains("NAME_MAX_LEN"));
        waitUntil(() -> model.visible().size() == 2 && model.visible().stream().allMatch(r -> r.placement() != null
                && r.placement().annotation().anchor().ref().equals(V2) == (r.state() != AnchorState.OUTDATED)));
        AnnotationsModel.PanelRow moved = model.row(byTitle(model, "Unbounded").id()).orElseThrow();
        assertEquals(AnchorState.MOVED, moved.state());
        assertEquals(12, moved.shownAnchor().primary().range().startLine());
        assertEquals(8, moved.annotation().anchor().primary().range().startLine(), "stored anchor unchanged");
        AnnotationsModel.PanelRow outdated = model.row(byTitle(model, "Flag").id()).orElseThrow();
        assertEquals(AnchorState.OUTDATED, outdated.state());
        CodeViewPane v2 = view();
        waitUntil(() -> feature.codeMarks().of(v2).map(m -> m.markedLines().contains(11) && m.highlightCount() == 2).orElse(false));
        robot.interact(() -> v2.goToLine(12));
        waitUntil(() -> model.selectedProperty().get() != null
                && model.selectedProperty().get().annotation().title().startsWith("Unbounded"));
        robot.interact(() -> model.selectedProperty().set(model.row(byTitle(model, "Flag").id()).orElseThrow()));
        waitUntil(() -> MarkdownView.textOf(feature.panel().detail()).contains("legacy mask"));
        robot.interact(() -> Screenshots.shot(window.stage().getScene(), "annot-reanchored.png"));

        // 5. export every format, recorded in the log
        Path media = Files.createDirectories(dir.resolve("media-" + System.nanoTime()));
        robot.interact(() -> feature.exportTo(media, EnumSet.allOf(ExportFormat.class)));
        waitUntil(() -> feature.dialogs().lastWritten() != null && feature.dialogs().lastWritten().isShowing());
        robot.interact(() -> Screenshots.shot(feature.dialogs().lastWritten().getDialogPane().getScene(), "annot-export.png"));
        for (ExportFormat f : ExportFormat.values()) {
            assertTrue(Files.size(media.resolve(f.fileName("s-2026-11-28-a"))) > 0, f.fileName("s-2026-11-28-a"));
        }
        String json = Files.readString(media.resolve("annotations-s-2026-11-28-a.json"));
        assertFalse(json.contains("\"snippet\""), "no code snippets without a room policy");
        assertTrue(json.contains("\"anchorState\""));

        // the log verifies and holds every create, edit and delete with full content
        assertTrue(session.verify().isValid(), session.verify().describe());
        List<LogEntry> entries = entries();
        List<EntryType> types = entries.stream().map(LogEntry::type).toList();
        assertEquals(3, types.stream().filter(t -> t == EntryType.ANNOTATION_CREATED).count());
        assertTrue(types.contains(EntryType.ANNOTATION_EDITED) && types.contains(EntryType.ANNOTATION_DELETED)
                && types.contains(EntryType.ANNOTATION_STATUS_CHANGED) && types.contains(EntryType.REVIEWED_MARKED));
        assertEquals(4, types.stream().filter(t -> t == EntryType.EXPORT_WRITTEN).count());
        // the finding text is committed in the log (issue 18); the room's disclosure table holds the full content
        LogEntry deleted = entries.stream().filter(e -> e.type() == EntryType.ANNOTATION_DELETED).findFirst().orElseThrow();
        assertEquals("Temporary note", disclosed(deleted).get("title"));
        LogEntry created = entries.stream().filter(e -> e.type() == EntryType.ANNOTATION_CREATED).findFirst().orElseThrow();
        assertTrue(airlock.core.log.FieldCommitment.of(created.data().get("annotation")) != null, "committed, not in clear");
        Map<?, ?> content = disclosed(created);
        assertTrue(String.valueOf(content.get("body")).contains("31 bytes"));
        assertEquals("CWE-120", content.get("cwe"));
    }

    /** The finding an annotation entry commits to, from the room's disclosure table. */
    private Map<?, ?> disclosed(LogEntry entry) throws Exception {
        for (airlock.core.log.Disclosure d : airlock.core.log.Disclosures.list(session.store(), "s-2026-11-28-a")) {
            if (d.entry() == entry.seq() && d.field().equals("annotation")) {
                return (Map<?, ?>) d.value();
            }
        }
        throw new AssertionError("no disclosure for entry " + entry.seq());
    }

    private static void clickAddRange(AnnotationEditor editor) {
        ((javafx.scene.control.Button) editor.stage().getScene().lookup("#annot-add-range")).fire();
    }

    private List<LogEntry> entries() throws Exception {
        List<LogEntry> out = new ArrayList<>();
        EntryCodec codec = new EntryCodec();
        byte[] all = session.entries();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                out.add(codec.decode(Arrays.copyOfRange(all, start, i)));
                start = i + 1;
            }
        }
        return out;
    }

    private static Annotation byTitle(AnnotationsModel model, String prefix) {
        return model.annotations().stream().filter(a -> a.title().startsWith(prefix)).findFirst().orElseThrow();
    }

    /**
     * Issue 19: the finding editor takes the keyboard on its title when shown, closes with Esc and with
     * Ctrl+W (only Esc did), Enter in the title saves (the default button), and it lies on the screen.
     */
    @Test
    void theFindingEditorTakesItsKeys(FxRobot robot) throws Exception {
        AnnotationsFeature feature = window.annotations();
        waitUntil(() -> feature.model().bindingProperty().get() != null && view() != null && view().text().contains("strcpy(name"));
        CodeViewPane pane = view();
        waitUntil(() -> feature.codeMarks().of(pane).map(m -> m.map != null).orElse(false));
        int call = pane.text().indexOf("strcpy(name");
        List<String> problems = new ArrayList<>();
        for (javafx.scene.input.KeyCode[] close : List.of(new javafx.scene.input.KeyCode[] {javafx.scene.input.KeyCode.ESCAPE},
                new javafx.scene.input.KeyCode[] {javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.W})) {
            AnnotationEditor editor = openEditor(robot, feature, pane, call);
            robot.press(close);
            robot.release(close);
            WaitForAsyncUtils.waitForFxEvents();
            try {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !editor.stage().isShowing());
            } catch (java.util.concurrent.TimeoutException e) {
                problems.add((close.length == 1 ? "Esc" : "Ctrl+W") + " did not close the editor");
                robot.interact(() -> editor.stage().close());
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(feature.model().annotations().isEmpty(), "closing saved nothing");

        AnnotationEditor editor = openEditor(robot, feature, pane, call);
        robot.targetWindow(editor.stage()).write("Saved by Enter"); // typed into the window that has the keyboard
        waitUntil(() -> "Saved by Enter".equals(editor.titleField().getText()));
        robot.type(javafx.scene.input.KeyCode.ENTER);
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !editor.stage().isShowing());
        } catch (java.util.concurrent.TimeoutException e) {
            String[] state = new String[1];
            robot.interact(() -> state[0] = "focus " + editor.stage().getScene().getFocusOwner() + ", problem \""
                    + ((javafx.scene.control.Label) editor.stage().getScene().lookup(".annot-problem")).getText() + "\"");
            robot.interact(() -> Screenshots.shot(editor.stage().getScene(), "annot-editor-enter.png"));
            throw new AssertionError("Enter did not save the finding: " + state[0], e);
        }
        waitUntil(() -> feature.model().annotations().stream().anyMatch(a -> a.title().equals("Saved by Enter")));
    }

    /** Selects from {@code start}, opens the editor, and checks it has the keyboard on its title and lies on the screen. */
    private AnnotationEditor openEditor(FxRobot robot, AnnotationsFeature feature, CodeViewPane pane, int start) throws Exception {
        AnnotationEditor before = feature.lastEditor();
        robot.interact(() -> pane.codeArea().selectRange(start, start + 6));
        robot.interact(feature::annotateSelection);
        waitUntil(() -> feature.lastEditor() != null && feature.lastEditor() != before && feature.lastEditor().stage().isShowing());
        AnnotationEditor editor = feature.lastEditor();
        waitUntil(() -> editor.stage().isFocused() && editor.stage().getScene().getFocusOwner() == editor.titleField());
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Stage s = editor.stage();
        assertTrue(s.getX() >= screen.getMinX() && s.getY() >= screen.getMinY() && s.getX() + s.getWidth() <= screen.getMaxX() + 0.5
                && s.getY() + s.getHeight() <= screen.getMaxY() + 0.5, "the editor lies on the screen: " + s.getX() + "," + s.getY()
                + " " + s.getWidth() + "x" + s.getHeight() + " in " + screen);
        return editor;
    }

    private CodeViewPane view() {
        return window.view().selectedCodeView();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }
}
