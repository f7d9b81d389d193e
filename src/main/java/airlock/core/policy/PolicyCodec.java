package airlock.core.policy;

import airlock.core.AirlockException;
import airlock.core.crypto.Base64Strict;
import airlock.core.crypto.CanonicalJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy file: canonical JSON (RFC 8785 subset, see {@link CanonicalJson}) whose {@code type}
 * is {@value RoomPolicy#TYPE}. Parsing is strict: non-canonical bytes, unknown or missing fields
 * and wrong types are refused with the field named. The signed bytes are the file's bytes.
 */
public final class PolicyCodec {
    public static final int MAX_BYTES = 64 * 1024;
    static final int MAX_FORBIDDEN_PATHS = 256;
    static final int MAX_SNIPPET_LINES = 100_000;

    private PolicyCodec() {
    }

    public static byte[] write(RoomPolicy p) {
        Map<String, Object> export = new LinkedHashMap<>();
        RoomPolicy.ExportRules e = p.export();
        export.put("annotations", e.annotations());
        export.put("snippets", e.snippets());
        export.put("maxSnippetLinesPerFinding", e.maxSnippetLinesPerFinding());
        export.put("maxSnippetLinesPerFile", e.maxSnippetLinesPerFile());
        export.put("maxSnippetLinesPerSession", e.maxSnippetLinesPerSession());
        export.put("searchStrings", e.searchStrings());
        export.put("forbiddenPaths", new ArrayList<Object>(e.forbiddenPaths()));
        Map<String, Object> confirmation = new LinkedHashMap<>();
        confirmation.put("mode", p.confirmation().mode().wire());
        if (p.confirmation().pin() != null) {
            confirmation.put("pin", hash(p.confirmation().pin()));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("type", RoomPolicy.TYPE);
        root.put("name", p.name());
        root.put("export", export);
        root.put("clipboard", p.clipboard());
        root.put("idleLockMinutes", p.idleLockMinutes());
        root.put("inspectorsSeeEachOther", p.inspectorsSeeEachOther());
        root.put("maxSessionMinutes", p.maxSessionMinutes());
        root.put("confirmation", confirmation);
        if (!p.inspectors().isEmpty()) { // absent when empty: a policy without inspectors keeps its bytes and hash
            List<Object> inspectors = new ArrayList<>();
            for (Inspector inspector : p.inspectors()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", inspector.name());
                entry.put("passphrase", hash(inspector.passphrase()));
                inspectors.add(entry);
            }
            root.put("inspectors", inspectors);
        }
        // issue 18: quote limits; written only when they differ from the defaults, so earlier policies keep their bytes
        if (!p.quotes().equals(airlock.core.quote.QuoteRules.defaults())) {
            Map<String, Object> quotes = new LinkedHashMap<>();
            quotes.put("minRunTokens", p.quotes().minRunTokens());
            quotes.put("maxQuotedLinesPerFile", p.quotes().maxQuotedLinesPerFile());
            quotes.put("maxQuotedLinesPerSession", p.quotes().maxQuotedLinesPerSession());
            quotes.put("maxEncodedBytesPerSession", p.quotes().maxEncodedBytesPerSession());
            root.put("quotes", quotes);
        }
        // media roots (issue 17, room): absent when the defaults, so older policies keep their bytes and hash
        if (!p.mediaRoots().equals(MediaRoots.DEFAULTS)) {
            root.put("mediaRoots", p.mediaRoots().stream().map(Path::toString).toList());
        }
        return CanonicalJson.write(root);
    }

    /** A PBKDF2 verifier as the policy writes it (the room PIN and each inspector's passphrase). */
    public static Map<String, Object> hash(PinHash pin) {
        Map<String, Object> hash = new LinkedHashMap<>();
        hash.put("algorithm", "pbkdf2-hmac-sha256");
        hash.put("salt", Base64Strict.encode(pin.salt()));
        hash.put("iterations", pin.iterations());
        hash.put("hash", Base64Strict.encode(pin.hash()));
        return hash;
    }

    public static RoomPolicy parse(byte[] bytes) throws AirlockException {
        if (bytes.length > MAX_BYTES) {
            throw new AirlockException("policy.too.large", "The policy file is " + bytes.length + " bytes; a policy is at most "
                    + MAX_BYTES + " bytes. Is this the right file?");
        }
        Object document;
        try {
            document = CanonicalJson.parseStrict(bytes);
        } catch (AirlockException e) {
            throw new AirlockException("policy.json", "The policy file is not canonical JSON: " + e.getMessage()
                    + ". Write policies with 'airlock policy sign', which produces the canonical form.", e);
        }
        StrictObject root = StrictObject.of(document, "", "type", "name", "export", "clipboard", "idleLockMinutes",
                "inspectorsSeeEachOther", "maxSessionMinutes", "confirmation", "inspectors", "quotes", "mediaRoots");
        String type = root.string("type", 64);
        if (!RoomPolicy.TYPE.equals(type)) {
            throw new AirlockException("policy.type", "The file's type is '" + printable(type) + "', not '" + RoomPolicy.TYPE
                    + "': it is not a room policy (or one for another Airlock version)");
        }
        try {
            RoomPolicy policy = new RoomPolicy(root.string("name", 200), exportRules(root.object("export", "annotations", "snippets",
                    "maxSnippetLinesPerFinding", "maxSnippetLinesPerFile", "maxSnippetLinesPerSession", "searchStrings",
                    "forbiddenPaths")),
                    root.bool("clipboard"), root.integer("idleLockMinutes", 1, RoomPolicy.MAX_IDLE_LOCK_MINUTES),
                    root.bool("inspectorsSeeEachOther"), root.integer("maxSessionMinutes", 1, RoomPolicy.MAX_SESSION_MINUTES),
                    confirmation(root.object("confirmation", "mode", "pin")), inspectors(root), quotes(root), mediaRoots(root));
            root.finish();
            return policy;
        } catch (IllegalArgumentException e) {
            throw new AirlockException("policy.field.invalid", "The policy is inconsistent: " + e.getMessage(), e);
        }
    }

    /** The optional {@code inspectors} list; present means non-empty (an empty list is refused: leave it out). */
    private static List<Inspector> inspectors(StrictObject root) throws AirlockException {
        if (!root.has("inspectors")) {
            return List.of();
        }
        List<Object> items = root.list("inspectors", RoomPolicy.MAX_INSPECTORS);
        if (items.isEmpty()) {
            throw new AirlockException("policy.field.invalid", "Policy field inspectors is empty; leave it out when the"
                    + " policy names no inspectors");
        }
        List<Inspector> inspectors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            StrictObject o = StrictObject.of(items.get(i), "inspectors[" + i + "]", "name", "passphrase");
            String name = o.string("name", Inspector.MAX_NAME);
            PinHash passphrase = pin(o.object("passphrase", "algorithm", "salt", "iterations", "hash"));
            o.finish();
            try {
                inspectors.add(new Inspector(name, passphrase));
            } catch (IllegalArgumentException e) {
                throw new AirlockException("policy.field.invalid", "Policy field " + o.at("name") + ": " + e.getMessage(), e);
            }
        }
        return inspectors;
    }

    private static RoomPolicy.ExportRules exportRules(StrictObject o) throws AirlockException {
        RoomPolicy.ExportRules rules = new RoomPolicy.ExportRules(o.bool("annotations"), o.bool("snippets"),
                o.integer("maxSnippetLinesPerFinding", 0, MAX_SNIPPET_LINES),
                o.integer("maxSnippetLinesPerFile", 0, MAX_SNIPPET_LINES),
                o.integer("maxSnippetLinesPerSession", 0, MAX_SNIPPET_LINES),
                o.bool("searchStrings"), globs(o));
        o.finish();
        return rules;
    }

    /**
     * The optional {@code mediaRoots} list (issue 17, room); absent means {@link MediaRoots#DEFAULTS},
     * present means non-empty, each an absolute folder path in plain form ({@link MediaRoots#check(String)}).
     */
    private static List<Path> mediaRoots(StrictObject root) throws AirlockException {
        if (!root.has("mediaRoots")) {
            return MediaRoots.DEFAULTS;
        }
        List<String> items = root.strings("mediaRoots", MediaRoots.MAX_ROOTS);
        if (items.isEmpty()) {
            throw new AirlockException("policy.field.invalid", "Policy field mediaRoots is empty; leave it out for the"
                    + " defaults /media and /run/media");
        }
        List<Path> roots = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                roots.add(MediaRoots.check(items.get(i)));
            } catch (IllegalArgumentException e) {
                throw new AirlockException("policy.field.invalid", "Policy field " + root.at("mediaRoots") + "[" + i + "]: "
                        + e.getMessage(), e);
            }
        }
        return roots;
    }

    /** The optional {@code quotes} block (issue 18); absent means {@link airlock.core.quote.QuoteRules#defaults()}. */
    private static airlock.core.quote.QuoteRules quotes(StrictObject root) throws AirlockException {
        if (!root.has("quotes")) {
            return airlock.core.quote.QuoteRules.defaults();
        }
        StrictObject o = root.object("quotes", "minRunTokens", "maxQuotedLinesPerFile", "maxQuotedLinesPerSession",
                "maxEncodedBytesPerSession");
        airlock.core.quote.QuoteRules rules = new airlock.core.quote.QuoteRules(
                o.integer("minRunTokens", airlock.core.quote.QuoteRules.MIN_RUN, airlock.core.quote.QuoteRules.MAX_RUN),
                o.integer("maxQuotedLinesPerFile", 0, airlock.core.quote.QuoteRules.MAX_LIMIT),
                o.integer("maxQuotedLinesPerSession", 0, airlock.core.quote.QuoteRules.MAX_LIMIT),
                o.integer("maxEncodedBytesPerSession", 0, airlock.core.quote.QuoteRules.MAX_LIMIT));
        o.finish();
        return rules;
    }

    private static List<String> globs(StrictObject o) throws AirlockException {
        List<String> globs = o.strings("forbiddenPaths", MAX_FORBIDDEN_PATHS);
        for (int i = 0; i < globs.size(); i++) {
            try {
                PathGlob.compile(globs.get(i));
            } catch (IllegalArgumentException e) {
                throw new AirlockException("policy.field.invalid", "Policy field " + o.at("forbiddenPaths") + "[" + i + "]: "
                        + e.getMessage(), e);
            }
        }
        return globs;
    }

    private static SupervisorConfirmation confirmation(StrictObject o) throws AirlockException {
        String mode = o.string("mode", 16);
        if (!"pin".equals(mode) && o.has("pin")) {
            throw new AirlockException("policy.field.invalid", "Policy field " + o.at("pin") + " is only allowed when "
                    + o.at("mode") + " is pin");
        }
        SupervisorConfirmation result;
        switch (mode) {
            case "none" -> result = SupervisorConfirmation.none();
            case "key" -> result = SupervisorConfirmation.key();
            case "pin" -> result = SupervisorConfirmation.pin(pin(o.object("pin", "algorithm", "salt", "iterations", "hash")));
            default -> throw new AirlockException("policy.field.invalid", "Policy field " + o.at("mode") + " is '"
                    + printable(mode) + "'; it must be none, key or pin");
        }
        o.finish();
        return result;
    }

    private static PinHash pin(StrictObject o) throws AirlockException {
        String algorithm = o.string("algorithm", 32);
        if (!"pbkdf2-hmac-sha256".equals(algorithm)) {
            throw new AirlockException("policy.field.invalid", "Policy field " + o.at("algorithm")
                    + " must be pbkdf2-hmac-sha256");
        }
        byte[] salt = base64(o, "salt");
        int iterations = o.integer("iterations", PinHash.MIN_ITERATIONS, PinHash.MAX_ITERATIONS);
        byte[] hash = base64(o, "hash");
        o.finish();
        try {
            return new PinHash(salt, iterations, hash);
        } catch (IllegalArgumentException e) {
            throw new AirlockException("policy.field.invalid", "Policy field " + o.at("") + " " + e.getMessage(), e);
        }
    }

    private static byte[] base64(StrictObject o, String name) throws AirlockException {
        String text = o.string(name, 128);
        try {
            return Base64Strict.decode(text);
        } catch (AirlockException e) {
            throw new AirlockException("policy.field.invalid", "Policy field " + o.at(name) + ": " + e.getMessage(), e);
        }
    }

    static String printable(String text) {
        String cut = text.length() > 64 ? text.substring(0, 64) + "…" : text;
        return cut.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
