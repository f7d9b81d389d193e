package airlock.core.log;

import airlock.core.crypto.CanonicalJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The conformance cases of src/test/resources/conformance: logs that are correctly chained,
 * checkpointed, signed and sealed with the test keys (keys/log) but break one rule of
 * docs/formats/session-log.md each, so only the syntax rules can find them. Deterministic (fixed
 * text, Ed25519 signatures are deterministic), so the committed files are exactly what this makes;
 * {@code ConformanceTest} checks that and runs Airlock and verify_log.py on every case.
 */
public final class ConformanceVectors {
    static final String SESSION = "s-conf";
    static final String ORIGIN = Checkpoint.sessionOrigin("ws-room1", SESSION);
    static final String BLOB = "4b825dc642cb6eb9a060e54bf8d69288fbee4900";
    static final int ENTRIES = 10;
    static final int CHECKPOINT_AT = 8;

    /**
     * One case; {@code disclosures} (null: no file) goes next to the log as session.disclosures, and
     * then {@code line} is the first bad disclosure line (kind DISCLOSURE) or {@code disclosed} how
     * many committed fields a valid file opens.
     */
    record Case(String name, byte[] entries, byte[] seal, String kind, Long entry, String about, byte[] disclosures, Long line,
                Long disclosed) {
        Case(String name, byte[] entries, byte[] seal, String kind, Long entry, String about) {
            this(name, entries, seal, kind, entry, about, null, null, null);
        }

        String expectedJson() {
            String extra = disclosures == null ? "" : ",\"disclosed\":" + disclosed;
            String line = disclosures == null ? "" : ",\"line\":" + this.line;
            return "{\"about\":" + new String(CanonicalJson.write(about), StandardCharsets.UTF_8) + extra + ",\"entry\":"
                    + (entry == null ? "null" : entry) + ",\"kind\":" + (kind == null ? "null" : "\"" + kind + "\"")
                    + line + ",\"verdict\":\"" + (kind == null ? "VALID" : "INVALID") + "\"}\n";
        }
    }

    /** Makes the bytes of line i given the hex hash of line i-1 and, for checkpoints, the log so far. */
    interface Line {
        byte[] make(int i, String prevHex, Forge forge) throws Exception;
    }

    /** Builds one log line by line: each line's prev is the hash of the line before, checkpoints signed over the tree. */
    static final class Forge {
        final LogHashes hashes = new LogHashes();
        final MerkleAccumulator tree = new MerkleAccumulator(new LogHashes());
        final List<byte[]> lines = new ArrayList<>();
        byte[] last = LogHashes.genesisPrev();

        String checkpointNote(int size) throws Exception {
            return LogFixture.signer().sign(new Checkpoint(ORIGIN, size, tree.root(), last)).text();
        }

        void add(byte[] line) {
            lines.add(line);
            last = hashes.entryHash(line);
            tree.add(last);
        }
    }

