package airlock.core.log;

import airlock.core.AirlockException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The body of a C2SP tlog-checkpoint note: origin, tree size, base64 Merkle root, plus one
 * extension line {@code head <hex>} with the hash of the last entry covered (lets a verifier tell
 * an altered last entry from an inconsistent tree).
 */
public record Checkpoint(String origin, long size, byte[] root, byte[] head) {
    private static final Pattern ORIGIN = Pattern.compile("airlock\\.(session|ledger)/[A-Za-z0-9._-]{1,64}(/[A-Za-z0-9._-]{1,64})?");
    private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]{0,15}");

    public Checkpoint {
        root = root.clone();
        head = head.clone();
    }

    public static String sessionOrigin(String workstation, String session) {
        return "airlock.session/" + workstation + "/" + session;
    }

    public static String ledgerOrigin(String workstation) {
        return "airlock.ledger/" + workstation;
    }

    public static boolean isValidOrigin(String origin) {
        return ORIGIN.matcher(origin).matches();
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    @Override
    public byte[] head() {
        return head.clone();
    }

    public String body() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\nhead " + LogHashes.hex(head) + "\n";
    }

    public byte[] bodyBytes() {
        return body().getBytes(StandardCharsets.UTF_8);
    }

    public boolean sameTreeAs(Checkpoint other) {
        return origin.equals(other.origin) && size == other.size && Arrays.equals(root, other.root)
                && Arrays.equals(head, other.head);
    }

    /** Parses a checkpoint body (the note text before the blank line). */
    public static Checkpoint parse(String body) throws AirlockException {
        if (!body.endsWith("\n")) {
            throw bad("does not end with a line feed");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length != 4) {
            throw bad("has " + lines.length + " lines; expected origin, size, root and head");
        }
        if (!isValidOrigin(lines[0])) {
            throw bad("has an origin that is not airlock.session/<workstation>/<session> or airlock.ledger/<workstation>");
        }
        if (!SIZE.matcher(lines[1]).matches()) {
            throw bad("has a size that is not a plain decimal number");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw bad("has a root that is not Base64");
        }
        if (root.length != LogHashes.LENGTH || !Base64.getEncoder().encodeToString(root).equals(lines[2])) {
            throw bad("has a root that is not the canonical Base64 of 32 bytes");
        }
        if (!lines[3].startsWith("head ")) {
            throw bad("has no 'head <hash>' line");
        }
        byte[] head;
        try {
            head = LogHashes.parseHex(lines[3].substring(5));
        } catch (IllegalArgumentException e) {
            throw bad("has a head that is not 64 lower-case hex digits");
        }
        return new Checkpoint(lines[0], Long.parseLong(lines[1]), root, head);
    }

    private static AirlockException bad(String what) {
        return new AirlockException("log.checkpoint.malformed", "The checkpoint " + what);
    }
}
