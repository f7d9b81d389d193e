package airlock.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ed25519Test {
    private static final byte[] MESSAGE = "airlock-test/1 the exact bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsAndVerifiesAndRejectsOtherBytes() {
        KeyPair pair = Ed25519.generate();
        byte[] signature = Ed25519.sign(pair.getPrivate(), MESSAGE);
        assertEquals(64, signature.length);
        assertTrue(Ed25519.verify(pair.getPublic(), MESSAGE, signature).isValid());
        byte[] other = MESSAGE.clone();
        other[0] ^= 1;
        SignatureCheck check = Ed25519.verify(pair.getPublic(), other, signature);
        assertFalse(check.isValid());
        assertTrue(check.reason().contains("does not match"), check.reason());
        assertFalse(Ed25519.verify(Ed25519.generate().getPublic(), MESSAGE, signature).isValid());
    }

    @Test
    void refusesSignaturesOfAnyLengthButSixtyFour() {
        KeyPair pair = Ed25519.generate();
        byte[] signature = Ed25519.sign(pair.getPrivate(), MESSAGE);
        for (int length : new int[] {0, 1, 63, 65, 128}) {
            byte[] bad = Arrays.copyOf(signature, length);
            SignatureCheck check = Ed25519.verify(pair.getPublic(), MESSAGE, bad);
            assertFalse(check.isValid(), "length " + length);
            assertTrue(check.reason().contains("exactly 64"), check.reason());
        }
        assertFalse(Ed25519.verify(pair.getPublic(), MESSAGE, null).isValid());
    }

    @Test
    void everySingleBitFlipOfTheSignatureIsRefused() {
        KeyPair pair = Ed25519.generate();
        byte[] signature = Ed25519.sign(pair.getPrivate(), MESSAGE);
        for (int i = 0; i < signature.length * 8; i++) {
            byte[] bad = signature.clone();
            bad[i / 8] ^= (byte) (1 << (i % 8));
            assertFalse(Ed25519.verify(pair.getPublic(), MESSAGE, bad).isValid(), "bit " + i);
        }
    }

    @Test
    void pemRoundTripPlainAndEncrypted(@TempDir Path dir) throws Exception {
        KeyPair pair = Ed25519.generate();
        Path pub = Files.writeString(dir.resolve("k.pub"), Ed25519.publicPem(pair.getPublic()));
        Path plain = Files.writeString(dir.resolve("k.key"), Ed25519.privatePem(pair.getPrivate(), null));
        Path enc = Files.writeString(dir.resolve("e.key"), Ed25519.privatePem(pair.getPrivate(), "s3cret".toCharArray()));
        assertEquals(Ed25519.keyId(pair.getPublic()), Ed25519.keyId(Ed25519.readPublicPem(pub)));
        assertArrayEquals(pair.getPrivate().getEncoded(), Ed25519.readPrivatePem(plain, null).getEncoded());
        assertArrayEquals(pair.getPrivate().getEncoded(), Ed25519.readPrivatePem(enc, "s3cret".toCharArray()).getEncoded());
        assertTrue(Files.readString(enc).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    }

    @Test
    void encryptedKeyNeedsTheRightPassphrase(@TempDir Path dir) throws Exception {
        KeyPair pair = Ed25519.generate();
        Path enc = Files.writeString(dir.resolve("e.key"), Ed25519.privatePem(pair.getPrivate(), "right".toCharArray()));
        assertEquals("key.passphrase.required",
                assertThrows(AirlockException.class, () -> Ed25519.readPrivatePem(enc, null)).code());
        assertEquals("key.passphrase.wrong",
                assertThrows(AirlockException.class, () -> Ed25519.readPrivatePem(enc, "wrong".toCharArray())).code());
    }

    @Test
    void hostileKeyFilesGiveClearErrors(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("none.pub");
        assertEquals("key.file.missing", assertThrows(AirlockException.class, () -> Ed25519.readPublicPem(missing)).code());
        assertEquals("key.file.missing", assertThrows(AirlockException.class, () -> Ed25519.readPublicPem(dir)).code());
        assertEquals("key.pem.invalid", assertThrows(AirlockException.class, () -> Ed25519.readPublicPem("hello")).code());
        assertEquals("key.pem.invalid", assertThrows(AirlockException.class,
                () -> Ed25519.readPublicPem("-----BEGIN PUBLIC KEY-----\nQR==\n-----END PUBLIC KEY-----\n")).code());
        assertEquals("key.type", assertThrows(AirlockException.class,
                () -> Ed25519.readPublicPem("-----BEGIN PUBLIC KEY-----\nQQ==\n-----END PUBLIC KEY-----\n")).code());
        Path big = Files.write(dir.resolve("big.pub"), new byte[100_000]);
        assertEquals("key.pem.invalid", assertThrows(AirlockException.class, () -> Ed25519.readPublicPem(big)).code());
        KeyPair pair = Ed25519.generate();
        Path pubAsPrivate = Files.writeString(dir.resolve("p.key"), Ed25519.publicPem(pair.getPublic()));
        assertEquals("key.pem.invalid", assertThrows(AirlockException.class,
                () -> Ed25519.readPrivatePem(pubAsPrivate, null)).code());
    }

    @Test
    void derivesThePublicKeyOfAPrivateKey() throws Exception {
        KeyPair pair = Ed25519.generate();
        assertEquals(Ed25519.keyId(pair.getPublic()), Ed25519.keyId(Ed25519.publicKeyOf(pair.getPrivate())));
        assertArrayEquals(pair.getPublic().getEncoded(), Ed25519.publicKeyOf(pair.getPrivate()).getEncoded());
    }

    @Test
    void keyIdIsSha256OfTheSpkiDer() {
        KeyPair pair = Ed25519.generate();
        assertEquals(Sha256.hex(Sha256.digest(pair.getPublic().getEncoded())), Ed25519.keyId(pair.getPublic()).hex());
        assertEquals(44, pair.getPublic().getEncoded().length);
    }
}