    static String time(int i) {
        return String.format("2026-03-02T09:00:%02d.000Z", i);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** An entry's line from its members' JSON texts, in canonical member order. */
    static String entry(String actor, String data, String prev, String seq, String time, String type) {
        return "{\"actor\":" + actor + ",\"data\":" + data + ",\"prev\":" + prev + ",\"seq\":" + seq + ",\"time\":" + time
                + ",\"type\":" + type + "}";
    }

    static String q(String text) {
        return new String(CanonicalJson.write(text), StandardCharsets.UTF_8);
    }

    static Map<String, Object> headerData() throws Exception {
        Map<String, Object> data = new TreeMap<>();
        data.put("bundleManifestSha256", LogFixture.MANIFEST);
        data.put("format", SessionHeader.SESSION_FORMAT);
        data.put("inspectors", List.of("alice", "bob"));
        data.put("policySha256", null);
        data.put("session", SESSION);
        data.put("workstation", "ws-room1");
        data.put("workstationKey", Base64.getEncoder().encodeToString(LogFixture.publicKey("workstation").getEncoded()));
        return data;
    }

    static Line start(Function<Map<String, Object>, Map<String, Object>> edit) {
        return (i, prev, forge) -> {
            Map<String, Object> data = edit.apply(new TreeMap<>(headerData()));
            return utf8(entry(q("supervisor"), new String(CanonicalJson.write(data), StandardCharsets.UTF_8), q(prev), "0",
                    q(time(0)), q("session.start")));
        };
    }

    static final Line START = start(d -> d);

    static Line opened(String dataJson) {
        return (i, prev, forge) -> utf8(entry(q(i % 2 == 0 ? "bob" : "alice"), dataJson, q(prev), Integer.toString(i), q(time(i)),
                q("file.opened")));
    }

    static final Line OPENED = (i, prev, forge) -> opened("{\"blob\":\"" + BLOB + "\",\"path\":\"src/f" + i + ".c\"}").make(i, prev, forge);

    static Line checkpoint(Function<String, String> editNoteJson) {
        return (i, prev, forge) -> {
            String noteJson = editNoteJson.apply(q(forge.checkpointNote(i)));
            return utf8(entry(q("workstation"), "{\"note\":" + noteJson + "}", q(prev), Integer.toString(i), q(time(i)),
                    q("checkpoint")));
        };
    }

    static final Line CHECKPOINT = checkpoint(n -> n);

    static final Line END = (i, prev, forge) -> utf8(entry(q("alice"), "{\"reason\":\"inspector ended the session\"}", q(prev),
            Integer.toString(i), q(time(i)), q("session.end")));

    /** The base log: start, seven files opened, the interval checkpoint at 8, the end. */
    static List<Line> base() {
        List<Line> lines = new ArrayList<>();
        lines.add(START);
        for (int i = 1; i < CHECKPOINT_AT; i++) {
            lines.add(OPENED);
        }
        lines.add(CHECKPOINT);
        lines.add(END);
        return lines;
    }

    static List<Line> with(int at, Line line) {
        List<Line> lines = base();
        lines.set(at, line);
        return lines;
    }

    /** A seal over the whole log: the final checkpoint body (optionally edited), the workstation's and the supervisor's lines. */
    static byte[] seal(Forge forge, Function<String, String> editBody, boolean supervisor) throws Exception {
        String body = editBody.apply(new Checkpoint(ORIGIN, forge.lines.size(), forge.tree.root(), forge.last).body());
        PrivateKey ws = LogFixture.privateKey("workstation");
        PublicKey wsPublic = LogFixture.publicKey("workstation");
        SignedNote note = new SignedNote(body, List.of(NoteKeys.sign(SignaturePurpose.CHECKPOINT, body, ws, wsPublic)));
        if (supervisor) {
            note = note.with(NoteKeys.sign(SignaturePurpose.SEAL, body, LogFixture.privateKey("supervisor"),
                    LogFixture.publicKey("supervisor")));
        }
        return utf8(note.text());
    }

    static Forge forge(List<Line> lines) throws Exception {
        Forge forge = new Forge();
        for (int i = 0; i < lines.size(); i++) {
            forge.add(lines.get(i).make(i, LogHashes.hex(forge.last), forge));
        }
        return forge;
    }

    static byte[] join(List<byte[]> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            out.writeBytes(line);
            out.write('\n');
        }
        return out.toByteArray();
    }

    static Case sealedCase(String name, List<Line> lines, String kind, Long entry, String about) throws Exception {
        Forge forge = forge(lines);
        return new Case(name, join(forge.lines), seal(forge, b -> b, true), kind, entry, about);
    }

    static Case malformed(String name, int at, Line line, String about) throws Exception {
        return sealedCase(name, with(at, line), "MALFORMED", (long) at, about);
    }

