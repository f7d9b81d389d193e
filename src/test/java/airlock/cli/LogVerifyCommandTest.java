package airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogVerifyCommandTest {
    @TempDir
    Path home;

    private static Path vectors() throws URISyntaxException {
        return Path.of(LogVerifyCommandTest.class.getResource("/vectors/log").toURI());
    }

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AirlockCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void validSealedLogPrintsSummaryAndExitsZero() throws Exception {
        Path dir = vectors().resolve("valid-sealed");
        Run r = run("log", "verify", dir.resolve("session.log").toString(), "--trust", vectors().resolve("trust").toString(),
                "--home", home.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("VALID"), r.out());
        assertTrue(r.out().contains("s-2026-03-02-a"), r.out());
        assertTrue(r.out().contains("alice, bob"), r.out());
        assertTrue(r.out().contains("Sam Supervisor"), r.out());
    }

    @Test
    void editedEntryIsNamedWithExitOne() throws Exception {
        Path dir = vectors().resolve("entry-edited");
        Run r = run("log", "verify", dir.toString(), "--trust", vectors().resolve("trust").toString(), "--home", home.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith("INVALID hash mismatch at entry 5"), r.out());
    }

    @Test
    void missingFileIsOneLineIoError() {
        Run r = run("log", "verify", home.resolve("nothing.log").toString(), "--home", home.toString());
        assertEquals(3, r.exit());
        assertTrue(r.err().startsWith("airlock: There is no log file"), r.err());
    }

    @Test
    void garbageSealIsMalformedNotACrash() throws Exception {
        Path log = home.resolve("x.log");
        Files.copy(vectors().resolve("valid-sealed/session.log"), log);
        Files.write(home.resolve("x.seal"), new byte[] {0, (byte) 0xff, '\n', '\n', 'x'});
        Run r = run("log", "verify", log.toString(), "--trust", vectors().resolve("trust").toString(), "--home", home.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith("INVALID malformed"), r.out());
    }
}
