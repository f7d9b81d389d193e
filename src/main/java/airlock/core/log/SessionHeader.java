package airlock.core.log;

import airlock.core.AirlockException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The data of entry 0, which binds a log to its workstation (name and public key), and for a
 * session to the bundle (manifest hash), the inspectors and the room policy (hash; null until a
 * policy is in force). A ledger's entry 0 has no bundle, inspectors or policy.
 */
public record SessionHeader(String format, String session, String workstation, PublicKey workstationKey,
                            List<String> inspectors, String bundleManifestSha256, String policySha256) {
    public static final String SESSION_FORMAT = "airlock-session-log/1";
    public static final String LEDGER_FORMAT = "airlock-ledger/1";
    public static final String LEDGER_SESSION = "ledger";
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public SessionHeader {
        inspectors = List.copyOf(inspectors);
    }

    public boolean isLedger() {
        return LEDGER_FORMAT.equals(format);
    }

    public String origin() {
        return isLedger() ? Checkpoint.ledgerOrigin(workstation) : Checkpoint.sessionOrigin(workstation, session);
    }

    public EntryType startType() {
        return isLedger() ? EntryType.LEDGER_START : EntryType.SESSION_START;
    }

    public Map<String, Object> toData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("format", format);
        data.put("workstation", workstation);
        data.put("workstationKey", Base64.getEncoder().encodeToString(workstationKey.getEncoded()));
        if (!isLedger()) {
            data.put("session", session);
            data.put("inspectors", new ArrayList<Object>(inspectors));
            data.put("bundleManifestSha256", bundleManifestSha256);
            data.put("policySha256", policySha256);
        }
        return data;
    }

    /** Reads and checks entry 0; the message names the missing or wrong field. */
    public static SessionHeader fromEntry(LogEntry entry) throws AirlockException {
        Map<String, Object> data = entry.data();
        Object format = data.get("format");
        boolean ledger = LEDGER_FORMAT.equals(format);
        if (!(SESSION_FORMAT.equals(format) || ledger)) {
            throw bad("has format " + format + ", expected " + SESSION_FORMAT + " or " + LEDGER_FORMAT);
        }
        EntryType expected = ledger ? EntryType.LEDGER_START : EntryType.SESSION_START;
        if (entry.type() != expected) {
            throw bad("has type " + entry.type().wireName() + ", expected " + expected.wireName());
        }
        java.util.Set<String> members = ledger ? LEDGER_MEMBERS : SESSION_MEMBERS;
        if (!data.keySet().equals(members)) {
            throw bad("must have exactly the data members " + members.stream().sorted().toList());
        }
        String workstation = id(data, "workstation");
        PublicKey key = publicKey(data.get("workstationKey"));
        if (ledger) {
            return new SessionHeader(LEDGER_FORMAT, LEDGER_SESSION, workstation, key, List.of(), null, null);
        }
        String session = id(data, "session");
        if (!(data.get("inspectors") instanceof List<?> list) || list.isEmpty()) {
            throw bad("names no inspectors");
        }
        List<String> inspectors = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String name) || !validInspector(name)) {
                throw bad("has an inspector name that is not 1 to " + EntryCodec.MAX_ACTOR_LENGTH
                        + " code points, not only spaces, without control characters");
            }
            inspectors.add(name);
        }
        return new SessionHeader(SESSION_FORMAT, session, workstation, key, inspectors,
                hexOrNull(data, "bundleManifestSha256", false), hexOrNull(data, "policySha256", true));
    }

    private static final java.util.Set<String> SESSION_MEMBERS = java.util.Set.of("format", "session", "workstation",
            "workstationKey", "inspectors", "bundleManifestSha256", "policySha256");
    private static final java.util.Set<String> LEDGER_MEMBERS = java.util.Set.of("format", "workstation", "workstationKey");
    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the 32 key bytes follow. */
    private static final byte[] ED25519_SPKI_PREFIX = java.util.HexFormat.of().parseHex("302a300506032b6570032100");

    /** An inspector's name: 1 to 256 code points, not only U+0020, no C0 or C1 control character. */
    static boolean validInspector(String name) {
        int count = name.codePointCount(0, name.length());
        if (!EntryCodec.validActorLength(count) || name.chars().allMatch(c -> c == ' ')) {
            return false;
        }
        return name.codePoints().noneMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f));
    }

    private static String id(Map<String, Object> data, String field) throws AirlockException {
        if (!(data.get(field) instanceof String value) || !ID.matcher(value).matches()) {
            throw bad("has no " + field + " made of letters, digits, '.', '_' or '-' (1 to 64)");
        }
        return value;
    }

    private static String hexOrNull(Map<String, Object> data, String field, boolean nullable) throws AirlockException {
        Object value = data.get(field);
        if (value == null && nullable && data.containsKey(field)) {
            return null;
        }
        if (!(value instanceof String text) || !HEX.matcher(text).matches()) {
            throw bad("has no " + field + " of 64 lower-case hex digits" + (nullable ? " or null" : ""));
        }
        return text;
    }

    static PublicKey publicKey(Object value) throws AirlockException {
        if (!(value instanceof String text)) {
            throw bad("has no workstationKey");
        }
        try {
            byte[] spki = Base64.getDecoder().decode(text);
            if (spki.length != 44 || !Base64.getEncoder().encodeToString(spki).equals(text)
                    || !java.util.Arrays.equals(spki, 0, ED25519_SPKI_PREFIX.length, ED25519_SPKI_PREFIX, 0, ED25519_SPKI_PREFIX.length)) {
                throw bad("has a workstationKey that is not the canonical Base64 of an Ed25519 public key");
            }
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (IllegalArgumentException | InvalidKeySpecException e) {
            throw bad("has a workstationKey that is not an Ed25519 public key");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime lacks Ed25519", e);
        }
    }

    private static AirlockException bad(String what) {
        return new AirlockException("log.header.malformed", "Entry 0 " + what);
    }
}
