package airlock.core.crypto;

import airlock.core.AirlockException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Ed25519 keys and signatures with the JDK provider, in the file formats openssl uses: public keys
 * as SPKI PEM ({@code PUBLIC KEY}), private keys as PKCS#8 PEM, plain ({@code PRIVATE KEY}) or
 * encrypted with PBES2 / PBKDF2-HMAC-SHA256 / AES-256-CBC ({@code ENCRYPTED PRIVATE KEY}).
 *
 * <p>{@link #verify} checks the signature length itself (the JDK accepts a valid 64-byte
 * signature followed by extra bytes) and uses {@link Verifier}.
 */
public final class Ed25519 {
    public static final int SIGNATURE_LENGTH = 64;
    private static final String ALGORITHM = "Ed25519";

    private Ed25519() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime lacks Ed25519", e);
        }
    }

    public static PublicKey readPublicPem(Path file) throws AirlockException {
        return readPublicPem(readText(file, "public key"), "public key " + file);
    }

    public static PublicKey readPublicPem(String pem) throws AirlockException {
        return readPublicPem(pem, "public key");
    }

    private static PublicKey readPublicPem(String pem, String what) throws AirlockException {
        byte[] der = Pem.decode(pem, "PUBLIC KEY", what);
        try {
            PublicKey key = keyFactory().generatePublic(new X509EncodedKeySpec(der));
            if (!(key instanceof EdECPublicKey ed) || !ALGORITHM.equals(ed.getParams().getName())) {
                throw new AirlockException("key.type", what + " is not an Ed25519 key");
            }
            return key;
        } catch (InvalidKeySpecException e) {
            throw new AirlockException("key.type", what + " is not an Ed25519 public key (" + e.getMessage() + ")", e);
        }
    }

    /** Reads a PKCS#8 private key; {@code passphrase} is needed only when the file is encrypted. */
    public static PrivateKey readPrivatePem(Path file, char[] passphrase) throws AirlockException {
        String text = readText(file, "private key");
        String what = "private key " + file;
        String label = Pem.firstLabel(text);
        byte[] pkcs8;
        if ("ENCRYPTED PRIVATE KEY".equals(label)) {
            if (passphrase == null) {
                throw new AirlockException("key.passphrase.required", what
                        + " is encrypted: give its passphrase (--passphrase-file, or type it when asked)");
            }
            pkcs8 = Pkcs8Encryption.decrypt(Pem.decode(text, label, what), passphrase, what);
        } else {
            pkcs8 = Pem.decode(text, "PRIVATE KEY", what);
        }
        try {
            PrivateKey key = keyFactory().generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            if (!(key instanceof EdECPrivateKey ed) || !ALGORITHM.equals(ed.getParams().getName())) {
                throw new AirlockException("key.type", what + " is not an Ed25519 key");
            }
            return key;
        } catch (InvalidKeySpecException e) {
            throw new AirlockException("key.type", what + " is not an Ed25519 private key (" + e.getMessage() + ")", e);
        }
    }

    public static String publicPem(PublicKey key) {
        return Pem.encode("PUBLIC KEY", key.getEncoded());
    }

    /** PKCS#8 PEM; encrypted (PBES2, AES-256-CBC) when {@code passphrase} is not null. */
    public static String privatePem(PrivateKey key, char[] passphrase) {
        if (passphrase == null) {
            return Pem.encode("PRIVATE KEY", key.getEncoded());
        }
        return Pem.encode("ENCRYPTED PRIVATE KEY", Pkcs8Encryption.encrypt(key.getEncoded(), passphrase));
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(message);
            return signer.sign();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime lacks Ed25519", e);
        } catch (InvalidKeyException | SignatureException e) {
            throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
        }
    }

    /**
     * Starts loading the verification code on a daemon thread, for a command that will check
     * signatures and can overlap this with its own start: the JDK's Ed25519 key factory (the
     * provider list) and Bouncy Castle with its base-point tables. Bouncy Castle comes from a signed
     * jar, whose signature check alone costs a cold JVM about 0.4 s of CPU. Nothing is verified here;
     * a failure is logged and shows again, reported, where the code is used.
     */
    public static void preloadInBackground() {
        Thread thread = new Thread(() -> {
            try {
                keyFactory();
                org.bouncycastle.math.ec.rfc8032.Ed25519.precompute();
            } catch (RuntimeException | LinkageError e) {
                org.slf4j.LoggerFactory.getLogger(Ed25519.class).warn("preloading the Ed25519 code failed", e);
            }
        }, "ed25519-preload");
        thread.setDaemon(true);
        thread.start();
    }

    /** Verifies {@code signature} over exactly {@code message}; any length other than 64 is refused. */
    public static SignatureCheck verify(PublicKey key, byte[] message, byte[] signature) {
        return verifier(key).verify(message, signature);
    }

    /** A verifier for one public key, decoded once; for checking many signatures by the same key. */
    public static Verifier verifier(PublicKey key) {
        return new Verifier(key);
    }

    /**
     * Checks signatures by one key with Bouncy Castle's RFC 8032 code (cofactorless, S &lt; L, R and
     * A canonically encoded, A not of small order), several times faster than the JDK 17 provider: a
     * long session log carries thousands of checkpoints. Signing stays with the JDK provider; the
     * tests check both implementations agree, and openssl verifies the same signatures.
     */
    public static final class Verifier {
        private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
        private final KeyId id;
        private final org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint point;
        private final String keyProblem;

        private Verifier(PublicKey key) {
            byte[] spki = key.getEncoded();
            this.id = new KeyId(Sha256.hex(Sha256.digest(spki)));
            String problem = null;
            org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint decoded = null;
            if (spki.length != SPKI_PREFIX.length + 32 || !Arrays.equals(spki, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
                problem = "key is not an Ed25519 public key (" + key.getAlgorithm() + ", " + spki.length + " bytes encoded)";
            } else {
                decoded = org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyFullExport(spki, SPKI_PREFIX.length);
                if (decoded == null) {
                    problem = "key is not a valid Ed25519 public key (not a curve point, or of small order)";
                }
            }
            this.point = decoded;
            this.keyProblem = problem;
        }

        public SignatureCheck verify(byte[] message, byte[] signature) {
            if (signature == null || signature.length != SIGNATURE_LENGTH) {
                return SignatureCheck.invalid("signature is " + (signature == null ? 0 : signature.length)
                        + " bytes long; an Ed25519 signature is exactly 64");
            }
            if (keyProblem != null) {
                return SignatureCheck.invalid(keyProblem);
            }
            return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, point, message, 0, message.length)
                    ? SignatureCheck.valid()
                    : SignatureCheck.invalid("signature does not match the signed bytes and key " + id);
        }
    }

    /**
     * The public key of an Ed25519 private key. The JDK has no direct call for this; its key pair
     * generator takes the 32-byte private key from the random source, so it is given the key's own
     * bytes. The result is checked by a signature round trip.
     */
    public static PublicKey publicKeyOf(PrivateKey key) throws AirlockException {
        if (!(key instanceof EdECPrivateKey ed) || ed.getBytes().isEmpty() || !ALGORITHM.equals(ed.getParams().getName())) {
            throw new AirlockException("key.type", "The key is not an Ed25519 private key");
        }
        byte[] seed = ed.getBytes().get();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new FixedRandom(seed));
            PublicKey derived = generator.generateKeyPair().getPublic();
            byte[] probe = "airlock-key-derivation-check".getBytes(StandardCharsets.US_ASCII);
            if (!verify(derived, probe, sign(key, probe)).isValid()) {
                throw new AirlockException("key.type", "Cannot derive the public key of this Ed25519 private key");
            }
            return derived;
        } catch (GeneralSecurityException e) {
            throw new AirlockException("key.type", "Cannot derive the public key of this Ed25519 private key", e);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** A random source that yields one fixed byte string, for {@link #publicKeyOf}. */
    private static final class FixedRandom extends java.security.SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] bytes;

        FixedRandom(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            if (out.length != bytes.length) {
                throw new IllegalStateException("unexpected request for " + out.length + " random bytes");
            }
            System.arraycopy(bytes, 0, out, 0, bytes.length);
        }
    }

    /** SHA-256 (hex) of the SPKI DER encoding; see {@link KeyId}. */
    public static KeyId keyId(PublicKey key) {
        return new KeyId(Sha256.hex(Sha256.digest(key.getEncoded())));
    }

    private static KeyFactory keyFactory() {
        try {
            return KeyFactory.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime lacks Ed25519", e);
        }
    }

    private static String readText(Path file, String what) throws AirlockException {
        try {
            if (!Files.isRegularFile(file)) {
                throw new AirlockException("key.file.missing", "The " + what + " file " + file
                        + " does not exist or is not a regular file");
            }
            if (Files.size(file) > 64 * 1024) {
                throw new AirlockException("key.pem.invalid", "The " + what + " file " + file + " is too large to be a key");
            }
            // UTF-8, leniently: a trust file's "# label:" line may hold any name ("Zoë"); only the PEM lines are parsed
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AirlockException("key.file.unreadable", "Cannot read the " + what + " file " + file + ": " + e, e);
        }
    }

    static AirlockException wrongPassphrase(String what, GeneralSecurityException cause) {
        return new AirlockException("key.passphrase.wrong", "Cannot decrypt " + what
                + ": the passphrase is wrong or the file is damaged", cause);
    }
}
