package airlock.core.bundle;

import airlock.core.AirlockException;
import airlock.core.crypto.Ed25519;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/** Deterministic test keys (fixed seeds) so generated vectors are byte-identical run to run. */
final class TestKeys {
    /** Pinned vendor key. */
    static final KeyPair VENDOR_A = fromSeed(0xA1);
    /** A second pinned vendor key. */
    static final KeyPair VENDOR_B = fromSeed(0xB2);
    /** A key nobody pinned. */
    static final KeyPair STRANGER = fromSeed(0xC3);

    private TestKeys() {
    }

    static KeyPair fromSeed(int fill) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) fill);
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
            return new KeyPair(Ed25519.publicKeyOf(key), key);
        } catch (java.security.GeneralSecurityException | AirlockException e) {
            throw new IllegalStateException(e);
        }
    }
}
