package airlock.keeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.cli.AirlockCommand;
import airlock.core.demo.DemoRoom;
import airlock.keeper.client.KeeperClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code airlock keeper --home DIR --socket PATH} serves a session, and stops cleanly. */
class KeeperCommandTest {
    @TempDir
    Path tmp;

    @Test
    void theVerbServesTheSocketUntilStopped() throws Exception {
        Path home = tmp.resolve("home");
        String bundle = KeeperFixture.prepareHome(tmp, home, Clock.systemUTC());
        Path run = Files.createDirectories(tmp.resolve("run"));
        Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwx------"));
        Path socket = run.resolve("k.sock");
        StringWriter err = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        Thread keeper = new Thread(() -> code.set(AirlockCommand.run(new String[] {"keeper", "--home", home.toString(),
            "--socket", socket.toString()}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))));
        keeper.start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!err.toString().contains("keeper running") && keeper.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(err.toString().contains("keeper running"), err.toString());
        try (KeeperClient client = KeeperClient.connect(socket, "cli-test")) {
            assertEquals(bundle, client.bundles().get(0).id());
            client.startSession("Ada Inspector", "Test Office", null, bundle, DemoRoom.PIN);
            assertEquals("active", client.status().state());
            client.endSession();
        }
        keeper.interrupt();
        keeper.join(30_000);
        assertFalse(keeper.isAlive());
        assertEquals(AirlockCommand.OK, code.get(), err.toString());
        assertFalse(Files.exists(socket), "the socket file is removed when the keeper stops");
    }
}
