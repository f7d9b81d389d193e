package airlock.core.bundle;

import airlock.core.AirlockException;
import airlock.core.crypto.CanonicalJson;
import airlock.core.crypto.KeyId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Repository;

/**
 * The manifest's canonical JSON form and its strict reading: every field required (only
 * {@code expires} is optional), no unknown fields, each value of the documented type and shape.
 */
public final class ManifestCodec {
    private static final Set<String> REQUIRED = Set.of("type", "vendor", "product", "version", "sequence", "created",
            "bundle", "refs", "reviewRef", "treeDigest", "keyId");
    private static final Set<String> OPTIONAL = Set.of("expires");
    private static final Set<String> BUNDLE_FIELDS = Set.of("size", "sha256");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern HEX40 = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+ -]{0,79}");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    /** Most refs one bundle may carry. */
    public static final int MAX_REFS = 1000;

    private ManifestCodec() {
    }

    public static byte[] write(BundleManifest m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", BundleManifest.TYPE);
        json.put("vendor", m.vendor());
        json.put("product", m.product());
        json.put("version", m.version());
        json.put("sequence", m.sequence());
        json.put("created", time(m.created()));
        m.expires().ifPresent(e -> json.put("expires", time(e)));
        json.put("bundle", Map.of("size", m.bundleSize(), "sha256", m.bundleSha256()));
        json.put("refs", new TreeMap<String, Object>(m.refs()));
        json.put("reviewRef", m.reviewRef());
        json.put("treeDigest", m.treeDigest());
        json.put("keyId", m.keyId().hex());
        return CanonicalJson.write(json);
    }

    /** Canonical timestamps: UTC, whole seconds, {@code 2026-01-31T12:00:00Z}. */
    public static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Reads signed manifest bytes; any deviation is refused with code {@code bundle.manifest}. */
    public static BundleManifest read(byte[] bytes) throws AirlockException {
        Object parsed;
        try {
            parsed = CanonicalJson.parseStrict(bytes);
        } catch (AirlockException e) {
            throw invalid(e.getMessage());
        }
        Map<String, Object> json = object(parsed, "the manifest");
        fields(json, REQUIRED, OPTIONAL, "the manifest");
        String type = string(json, "type");
        if (!BundleManifest.TYPE.equals(type)) {
            throw invalid("type is '" + type + "', expected '" + BundleManifest.TYPE
                    + "' (a signature made for another purpose is not a bundle manifest)");
        }
        Map<String, Object> bundle = object(json.get("bundle"), "bundle");
        fields(bundle, BUNDLE_FIELDS, Set.of(), "bundle");
        Map<String, Object> refsJson = object(json.get("refs"), "refs");
        if (refsJson.isEmpty() || refsJson.size() > MAX_REFS) {
            throw invalid("refs must name between 1 and " + MAX_REFS + " refs, found " + refsJson.size());
        }
        TreeMap<String, String> refs = new TreeMap<>();
        for (Map.Entry<String, Object> e : refsJson.entrySet()) {
            checkRefName(e.getKey());
            if (!(e.getValue() instanceof String commit) || !HEX40.matcher(commit).matches()) {
                throw invalid("refs." + e.getKey() + " must be a commit id of 40 lower-case hex digits");
            }
            refs.put(e.getKey(), commit);
        }
        String reviewRef = string(json, "reviewRef");
        if (!refs.containsKey(reviewRef)) {
            throw invalid("reviewRef " + reviewRef + " is not among the refs");
        }
        long sequence = integer(json, "sequence");
        if (sequence < 1) {
            throw invalid("sequence must be 1 or more, found " + sequence);
        }
        long size = integer(bundle, "size");
        if (size < 0) {
            throw invalid("bundle.size is negative");
        }
        Optional<Instant> expires = json.containsKey("expires") ? Optional.of(instant(json, "expires")) : Optional.empty();
        Instant created = instant(json, "created");
        if (expires.isPresent() && !expires.get().isAfter(created)) {
            throw invalid("expires is not after created");
        }
        return new BundleManifest(name(json, "vendor"), name(json, "product"), name(json, "version"), sequence,
                created, expires, size, hex64(bundle, "sha256"), refs, reviewRef,
                hex64(json, "treeDigest"), new KeyId(hex64(json, "keyId")));
    }

    /** Refs are branches or tags with names git itself accepts. */
    static void checkRefName(String ref) throws AirlockException {
        if (!(ref.startsWith("refs/heads/") || ref.startsWith("refs/tags/")) || !Repository.isValidRefName(ref)
                || ref.length() > 255 || !ref.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw invalid("ref name '" + ref + "' is not a printable ASCII branch or tag name (refs/heads/..., refs/tags/...)");
        }
    }

    private static void fields(Map<String, Object> json, Set<String> required, Set<String> optional, String what)
            throws AirlockException {
        for (String key : json.keySet()) {
            if (!required.contains(key) && !optional.contains(key)) {
                throw invalid(what + " has an unknown field '" + key + "'");
            }
        }
        for (String key : required) {
            if (!json.containsKey(key)) {
                throw invalid(what + " lacks the field '" + key + "'");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String what) throws AirlockException {
        if (!(value instanceof Map)) {
            throw invalid(what + " must be a JSON object");
        }
        return (Map<String, Object>) value;
    }

    private static String string(Map<String, Object> json, String key) throws AirlockException {
        if (!(json.get(key) instanceof String s)) {
            throw invalid(key + " must be a string");
        }
        return s;
    }

    private static String name(Map<String, Object> json, String key) throws AirlockException {
        String s = string(json, key);
        if (!NAME.matcher(s).matches()) {
            throw invalid(key + " '" + s + "' must be 1-80 characters of letters, digits, space, '.', '_', '+', '-'");
        }
        return s;
    }

    private static String hex64(Map<String, Object> json, String key) throws AirlockException {
        String s = string(json, key);
        if (!HEX64.matcher(s).matches()) {
            throw invalid(key + " must be 64 lower-case hex digits");
        }
        return s;
    }

    private static long integer(Map<String, Object> json, String key) throws AirlockException {
        if (!(json.get(key) instanceof Long n)) {
            throw invalid(key + " must be an integer");
        }
        return n;
    }

    private static Instant instant(Map<String, Object> json, String key) throws AirlockException {
        String s = string(json, key);
        try {
            if (TIME.matcher(s).matches()) {
                return Instant.parse(s);
            }
        } catch (DateTimeParseException e) {
            throw invalid(key + " '" + s + "' is not a valid time: " + e.getMessage());
        }
        throw invalid(key + " '" + s + "' must be a UTC time like 2026-01-31T12:00:00Z");
    }

    private static AirlockException invalid(String what) {
        return new AirlockException(Check.MANIFEST.code(), "Manifest refused: " + what);
    }
}
