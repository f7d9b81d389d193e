package airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.seal.SealFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code airlock log verify --home} (the ledger's claims, by name) and {@code airlock log recover}
 * (a refused store replaced by a recovered one, old files kept), from the command line.
 */
class LogHomeCommandsTest {
    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    Path home;
    Path keyFile;
    Path passphrase;

    @BeforeEach
    void setUp() throws Exception {
        try (SealFixture fx = new SealFixture(dir)) {
            fx.endedSession();
            home = fx.home.root();
            keyFile = fx.supervisorKeyFile;
        }
        passphrase = Files.writeString(dir.resolve("pass.txt"), SealFixture.PASSPHRASE + "\n");
    }

    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return AirlockCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private void seal() throws Exception {
        Path stick = Files.createDirectories(dir.resolve("stick"));
        assertEquals(0, run("log", "seal", "--home", home.toString(), "--session", SealFixture.SESSION, "--key", keyFile.toString(),
                "--passphrase-file", passphrase.toString(), "--out", stick.toString(), "--without-findings"), out + " " + err);
    }

    @Test
    void verifyHomeNamesTheSessionWhoseArchiveCopyIsGone() throws Exception {
        seal();
        assertEquals(0, run("log", "verify", "--home", home.toString()), out + " " + err);
        assertTrue(out.toString().startsWith("VALID: the ledger of"), out.toString());
        Path archived = home.resolve("archive/session-" + SealFixture.SESSION + "/session-" + SealFixture.SESSION + ".log");
        Files.delete(archived);
        assertEquals(1, run("log", "verify", "--home", home.toString()), out + " " + err);
        assertTrue(out.toString().startsWith("INVALID: the ledger of"), out.toString());
        assertTrue(out.toString().contains(SealFixture.SESSION + ": its archive copy " + archived + " is missing"), out.toString());
        assertEquals(1, run("log", "recover", "--home", home.toString()), out + " " + err);
        assertTrue(err.toString().contains("REFUSED: the database passes its checks, but the ledger's claims do not hold"),
                err.toString());
        assertTrue(err.toString().contains(SealFixture.SESSION + ": its archive copy"), err.toString());
    }

    @Test
    void recoverWithNothingWrongChangesNothing() throws Exception {
        byte[] before = Files.readAllBytes(home.resolve("db/airlock.db"));
        assertEquals(0, run("log", "recover", "--home", home.toString()), out + " " + err);
        assertTrue(out.toString().contains("Nothing to recover"), out.toString());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(home.resolve("db/airlock.db"))));
    }

    @Test
    void aMissingDatabaseBeforeAnySealIsRefusedThenRecoveredWithTheLossRecorded() throws Exception {
        Path db = home.resolve("db/airlock.db");
        Files.delete(db);
        assertEquals(1, run("log", "verify", "--home", home.toString()), out + " " + err);
        assertTrue(out.toString().contains("store: the session log database " + db + " is missing"), out.toString());
        assertTrue(out.toString().contains("'" + SealFixture.SESSION + "' (") && out.toString().contains("entries acknowledged, ended"),
                out.toString());
        assertEquals(3, run("log", "seal", "--home", home.toString(), "--session", SealFixture.SESSION, "--key", keyFile.toString(),
                "--passphrase-file", passphrase.toString(), "--out", dir.resolve("stick").toString(), "--without-findings"));
        assertTrue(err.toString().contains("is missing"), err.toString());
        assertFalse(Files.exists(db), "no fresh empty store took its place");
        assertEquals(0, run("log", "recover", "--home", home.toString()), out + " " + err);
        assertTrue(out.toString().contains("OK: a recovered database is in place"), out.toString());
        assertTrue(out.toString().contains("kept as " + home.resolve("db")), out.toString());
        assertEquals(0, run("log", "verify", "--home", home.toString()), out + " " + err);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT bytes FROM log_entry WHERE session = 'ledger' AND seq = 2")) {
            assertTrue(row.next()); // 0 ledger.start, 1 its checkpoint, 2 the recovery entry
            String entry = new String(row.getBytes(1), StandardCharsets.UTF_8);
            assertTrue(entry.contains("\"type\":\"recovery\"") && entry.contains(SealFixture.SESSION), entry);
        }
    }

    @Test
    void aLostWriteAheadLogIsRefusedAndRecoverNamesWhatWasLost() throws Exception {
        Path db = home.resolve("db/airlock.db");
        Path saved = dir.resolve("saved.db");
        seal();
        Files.copy(db, saved);
        // more acknowledged work after the copy (the ledger gets the export), then the copy stands in for a WAL-less database
        assertEquals(0, run("log", "seal", "--home", home.toString(), "--session", SealFixture.SESSION,
                "--out", Files.createDirectories(dir.resolve("stick2")).toString(), "--without-findings"), out + " " + err);
        Files.copy(saved, db, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(1, run("log", "verify", "--home", home.toString()), out + " " + err);
        assertTrue(out.toString().contains("the log 'ledger' has") && out.toString().contains("were acknowledged"), out.toString());
        assertEquals(0, run("log", "recover", "--home", home.toString()), out + " " + err);
        assertTrue(out.toString().contains("The database was refused: the log 'ledger' has"), out.toString());
        assertTrue(out.toString().contains("log ledger:") && out.toString().contains("lost from entry"), out.toString());
        assertTrue(out.toString().contains("table annot_annotation: 2 rows copied"), out.toString());
        assertEquals(0, run("log", "verify", "--home", home.toString()), out + " " + err);
        assertEquals(0, run("annotations", "list", "--home", home.toString(), "--session", SealFixture.SESSION), out + " " + err);
        assertTrue(out.toString().endsWith("2 findings\n"), out.toString());
    }

    @Test
    void annotationsListAfterACrashLeavesTheCrashMarker() throws Exception {
        Path db = home.resolve("db/airlock.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE log_runtime SET running = 1"); // what a killed workstation leaves
        }
        assertEquals(0, run("annotations", "list", "--home", home.toString(), "--session", SealFixture.SESSION), out + " " + err);
        assertEquals(0, run("log", "verify", "--home", home.toString()), out + " " + err);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT running FROM log_runtime")) {
            assertTrue(row.next());
            assertEquals(1, row.getInt(1), "tools that only read leave the crash marker as it was");
        }
    }
}
