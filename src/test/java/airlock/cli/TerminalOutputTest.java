package airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.log.ConformanceVectors;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 case 7: no command prints a raw control, bidi or invisible character taken from its
 * input. Every field the commands print from outside (log fields, key labels, bundle metadata,
 * paths, messages) is filled with ESC, NUL, U+2028 and U+202E, and stdout and stderr are checked.
 */
class TerminalOutputTest {
    /** ESC [2A ESC [2K (cursor up two lines, erase line), NUL, LINE SEPARATOR, RIGHT-TO-LEFT OVERRIDE. */
    static final String HOSTILE = "\u001b[2A\u001b[2K\u0000\u2028\u202E";

    @TempDir
    Path dir;

    private static void assertClean(Cli run) {
        for (String stream : List.of(run.out(), run.err())) {
            for (int i = 0; i < stream.length(); ) {
                int cp = stream.codePointAt(i);
                boolean layout = cp == '\n' || cp == '\t';
                assertFalse(!layout && (TerminalText.needsEscape(cp) && cp != 0x27E8),
                        String.format("raw U+%04X reached the terminal in: %s", cp, run));
                i += Character.charCount(cp);
            }
        }
    }

    private Path trustWithLabel(String label) throws Exception {
        Path trust = dir.resolve("trust-" + Integer.toHexString(label.hashCode()));
        for (String purpose : List.of("workstation", "supervisor")) {
            Path source = ConformanceVectors.trustFolder().resolve(purpose).resolve(purpose + ".pem");
            String pem = Files.readString(source, StandardCharsets.UTF_8);
            String body = pem.substring(pem.indexOf("-----BEGIN"));
            Files.createDirectories(trust.resolve(purpose));
            Files.writeString(trust.resolve(purpose).resolve(purpose + ".pem"), "# label: " + label + "\n" + body,
                    StandardCharsets.UTF_8);
        }
        return trust;
    }

    private Path logFolder(String name, byte[][] log) throws Exception {
        Path folder = dir.resolve(name);
        Files.createDirectories(folder);
        Files.write(folder.resolve("session.log"), log[0]);
        Files.write(folder.resolve("session.seal"), log[1]);
        return folder;
    }

    @Test
    void anInspectorNameCannotRewriteAnInvalidVerdict() throws Exception {
        // an inspector name with bidi and separator characters is allowed; the log is unsealed, so INVALID
        byte[][] unsealed = ConformanceVectors.sealedLog(d -> {
            d.put("inspectors", List.of("Eve\u2028\u202E" + "DILAV", "bob"));
            return d;
        }, false);
        Path folder = logFolder("unsealed", unsealed);
        Cli run = Cli.run("log", "verify", folder.resolve("session.log").toString(), "--trust", trustWithLabel("Sam").toString(),
                "--home", dir.resolve("home").toString());
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.out().startsWith("INVALID seal missing"), run.out());
        assertTrue(run.out().contains("Eve⟨U+2028⟩⟨U+202E⟩DILAV"), run.out());
        assertClean(run);

