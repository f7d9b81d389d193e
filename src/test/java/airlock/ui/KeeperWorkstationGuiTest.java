package airlock.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.annotate.store.AnnotationService;
import airlock.core.annotate.store.AnnotationStore;
import airlock.core.bundle.BundleStore;
import airlock.core.demo.DemoRoom;
import airlock.core.git.GitSource;
import airlock.core.home.AirlockHome;
import airlock.core.log.LogStore;
import airlock.core.log.WorkstationSigner;
import airlock.core.policy.EffectivePolicy;
import airlock.core.search.SearchIndex;
import airlock.core.session.ActiveSession;
import airlock.core.session.SessionManager;
import airlock.core.session.WorkstationLogs;
import airlock.core.symbols.SymbolIndex;
import airlock.core.trust.TrustStore;
import airlock.keeper.KeeperFixture;
import airlock.keeper.client.KeeperClient;
import airlock.testutil.ObjectGraph;
import airlock.testutil.Screenshots;
import airlock.testutil.TestRepository;
import airlock.ui.code.CodeViewPane;
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
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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
 * Issue 16, the workstation on the keeper: a keeper in this JVM behind a real AF_UNIX socket, the
 * window composed by {@link KeeperWorkstation} on its client. The inspector starts a session, opens
 * a file, searches, goes to a definition, annotates and ends the session; the keeper's log then holds
 * each matching entry in that order, and the window's object graph holds no home, key, log store,
 * bundle store or index.
 */
@ExtendWith(ApplicationExtension.class)
class KeeperWorkstationGuiTest {
    @TempDir
    static Path dir;
    private final Texts texts = Texts.load(Locale.ROOT);
    private static KeeperFixture keeper;
    private KeeperWorkstation workstation;
    private WorkstationWindow window;

