package airlock.testutil;

import airlock.core.git.GitSource;
import airlock.core.git.IsolatedGit;
import airlock.ui.Texts;
import airlock.ui.WorkstationWindow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import javafx.stage.Stage;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** The workstation window of the GUI tests: shown on {@code stage}, a fresh {@link TestRepository} open in it. */
public final class TestWindows {
    private TestWindows() {
    }

    /** Creates a test repository under {@code dir}, opens its tag v1.1 in a new window at a fixed time, shows it. */
    public static WorkstationWindow onTestRepository(Stage stage, Path dir) throws Exception {
        IsolatedGit.install();
        Path work = dir.resolve("repo-" + System.nanoTime());
        TestRepository.create(work);
        var repository = new FileRepositoryBuilder().setWorkTree(work.toFile()).setMustExist(true).build();
        GitSource source = GitSource.ofAllRefs(repository, "test-vendor / demo 1.1", "refs/tags/v1.1");
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T09:30:00Z"), ZoneOffset.UTC);
        WorkstationWindow window = new WorkstationWindow(stage, Texts.load(Locale.ROOT), clock, "WS-TEST-0001");
        stage.show();
        window.model().openSource(source);
        return window;
    }
}
