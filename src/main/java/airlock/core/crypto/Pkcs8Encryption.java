package airlock.core.crypto;

import airlock.core.AirlockException;
import java.io.IOException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * PKCS#8 EncryptedPrivateKeyInfo with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC), the scheme
 * {@code openssl genpkey -aes-256-cbc} and {@code openssl pkcs8 -topk8 -v2 aes-256-cbc} use.
 */
final class Pkcs8Encryption {
    static final int ITERATIONS = 600_000;

    private Pkcs8Encryption() {
    }

    private static final byte[] OID_PBES2 = hex("06092a864886f70d01050d");
    private static final byte[] OID_PBKDF2 = hex("06092a864886f70d01050c");
    private static final byte[] OID_HMAC_SHA256 = hex("06082a864886f70d0209");
    private static final byte[] OID_AES256_CBC = hex("060960864801650304012a");

    /**
     * Encrypts a PKCS#8 key. The DER is written here because the JDK's EncryptedPrivateKeyInfo
     * cannot name PBES2 when encrypting; the layout is RFC 8018 appendix A.
     */
    static byte[] encrypt(byte[] pkcs8, char[] passphrase) {
        try {
            SecureRandom random = new SecureRandom();
            byte[] salt = new byte[16];
            byte[] iv = new byte[16];
            random.nextBytes(salt);
            random.nextBytes(iv);
            byte[] keyBytes = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(passphrase, salt, ITERATIONS, 256)).getEncoded();
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keyBytes, "AES"), new IvParameterSpec(iv));
            byte[] encrypted = cipher.doFinal(pkcs8);
            byte[] prf = Der.sequence(OID_HMAC_SHA256, Der.NULL);
            byte[] kdfParams = Der.sequence(Der.octetString(salt), Der.integer(ITERATIONS), prf);
            byte[] kdf = Der.sequence(OID_PBKDF2, kdfParams);
            byte[] scheme = Der.sequence(OID_AES256_CBC, Der.octetString(iv));
            byte[] algorithm = Der.sequence(OID_PBES2, Der.sequence(kdf, scheme));
            return Der.sequence(algorithm, Der.octetString(encrypted));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot encrypt with PBKDF2-HMAC-SHA256 and AES-256-CBC", e);
        }
    }

    private static byte[] hex(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }

    static byte[] decrypt(byte[] der, char[] passphrase, String what) throws AirlockException {
        EncryptedPrivateKeyInfo info;
        try {
            info = new EncryptedPrivateKeyInfo(der);
        } catch (IOException e) {
            throw new AirlockException("key.pem.invalid", what + " is not a valid encrypted PKCS#8 key: " + e.getMessage(), e);
        }
        AlgorithmParameters params = info.getAlgParameters();
        String scheme = params == null ? info.getAlgName() : params.toString();
        try {
            SecretKey key = SecretKeyFactory.getInstance(scheme).generateSecret(new PBEKeySpec(passphrase));
            Cipher cipher = Cipher.getInstance(scheme);
            cipher.init(Cipher.DECRYPT_MODE, key, params);
            return info.getKeySpec(cipher).getEncoded();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AirlockException("key.encryption.unsupported", what + " is encrypted with '" + scheme
                    + "', which Airlock does not read; re-encrypt it with "
                    + "'openssl pkcs8 -topk8 -v2 aes-256-cbc -v2prf hmacWithSHA256'", e);
        } catch (GeneralSecurityException e) {
            throw Ed25519.wrongPassphrase(what, e);
        }
    }
}