    /** The keeper's home (a signed bundle accepted, its symbol index built) is made before the window's setup, which has a time limit. */
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
        workstation.showDemoNotices(texts);
        stage.show();
        workstation.begin();
    }

    @Stop
    void stop() {
        workstation.close();
    }

    @Test
    void aSessionThroughTheKeeperIsLoggedByTheKeeperAndTheWindowHoldsNoHome(FxRobot robot) throws Exception {
        // the window holds nothing of the home: no key, log, store, index or table, only the keeper's client
        List<String> held = ObjectGraph.findInstances(workstation, List.of(AirlockHome.class, WorkstationSigner.class,
                LogStore.class, WorkstationLogs.class, SessionManager.class, ActiveSession.class, TrustStore.class,
                EffectivePolicy.class, BundleStore.class, GitSource.class, AnnotationStore.class, AnnotationService.class,
                SymbolIndex.class, SearchIndex.class));
        assertEquals(List.of(), held);
        assertTrue(ObjectGraph.findInstances(workstation, List.of(KeeperClient.class)).size() >= 1, "the walk reaches the client");

        // start: the keeper checks the demo PIN and makes the session
        waitUntil(() -> workstation.sessions().startDialog().isPresent());
        waitUntil(() -> robot.lookup("#session-bundle").queryComboBox().getValue() != null);
        robot.clickOn("#session-inspector").write("Ada Inspector");
        robot.clickOn("#session-organisation").write("Test Office");
        robot.clickOn("#session-pin").write(DemoRoom.PIN);
        robot.interact(() -> Screenshots.shot(workstation.sessions().startDialog().orElseThrow().getDialogPane().getScene(),
                "keeper-01-start.png"));
        robot.clickOn("#session-start-button");
        waitUntil(() -> window.session().current().isPresent() && workstation.sessions().startDialog().isEmpty());
        String id = window.session().current().orElseThrow().id();
        assertTrue(window.session().local().isEmpty(), "the session is the keeper's, not this process's");

        // open a file: the keeper writes file.opened, then sends the bytes
        waitUntil(() -> window.model().fileTree().totalFiles() > 0);
        robot.interact(() -> window.model().openFile(TestRepository.MAIN, 4));
        waitUntil(() -> pane() != null && pane().text().contains("public class Hello"));

        // search: the keeper runs it, writes search.run, then sends the hits
        robot.interact(() -> {
            window.search().model().queryProperty().set("VALUE_1");
            window.search().model().search();
        });
        waitUntil(() -> window.search().model().lastResultProperty().get() != null);
        assertEquals(11, window.search().model().hits().size(), "VALUE_1 and VALUE_10..19");
        // the window holds no index, the keeper does: the panel must not say that searches scan every file
        assertEquals(Texts.load(java.util.Locale.ROOT).get("search.index.keeper"),
                WaitForAsyncUtils.asyncFx(() -> window.search().indexing().stateProperty().get()).get());

        // go to definition (F12) on Hello: the keeper records the lookup before it reads a line
        long before = entries();
        CodeViewPane code = pane();
        int at = code.text().indexOf("class Hello") + "class He".length();
        robot.interact(() -> {
            code.codeArea().requestFocus();
            code.codeArea().moveTo(at);
        });
        robot.press(KeyCode.F12).release(KeyCode.F12);
        waitUntil(() -> entries() > before);
        robot.interact(() -> Screenshots.shot(window.stage().getScene(), "keeper-02-session.png"));

        // annotate a selection: the keeper computes blob, commit and fingerprints and writes annotation.created
        int value = code.text().indexOf("VALUE_5 = 5;");
        robot.interact(() -> code.codeArea().selectRange(value, value + "VALUE_5 = 5;".length()));
        robot.interact(window.annotations()::annotateSelection);
        waitUntil(() -> robot.lookup("#annot-title").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#annot-title").queryAs(TextField.class).setText("A constant nobody bounds");
            robot.lookup("#annot-save").queryAs(Button.class).fire();
        });
        waitUntil(() -> window.annotations().model().annotations().size() == 1);
        assertTrue(window.annotations().model().annotations().get(0).anchor().blobId().matches("[0-9a-f]{40}"),
                "the row carries the keeper's blob id");

        // lock on request and unlock with the room PIN the keeper's policy names (issue 16, k4walk): the
        // keeper writes session.locked, checks the PIN, writes session.unlocked
        robot.interact(() -> workstation.sessions().model().lockNow());
        waitUntil(() -> robot.lookup("#session-unlock-pin").tryQuery().map(n -> n.isVisible() && n.getParent().isVisible())
                .orElse(false));
        robot.interact(() -> Screenshots.shot(window.stage().getScene(), "keeper-02b-locked.png"));
        assertEquals("locked", keeperState());
        robot.clickOn("#session-unlock-pin").write(DemoRoom.PIN);
        robot.clickOn("#session-unlock");
        waitUntil(() -> "active".equals(keeperState()) && !robot.lookup("#session-lock").query().isVisible());

        // end: the keeper writes the summary and the end entry and signs the final checkpoint
        robot.interact(() -> workstation.sessions().endNow());
        waitUntil(() -> workstation.sessions().summaryDialog().isPresent());
        robot.interact(() -> Screenshots.shot(workstation.sessions().summaryDialog().orElseThrow().getDialogPane().getScene(),
                "keeper-03-summary.png"));
        assertTrue(window.session().current().isEmpty());

        keeper.stopKeeper();
        List<JsonNode> log = keeper.entries(id);
        List<String> walk = new ArrayList<>();
        for (JsonNode e : log) {
            String type = e.get("type").asText();
            JsonNode data = e.get("data");
            switch (type) {
                case "session.start", "session.confirmed", "annotation.created", "session.locked", "session.unlocked",
                        "session.end" -> walk.add(type);
                case "file.opened" -> walk.add(type + " " + data.get("path").asText());
                // the query is in clear, or committed (salted hash) when the policy keeps search strings sensitive
                case "search.run" -> walk.add(type + " " + (data.has("kind") ? data.get("kind").asText() + " " : "")
                        + (data.get("query").isTextual() ? data.get("query").asText() : "(committed)"));
                default -> { }
            }
        }
        // the demo room's policy keeps search strings sensitive: committed in the log, kept in the disclosure table
        assertEquals(List.of("session.start", "session.confirmed", "file.opened " + TestRepository.MAIN, "search.run (committed)",
                "search.run definitions (committed)", "annotation.created", "session.locked", "session.unlocked", "session.end"), walk);
        JsonNode created = log.stream().filter(e -> e.get("type").asText().equals("annotation.created")).findFirst().orElseThrow();
        // finding text is always committed: the log holds its commitment, the disclosure table its value
        assertTrue(created.get("data").get("annotation").has("commitment"), created.toString());
        assertTrue(!created.toString().contains("A constant nobody bounds"), created.toString());
        // and the room's disclosure table opens each commitment to what the window sent
        List<JsonNode> revealed = keeper.revealed(id);
        assertEquals(List.of("VALUE_1", "Hello"), revealed.stream().filter(e -> e.get("type").asText().equals("search.run"))
                .map(e -> e.get("data").get("query").asText()).toList());
        assertTrue(revealed.stream().filter(e -> e.get("type").asText().equals("annotation.created"))
                .anyMatch(e -> e.toString().contains("A constant nobody bounds")));
        assertTrue(keeper.verify(id).isValid(), keeper.verify(id).describe());
    }

    private CodeViewPane pane() {
        Node n = window.view().selectedCodeView();
        return n instanceof CodeViewPane p ? p : null;
    }

    /** The keeper's session state, asked on a connection of the test's own. */
    private String keeperState() throws Exception {
        try (KeeperClient c = keeper.client()) {
            return c.status().state();
        }
    }

    /** The number of entries of the open session, asked of the keeper on a connection of the test's own. */
    private long entries() throws Exception {
        try (KeeperClient c = keeper.client()) {
            return c.status().entries();
        }
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }
}
