package airlock.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import airlock.core.crypto.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code findings.import.attach} and the {@code logCheck} of {@code findings.imported} (protocol
 * version 5: the import checked against its sealed session log through the keeper): round trips,
 * every field removed, mistyped, out of its limits, and members the keeper decides itself.
 */
class ImportLogCodecTest {
    private static Map<String, Object> json(byte[] bytes) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) CanonicalJson.parseStrict(bytes);
        return new LinkedHashMap<>(m);
    }

    private static String refusal(Map<String, Object> m) {
        byte[] bytes = CanonicalJson.write(m);
        return assertThrows(Codec.DecodeException.class, () -> Codec.decodeRequest(bytes), new String(bytes, StandardCharsets.UTF_8))
                .code();
    }

    private static String answerRefusal(Map<String, Object> m) {
        byte[] bytes = CanonicalJson.write(m);
        return assertThrows(Codec.DecodeException.class, () -> Codec.decodeAnswer(bytes), new String(bytes, StandardCharsets.UTF_8))
                .code();
    }

    @Test
    void attachAndTheCheckedAnswerRoundTrip() throws Exception {
        for (Request r : List.of(new Request.FindingsImportAttach(1, "log", Limits.MAX_IMPORT_BYTES),
                new Request.FindingsImportAttach(Integer.MAX_VALUE, "seal", Limits.MAX_IMPORT_SEAL_BYTES),
                new Request.FindingsImportAttach(3, "disclosures", 1))) {
            byte[] bytes = Codec.encode(9, r);
            assertEquals(r, Codec.decodeRequest(bytes).message());
            assertArrayEquals(bytes, Codec.encode(9, Codec.decodeRequest(bytes).message()));
        }
        for (Answer a : List.of(new Answer.FindingsImported(2, 1, 0, 40, "the export matches its log (2 findings)"),
                new Answer.FindingsImported(0, 0, 0, 0))) {
            byte[] bytes = Codec.encode(9, a);
            assertEquals(a, Codec.decodeAnswer(bytes).message());
        }
        assertNull(((Answer.FindingsImported) Codec.decodeAnswer(Codec.encode(9, new Answer.FindingsImported(0, 0, 0, 0))).message())
                .logCheck());
    }

    @Test
    void everyFieldOfAttachIsCheckedAndTheKeepersOwnMembersAreRefused() throws Exception {
        Map<String, Object> good = json(Codec.encode(9, new Request.FindingsImportAttach(4, "log", 100)));
        for (String field : List.of("upload", "part", "size")) {
            Map<String, Object> removed = new LinkedHashMap<>(good);
            removed.remove(field);
            assertEquals(Errors.FIELD, refusal(removed), "without " + field);
            Map<String, Object> wrong = new LinkedHashMap<>(good);
            wrong.put(field, good.get(field) instanceof String ? (Object) 7L : "7");
            assertEquals(Errors.FIELD, refusal(wrong), field + " mistyped");
        }
        for (String foreign : List.of("sha256", "verdict", "trust", "keys", "logCheck", "path", "hash")) {
            Map<String, Object> m = new LinkedHashMap<>(good);
            m.put(foreign, "x");
            assertEquals(Errors.FIELD, refusal(m), "with " + foreign);
        }
        Object[][] outside = {{"upload", 0L}, {"upload", (long) Integer.MAX_VALUE + 1}, {"upload", -1L}, {"size", 0L},
            {"size", Limits.MAX_IMPORT_BYTES + 1}, {"part", "entries"}, {"part", ""}, {"part", "LOG"}, {"part", "log\u202e"},
            {"part", "../log"}};
        for (Object[] c : outside) {
            Map<String, Object> m = new LinkedHashMap<>(good);
            m.put((String) c[0], c[1]);
            assertEquals(Errors.FIELD, refusal(m), c[0] + " = " + c[1]);
        }
        Map<String, Object> bigSeal = new LinkedHashMap<>(good);
        bigSeal.put("part", "seal");
        bigSeal.put("size", Limits.MAX_IMPORT_SEAL_BYTES + 1);
        assertEquals(Errors.FIELD, refusal(bigSeal), "a seal above 1 MiB");
    }

    @Test
    void theCheckedAnswersLogCheckIsTextWithinItsLimit() throws Exception {
        Map<String, Object> good = json(Codec.encode(9, new Answer.FindingsImported(1, 0, 0, 5, "matches")));
        Map<String, Object> wrong = new LinkedHashMap<>(good);
        wrong.put("logCheck", 7L);
        assertEquals(Errors.FIELD, answerRefusal(wrong));
        Map<String, Object> tooLong = new LinkedHashMap<>(good);
        tooLong.put("logCheck", "x".repeat(Limits.MAX_MESSAGE + 1));
        assertEquals(Errors.FIELD, answerRefusal(tooLong));
        assertThrows(IllegalArgumentException.class, () -> new Answer.FindingsImported(1, 0, 0, 5, "x".repeat(Limits.MAX_MESSAGE + 1)));
        assertThrows(IllegalArgumentException.class, () -> new Request.FindingsImportAttach(1, "entries", 1));
        assertThrows(IllegalArgumentException.class, () -> new Request.FindingsImportAttach(1, "seal", Limits.MAX_IMPORT_SEAL_BYTES + 1));
    }
}
