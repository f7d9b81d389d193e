package airlock.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.crypto.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The seal and refusal ops of protocol version 3 (issue 16, kseal): round trips, and a hostile case
 * for every new field, each refused with the rule it breaks. Kept apart from {@link CodecTest} so
 * that ops added on other branches merge without conflict.
 */
class SealOpsCodecTest {
    static final String SIG = Base64.getEncoder().encodeToString(new byte[64]);
    static final String SALT = Base64.getEncoder().encodeToString(new byte[32]);
    static final String SHA = "ab".repeat(32);

    static List<Request> requests() {
        return List.of(new Request.SealSessions(), new Request.ReviewSeal("S-1"),
                new Request.DecideSeal("S-1", "quoted-code:f1", "override", "Sam Supervisor", "cleared with the vendor"),
                new Request.DecideSeal("S-1", "forbidden-path:a/b", "refuse", "Sam", ""),
                new Request.SealStatement("S-1"), new Request.SignSeal("S-1", SIG),
                new Request.SealFile("S-1", "session-S-1.log", 0, Limits.MAX_SEAL_CHUNK),
                new Request.SealExported("S-1", List.of(new Request.WrittenFile("session-S-1.log", 10, SHA),
                        new Request.WrittenFile("session-S-1.seal", 0, SHA))),
                new Request.CopyRefused("src/\u202ea.c", "copy", 12, "code"), new Request.CopyRefused("", "drag", 0, "window search"));
    }

