package airlock.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Ed25519.Verifier} (Bouncy Castle's RFC 8032 code) gives the JDK provider's verdict on
 * valid signatures and on every kind of damage: flipped bits in signature, message or key,
 * another key, and a non-canonical S (S + L, which RFC 8032 requires refusing).
 */
class Ed25519VerifierAgreementTest {
    private static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

    @Test
    void agreesWithTheJdkOnRandomKeysMessagesAndSingleBitDamage() throws Exception {
        Random random = new Random(20261128);
        for (int round = 0; round < 40; round++) {
            KeyPair pair = Ed25519.generate();
            byte[] message = new byte[random.nextInt(600)];
            random.nextBytes(message);
            byte[] signature = Ed25519.sign(pair.getPrivate(), message);
            Ed25519.Verifier verifier = Ed25519.verifier(pair.getPublic());
            assertTrue(verifier.verify(message, signature).isValid());
            assertTrue(jdk(pair.getPublic(), message, signature));

            byte[] badSignature = signature.clone();
            badSignature[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
            assertEquals(jdk(pair.getPublic(), message, badSignature), verifier.verify(message, badSignature).isValid());
            assertFalse(verifier.verify(message, badSignature).isValid());

            if (message.length > 0) {
                byte[] badMessage = message.clone();
                badMessage[random.nextInt(message.length)] ^= (byte) (1 << random.nextInt(8));
                assertFalse(jdk(pair.getPublic(), badMessage, signature));
                assertFalse(verifier.verify(badMessage, signature).isValid());
            }
            assertFalse(Ed25519.verifier(Ed25519.generate().getPublic()).verify(message, signature).isValid());
        }
    }

    @Test
    void refusesANonCanonicalScalarLikeTheJdk() throws Exception {
        KeyPair pair = Ed25519.generate();
        byte[] message = "airlock-test/1 malleability".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] signature = Ed25519.sign(pair.getPrivate(), message);
        byte[] sLittle = Arrays.copyOfRange(signature, 32, 64);
        BigInteger s = new BigInteger(1, reverse(sLittle)).add(L);
        byte[] big = s.toByteArray();
        byte[] padded = new byte[32];
        System.arraycopy(big, Math.max(0, big.length - 32), padded, Math.max(0, 32 - big.length), Math.min(32, big.length));
        byte[] malleated = signature.clone();
        System.arraycopy(reverse(padded), 0, malleated, 32, 32);
        assertFalse(jdk(pair.getPublic(), message, malleated));
        assertFalse(Ed25519.verify(pair.getPublic(), message, malleated).isValid());
    }

    @Test
    void aKeyThatIsNotACurvePointIsRefusedWithAReason() throws Exception {
        KeyPair pair = Ed25519.generate();
        byte[] message = {1, 2, 3};
        byte[] signature = Ed25519.sign(pair.getPrivate(), message);
        byte[] spki = pair.getPublic().getEncoded();
        int refused = 0;
        for (int bit = 0; bit < 8 * 32; bit++) {
            byte[] damaged = spki.clone();
            damaged[12 + bit / 8] ^= (byte) (1 << (bit % 8));
            PublicKey key;
            try {
                key = java.security.KeyFactory.getInstance("Ed25519").generatePublic(new java.security.spec.X509EncodedKeySpec(damaged));
            } catch (java.security.spec.InvalidKeySpecException e) {
                refused++;
                continue;
            }
            SignatureCheck check = Ed25519.verify(key, message, signature);
            assertFalse(check.isValid(), "bit " + bit);
            assertFalse(check.reason().isBlank());
        }
        assertTrue(refused < 8 * 32, "the JDK decoded none of the damaged keys; the test checks nothing");
    }

    private static boolean jdk(PublicKey key, byte[] message, byte[] signature) throws Exception {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(message);
        try {
            return verifier.verify(signature);
        } catch (java.security.SignatureException e) {
            return false;
        }
    }

    private static byte[] reverse(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }
}
