package airlock.core.log;

import airlock.core.crypto.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The disclosure cases of the conformance folder: one sealed log with six committed fields (two
 * search strings and their path filters, a forbidden path, a finding) verified with none, some and
 * all of its disclosures, and hostile disclosure files. Salts are fixed here so the files are
 * reproducible; a workstation draws them from SecureRandom.
 */
final class DisclosureVectors {
    static final String BLOB = ConformanceVectors.BLOB;

    /** A committed field of the log: entry, field and value. */
    record Field(long entry, String field, Object value) {
        byte[] salt() {
            try {
                return MessageDigest.getInstance("SHA-256").digest(("conformance salt " + entry + "/" + field)
                        .getBytes(StandardCharsets.UTF_8));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        Disclosure disclosure() {
            return new Disclosure(ConformanceVectors.SESSION, entry, field, salt(), value);
        }

        Map<String, Object> marker() {
            return FieldCommitment.marker(FieldCommitment.commit(salt(), field, value));
        }
    }

    static final Map<String, Object> FINDING = finding();
    static final List<Field> FIELDS = List.of(
            new Field(2, "paths", List.of("src/**")),
            new Field(2, "query", "println"),
            new Field(3, "path", "secret/keys.c"),
            new Field(4, "annotation", FINDING),
            new Field(5, "paths", List.of()),
            new Field(5, "query", "gets\u202e(\u001b[2J"));

    private static Map<String, Object> finding() {
        Map<String, Object> a = new TreeMap<>();
        a.put("id", "a1");
        a.put("title", "Unchecked length in parse_header");
        a.put("body", "The length field is trusted; a short packet reads past the buffer.");
        a.put("severity", "high");
        return a;
    }

    static Map<String, Object> committed(long entry, Map<String, Object> clear) {
        Map<String, Object> data = new TreeMap<>(clear);
        for (Field f : FIELDS) {
            if (f.entry() == entry) {
                data.put(f.field(), f.marker());
            }
        }
        return data;
    }

    static ConformanceVectors.Line typed(String type, Map<String, Object> data) {
        return (i, prev, forge) -> ConformanceVectors.utf8(ConformanceVectors.entry(ConformanceVectors.q("alice"),
                new String(CanonicalJson.write(data), StandardCharsets.UTF_8), ConformanceVectors.q(prev), Integer.toString(i),
                ConformanceVectors.q(ConformanceVectors.time(i)), ConformanceVectors.q(type)));
    }

    static List<ConformanceVectors.Line> log() {
        List<ConformanceVectors.Line> lines = ConformanceVectors.base();
        lines.set(2, typed("search.run", committed(2, Map.of("results", 3, "scope", "tree"))));
        lines.set(3, typed("file.opened", committed(3, Map.of("blob", BLOB))));
        lines.set(4, typed("annotation.created", committed(4, Map.of("change", "create", "id", "a1", "severity", "high"))));
        lines.set(5, typed("search.run", committed(5, Map.of("results", 0, "scope", "tree"))));
        return lines;
    }

    static byte[] file(List<byte[]> lines) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] line : lines) {
            out.writeBytes(line);
            out.write('\n');
        }
        return out.toByteArray();
    }

    static byte[] line(String session, long entry, String field, byte[] salt, Object value) {
        return new Disclosure(session, entry, field, salt, value).line();
    }

    static List<ConformanceVectors.Case> cases() throws Exception {
        ConformanceVectors.Forge forge = ConformanceVectors.forge(log());
        byte[] entries = ConformanceVectors.join(forge.lines);
        byte[] seal = ConformanceVectors.seal(forge, b -> b, true);
        List<ConformanceVectors.Case> out = new ArrayList<>();
        List<byte[]> all = FIELDS.stream().map(f -> f.disclosure().line()).toList();
        String s = ConformanceVectors.SESSION;
        Field query = FIELDS.get(1);
        Field finding = FIELDS.get(3);
        Field bidi = FIELDS.get(5);
        out.add(valid("disclosures-none", entries, seal, new byte[0], 0,
                "a log with six committed fields and an empty disclosures file: valid, nothing disclosed"));
        out.add(valid("disclosures-some", entries, seal, file(List.of(query.disclosure().line(), finding.disclosure().line())), 2,
                "two of the six committed fields disclosed"));
        out.add(valid("disclosures-all", entries, seal, file(all), 6,
                "all six committed fields disclosed (one value holds U+202E and ESC: never printed raw)"));
        out.add(bad("disclosure-wrong-salt", entries, seal, file(List.of(line(s, 2, "query", bidi.salt(), "println"))), 1,
                "the right value with another field's salt"));
        out.add(bad("disclosure-value-altered", entries, seal, file(List.of(all.get(0), line(s, 2, "query", query.salt(), "printf"))),
                2, "the right salt with another value"));
        out.add(bad("disclosure-wrong-field", entries, seal, file(List.of(line(s, 2, "paths", query.salt(), "println"))), 1,
                "the query's value and salt offered as the committed paths field of the same entry"));
        out.add(bad("disclosure-duplicate", entries, seal, file(List.of(all.get(1), all.get(2), all.get(1))), 3,
                "the same field disclosed twice"));
        out.add(bad("disclosure-not-committed", entries, seal, file(List.of(line(s, 3, "blob", query.salt(), BLOB))), 1,
                "a disclosure for a field the entry holds in clear"));
        out.add(bad("disclosure-field-bidi", entries, seal, file(List.of(line(s, 2, "qu\u202eyre\u001b[2K", query.salt(), "x"))), 1,
                "a field name with U+202E and ESC, not committed: shown as visible tokens"));
        out.add(bad("disclosure-noncanonical", entries, seal, file(List.of(all.get(0), ConformanceVectors.utf8(
                new String(all.get(1), StandardCharsets.UTF_8).replace("\"entry\":", "\"entry\": ")))), 2,
                "whitespace after a colon"));
        out.add(bad("disclosure-other-session", entries, seal, file(List.of(line("s-other", 2, "query", query.salt(), "println"))), 1,
                "a disclosure for another session"));
        out.add(bad("disclosure-entry-out-of-range", entries, seal, file(List.of(line(s, 10, "query", query.salt(), "println"))), 1,
                "a disclosure naming entry 10 of a ten-entry log"));
        byte[] cut = file(all);
        out.add(bad("disclosure-unterminated", entries, seal, java.util.Arrays.copyOf(cut, cut.length - 1), 6,
                "the last line without its line feed"));
        return out;
    }

    private static ConformanceVectors.Case valid(String name, byte[] entries, byte[] seal, byte[] disclosures, long disclosed,
                                                 String about) {
        return new ConformanceVectors.Case(name, entries, seal, null, null, about, disclosures, null, disclosed);
    }

    private static ConformanceVectors.Case bad(String name, byte[] entries, byte[] seal, byte[] disclosures, long line, String about) {
        return new ConformanceVectors.Case(name, entries, seal, "DISCLOSURE", null, about, disclosures, line, null);
    }

    private DisclosureVectors() {
    }
}