    static List<Case> build() throws Exception {
        List<Case> cases = new ArrayList<>();
        cases.add(sealedCase("valid", base(), null, null, "a correct sealed log"));
        String astral = "\uD83D\uDE00".repeat(200);
        cases.add(sealedCase("valid-actor-200-astral-code-points", with(3, (i, p, f) -> utf8(entry(q(astral),
                "{\"blob\":\"" + BLOB + "\",\"path\":\"a\"}", q(p), "3", q(time(3)), q("file.opened")))), null, null,
                "an actor of 200 code points (400 UTF-16 units) is valid: the limit is 256 code points"));
        cases.add(sealedCase("valid-deep-nesting-64", with(3, opened("{\"x\":" + "[".repeat(63) + "]".repeat(63) + "}")), null, null,
                "data nested to the limit (64 levels below the entry)"));

        cases.add(malformed("noncanonical-whitespace", 3, opened("{\"blob\": \"" + BLOB + "\",\"path\":\"a\"}"),
                "whitespace after a colon"));
        cases.add(malformed("noncanonical-member-order", 3, opened("{\"path\":\"a\",\"blob\":\"" + BLOB + "\"}"),
                "data members not sorted"));
        cases.add(malformed("noncanonical-escape", 3, opened("{\"path\":\"\\u0041\"}"), "\\u0041 where canonical JSON writes A"));
        cases.add(malformed("noncanonical-minus-zero", 3, opened("{\"line\":-0}"), "-0"));
        cases.add(malformed("duplicate-member", 3, opened("{\"path\":\"a\",\"path\":\"b\"}"), "a data member named twice"));
        cases.add(malformed("fraction", 3, opened("{\"line\":1.5}"), "a fraction"));
        cases.add(malformed("exponent", 3, opened("{\"line\":1e3}"), "an exponent"));
        cases.add(malformed("integer-over-2-53", 3, opened("{\"line\":9007199254740992}"), "2^53, outside ±(2^53−1)"));
        cases.add(malformed("lone-surrogate", 3, opened("{\"path\":\"\\ud800\"}"), "an escaped lone surrogate"));
        cases.add(malformed("invalid-utf8", 3, (i, p, f) -> {
            byte[] line = opened("{\"path\":\"aXb\"}").make(i, p, f);
            String text = new String(line, StandardCharsets.ISO_8859_1);
            line[text.indexOf("aXb") + 1] = (byte) 0xff;
            return line;
        }, "a 0xFF byte inside a string"));
        cases.add(malformed("encoded-surrogate", 3, (i, p, f) -> {
            byte[] line = opened("{\"path\":\"aXYZb\"}").make(i, p, f);
            int at = new String(line, StandardCharsets.ISO_8859_1).indexOf("aXYZb") + 1;
            line[at] = (byte) 0xED;
            line[at + 1] = (byte) 0xA0;
            line[at + 2] = (byte) 0x80;
            return line;
        }, "U+D800 encoded in UTF-8 (CESU), not valid UTF-8"));
        cases.add(malformed("raw-control-character", 3, (i, p, f) -> {
            byte[] line = opened("{\"path\":\"aXb\"}").make(i, p, f);
            line[new String(line, StandardCharsets.ISO_8859_1).indexOf("aXb") + 1] = 0x1b;
            return line;
        }, "a raw ESC byte inside a string"));
        cases.add(malformed("actor-empty", 3, (i, p, f) -> utf8(entry(q(""), "{}", q(p), "3", q(time(3)), q("file.opened"))),
                "an empty actor"));
        cases.add(malformed("actor-257-code-points", 3, (i, p, f) -> utf8(entry(q("\u00e9".repeat(257)), "{}", q(p), "3", q(time(3)),
                q("file.opened"))), "an actor of 257 code points"));
        cases.add(malformed("actor-not-string", 3, (i, p, f) -> utf8(entry("7", "{}", q(p), "3", q(time(3)), q("file.opened"))),
                "an actor that is a number"));
        cases.add(malformed("start-missing-field", 0, start(d -> {
            d.remove("bundleManifestSha256");
            return d;
        }), "session.start without bundleManifestSha256"));
        cases.add(malformed("start-extra-field", 0, start(d -> {
            d.put("room", "1");
            return d;
        }), "session.start with a member the format does not have"));
        cases.add(malformed("start-no-inspectors", 0, start(d -> {
            d.put("inspectors", List.of());
            return d;
        }), "session.start with an empty inspector list"));
        cases.add(malformed("start-inspector-control", 0, start(d -> {
            d.put("inspectors", List.of("\u001b[2A\u001b[2K"));
            return d;
        }), "an inspector name holding ESC"));
        cases.add(malformed("start-bad-session-id", 0, start(d -> {
            d.put("session", "s conf");
            return d;
        }), "a session id with a space"));
        cases.add(malformed("start-upper-case-manifest", 0, start(d -> {
            d.put("bundleManifestSha256", LogFixture.MANIFEST.toUpperCase());
            return d;
        }), "the bundle manifest hash in upper case"));
        cases.add(malformed("start-policy-missing", 0, start(d -> {
            d.remove("policySha256");
            return d;
        }), "policySha256 absent rather than null"));
        cases.add(malformed("start-key-not-base64", 0, start(d -> {
            d.put("workstationKey", "not*base64!");
            return d;
        }), "a workstationKey that is not Base64"));
        cases.add(malformed("start-key-not-ed25519", 0, start(d -> {
            d.put("workstationKey", Base64.getEncoder().encodeToString(new byte[44]));
            return d;
        }), "a workstationKey of 44 bytes that is not an Ed25519 SubjectPublicKeyInfo"));
        cases.add(malformed("start-data-array", 0, (i, p, f) -> utf8(entry(q("supervisor"), "[]", q(p), "0", q(time(0)),
                q("session.start"))), "session.start whose data is an array"));
        cases.add(malformed("prev-upper-case", 3, (i, p, f) -> opened("{}").make(i, p.toUpperCase(), f),
                "prev in upper-case hex (the right hash otherwise)"));
        cases.add(malformed("prev-not-hex", 3, (i, p, f) -> opened("{}").make(i, "zz" + p.substring(2), f), "prev with non-hex digits"));
        cases.add(malformed("time-not-a-date", 3, (i, p, f) -> utf8(entry(q("alice"), "{}", q(p), "3", q("2026-02-30T09:00:03.000Z"),
                q("file.opened"))), "30 February"));
        cases.add(malformed("time-other-form", 3, (i, p, f) -> utf8(entry(q("alice"), "{}", q(p), "3", q("2026-03-02T09:00:03Z"),
                q("file.opened"))), "a time without milliseconds"));
        cases.add(malformed("time-leap-second", 3, (i, p, f) -> utf8(entry(q("alice"), "{}", q(p), "3", q("2026-03-02T09:00:60.000Z"),
                q("file.opened"))), "second 60"));
        cases.add(malformed("data-string", 3, opened("\"x\""), "data that is a string"));
        cases.add(malformed("data-array", 3, opened("[]"), "data that is an array"));
        cases.add(malformed("unknown-type", 3, (i, p, f) -> utf8(entry(q("alice"), "{}", q(p), "3", q(time(3)), q("file.deleted"))),
                "a type the format does not list"));
        cases.add(malformed("seq-as-string", 3, (i, p, f) -> utf8(entry(q("alice"), "{}", q(p), "\"3\"", q(time(3)), q("file.opened"))),
                "seq written as a string"));
        cases.add(malformed("nesting-too-deep", 3, opened("{\"x\":" + "[".repeat(64) + "]".repeat(64) + "}"),
                "data nested one level deeper than 64"));
        cases.add(malformed("second-start", 3, (i, p, f) -> utf8(entry(q("alice"), "{}", q(p), "3", q(time(3)), q("session.start"))),
                "a second session.start"));
        cases.add(malformed("checkpoint-note-number", CHECKPOINT_AT, checkpoint(n -> "5"), "a checkpoint whose note is a number"));
        cases.add(malformed("checkpoint-extra-member", CHECKPOINT_AT, (i, p, f) -> utf8(entry(q("workstation"),
                "{\"note\":" + q(f.checkpointNote(i)) + ",\"x\":1}", q(p), Integer.toString(i), q(time(i)), q("checkpoint"))),
                "a checkpoint whose data has a member besides note"));
        cases.add(malformed("checkpoint-size-leading-zero", CHECKPOINT_AT, (i, p, f) -> {
            Checkpoint c = new Checkpoint(ORIGIN, i, f.tree.root(), f.last);
            String body = c.body().replace("\n" + i + "\n", "\n0" + i + "\n");
            String note = new SignedNote(body, List.of(NoteKeys.sign(SignaturePurpose.CHECKPOINT, body,
                    LogFixture.privateKey("workstation"), LogFixture.publicKey("workstation")))).text();
            return utf8(entry(q("workstation"), "{\"note\":" + q(note) + "}", q(p), Integer.toString(i), q(time(i)), q("checkpoint")));
        }, "a checkpoint size written 08, signed"));
        cases.add(malformed("checkpoint-no-signature", CHECKPOINT_AT, checkpoint(n -> {
            int blank = n.indexOf("\\n\\n");
            return n.substring(0, blank) + "\\n\\n\"";
        }), "a checkpoint note with no signature line"));

        Forge base = forge(base());
        byte[] entries = join(base.lines);
        cases.add(new Case("seal-size-leading-zero", entries, seal(base, b -> b.replace("\n" + ENTRIES + "\n", "\n0" + ENTRIES + "\n"),
                true), "MALFORMED", null, "the seal's size written 010, signed by both"));
        cases.add(new Case("seal-origin-control-characters", entries, seal(base, b -> b.replace(ORIGIN,
                "airlock.session/ws-room1\u001b[2A\u001b[2K\u202e/" + SESSION), true), "MALFORMED", null,
                "a seal whose origin holds ESC sequences and U+202E, signed by both: never echoed raw"));
        cases.add(new Case("seal-not-utf8", entries, new byte[] {(byte) 0xff, '\n', '\n'}, "MALFORMED", null, "a seal file that is not UTF-8"));
        cases.add(new Case("seal-too-large", entries, utf8("x".repeat(SignedNote.MAX_NOTE_BYTES + 1)), "MALFORMED", null,
                "a seal file over 8,192 bytes"));
        cases.add(new Case("seal-workstation-only", entries, seal(base, b -> b, false), "SEAL_MISSING", null,
                "the final checkpoint without a supervisor line"));
        List<byte[]> cut = base.lines.subList(0, CHECKPOINT_AT + 1);
        String note = (String) new EntryCodec().decode(base.lines.get(CHECKPOINT_AT)).data().get("note");
        cases.add(new Case("checkpoint-cut", join(cut), utf8(note), "SEAL_MISSING", null,
                "the log cut after the interval checkpoint, that checkpoint offered as the seal (no supervisor line)"));
        List<byte[]> badSignature = new ArrayList<>(base.lines);
        String line8 = new String(base.lines.get(CHECKPOINT_AT), StandardCharsets.UTF_8);
        int sig = line8.indexOf("airlock-workstation ") + "airlock-workstation ".length() + 20;
        char flipped = line8.charAt(sig) == 'A' ? 'B' : 'A';
        badSignature.set(CHECKPOINT_AT, utf8(line8.substring(0, sig) + flipped + line8.substring(sig + 1)));
        cases.add(new Case("checkpoint-signature-altered", join(badSignature), seal(base, b -> b, true), "SIGNATURE_INVALID",
                (long) CHECKPOINT_AT, "one Base64 character of the checkpoint's signature changed, the rest as sealed: line 8's"
                        + " signature check comes before line 9's chain check, which would name entry 8 altered"));
        byte[] unterminated = java.util.Arrays.copyOf(entries, entries.length - 1);
        cases.add(new Case("last-line-unterminated", unterminated, seal(base, b -> b, true), "TRUNCATED", (long) (ENTRIES - 1),
                "the final line feed missing"));
        List<Line> gapThenBad = with(3, opened("{\"line\":1.5}"));
        gapThenBad.set(2, (i, p, f) -> opened("{}").make(7, p, f));
        cases.add(sealedCase("order-gap-before-malformed", gapThenBad, "SEQUENCE_GAP", 2L,
                "a sequence gap at entry 2 is found before the malformed entry 3"));
        cases.addAll(DisclosureVectors.cases());
        return cases;
    }

    /**
     * For tests elsewhere (the CLI's terminal-output test): {entries, seal} of the base log with
     * entry 0's data edited, sealed by the supervisor test key or (supervisor false) not sealed.
     */
    public static byte[][] sealedLog(Function<Map<String, Object>, Map<String, Object>> headerEdit, boolean supervisor)
            throws Exception {
        Forge forge = forge(with(0, start(headerEdit)));
        return new byte[][] {join(forge.lines), seal(forge, b -> b, supervisor)};
    }

    /** The conformance trust folder (workstation/ and supervisor/ public keys). */
    public static Path trustFolder() {
        return LogFixture.resource("conformance/trust");
    }

    static void write(Case c, Path root) throws java.io.IOException {
        Path dir = root.resolve(c.name());
        Files.createDirectories(dir);
        Files.write(dir.resolve("session.log"), c.entries());
        Files.write(dir.resolve("session.seal"), c.seal());
        Files.writeString(dir.resolve("expected.json"), c.expectedJson());
        if (c.disclosures() != null) {
            Files.write(dir.resolve("session.disclosures"), c.disclosures());
        }
    }

    private ConformanceVectors() {
    }
}
