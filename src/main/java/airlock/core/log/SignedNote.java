package airlock.core.log;

import airlock.core.AirlockException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP signed note: the note text (ending in a line feed), a blank line, then one or more
 * signature lines. A checkpoint carries the workstation's line; a sealed checkpoint carries the
 * supervisor's line as well.
 */
public record SignedNote(String body, List<NoteSignature> signatures) {
    public static final int MAX_NOTE_BYTES = 8_192;
    public static final int MAX_SIGNATURES = 16;

    public SignedNote {
        signatures = List.copyOf(signatures);
    }

    public String text() {
        StringBuilder out = new StringBuilder(body).append('\n');
        for (NoteSignature signature : signatures) {
            out.append(signature.line());
        }
        return out.toString();
    }

    public SignedNote with(NoteSignature signature) {
        List<NoteSignature> all = new ArrayList<>(signatures);
        all.add(signature);
        return new SignedNote(body, all);
    }

    public List<NoteSignature> signedAs(SignaturePurpose purpose) {
        return signatures.stream().filter(s -> s.name().equals(purpose.keyName())).toList();
    }

    public static SignedNote parse(byte[] bytes) throws AirlockException {
        if (bytes.length > MAX_NOTE_BYTES) {
            throw bad("is " + bytes.length + " bytes, over the limit of " + MAX_NOTE_BYTES);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)) {
            throw bad("is not valid UTF-8");
        }
        return parse(text);
    }

    public static SignedNote parse(String text) throws AirlockException {
        int split = text.indexOf("\n\n");
        if (split < 0 || !text.endsWith("\n")) {
            throw bad("has no blank line between its text and its signatures, or does not end with a line feed");
        }
        if (text.length() <= split + 2) {
            throw bad("has no signature line");
        }
        String body = text.substring(0, split + 1);
        String[] lines = text.substring(split + 2, text.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw bad("has more than " + MAX_SIGNATURES + " signature lines");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        for (String line : lines) {
            signatures.add(parseLine(line));
        }
        return new SignedNote(body, signatures);
    }

    private static NoteSignature parseLine(String line) throws AirlockException {
        if (!line.startsWith(NoteSignature.DASH)) {
            throw bad("has a signature line that does not start with '— '");
        }
        String[] parts = line.substring(NoteSignature.DASH.length()).split(" ", -1);
        if (parts.length != 2 || parts[0].isEmpty()) {
            throw bad("has a signature line that is not '— <name> <base64>'");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw bad("has a signature that is not Base64");
        }
        if (!Base64.getEncoder().encodeToString(blob).equals(parts[1]) || blob.length != 4 + 64) {
            throw bad("has a signature that is not the canonical Base64 of a 4-byte key hash and a 64-byte Ed25519 signature");
        }
        byte[] keyHash = java.util.Arrays.copyOfRange(blob, 0, 4);
        byte[] signature = java.util.Arrays.copyOfRange(blob, 4, blob.length);
        return new NoteSignature(parts[0], keyHash, signature);
    }

    private static AirlockException bad(String what) {
        return new AirlockException("log.note.malformed", "The signed note " + what);
    }
}
