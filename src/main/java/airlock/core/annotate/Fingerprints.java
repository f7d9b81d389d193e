package airlock.core.annotate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Computes {@link Fingerprint}s; the normalisation here is part of the export format (see docs/formats). */
public final class Fingerprints {
    /** Lines of context hashed on each side of a range. */
    public static final int CONTEXT_LINES = 3;

    private Fingerprints() {
    }

    public static Fingerprint of(LineIndex text, TextRange range) {
        int first = range.startLine();
        int last = first + range.lineSpan() - 1;
        String exact = text.text().substring(range.startOffset(), range.endOffset());
        return new Fingerprint(
                sha256(exact),
                sha256(normalizedLines(text, first, last)),
                sha256(normalize(text.line(first))),
                sha256(normalizedLines(text, Math.max(1, first - CONTEXT_LINES), first - 1)),
                sha256(normalizedLines(text, last + 1, Math.min(text.lineCount(), last + CONTEXT_LINES))),
                last - first + 1);
    }

    /** Lines {@code from..to} (1-based, inclusive; empty when to < from), normalised, joined by {@code \n}. */
    static String normalizedLines(LineIndex text, int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int line = from; line <= to; line++) {
            if (line > from) {
                out.append('\n');
            }
            out.append(normalize(text.line(line)));
        }
        return out.toString();
    }

    /** Trims a line and collapses each inner run of whitespace to one space. */
    public static String normalize(String line) {
        StringBuilder out = new StringBuilder(line.length());
        boolean pendingSpace = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    public static String sha256(String s) {
        return sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
