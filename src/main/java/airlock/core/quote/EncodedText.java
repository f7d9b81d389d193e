package airlock.core.quote;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds encoded blobs in a text — Base64 of any line length (consecutive lines made only of the
 * Base64 alphabet are one blob), hex (plain, {@code 0x}-prefixed or separated pairs), decimal byte
 * lists, and long runs of one small alphabet (binary, base32) — and decodes them, so that the
 * quote check can look at what they carry. Every blob counts against the session's encoded budget
 * whatever its length ({@code MIN_RUN} characters or more; shorter ones cannot hold a quote of the
 * policy's length). Never throws on any input; linear in the text.
 */
public final class EncodedText {
    /** A Base64 or one-alphabet word shorter than this is a word, not a blob. */
    static final int MIN_RUN = 16;
    private static final Pattern HEX_LIST = Pattern.compile(
            "(?:(?:0[xX]|\\\\x)?+[0-9a-fA-F]{2}(?:[ \\t,:;-]++|$)){8,}+");
    private static final Pattern ESCAPED_HEX = Pattern.compile("(?:\\\\x[0-9a-fA-F]{2}){8,}+");
    private static final Pattern DECIMAL_LIST = Pattern.compile("(?:\\b(?:25[0-5]|2[0-4][0-9]|1?[0-9]{1,2})\\b[ \\t]*+,[ \\t]*+){8,}+"
            + "(?:25[0-5]|2[0-4][0-9]|1?[0-9]{1,2})\\b");

    /** Which encoding a blob looked like. */
    public enum Kind {
        BASE64("Base64"), HEX("hex"), DECIMAL_BYTES("decimal bytes"), BINARY("binary digits"), BASE32("base32");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One blob: its kind, 1-based first and last line in the text, its length in characters
     * (what counts against the budget) and its decoded text, or null when the bytes are not text.
     */
    public record Blob(Kind kind, int firstLine, int lastLine, int chars, String decoded) {
    }

    private EncodedText() {
    }

    public static List<Blob> find(String text) {
        List<Blob> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        String[] lines = text.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            if (lines[i].isBlank()) {
                i++;
                continue;
            }
            String pure = pureBase64(lines[i], 8);
            if (pure != null) {
                // a block of lines each made only of the Base64 alphabet: one blob, whatever the line length
                StringBuilder block = new StringBuilder(pure);
                int first = i;
                while (i + 1 < lines.length && (pure = pureBase64(lines[i + 1], 1)) != null) {
                    block.append(pure);
                    i++;
                }
                if (looksEncoded(block)) {
                    add(out, block.toString(), first + 1, i + 1);
                } else {
                    for (int j = first; j <= i; j++) {
                        inline(lines[j], j + 1, out);
                    }
                }
                i++;
                continue;
            }
            inline(lines[i], i + 1, out);
            i++;
        }
        return out;
    }

    /** The line without surrounding blanks if it is one run of {@code min}+ Base64 characters, else null. */
    private static String pureBase64(String line, int min) {
        String s = line.strip();
        if (s.length() < min) {
            return null;
        }
        for (int j = 0; j < s.length(); j++) {
            if (!base64(s.charAt(j))) {
                return null;
            }
        }
        return s;
    }

    private static void inline(String line, int lineNo, List<Blob> out) {
        boolean[] taken = new boolean[line.length()];
        int digits = 0;
        for (int j = 0; j < line.length() && digits < 16; j++) {
            digits += Character.isDigit(line.charAt(j)) ? 1 : 0;
        }
        for (Pattern p : digits < 8 ? new Pattern[0] : new Pattern[] {ESCAPED_HEX, HEX_LIST, DECIMAL_LIST}) {
            Matcher m = p.matcher(line);
            while (m.find()) {
                if (taken[m.start()]) {
                    continue;
                }
                java.util.Arrays.fill(taken, m.start(), m.end(), true);
                String blob = m.group();
                byte[] bytes = p == DECIMAL_LIST ? decimal(blob) : hexPairs(blob);
                out.add(new Blob(p == DECIMAL_LIST ? Kind.DECIMAL_BYTES : Kind.HEX, lineNo, lineNo, blob.strip().length(),
                        textOf(bytes)));
            }
        }
        int j = 0;
        while (j < line.length()) {
            if (taken[j] || !base64(line.charAt(j))) {
                j++;
                continue;
            }
            int start = j;
            while (j < line.length() && !taken[j] && base64(line.charAt(j))) {
                j++;
            }
            CharSequence run = line.subSequence(start, j);
            if (run.length() >= MIN_RUN && looksEncoded(run)) {
                add(out, run.toString(), lineNo, lineNo);
            }
        }
    }

    private static void add(List<Blob> out, String blob, int first, int last) {
        Kind kind = kindOf(blob);
        if (kind == Kind.HEX && isDigest(blob)) {
            return;
        }
        byte[] bytes = switch (kind) {
            case HEX -> hexPairs(blob);
            case BINARY -> binary(blob);
            case BASE32 -> null;
            default -> base64(blob);
        };
        out.add(new Blob(kind, first, last, blob.length(), bytes == null ? null : textOf(bytes)));
    }

    /**
     * A commit id or a SHA-1/SHA-256 digest (40 or 64 hex digits of one case whose bytes are not
     * text): prose in a finding, not counted. Data smuggled in digest-sized chunks of random-looking
     * bytes passes this; docs/session.md says so.
     */
    private static boolean isDigest(String blob) {
        return (blob.length() == 40 || blob.length() == 64)
                && (blob.equals(blob.toLowerCase(java.util.Locale.ROOT)) || blob.equals(blob.toUpperCase(java.util.Locale.ROOT)))
                && textOf(hexPairs(blob)) == null;
    }

    private static Kind kindOf(String blob) {
        boolean hex = true;
        boolean binary = true;
        boolean base32 = true;
        for (int j = 0; j < blob.length(); j++) {
            char c = blob.charAt(j);
            hex &= Character.digit(c, 16) >= 0;
            binary &= c == '0' || c == '1';
            base32 &= (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7') || c == '=';
        }
        if (binary) {
            return Kind.BINARY;
        }
        if (hex) {
            return Kind.HEX;
        }
        return base32 ? Kind.BASE32 : Kind.BASE64;
    }

    /** Both letter cases and a digit or Base64 symbol, or one alphabet only (hex, binary, base32): not a word. */
    private static boolean looksEncoded(CharSequence s) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean symbol = false;
        boolean hex = true;
        boolean underscore = false;
        for (int j = 0; j < s.length(); j++) {
            char c = s.charAt(j);
            underscore |= c == '_' || c == '-';
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digit |= c >= '0' && c <= '9';
            symbol |= c == '+' || c == '/' || c == '=';
            hex &= Character.digit(c, 16) >= 0;
        }
        if (hex && digit) {
            return true;
        }
        if (s.length() < MIN_RUN) {
            return upper && lower && (digit || symbol);
        }
        // upper case and digits only: base32; a slash between lower-case words only: a path, not Base64
        return (upper && lower && (digit || symbol)) || (upper && digit && !lower && !underscore);
    }

    private static boolean base64(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '='
                || c == '-' || c == '_';
    }

    /** Lenient Base64 (standard or URL alphabet, padding optional, a dangling character dropped). */
    static byte[] base64(String blob) {
        StringBuilder s = new StringBuilder(blob.length());
        for (int j = 0; j < blob.length(); j++) {
            char c = blob.charAt(j);
            if (c == '-') {
                s.append('+');
            } else if (c == '_') {
                s.append('/');
            } else if (c != '=') {
                s.append(c);
            }
        }
        if (s.length() % 4 == 1) {
            s.setLength(s.length() - 1);
        }
        try {
            return java.util.Base64.getDecoder().decode(pad(s));
        } catch (IllegalArgumentException e) {
            return null; // not Base64 after all: it still counts against the budget
        }
    }

    private static String pad(StringBuilder s) {
        while (s.length() % 4 != 0) {
            s.append('=');
        }
        return s.toString();
    }

    static byte[] hexPairs(String blob) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(blob.length() / 2);
        int hi = -1;
        for (int j = 0; j < blob.length(); j++) {
            char c = blob.charAt(j);
            if ((c == 'x' || c == 'X') && hi == 0) {
                hi = -1; // the 0 of a 0x prefix
                continue;
            }
            int d = Character.digit(c, 16);
            if (d < 0) {
                hi = -1;
                continue;
            }
            if (hi < 0) {
                hi = d;
            } else {
                out.write(hi * 16 + d);
                hi = -1;
            }
        }
        return out.toByteArray();
    }

    private static byte[] decimal(String blob) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : blob.split("[^0-9]+")) {
            if (!part.isEmpty()) {
                out.write(Integer.parseInt(part));
            }
        }
        return out.toByteArray();
    }

    private static byte[] binary(String blob) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(blob.length() / 8);
        for (int j = 0; j + 8 <= blob.length(); j += 8) {
            out.write(Integer.parseInt(blob.substring(j, j + 8), 2));
        }
        return out.toByteArray();
    }

    /** The bytes as text when they are UTF-8 and at least 85 % printable, else null. */
    static String textOf(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
        int printable = 0;
        for (int j = 0; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '\n' || c == '\t' || c == '\r' || !Character.isISOControl(c)) {
                printable++;
            }
        }
        return printable * 100 >= 85 * s.length() ? s : null;
    }
}
