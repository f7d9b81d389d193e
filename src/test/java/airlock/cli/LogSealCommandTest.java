package airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.crypto.Ed25519;
import airlock.core.seal.SealFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code airlock log seal}: refused while a check fails, refused with a stranger's key, then sealed, written and verified. */
class LogSealCommandTest {
    @TempDir
    Path dir;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path home;
    Path passphrase;
    Path keyFile;

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

    @Test
    void refusesWhileTheFindingsBreakThePolicyThenSealsWithoutThemAndTheLogVerifies() throws Exception {
        Path stick = Files.createDirectories(dir.resolve("stick"));
        assertEquals(1, run("log", "seal", "--home", home.toString(), "--session", SealFixture.SESSION, "--key", keyFile.toString(),
                "--passphrase-file", passphrase.toString(), "--out", stick.toString()));
        assertTrue(err.toString().contains("quotes 5 lines of code"), err.toString());
        assertEquals(0, Files.list(stick).count());

        KeyPair stranger = Ed25519.generate();
        Path strangerKey = Files.writeString(dir.resolve("stranger.key"), Ed25519.privatePem(stranger.getPrivate(),
                SealFixture.PASSPHRASE.toCharArray()));
        assertEquals(3, run("log", "seal", "--home", home.toString(), "--session", SealFixture.SESSION, "--key",
                strangerKey.toString(), "--passphrase-file", passphrase.toString(), "--out", stick.toString(), "--without-findings"),
                out + " " + err);
        assertTrue(err.toString().contains("not on this workstation's supervisor trust list"), err.toString());

        assertEquals(0, run("log", "seal", "--home", home.toString(), "--session", SealFixture.SESSION, "--key", keyFile.toString(),
                "--passphrase-file", passphrase.toString(), "--out", stick.toString(), "--without-findings"), out + " " + err);
        assertTrue(out.toString().contains("Sealed by Sam Supervisor"), out.toString());
        assertFalse(Files.exists(stick.resolve("annotations-" + SealFixture.SESSION + ".json")));
        Path log = stick.resolve("session-" + SealFixture.SESSION + ".log");
        assertEquals(0, run("log", "verify", log.toString(), "--home", home.toString()), out + " " + err);
        assertTrue(out.toString().startsWith("VALID"), out.toString());
    }

    @Test
    void helpNamesThePassphraseSourcesAndNoPassphraseArgument() {
        assertEquals(0, run("log", "seal", "--help"));
        assertTrue(out.toString().contains("--passphrase-file"), out.toString());
        assertFalse(out.toString().contains("--passphrase "), out.toString());
    }
}
