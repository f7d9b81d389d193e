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
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The findings export/import ops of issue 16's kexport stop and their answers: round trips, every
 * field of every new message removed, mistyped or joined by a member the keeper decides, and the
 * limits one by one (formats, names, sizes, offsets, the chunk's one encoding).
 */
class KexportOpsCodecTest {
    private static final String HASH = "a".repeat(64);

    static List<Request> requests() {
        return List.of(new Request.FindingsExport(List.of("json", "sarif", "html", "md")), new Request.FindingsExport(List.of("md")),
                new Request.FindingsFile("annotations-S-1.json", 0, Limits.MAX_SEAL_CHUNK), new Request.FindingsFile("report-S-1.md", 7, 1),
                new Request.FindingsExported(List.of(new Request.WrittenFile("annotations-S-1.json", 10, HASH))),
                new Request.FindingsImportBegin("annotations-S-1.json", 1234),
                new Request.FindingsImportChunk(1, 262_144, new byte[] {0, 1, 2, (byte) 0xff}),
                new Request.FindingsImportFinish(1),
                new Request.FindingsImportCancel(1), new Request.FindingsImportCancel(Integer.MAX_VALUE));
    }

    static List<Answer> answers() {
        return List.of(new Answer.FindingsExport(List.of(new Answer.ExportFileInfo("annotations-S-1.json", "json", 10, HASH),
                        new Answer.ExportFileInfo("report-S-1.md", "md", 0, HASH))),
                new Answer.FindingsFileData("annotations-S-1.json", 0, new byte[] {1, 2, 3}, 3, HASH, true),
                new Answer.FindingsFileData("annotations-S-1.json", 2, new byte[] {1}, 9, HASH, false),
                new Answer.FindingsImportProgress(1, 0, 10), new Answer.FindingsImportProgress(2, 10, 10),
                new Answer.FindingsImported(3, 1, 1, 42), new Answer.FindingsImported(0, 0, 0, 0));
    }

    @Test
    void everyNewMessageRoundTripsToOneCanonicalByteString() throws Exception {
        for (Request r : requests()) {
            byte[] bytes = Codec.encode(9, r);
            Request back = Codec.decodeRequest(bytes).message();
            assertEquals(r, back, r.op());
            assertArrayEquals(bytes, Codec.encode(9, back));
        }
        for (Answer a : answers()) {
            byte[] bytes = Codec.encode(9, a);
            Answer back = Codec.decodeAnswer(bytes).message();
            assertEquals(a, back, a.kind());
            assertArrayEquals(bytes, Codec.encode(9, back));
        }
    }

    private static Map<String, Object> json(byte[] bytes) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) CanonicalJson.parseStrict(bytes);
        return new LinkedHashMap<>(m);
    }

    private static String requestRefusal(Map<String, Object> m) {
        byte[] bytes = CanonicalJson.write(m);
        Codec.DecodeException e = assertThrows(Codec.DecodeException.class, () -> Codec.decodeRequest(bytes),
                new String(bytes, StandardCharsets.UTF_8));
        assertEquals(9, e.id(), "the id is recovered for the error answer");
        return e.code();
    }

    private static String answerRefusal(Map<String, Object> m) {
        byte[] bytes = CanonicalJson.write(m);
        Codec.DecodeException e = assertThrows(Codec.DecodeException.class, () -> Codec.decodeAnswer(bytes),
                new String(bytes, StandardCharsets.UTF_8));
        return e.code();
    }

    private static final Set<String> ENVELOPE = Set.of("id", "v", "op", "answer");

    private static Object mistyped(Object value) {
        if (value instanceof String) {
            return 7L;
        }
        if (value instanceof List<?>) {
            return "x";
        }
        return value instanceof Map<?, ?> ? List.of() : "7";
    }

    @Test
    void everyFieldOfEveryNewRequestRemovedMistypedOrJoinedByAForeignMemberIsRefused() throws Exception {
        int cases = 0;
        for (Request r : requests()) {
            Map<String, Object> good = json(Codec.encode(9, r));
            for (String foreign : List.of("hash", "time", "seq", "signature", "verdict", "session", "sha256", "entry", "actor",
                    "policy", "snippetsAllowed", "added")) {
                Map<String, Object> m = new LinkedHashMap<>(good);
                m.put(foreign, "x");
                assertEquals(Errors.FIELD, requestRefusal(m), r.op() + " + " + foreign);
                cases++;
            }
            for (String field : good.keySet()) {
                if (ENVELOPE.contains(field)) {
                    continue;
                }
                Map<String, Object> removed = new LinkedHashMap<>(good);
                removed.remove(field);
                assertEquals(Errors.FIELD, requestRefusal(removed), r.op() + " without " + field);
                Map<String, Object> wrong = new LinkedHashMap<>(good);
                wrong.put(field, mistyped(good.get(field)));
                assertEquals(Errors.FIELD, requestRefusal(wrong), r.op() + " with " + field + " mistyped");
                cases += 2;
            }
        }
        assertTrue(cases > 100, "cases: " + cases);
    }

    @Test
    void everyFieldOfEveryNewAnswerRemovedOrMistypedIsRefusedByTheClient() throws Exception {
        for (Answer a : answers()) {
            Map<String, Object> good = json(Codec.encode(9, a));
            Map<String, Object> extra = new LinkedHashMap<>(good);
            extra.put("hash", "00");
            assertEquals(Errors.FIELD, answerRefusal(extra), a.kind());
            for (String field : good.keySet()) {
                if (ENVELOPE.contains(field) || good.get(field) == null) {
                    continue; // a null member is optional (absent = null): findings.imported's logCheck, ImportLogCodecTest
                }
                Map<String, Object> removed = new LinkedHashMap<>(good);
                removed.remove(field);
                assertEquals(Errors.FIELD, answerRefusal(removed), a.kind() + " without " + field);
                Map<String, Object> wrong = new LinkedHashMap<>(good);
                wrong.put(field, mistyped(good.get(field)));
                assertEquals(Errors.FIELD, answerRefusal(wrong), a.kind() + " with " + field + " mistyped");
            }
        }
        // every member of a listed file too
        Map<String, Object> page = json(Codec.encode(9, answers().get(0)));
        @SuppressWarnings("unchecked")
        Map<String, Object> item = (Map<String, Object>) ((List<?>) page.get("files")).get(0);
        for (String field : item.keySet()) {
            for (Object value : new Object[] {null, mistyped(item.get(field))}) {
                Map<String, Object> bad = new LinkedHashMap<>(item);
                if (value == null) {
                    bad.remove(field);
                } else {
                    bad.put(field, value);
                }
                Map<String, Object> m = new LinkedHashMap<>(page);
                m.put("files", List.of(bad));
                assertEquals(Errors.FIELD, answerRefusal(m), "files[]." + field + " = " + value);
            }
        }
    }

    private static Map<String, Object> message(String key, String op, Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("v", (long) Limits.VERSION);
        m.put("id", 9L);
        m.put(key, op);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> request(String op, Object... pairs) {
        return message("op", op, pairs);
    }

    private static Map<String, Object> file(Object name, Object size, Object sha) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("sha256", sha);
        m.put("size", size);
        return m;
    }

    @Test
    void limitsOfEveryRequestField() {
        String data = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4});
        List<Object> five = new ArrayList<>();
        for (int i = 0; i < Limits.MAX_EXPORT_FORMATS + 1; i++) {
            five.add(file("f" + i, 1L, HASH));
        }
        List<Map<String, Object>> hostile = List.of(
                request("findings.export", "formats", List.of()),
                request("findings.export", "formats", List.of("pdf")),
                request("findings.export", "formats", List.of("JSON")),
                request("findings.export", "formats", List.of("json", "json")),
                request("findings.export", "formats", List.of("json", "sarif", "html", "md", "json")),
                request("findings.export", "formats", List.of(7L)),
                request("findings.file", "name", "", "offset", 0L, "length", 1L),
                request("findings.file", "name", "a\u202eb", "offset", 0L, "length", 1L),
                request("findings.file", "name", "x".repeat(Limits.MAX_SEAL_FILE_NAME + 1), "offset", 0L, "length", 1L),
                request("findings.file", "name", "a", "offset", -1L, "length", 1L),
                request("findings.file", "name", "a", "offset", Limits.MAX_OFFSET + 1, "length", 1L),
                request("findings.file", "name", "a", "offset", 0L, "length", 0L),
                request("findings.file", "name", "a", "offset", 0L, "length", (long) Limits.MAX_SEAL_CHUNK + 1),
                request("findings.exported", "files", List.of()),
                request("findings.exported", "files", five),
                request("findings.exported", "files", List.of(file("a", -1L, HASH))),
                request("findings.exported", "files", List.of(file("a", 1L, "A".repeat(64)))),
                request("findings.exported", "files", List.of(file("a", 1L, "a".repeat(63)))),
                request("findings.exported", "files", List.of(file("", 1L, HASH))),
                request("findings.import.begin", "name", "a", "size", 0L),
                request("findings.import.begin", "name", "a", "size", Limits.MAX_IMPORT_BYTES + 1),
                request("findings.import.begin", "name", "a\nb", "size", 1L),
                request("findings.import.begin", "name", "x".repeat(Limits.MAX_SEAL_FILE_NAME + 1), "size", 1L),
                request("findings.import.chunk", "upload", 1L, "offset", 0L, "data", "AQIDBA"), // unpadded
                request("findings.import.chunk", "upload", 1L, "offset", 0L, "data", "AQIDBB=="), // stray bits
                request("findings.import.chunk", "upload", 1L, "offset", 0L, "data", "AQ ID"),
                request("findings.import.chunk", "upload", 1L, "offset", 0L, "data", ""),
                request("findings.import.chunk", "upload", 1L, "offset", 0L,
                        "data", Base64.getEncoder().encodeToString(new byte[Limits.MAX_UPLOAD_CHUNK + 1])),
                request("findings.import.chunk", "upload", 0L, "offset", 0L, "data", data),
                request("findings.import.chunk", "upload", 1L, "offset", -1L, "data", data),
                request("findings.import.chunk", "upload", 1L, "offset", Limits.MAX_IMPORT_BYTES + 1, "data", data),
                request("findings.import.finish", "upload", (long) Integer.MAX_VALUE + 1),
                request("findings.import.finish", "upload", -3L),
                request("findings.import.cancel", "upload", 0L),
                request("findings.import.cancel", "upload", -1L),
                request("findings.import.cancel", "upload", (long) Integer.MAX_VALUE + 1),
                request("findings.import.cancel", "upload", "1"),
                request("findings.import.cancel", "upload", true),
                request("findings.import.cancel"));
        for (Map<String, Object> m : hostile) {
            assertEquals(Errors.FIELD, requestRefusal(m), m.toString().substring(0, Math.min(200, m.toString().length())));
        }
    }

    @Test
    void answersOutsideTheirLimitsCannotBeBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new Answer.FindingsExport(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Answer.ExportFileInfo("a", "pdf", 1, HASH));
        assertThrows(IllegalArgumentException.class, () -> new Answer.ExportFileInfo("a", "json", -1, HASH));
        assertThrows(IllegalArgumentException.class, () -> new Answer.FindingsFileData("a", 0, new byte[2], 1, HASH, true));
        assertThrows(IllegalArgumentException.class, () -> new Answer.FindingsFileData("a", 0, new byte[1], 2, HASH, true));
        assertThrows(IllegalArgumentException.class, () -> new Answer.FindingsFileData("a", 0, new byte[Limits.MAX_SEAL_CHUNK + 1],
                Limits.MAX_SEAL_CHUNK + 1, HASH, true));
        assertThrows(IllegalArgumentException.class, () -> new Answer.FindingsImportProgress(1, 11, 10));
        assertThrows(IllegalArgumentException.class, () -> new Answer.FindingsImportProgress(1, 0, Limits.MAX_IMPORT_BYTES + 1));
        assertThrows(IllegalArgumentException.class, () -> new Answer.FindingsImported(1, 2, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Answer.FindingsImported(2, 1, 2, 1));
        // a piece whose data and end disagree with its size is refused by the client's decoder
        Map<String, Object> lying = message("answer", "findings.file", "name", "a", "offset", 0L, "data",
                Base64.getEncoder().encodeToString(new byte[] {1}), "size", 2L, "sha256", HASH, "end", true);
        assertEquals(Errors.FIELD, answerRefusal(lying));
    }

    @Test
    void theLargestPiecesFitTheirFrames() {
        assertTrue(Codec.encode(Limits.MAX_REQUEST_ID, new Request.FindingsImportChunk(Integer.MAX_VALUE, Limits.MAX_IMPORT_BYTES,
                new byte[Limits.MAX_UPLOAD_CHUNK])).length <= Limits.MAX_REQUEST_FRAME);
        assertTrue(Codec.encode(Limits.MAX_REQUEST_ID, new Answer.FindingsFileData("x".repeat(Limits.MAX_SEAL_FILE_NAME),
                Limits.MAX_OFFSET - Limits.MAX_SEAL_CHUNK, new byte[Limits.MAX_SEAL_CHUNK], Limits.MAX_OFFSET, HASH, true)).length
                <= Limits.MAX_ANSWER_FRAME);
    }
}
