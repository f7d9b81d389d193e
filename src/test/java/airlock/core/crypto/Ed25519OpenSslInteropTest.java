package airlock.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.testing.OpenSsl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java and the openssl binary read each other's keys and verify each other's signatures. */
class Ed25519OpenSslInteropTest {
    @TempDir
    Path dir;
    private Path message;

    @BeforeEach
    void setUp() throws Exception {
        OpenSsl.assumeAvailable();
        message = Files.write(dir.resolve("msg.bin"), "{\"type\":\"airlock-test/1\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void javaReadsPlainOpensslKeysAndOpensslVerifiesJavaSignatures() throws Exception {
        OpenSsl.ok(dir, "genpkey", "-algorithm", "ed25519", "-out", "o.key");
        OpenSsl.ok(dir, "pkey", "-in", "o.key", "-pubout", "-out", "o.pub");
        PrivateKey key = Ed25519.readPrivatePem(dir.resolve("o.key"), null);
        PublicKey pub = Ed25519.readPublicPem(dir.resolve("o.pub"));
        Files.write(dir.resolve("msg.sig"), Ed25519.sign(key, Files.readAllBytes(message)));
        String out = OpenSsl.ok(dir, "pkeyutl", "-verify", "-pubin", "-inkey", "o.pub", "-rawin", "-in", "msg.bin", "-sigfile", "msg.sig");
        assertTrue(out.contains("Signature Verified Successfully"), out);
        byte[] der = Files.readAllBytes(writeDer("o.pub"));
        assertEquals(Sha256.hex(Sha256.digest(der)), Ed25519.keyId(pub).hex());
    }

    @Test
    void javaReadsEncryptedOpensslKeys() throws Exception {
        OpenSsl.ok(dir, "genpkey", "-algorithm", "ed25519", "-aes-256-cbc", "-pass", "pass:x", "-out", "e.key");
        assertTrue(Files.readString(dir.resolve("e.key")).contains("ENCRYPTED PRIVATE KEY"));
        PrivateKey key = Ed25519.readPrivatePem(dir.resolve("e.key"), "x".toCharArray());
        OpenSsl.ok(dir, "pkey", "-in", "e.key", "-passin", "pass:x", "-pubout", "-out", "e.pub");
        byte[] sig = Ed25519.sign(key, Files.readAllBytes(message));
        assertTrue(Ed25519.verify(Ed25519.readPublicPem(dir.resolve("e.pub")), Files.readAllBytes(message), sig).isValid());
    }

    @Test
    void opensslReadsJavaKeysPlainAndEncryptedAndJavaVerifiesOpensslSignatures() throws Exception {
        KeyPair pair = Ed25519.generate();
        Files.writeString(dir.resolve("j.key"), Ed25519.privatePem(pair.getPrivate(), null));
        Files.writeString(dir.resolve("je.key"), Ed25519.privatePem(pair.getPrivate(), "pw".toCharArray()));
        Files.writeString(dir.resolve("j.pub"), Ed25519.publicPem(pair.getPublic()));
        OpenSsl.ok(dir, "pkey", "-in", "je.key", "-passin", "pass:pw", "-out", "je-plain.key");
        assertEquals(Files.readString(dir.resolve("j.key")), Files.readString(dir.resolve("je-plain.key")));
        OpenSsl.Result wrong = OpenSsl.run(dir, "pkey", "-in", "je.key", "-passin", "pass:nope", "-noout");
        assertNotEquals(0, wrong.exit());
        OpenSsl.ok(dir, "pkeyutl", "-sign", "-inkey", "j.key", "-rawin", "-in", "msg.bin", "-out", "o.sig");
        byte[] sig = Files.readAllBytes(dir.resolve("o.sig"));
        assertTrue(Ed25519.verify(pair.getPublic(), Files.readAllBytes(message), sig).isValid());
        OpenSsl.ok(dir, "pkeyutl", "-verify", "-pubin", "-inkey", "j.pub", "-rawin", "-in", "msg.bin", "-sigfile", "o.sig");
    }

    private Path writeDer(String pub) throws Exception {
        OpenSsl.ok(dir, "pkey", "-pubin", "-in", pub, "-outform", "DER", "-out", pub + ".der");
        return dir.resolve(pub + ".der");
    }
}
