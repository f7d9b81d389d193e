package airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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

    private Run withPicocli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AirlockCommand.withPicocli(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    /** The plain forms skip picocli (LogVerifyCommand.plain); every vector reads the same as through picocli. */
    @Test
    void withoutPicocliEveryVectorReadsTheSame() throws Exception {
        String trust = vectors().resolve("trust").toString();
        List<String[]> cases = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(vectors())) {
            for (Path dir : dirs.filter(d -> !d.getFileName().toString().equals("trust")).sorted().toList()) {
                cases.add(new String[] {"log", "verify", dir.toString(), "--trust", trust, "--home", home.toString()});
                cases.add(new String[] {"log", "verify", "--strict", "--trust=" + trust, dir.resolve("session.log").toString(),
                    "--home=" + home});
            }
        }
        Path valid = vectors().resolve("valid-sealed");
        cases.add(new String[] {"log", "verify", valid.resolve("session.log").toString(), "--seal",
            vectors().resolve("seal-other-session/session.seal").toString(), "--trust", trust, "--home", home.toString()});
        cases.add(new String[] {"log", "verify", home.resolve("nothing.log").toString(), "--home", home.toString()});
        cases.add(new String[] {"log", "verify", valid.toString(), "--trust", home.resolve("no-trust").toString(), "--home",
            home.toString()});
        for (String[] args : cases) {
            assertNotNull(LogVerifyCommand.plain(args), String.join(" ", args));
            Run plain = run(args);
            assertEquals(withPicocli(args), plain, String.join(" ", args));
            assertTrue(plain.out().startsWith("VALID") || plain.out().startsWith("INVALID") || plain.err().startsWith("airlock: "),
                    plain.toString());
        }
    }

    /** Anything but the plain forms goes to picocli, for its help and its usage errors. */
    @Test
    void otherFormsGoToPicocli() {
        for (String[] args : new String[][] {
            {"log", "verify"}, {"log", "verify", "--help"}, {"log", "verify", "-h", "x.log"}, {"log", "verify", "x.log", "y.log"},
            {"log", "verify", "x.log", "--trust"}, {"log", "verify", "x.log", "--trust", "a", "--trust", "b"},
            {"log", "verify", "x.log", "--strict", "--strict"}, {"log", "verify", "x.log", "--strict=true"},
            {"log", "verify", "x.log", "--trust", "--home"}, {"log", "verify", "x.log", "--trust="}, {"log", "verify", "@args"},
            {"log", "verify", "--", "x.log"}, {"log", "verify", "x.log", "--bogus", "y"}, {"log", "seal", "x.log"},
            {"log", "verify", "x.log", "--seal", "a\0b"}}) {
            assertNull(LogVerifyCommand.plain(args), String.join(" ", args));
        }
        Run missing = run("log", "verify", "--home", home.toString());
        assertEquals(AirlockCommand.USAGE, missing.exit());
        assertEquals("airlock: Missing required parameter: 'PATH'", missing.err().lines().findFirst().orElseThrow());
        assertTrue(missing.err().contains("\nUsage: airlock log verify "), missing.err());
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