        // ESC in entry 0's inspector list: MALFORMED at entry 0, and the verdict line stays the first line
        byte[][] escaped = ConformanceVectors.sealedLog(d -> {
            d.put("inspectors", List.of("\u001b[2A\u001b[2K"));
            return d;
        }, true);
        Cli esc = Cli.run("log", "verify", logFolder("esc", escaped).resolve("session.log").toString(), "--trust",
                trustWithLabel("Sam").toString(), "--home", dir.resolve("home").toString());
        assertEquals(1, esc.exit());
        assertTrue(esc.out().startsWith("INVALID malformed at entry 0"), esc.out());
        assertClean(esc);
    }

    @Test
    void trustLabelsAreUtf8AndEscaped() throws Exception {
        byte[][] sealed = ConformanceVectors.sealedLog(d -> d, true);
        Path folder = logFolder("sealed", sealed);
        Cli zoe = Cli.run("log", "verify", folder.resolve("session.log").toString(), "--trust", trustWithLabel("Zoë").toString(),
                "--home", dir.resolve("home").toString());
        assertEquals(0, zoe.exit(), zoe.toString());
        assertTrue(zoe.out().contains("sealed by:   Zoë"), zoe.out());

        Cli hostile = Cli.run("log", "verify", folder.resolve("session.log").toString(), "--trust",
                trustWithLabel("Sam" + HOSTILE).toString(), "--home", dir.resolve("home").toString());
        assertEquals(0, hostile.exit(), hostile.toString());
        assertTrue(hostile.out().contains("Sam⟨U+001B⟩[2A⟨U+001B⟩[2K⟨U+0000⟩⟨U+2028⟩⟨U+202E⟩"), hostile.out());
        assertClean(hostile);

        // the workstation's own trust list: trust add and trust list keep the UTF-8 label and show controls as tokens
        Cli keygen = Cli.run("keygen", "--out", dir.resolve("sup").toString());
        assertEquals(0, keygen.exit(), keygen.toString());
        // the label is the file name; the file also starts with a UTF-8 comment line (it used to give exit 3 "Input length = 1")
        Path pub = dir.resolve("Zoë\u001b[2A\u2028\u202E.pub");
        Files.writeString(pub, "# label: Zoë" + HOSTILE + "\n" + Files.readString(dir.resolve("sup.pub"), StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
        String home = dir.resolve("home").toString();
        Cli add = Cli.run("trust", "add", "supervisor", pub.toString(), "--home", home);
        assertEquals(0, add.exit(), add.toString());
        assertClean(add);
        Cli list = Cli.run("trust", "list", "--home", home);
        assertEquals(0, list.exit(), list.toString());
        assertTrue(list.out().contains("Zoë\uFFFD[2A\uFFFD\uFFFD"), list.out());
        assertClean(list);
    }

    @Test
    void pathsAndMessagesAreEscaped() throws Exception {
        String home = dir.resolve("home").toString();
        Path named = dir.resolve("x" + HOSTILE.replace("\u0000", "") + ".log");
        for (Cli run : List.of(
                Cli.run("log", "verify", named.toString(), "--home", home),
                Cli.run("log", "verify", named.toString(), "--trust", dir.toString(), "--strict", "--home", home),
                Cli.run("annotations", "check", named.toString(), "--home", home),
                Cli.run("keygen", "--out", dir.resolve("k" + HOSTILE.replace("\u0000", "")).toString()),
                Cli.run("log", "verify", "--bogus" + HOSTILE, "x"),
                Cli.run("bundle", "verify", named.toString(), "--home", home),
                Cli.run("policy", "verify", named.toString(), "--home", home))) {
            assertClean(run);
        }
        Files.writeString(named, "{\"format\":\"" + HOSTILE.replace("\u0000", "\\u0000") + "\"}\n", StandardCharsets.UTF_8);
        Cli check = Cli.run("annotations", "check", named.toString(), "--home", home);
        assertEquals(1, check.exit(), check.toString());
        assertClean(check);
    }

    @Test
    void theGuardEscapesWhatACommandForgot() {
        StringWriter raw = new StringWriter();
        PrintWriter guarded = TerminalWriter.guard(new PrintWriter(raw));
        guarded.print("ok\tline\n" + HOSTILE + "\uD83D");
        guarded.print("\uDE00 ⟨U+0041⟩ \uD800x\n");
        guarded.flush();
        assertEquals("ok\tline\n⟨U+001B⟩[2A⟨U+001B⟩[2K⟨U+0000⟩⟨U+2028⟩⟨U+202E⟩\uD83D\uDE00 ⟨U+0041⟩ ⟨U+D800⟩x\n", raw.toString());
    }

    @Test
    void aLogNamedForAnotherSessionIsRefused() throws Exception {
        byte[][] sealed = ConformanceVectors.sealedLog(d -> d, true);
        Path folder = dir.resolve("stick");
        Files.createDirectories(folder);
        Files.write(folder.resolve("session-s-other.log"), sealed[0]);
        Files.write(folder.resolve("session-s-other.seal"), sealed[1]);
        Cli run = Cli.run("log", "verify", folder.resolve("session-s-other.log").toString(), "--trust",
                ConformanceVectors.trustFolder().toString(), "--home", dir.resolve("home").toString());
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.out().startsWith("VALID"), run.out());
        assertTrue(run.out().contains("REFUSED: the file session-s-other.log holds session s-conf, whose export is named"
                + " session-s-conf.log"), run.out());
        Files.move(folder.resolve("session-s-other.log"), folder.resolve("session-s-conf.log"));
        Files.move(folder.resolve("session-s-other.seal"), folder.resolve("session-s-conf.seal"));
        Cli same = Cli.run("log", "verify", folder.resolve("session-s-conf.log").toString(), "--trust",
                ConformanceVectors.trustFolder().toString(), "--home", dir.resolve("home").toString());
        assertEquals(0, same.exit(), same.toString());
    }
}
