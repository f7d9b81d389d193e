package airlock.ui.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.demo.DemoRoom;
import airlock.core.git.GitSource;
import airlock.core.history.CommitInfo;
import airlock.core.history.FileChange;
import airlock.keeper.KeeperFixture;
import airlock.keeper.client.KeeperClient;
import airlock.testutil.ObjectGraph;
import airlock.testutil.Screenshots;
import airlock.ui.KeeperWorkstation;
import airlock.ui.Texts;
import airlock.ui.WorkstationWindow;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 16 (kread), the versions window on the keeper: the real window composed by
 * {@link KeeperWorkstation} on a keeper behind a real socket. The inspector opens README.md, its
 * history, a commit of it (a diff against its parent) and compares the two versions of the bundle
 * (the file tree shows its coverage figures from the keeper's line counts, which write no entry) and
 * searches the changed lines only;
 * every line shown came from the keeper after the entry that records it, and the window holds no git
 * repository. The keeper's log then holds each read in order and verifies.
 */
@ExtendWith(ApplicationExtension.class)
class KeeperVersionsGuiTest {
    @TempDir
    static Path dir;
    private final Texts texts = Texts.load(Locale.ROOT);
    private static KeeperFixture keeper;
    private KeeperWorkstation workstation;
    private WorkstationWindow window;

    @BeforeAll
    static void startKeeper() throws Exception {
        keeper = KeeperFixture.start(dir.resolve("run-" + System.nanoTime()));
    }

    @AfterAll
    static void stopKeeper() {
        keeper.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);
        workstation = KeeperWorkstation.open(stage, texts, keeper.socket, clock);
        window = workstation.window();
        stage.show();
        workstation.begin();
    }

    @Stop
    void stop() {
        workstation.close();
    }

    @Test
    void historyACommitDiffAndCompareVersionsComeFromTheKeeperAfterTheirEntries(FxRobot robot) throws Exception {
        waitUntil(() -> workstation.sessions().startDialog().isPresent());
        waitUntil(() -> robot.lookup("#session-bundle").queryComboBox().getValue() != null);
        robot.clickOn("#session-inspector").write("Ada Inspector");
        robot.clickOn("#session-organisation").write("Test Office");
        robot.clickOn("#session-pin").write(DemoRoom.PIN);
        robot.clickOn("#session-start-button");
        waitUntil(() -> window.session().current().isPresent() && workstation.sessions().startDialog().isEmpty());
        String id = window.session().current().orElseThrow().id();
        waitUntil(() -> window.model().fileTree().totalFiles() > 0);
        // the tree's coverage figures come from the keeper's line counts (files.lines: counts only, no entry)
        waitUntil(() -> robot.lookup(".tree-coverage").queryAll().size() > 0);
        robot.interact(() -> window.model().openFile("README.md", 1));
        waitUntil(() -> window.view().selectedCodeView() != null
                && window.view().selectedCodeView().text().contains("version 1.1"));

        // history of the open file: the keeper records the question (search.run, kind history), then lists the commits
        VersionsFeature versions = window.versions();
        robot.interact(versions::historyOfCurrent);
        VersionsWindow[] w = new VersionsWindow[1];
        waitUntil(() -> (w[0] = versions.windowForTests()) != null && selectedTab(w[0]).getContent() instanceof HistoryView);
        HistoryView history = (HistoryView) selectedTab(w[0]).getContent();
        assertEquals(List.of("second", "first"), history.list().getItems().stream().map(CommitInfo::summary).toList());
        robot.interact(() -> Screenshots.shot(w[0].stage().getScene(), "keeper-versions-1-history.png"));

        // the newer commit opens as a diff against its parent: the keeper records both versions, then sends the rows
        CommitInfo second = history.list().getItems().get(0);
        robot.interact(() -> versions.openCommit("README.md", second));
        waitUntil(() -> selectedTab(w[0]).getContent() instanceof DiffPane && selectedTab(w[0]).getText().startsWith(second.shortId()));
        DiffPane commitDiff = (DiffPane) selectedTab(w[0]).getContent();
        assertTrue(commitDiff.left().text().contains("A small project for tests.") && !commitDiff.left().text().contains("1.1"),
                commitDiff.left().text());
        assertTrue(commitDiff.right().text().contains("A small project for tests, version 1.1."), commitDiff.right().text());
        robot.interact(() -> Screenshots.shot(w[0].stage().getScene(), "keeper-versions-2-commit-diff.png"));

        // compare versions: the changed files (names and counts, nothing logged), then one file's diff (both versions logged)
        List<String> refs = window.model().sourceProperty().get().refs();
        String review = window.model().sourceProperty().get().reviewRef();
        String earlier = refs.stream().filter(r -> !r.equals(review)).findFirst().orElseThrow();
        robot.interact(() -> versions.compare(earlier, review));
        waitUntil(() -> w[0].changes().stream().anyMatch(c -> c.path().equals("README.md")));
        FileChange readme = w[0].changes().stream().filter(c -> c.path().equals("README.md")).findFirst().orElseThrow();
        assertEquals(1, readme.linesAdded());
        robot.interact(() -> Screenshots.shot(w[0].stage().getScene(), "keeper-versions-3-compare.png"));
        robot.interact(() -> w[0].changeList().getSelectionModel().select(readme));
        waitUntil(() -> selectedTab(w[0]).getContent() instanceof DiffPane && selectedTab(w[0]).getText().contains("README"));
        DiffPane compared = (DiffPane) selectedTab(w[0]).getContent();
        assertTrue(compared.right().text().contains("version 1.1"), compared.right().text());
        robot.interact(() -> Screenshots.shot(w[0].stage().getScene(), "keeper-versions-4-compare-diff.png"));

        // search of changed lines only: the keeper records the query with its base, then sends hits of changed files only
        robot.interact(() -> {
            window.search().model().diffBaseProperty().set(earlier);
            window.search().model().queryProperty().set("small project");
            window.search().model().search();
        });
        waitUntil(() -> window.search().model().lastResultProperty().get() != null);
        assertEquals(List.of("README.md"), window.search().model().hits().stream().map(h -> h.path()).distinct().toList());

        // the window holds no repository of its own: every line above came through the client
        assertEquals(List.of(), ObjectGraph.findInstances(workstation, List.of(GitSource.class,
                org.eclipse.jgit.lib.Repository.class)));
        assertTrue(ObjectGraph.findInstances(workstation, List.of(KeeperClient.class)).size() >= 1);

        robot.interact(() -> workstation.sessions().endNow());
        waitUntil(() -> workstation.sessions().summaryDialog().isPresent());
        keeper.stopKeeper();
        List<String> walk = new ArrayList<>();
        for (JsonNode e : keeper.revealed(id)) {
            JsonNode data = e.get("data");
            switch (e.get("type").asText()) {
                case "file.opened" -> walk.add("file.opened " + data.get("path").asText()
                        + (data.has("view") ? " " + data.get("view").asText() + " " + data.get("ref").asText() : ""));
                case "search.run" -> walk.add("search.run " + (data.has("kind") ? data.get("kind").asText() : "diffFrom "
                        + data.get("diffFrom").asText()) + " " + data.get("query").asText());
                default -> { }
            }
        }
        String first = history.list().getItems().get(1).id();
        assertEquals(List.of("file.opened README.md", "search.run history README.md",
                "file.opened README.md diff " + first, "file.opened README.md diff " + second.id(),
                "file.opened README.md diff " + earlier, "file.opened README.md diff " + review,
                "search.run diffFrom " + earlier + " small project"), walk);
        assertTrue(keeper.verify(id).isValid(), keeper.verify(id).describe());
    }

    private static Tab selectedTab(VersionsWindow w) {
        return w.tabs().getSelectionModel().getSelectedItem();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }
}
