package airlock.core.log;

import airlock.core.crypto.Ed25519;
import airlock.core.crypto.SignatureCheck;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;

/**
 * Signing and checking signature lines. The 4-byte key hash is the C2SP one:
 * SHA-256(name || 0x0A || 0x01 || 32-byte Ed25519 public key)[0:4].
 */
public final class NoteKeys {
    private NoteKeys() {
    }

    public static byte[] keyHash(String name, PublicKey key) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(name.getBytes(StandardCharsets.UTF_8));
        data.write(0x0A);
        data.write(0x01);
        data.writeBytes(rawPublicKey(key));
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(data.toByteArray()), 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime lacks SHA-256", e);
        }
    }

    /** The 32 raw key bytes at the end of an Ed25519 X.509 SubjectPublicKeyInfo (44 bytes). */
    public static byte[] rawPublicKey(PublicKey key) {
        byte[] spki = key.getEncoded();
        if (spki.length != 44) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return Arrays.copyOfRange(spki, 12, 44);
    }

    public static NoteSignature sign(SignaturePurpose purpose, String body, PrivateKey key, PublicKey publicKey) {
        byte[] signature = Ed25519.sign(key, purpose.signedBytes(body));
        return new NoteSignature(purpose.keyName(), keyHash(purpose.keyName(), publicKey), signature);
    }

    public static boolean matches(NoteSignature line, PublicKey key) {
        return Arrays.equals(line.keyHash(), keyHash(line.name(), key));
    }

    public static SignatureCheck verify(SignaturePurpose purpose, String body, NoteSignature line, PublicKey key) {
        if (!line.name().equals(purpose.keyName())) {
            return SignatureCheck.invalid("the signature line is named '" + line.name() + "', not '" + purpose.keyName() + "'");
        }
        return Ed25519.verify(key, purpose.signedBytes(body), line.signature());
    }
}