    static Answer.SealReviewed review() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("title", "t");
        value.put("n", 3L);
        return new Answer.SealReviewed("S-1", "ended", "Ada", "2026-12-05T10:00:00Z", "2026-12-05T11:00:00Z", 2, "Room 4",
                "Acme router", "1.2", 8, false, true,
                List.of(new Answer.SealFileInfo("session-S-1.log", "log", 100, SHA, false),
                        new Answer.SealFileInfo("session-S-1.seal", "seal", 50, SHA, true)),
                List.of(new Answer.SealCheck("quoted-code:f1", "quoted-code", "f1", "a.c", "quotes 9 lines", true, null),
                        new Answer.SealCheck("export", "annotations-forbidden", null, null, "findings may not leave", false,
                                new Answer.SealDecision("override", "Sam", "ok"))),
                List.of(new Answer.SealDisclosure(4, "annotation", "annotation.created", "2026-12-05T10:10:00Z", false,
                        "finding_other_version", SALT, value),
                        new Answer.SealDisclosure(5, "query", null, "", true, "search_strings_leave", SALT, "mutex_lock"),
                        // a field the supervisor decided on (issue 18), and one with actions left
                        new Answer.SealDisclosure(6, "path", "file.opened", "", false, "path_forbidden", SALT, "secrets/a",
                                new Answer.SealDecision("refuse", "Sam", "stays"), List.of()),
                        new Answer.SealDisclosure(7, "query", "search.run", "", false, "quotes_code", SALT, "x",
                                null, List.of("override"))),
                List.of(new Answer.SealQuota(false, "", "quoted lines", 3, 200), new Answer.SealQuota(true, "a.c", "quoted lines", 3, 40)));
    }

    static List<Answer> answers() {
        return List.of(new Answer.SealSessions(List.of(new Answer.SealWaiting("S-1", "ended"), new Answer.SealWaiting("S-2", "sealed"))),
                review(), new Answer.SealStatement("S-1", "airlock seal signature v1\nbody\n"),
                new Answer.SealSealed("S-1", "Sam Supervisor", "note\n\u2014 airlock-supervisor abc\n"),
                new Answer.Recorded("export", "exported", 12), new Answer.Recorded("copy.refused", "locked", 7));
    }

    @Test
    void everySealMessageRoundTripsToOneCanonicalByteString() throws Exception {
        for (Request r : requests()) {
            byte[] bytes = Codec.encode(9, r);
            Codec.Framed<Request> back = Codec.decodeRequest(bytes);
            assertEquals(r, back.message(), r.op());
            assertArrayEquals(bytes, Codec.encode(9, back.message()));
        }
        for (Answer a : answers()) {
            byte[] bytes = Codec.encode(9, a);
            Codec.Framed<Answer> back = Codec.decodeAnswer(bytes);
            assertEquals(a, back.message(), a.kind());
            assertArrayEquals(bytes, Codec.encode(9, back.message()));
        }
        Answer.SealFileData data = new Answer.SealFileData("S-1", "x.log", 3, new byte[] {1, 2, 0, (byte) 0xff}, 7, SHA, true);
        byte[] bytes = Codec.encode(9, data);
        Answer.SealFileData back = (Answer.SealFileData) Codec.decodeAnswer(bytes).message();
        assertArrayEquals(data.data(), back.data());
        assertArrayEquals(bytes, Codec.encode(9, back));
    }

    /** A valid message's canonical map, changed by {@code change}, as canonical bytes again. */
    @SuppressWarnings("unchecked")
    private static String mutate(byte[] valid, Consumer<Map<String, Object>> change) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) CanonicalJson.parseStrict(valid));
        change.accept(m);
        return new String(CanonicalJson.write(m), StandardCharsets.UTF_8);
    }

    private static String request(Request r, Consumer<Map<String, Object>> change) throws Exception {
        String json = mutate(Codec.encode(1, r), change);
        Codec.DecodeException e = assertThrows(Codec.DecodeException.class,
                () -> Codec.decodeRequest(json.getBytes(StandardCharsets.UTF_8)), json);
        return e.code() + ": " + e.getMessage();
    }

    private static String answer(Answer a, Consumer<Map<String, Object>> change) throws Exception {
        String json = mutate(Codec.encode(1, a), change);
        Codec.DecodeException e = assertThrows(Codec.DecodeException.class,
                () -> Codec.decodeAnswer(json.getBytes(StandardCharsets.UTF_8)), json);
        return e.code() + ": " + e.getMessage();
    }

    @Test
    void hostileSealRequestsAreRefusedWithTheRuleTheyBreak() throws Exception {
        Request sign = new Request.SignSeal("S-1", SIG);
        // the UI never sends what goes into the record: no hash, time, sequence or seal text
        for (String member : List.of("hash", "time", "seq", "seal", "statement", "key", "privateKey", "sealedBy")) {
            assertTrue(request(sign, m -> m.put(member, "x")).contains("unknown member \"" + member + "\""), member);
        }
        assertTrue(request(new Request.SealStatement("S-1"), m -> m.put("statement", "x")).contains("unknown member"));
        assertTrue(request(new Request.SealSessions(), m -> m.put("session", "S-1")).contains("unknown member"));
        // signature: exactly the Base64 of 64 bytes
        assertTrue(request(sign, m -> m.put("signature", SIG.substring(4))).contains("64 bytes"));
        assertTrue(request(sign, m -> m.put("signature", SIG + "AAAA")).startsWith(Errors.FIELD));
        assertTrue(request(sign, m -> m.put("signature", SIG.replace('A', '-'))).contains("64 bytes"));
        assertTrue(request(sign, m -> m.put("signature", SIG.substring(0, 87) + "\n")).contains("control"));
        assertTrue(request(sign, m -> m.put("signature", 7L)).startsWith(Errors.FIELD));
        assertTrue(request(sign, m -> m.remove("signature")).contains("required"));
        // session: a name
        assertTrue(request(sign, m -> m.put("session", "")).startsWith(Errors.FIELD));
        assertTrue(request(new Request.ReviewSeal("S-1"), m -> m.put("session", "S\u202e1")).contains("control or invisible"));
        assertTrue(request(new Request.ReviewSeal("S-1"), m -> m.put("session", "S".repeat(Limits.MAX_ID + 1))).contains("longer"));
        // decide: violation, action, supervisor, reason
        Request decide = new Request.DecideSeal("S-1", "v", "redact", "Sam", "r");
        assertTrue(request(decide, m -> m.put("action", "approve")).contains("redact, refuse or override"));
        assertTrue(request(decide, m -> m.put("violation", "")).contains("empty"));
        assertTrue(request(decide, m -> m.put("violation", "v".repeat(Limits.MAX_PATH + 65))).contains("longer"));
        assertTrue(request(decide, m -> m.put("supervisor", "Sam\u0007")).contains("control"));
        assertTrue(request(decide, m -> m.put("reason", "r".repeat(Limits.MAX_MESSAGE + 1))).contains("longer"));
        assertTrue(request(decide, m -> m.put("reason", "a\u0000b")).startsWith(Errors.FIELD));
        assertTrue(request(decide, m -> m.put("decidedAt", "2026-12-05")).contains("unknown member"));
        // file: name, offset, length
        Request file = new Request.SealFile("S-1", "x.log", 0, 10);
        assertTrue(request(file, m -> m.put("length", 0L)).contains("between"));
        assertTrue(request(file, m -> m.put("length", (long) Limits.MAX_SEAL_CHUNK + 1)).contains("between"));
        assertTrue(request(file, m -> m.put("offset", -1L)).contains("between"));
        assertTrue(request(file, m -> m.put("name", "../x\n")).contains("control"));
        // exported: files, each name, size, sha256
        Request exported = new Request.SealExported("S-1", List.of(new Request.WrittenFile("x.log", 1, SHA)));
        assertTrue(request(exported, m -> m.put("files", List.of())).contains("empty"));
        assertTrue(request(exported, m -> m.put("files", java.util.Collections.nCopies(Limits.MAX_SEAL_FILES + 1,
                Map.of("name", "x", "sha256", SHA, "size", 1L)))).startsWith(Errors.FIELD));
        assertTrue(request(exported, m -> m.put("files", List.of(Map.of("name", "x", "sha256", SHA.toUpperCase(), "size", 1L))))
                .contains("lower-case hex"));
        assertTrue(request(exported, m -> m.put("files", List.of(Map.of("name", "x", "sha256", "ab", "size", 1L))))
                .contains("lower-case hex"));
        assertTrue(request(exported, m -> m.put("files", List.of(Map.of("name", "x", "sha256", SHA, "size", -1L))))
                .contains("between"));
        assertTrue(request(exported, m -> m.put("files", List.of(Map.of("entry", 3L, "name", "x", "sha256", SHA, "size", 1L))))
                .contains("unknown member \"entry\""));
        assertTrue(request(exported, m -> m.put("files", List.of("x.log"))).contains("must be an object"));
        // copy refusal: kind, selectedChars, view, path
        Request copy = new Request.CopyRefused("a.c", "copy", 1, "code");
        assertTrue(request(copy, m -> m.put("kind", "paste")).contains("copy, cut or drag"));
        assertTrue(request(copy, m -> m.put("selectedChars", -1L)).contains("between"));
        assertTrue(request(copy, m -> m.put("selectedChars", 1L << 40)).startsWith(Errors.FIELD));
        assertTrue(request(copy, m -> m.put("view", "code\u200b")).contains("invisible"));
        assertTrue(request(copy, m -> m.put("view", "")).contains("empty"));
        assertTrue(request(copy, m -> m.put("path", "a".repeat(Limits.MAX_PATH + 1))).contains("longer"));
        assertTrue(request(copy, m -> m.put("time", "x")).contains("unknown member"));
        assertTrue(request(copy, m -> m.put("v", 2L)).startsWith(Errors.VERSION));
    }

    @Test
    void hostileSealAnswersAreRefusedByTheWorkstation() throws Exception {
        Answer.SealReviewed review = review();
        assertTrue(answer(review, m -> m.put("status", "open")).contains("ended, sealed or exported"));
        assertTrue(answer(review, m -> m.put("extra", 1L)).contains("unknown member"));
        assertTrue(answer(review, m -> m.put("files", List.of(Map.of("fileKind", "log", "name", "x", "pending", false,
                "sha256", "zz", "size", 1L)))).contains("lower-case hex"));
        assertTrue(answer(review, m -> m.put("files", java.util.Collections.nCopies(Limits.MAX_SEAL_FILES + 1,
                Map.of("fileKind", "log", "name", "x", "pending", false, "sha256", SHA, "size", 1L)))).startsWith(Errors.FIELD));
        assertTrue(answer(review, m -> {
            List<Object> checks = new ArrayList<>();
            Map<String, Object> c = new LinkedHashMap<>(Map.of("id", "x", "violationKind", "k", "reason", "r", "open", true));
            c.put("annotation", null);
            c.put("path", null);
            c.put("decision", Map.of("action", "override", "supervisor", "s", "reason", "r", "time", "t"));
            checks.add(c);
            m.put("checks", checks);
        }).contains("unknown member \"time\""));
        assertTrue(answer(review, m -> {
            Map<String, Object> d = new LinkedHashMap<>(Map.of("entry", 1L, "field", "query", "time", "", "disclosed", true,
                    "why", "x", "salt", "AAAA"));
            d.put("entryType", null);
            d.put("value", "q");
            d.put("decision", null);
            d.put("actions", List.of());
            m.put("disclosures", List.of(d));
        }).contains("Base64 of 32 bytes"));
        // a field's decision and the actions left (issue 18): known actions only, each once, at most three
        for (List<Object> actions : List.<List<Object>>of(List.of("delete"), List.of("refuse", "refuse"),
                List.of("redact", "refuse", "override", "redact"), List.of(7L), List.of("Refuse"))) {
            String refused = answer(review, m -> {
                Map<String, Object> d = new LinkedHashMap<>(Map.of("entry", 1L, "field", "query", "time", "", "disclosed", true,
                        "why", "x", "salt", SALT));
                d.put("entryType", null);
                d.put("value", "q");
                d.put("decision", null);
                d.put("actions", actions);
                m.put("disclosures", List.of(d));
            });
            assertTrue(refused.startsWith(Errors.FIELD), actions + ": " + refused);
        }
        assertTrue(answer(review, m -> {
            Map<String, Object> d = new LinkedHashMap<>(Map.of("entry", 1L, "field", "query", "time", "", "disclosed", true,
                    "why", "x", "salt", SALT, "actions", List.of()));
            d.put("entryType", null);
            d.put("value", "q");
            d.put("decision", Map.of("action", "refuse", "supervisor", "s", "reason", "r", "seq", 3L));
            m.put("disclosures", List.of(d));
        }).contains("unknown member \"seq\""));
        assertTrue(answer(review, m -> {
            Map<String, Object> d = new LinkedHashMap<>(Map.of("entry", 1L, "field", "query", "time", "", "disclosed", true,
                    "why", "x", "salt", SALT));
            d.put("entryType", null);
            d.put("value", "q");
            d.put("decision", null);
            m.put("disclosures", List.of(d));
        }).contains("required"));
        assertTrue(answer(review, m -> m.put("quotas", List.of(Map.of("allowed", 1L, "measure", "m", "perFile", true,
                "subject", "s", "used", -5L)))).contains("between"));
        assertTrue(answer(review, m -> m.remove("canSeal")).contains("required"));
        // the statement must be a seal statement
        Answer statement = new Answer.SealStatement("S-1", "airlock seal signature v1\nb");
        assertTrue(answer(statement, m -> m.put("statement", "airlock checkpoint signature v1\nb")).contains("seal statement"));
        assertTrue(answer(statement, m -> m.put("statement", "x".repeat(Limits.MAX_SEAL_STATEMENT + 1))).contains("longer"));
        // file data: canonical Base64 within the chunk, fitting the file's size and end
        Answer data = new Answer.SealFileData("S-1", "x.log", 0, new byte[] {1, 2, 3}, 3, SHA, true);
        assertTrue(answer(data, m -> m.put("data", "AQID\n")).contains("Base64"));
        assertTrue(answer(data, m -> m.put("data", "AQI")).contains("Base64"));
        assertTrue(answer(data, m -> m.put("data", "AQJ=")).contains("canonical"));
        assertTrue(answer(data, m -> m.put("size", 2L)).contains("does not fit"));
        assertTrue(answer(data, m -> m.put("end", false)).contains("does not fit"));
        assertTrue(answer(data, m -> m.put("data", "A".repeat((Limits.MAX_SEAL_CHUNK + 2) / 3 * 4 + 4))).contains("Base64"));
        assertTrue(answer(new Answer.SealSessions(List.of()), m -> m.put("sessions", List.of(Map.of("session", "S", "status", "open"))))
                .contains("ended or sealed"));
        assertTrue(answer(new Answer.Recorded("export", "exported", 1), m -> m.put("entry", -1L)).contains("between"));
    }
}
