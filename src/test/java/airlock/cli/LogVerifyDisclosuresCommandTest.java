package airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code airlock log verify} with disclosures: found next to the log or given, verdict line, exit codes, hostile text. */
class LogVerifyDisclosuresCommandTest {
    static final Path CONFORMANCE = Path.of("src/test/resources/conformance");

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AirlockCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private static Run verify(String name, String... more) {
        Path c = CONFORMANCE.resolve(name);
        String[] base = {"log", "verify", c.resolve("session.log").toString(), "--trust", CONFORMANCE.resolve("trust").toString()};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return run(args);
    }

    @Test
    void disclosuresNextToTheLogAreCheckedAndCounted() {
        Run some = verify("disclosures-some");
        assertEquals(0, some.exit(), some.out() + some.err());
        assertTrue(some.out().contains("VALID: 2 of 6 committed fields disclosed"), some.out());
        Run none = verify("valid");
        assertEquals(0, none.exit(), none.out());
        assertTrue(none.out().contains("disclosures: none next to the log"), none.out());
    }

    @Test
    void aDisclosureThatDoesNotOpenItsCommitmentExitsOneNamingTheLine() {
        Run wrong = verify("disclosure-wrong-salt");
        assertEquals(1, wrong.exit(), wrong.out());
        assertTrue(wrong.out().contains("INVALID disclosure at line 1: it does not open the commitment of field 'query' of entry 2"),
                wrong.out());
        Run given = verify("valid", "--disclosures", CONFORMANCE.resolve("disclosure-duplicate/session.disclosures").toString());
        assertEquals(1, given.exit(), "another log's disclosures do not open this one's: " + given.out());
    }

    @Test
    void hostileFieldNamesAreShownAsVisibleTokens() {
        Run bidi = verify("disclosure-field-bidi");
        assertEquals(1, bidi.exit(), bidi.out());
        assertTrue(bidi.out().contains("qu\u27e8U+202E\u27e9yre\u27e8U+001B\u27e9[2K"), bidi.out());
        assertFalse(bidi.out().contains("\u202e") || bidi.out().contains("\u001b"), "no raw bidi or ESC: " + bidi.out());
    }

    @Test
    void aDisclosuresFileThatCannotBeReadIsExitThree() throws Exception {
        Run missing = verify("disclosures-all", "--disclosures", dir.resolve("absent.disclosures").toString());
        assertEquals(3, missing.exit(), missing.out() + missing.err());
        assertEquals(1, missing.err().lines().count(), "one line: " + missing.err());
        Path folder = Files.createDirectories(dir.resolve("a-folder.disclosures"));
        assertEquals(3, verify("disclosures-all", "--disclosures", folder.toString()).exit());
    }
}
