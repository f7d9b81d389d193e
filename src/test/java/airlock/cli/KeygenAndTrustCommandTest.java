package airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.crypto.Ed25519;
import airlock.testing.OpenSsl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeygenAndTrustCommandTest {
    @TempDir
    Path dir;

    @Test
    void keygenWritesAPairThatTrustAddAndListShow() throws Exception {
        Cli keygen = Cli.run("keygen", "--out", dir.resolve("vendor").toString());
        assertEquals(0, keygen.exit(), keygen.err());
        Path key = dir.resolve("vendor.key");
        Path pub = dir.resolve("vendor.pub");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        String id = Ed25519.keyId(Ed25519.readPublicPem(pub)).hex();
        assertTrue(keygen.out().contains(id), keygen.out());
        Ed25519.readPrivatePem(key, null);

        String home = dir.resolve("home").toString();
        Cli add = Cli.run("trust", "add", "vendor", pub.toString(), "--home", home);
        assertEquals(0, add.exit(), add.err());
        Cli list = Cli.run("trust", "list", "--home", home);
        assertEquals(0, list.exit(), list.err());
        assertEquals("vendor\t" + id + "\tvendor\n", list.out());
        Cli again = Cli.run("keygen", "--out", dir.resolve("vendor").toString());
        assertEquals(3, again.exit());
        assertTrue(again.err().contains("[keygen.exists]"), again.err());
    }

    @Test
    void encryptedKeygenWithPassphraseFileIsReadableByOpenssl() throws Exception {
        Path pass = Files.writeString(dir.resolve("pass.txt"), "correct horse\n");
        Cli keygen = Cli.run("keygen", "--out", dir.resolve("sup").toString(), "--encrypt", "--passphrase-file", pass.toString());
        assertEquals(0, keygen.exit(), keygen.err());
        assertTrue(Files.readString(dir.resolve("sup.key")).contains("ENCRYPTED PRIVATE KEY"));
        Ed25519.readPrivatePem(dir.resolve("sup.key"), "correct horse".toCharArray());
        OpenSsl.assumeAvailable();
        OpenSsl.ok(dir, "pkey", "-in", "sup.key", "-passin", "pass:correct horse", "-noout");
    }

    @Test
    void trustAddRefusesUnknownPurposeAndBadFiles() throws Exception {
        String home = dir.resolve("home").toString();
        Cli bad = Cli.run("trust", "add", "janitor", "x.pub", "--home", home);
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("unknown trust purpose"), bad.err());
        Path junk = Files.writeString(dir.resolve("junk.pub"), "junk");
        Cli junkAdd = Cli.run("trust", "add", "supervisor", junk.toString(), "--home", home);
        assertEquals(3, junkAdd.exit());
        assertTrue(junkAdd.err().contains("[key.pem.invalid]"), junkAdd.err());
    }
}
