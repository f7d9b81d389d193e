package airlock.core.export;

import java.nio.charset.StandardCharsets;

/** Repository paths as relative URI references (RFC 3986): every byte outside the unreserved set and '/' is percent-encoded. */
final class UriPaths {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriPaths() {
    }

    static String encode(String path) {
        StringBuilder out = new StringBuilder(path.length() + 8);
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        String s = out.toString();
        // Colons are encoded, so no segment reads as a scheme; a leading '/' would make the reference absolute.
        return s.startsWith("/") ? "." + s : s;
    }
}
