package airlock.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Spots text in a finding that looks like code rather than prose about code: lines dense in
 * braces, semicolons and operators or shaped like statements, long Base64 or hex blobs (code
 * smuggled out encoded), and lines that read as code when reversed. It is a screen for the
 * supervisor, not a proof: a hit is shown with its reason, and the supervisor decides.
 *
 * <p>Only the first {@value #MAX_CHARS} characters of a text and lines of up to
 * {@value #MAX_LINE} characters are examined; longer lines are reported as such, because
 * nobody writes prose lines that long.
 */
public final class CodeLikeText {
    static final int MAX_CHARS = 1 << 20;
    static final int MAX_LINE = 2000;
    private static final int MIN_LINE = 8;
    private static final Pattern STATEMENT = Pattern.compile(
            "^(?:#\\s*(?:include|define|ifn?def|endif|pragma)\\b.*"
            + "|(?:if|for|while|switch)\\s*\\(.*\\)\\s*\\{?$"
            + "|(?:return|goto|break|continue)\\b[^.!?]*;$"
            + "|(?:static\\s+|const\\s+|unsigned\\s+|struct\\s+)*(?:int|char|void|long|bool|u8|u16|u32|u64|size_t|auto|var|let|def|fn|func)\\s+\\**\\w+\\s*[(=;\\[].*"
            + "|[\\w.>*\\[\\]-]+\\s*(?:[-+*/&|^]|<<|>>)?=\\s*[^=].*;$"
            + "|[\\w.>-]+\\s*\\(.*\\)\\s*;$"
            + "|\\}\\s*(?:else\\b.*)?$)");
    private static final Pattern BASE64_BLOB = Pattern.compile("[A-Za-z0-9+/]{60,}={0,2}");
    private static final Pattern HEX_BLOB = Pattern.compile("(?i)(?:[0-9a-f]{96,}|(?:(?:0x)?[0-9a-f]{2}[ ,:]+){24,})");

    /** The first finding in {@code text}, if any: which line and why. */
    public Optional<Hit> find(String text) {
        List<Hit> hits = findAll(text);
        return hits.isEmpty() ? Optional.empty() : Optional.of(hits.get(0));
    }

    /** Every line of {@code text} that looks like code, with the reason. */
    public List<Hit> findAll(String text) {
        List<Hit> hits = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return hits;
        }
        String examined = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        String[] lines = examined.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Optional<String> reason = reason(lines[i]);
            if (reason.isPresent()) {
                hits.add(new Hit(i + 1, lines[i], reason.get()));
            }
        }
        return hits;
    }

    /** Why {@code line} looks like code, or empty. */
    Optional<String> reason(String raw) {
        String line = raw.strip();
        if (line.length() > MAX_LINE) {
            return Optional.of("a line of " + line.length() + " characters, far longer than prose");
        }
        if (line.length() < MIN_LINE) {
            return Optional.empty();
        }
        java.util.regex.Matcher base64 = BASE64_BLOB.matcher(line);
        while (base64.find()) {
            String token = base64.group();
            // Hex digests (commit ids, SHA-256) are prose in a finding; Base64 mixes both letter cases.
            if (!token.equals(token.toLowerCase(java.util.Locale.ROOT)) && !token.equals(token.toUpperCase(java.util.Locale.ROOT))) {
                return Optional.of("a long Base64-like blob (encoded data)");
            }
        }
        if (HEX_BLOB.matcher(line).find()) {
            return Optional.of("a long hex blob (encoded data)");
        }
        Optional<String> forward = codeShape(line);
        if (forward.isPresent()) {
            return forward;
        }
        String reversed = new StringBuilder(line).reverse().toString();
        if (STATEMENT.matcher(reversed).matches()) {
            return Optional.of("code written backwards");
        }
        return Optional.empty();
    }

    private static Optional<String> codeShape(String line) {
        if (STATEMENT.matcher(line).matches()) {
            return Optional.of("shaped like a code statement");
        }
        int symbols = 0;
        int letters = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ("{}();=<>[]&|!*/%^~#".indexOf(c) >= 0) {
                symbols++;
            } else if (Character.isLetterOrDigit(c)) {
                letters++;
            }
        }
        boolean endsLikeCode = line.endsWith(";") || line.endsWith("{") || line.endsWith("}");
        if (symbols * 100 >= 25 * line.length() || (endsLikeCode && symbols * 100 >= 10 * line.length())) {
            return Optional.of(symbols + " of " + line.length() + " characters are braces, semicolons or operators");
        }
        return letters == 0 && symbols >= 4 ? Optional.of("only operators and punctuation") : Optional.empty();
    }

    /** A line that looks like code: 1-based line number in the text, the line, and why. */
    public record Hit(int line, String text, String reason) {
    }
}
