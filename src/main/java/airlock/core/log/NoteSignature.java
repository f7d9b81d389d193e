package airlock.core.log;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One signature line of a C2SP signed note: {@code — <name> base64(keyhash[4] || signature[64])}.
 * The name says who signed and so for which purpose ({@link SignaturePurpose}).
 */
public record NoteSignature(String name, byte[] keyHash, byte[] signature) {
    public static final String DASH = "\u2014 ";

    public NoteSignature {
        keyHash = keyHash.clone();
        signature = signature.clone();
    }

    @Override
    public byte[] keyHash() {
        return keyHash.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public String line() {
        byte[] blob = new byte[keyHash.length + signature.length];
        System.arraycopy(keyHash, 0, blob, 0, keyHash.length);
        System.arraycopy(signature, 0, blob, keyHash.length, signature.length);
        return DASH + name + " " + Base64.getEncoder().encodeToString(blob) + "\n";
    }

    public static int lineLength(String line) {
        return line.getBytes(StandardCharsets.UTF_8).length;
    }
}
