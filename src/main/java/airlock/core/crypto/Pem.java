package airlock.core.crypto;

import airlock.core.AirlockException;
import java.util.Base64;

/**
 * PEM armour (RFC 7468): one labelled block, Base64 body. Text before the BEGIN line is ignored,
 * as openssl does, so a trust file may carry a comment line.
 */
final class Pem {
    private static final int MAX_PEM_CHARS = 64 * 1024;

    private Pem() {
    }

    static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /** The label of the first PEM block in {@code text}, or null when there is none. */
    static String firstLabel(String text) {
        int begin = text.indexOf("-----BEGIN ");
        if (begin < 0) {
            return null;
        }
        int end = text.indexOf("-----", begin + 11);
        return end < 0 ? null : text.substring(begin + 11, end);
    }

    static byte[] decode(String text, String label, String what) throws AirlockException {
        if (text.length() > MAX_PEM_CHARS) {
            throw new AirlockException("key.pem.invalid", what + " is too large to be a PEM key (" + text.length() + " characters)");
        }
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int b = text.indexOf(begin);
        int e = b < 0 ? -1 : text.indexOf(end, b);
        if (b < 0 || e < 0) {
            throw new AirlockException("key.pem.invalid", what + " is not a PEM '" + label
                    + "' block (expected a line '" + begin + "')");
        }
        String body = text.substring(b + begin.length(), e).replaceAll("[\\r\\n\\t ]", "");
        try {
            return Base64Strict.decode(body);
        } catch (AirlockException ex) {
            throw new AirlockException("key.pem.invalid", what + " has a damaged Base64 body: " + ex.getMessage(), ex);
        }
    }
}
