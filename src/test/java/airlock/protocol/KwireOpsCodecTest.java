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
 * The ops of issue 16's kwire stop (intake upload, findings list/delete/unmark/bookmark, the activity
 * notice) and their answers: round trips, then every field of every new message made hostile —
 * removed, mistyped, given an extra member the keeper decides — and the limits one by one.
 */
class KwireOpsCodecTest {
    private static final String HASH = "a".repeat(64);

    static List<Request> requests() {
        return List.of(new Request.Activity(),
                new Request.UploadBegin("acme-1.2.airlock", 900, 64, 123_456),
                new Request.UploadChunk(1, "bundle", 262_144, new byte[] {0, 1, 2, (byte) 0xff}),
                new Request.UploadFinish(1), new Request.UploadCancel(7),
                new Request.ListFindings("annotations", 0, 8), new Request.ListFindings("marks", 5, 1000),
                new Request.ListFindings("bookmarks", 0, 1),
                new Request.DeleteAnnotation("A-1"), new Request.UnmarkReviewed("M-1"),
                new Request.AddBookmark("refs/heads/main", "src/a.c", 12, "look again"),
                new Request.AddBookmark("refs/heads/main", "src/a.c", 1, ""));
    }

    static Answer.FindingInfo finding(String id) {
        return new Answer.FindingInfo(id, "refs/heads/main", "c".repeat(40), "src/a.c", "b".repeat(40), "current",
                List.of(new Answer.RangeInfo(1, 1, 2, 5, 0, 30, HASH, HASH, HASH, HASH, HASH, 2)), "Overflow", "body\nline",
                "high", "medium", 120, List.of("memory"), "open", "Ada", "2026-12-05T10:00:00Z", "2026-12-05T10:01:00Z", 2);
    }

    static List<Answer> answers() {
        return List.of(new Answer.Upload(1, 10, 200), new Answer.Upload(3, 0, 0),
                new Answer.FindingsPage("annotations", 0, 2, List.of(finding("A-1"), finding("A-2")), List.of(), List.of()),
                new Answer.FindingsPage("marks", 0, 1, List.of(), List.of(new Answer.MarkInfo("M-1", "refs/heads/main", "a.c",
                        "b".repeat(40), 1, 9, "Ada", "2026-12-05T10:00:00Z")), List.of()),
                new Answer.FindingsPage("bookmarks", 4, 5, List.of(), List.of(), List.of(new Answer.BookmarkInfo("B-1",
                        "refs/heads/main", "a.c", 3, "", "Ada", "2026-12-05T10:00:00Z"))),
                new Answer.FindingChanged("A-1", 12), new Answer.BookmarkAdded("B-1", "refs/heads/main", "a.c", 3, "x", 13));
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

    /** A value of another JSON type than {@code value}'s. */
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
            for (String foreign : List.of("hash", "time", "seq", "signature", "verdict", "accepted", "sha256", "entry", "actor")) {
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
                if (ENVELOPE.contains(field)) {
                    continue;
                }
                Map<String, Object> removed = new LinkedHashMap<>(good);
                removed.remove(field);
                assertEquals(Errors.FIELD, answerRefusal(removed), a.kind() + " without " + field);
                Map<String, Object> wrong = new LinkedHashMap<>(good);
                wrong.put(field, mistyped(good.get(field)));
                assertEquals(Errors.FIELD, answerRefusal(wrong), a.kind() + " with " + field + " mistyped");
            }
        }
    }

    @Test
    void everyMemberOfAListedFindingIsCheckedToo() throws Exception {
        Map<String, Object> page = json(Codec.encode(9, answers().get(2)));
        @SuppressWarnings("unchecked")
        Map<String, Object> item = (Map<String, Object>) ((List<?>) page.get("annotations")).get(0);
        for (String field : item.keySet()) {
            for (Object value : new Object[] {null, mistyped(item.get(field))}) {
                Map<String, Object> bad = new LinkedHashMap<>(item);
                if (value == null) {
                    bad.remove(field);
                } else {
                    bad.put(field, value);
                }
                Map<String, Object> m = new LinkedHashMap<>(page);
                m.put("annotations", List.of(bad));
                if (field.equals("cweId") && value == null) {
                    continue; // the one optional member: absent is null
                }
                assertEquals(Errors.FIELD, answerRefusal(m), "annotations[]." + field + " = " + value);
            }
        }
        // the kept text of the code is not a member: a keeper that sends it is refused
        Map<String, Object> leak = new LinkedHashMap<>(item);
        leak.put("originalText", "memcpy(buf, src, len);");
        Map<String, Object> m = new LinkedHashMap<>(page);
        m.put("annotations", List.of(leak));
        assertEquals(Errors.FIELD, answerRefusal(m));
    }

    private static Map<String, Object> request(String op, Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("v", (long) Limits.VERSION);
        m.put("id", 9L);
        m.put("op", op);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void uploadLimitsAndTheOneEncodingOfAChunk() throws Exception {
        String data = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4});
        assertTrue(Codec.decodeRequest(CanonicalJson.write(request("bundle.upload.chunk", "upload", 1L, "file", "bundle",
                "offset", 0L, "data", data))).message() instanceof Request.UploadChunk);
        List<Map<String, Object>> hostile = new ArrayList<>();
        hostile.add(request("bundle.upload.chunk", "upload", 1L, "file", "bundle", "offset", 0L, "data", "AQIDBA")); // unpadded
        hostile.add(request("bundle.upload.chunk", "upload", 1L, "file", "bundle", "offset", 0L, "data", "AQIDBB==")); // stray bits
        hostile.add(request("bundle.upload.chunk", "upload", 1L, "file", "bundle", "offset", 0L, "data", "AQ ID")); // not base64
        hostile.add(request("bundle.upload.chunk", "upload", 1L, "file", "bundle", "offset", 0L, "data", "")); // empty
        hostile.add(request("bundle.upload.chunk", "upload", 1L, "file", "bundle", "offset", 0L,
                "data", Base64.getEncoder().encodeToString(new byte[Limits.MAX_UPLOAD_CHUNK + 1]))); // over the chunk limit
        hostile.add(request("bundle.upload.chunk", "upload", 1L, "file", "../store/x", "offset", 0L, "data", data));
        hostile.add(request("bundle.upload.chunk", "upload", 1L, "file", "manifest.json", "offset", 0L, "data", data));
        hostile.add(request("bundle.upload.chunk", "upload", 0L, "file", "bundle", "offset", 0L, "data", data));
        hostile.add(request("bundle.upload.chunk", "upload", 1L, "file", "bundle", "offset", -1L, "data", data));
        hostile.add(request("bundle.upload.chunk", "upload", 1L, "file", "bundle", "offset", Limits.MAX_UPLOAD_BUNDLE + 1,
                "data", data));
        hostile.add(request("bundle.upload.begin", "name", "a", "manifestSize", 0L, "signatureSize", 64L, "bundleSize", 1L));
        hostile.add(request("bundle.upload.begin", "name", "a", "manifestSize", Limits.MAX_UPLOAD_MANIFEST + 1,
                "signatureSize", 64L, "bundleSize", 1L));
        hostile.add(request("bundle.upload.begin", "name", "a", "manifestSize", 1L, "signatureSize", Limits.MAX_UPLOAD_SIGNATURE + 1,
                "bundleSize", 1L));
        hostile.add(request("bundle.upload.begin", "name", "a", "manifestSize", 1L, "signatureSize", 1L,
                "bundleSize", Limits.MAX_UPLOAD_BUNDLE + 1));
        hostile.add(request("bundle.upload.begin", "name", "", "manifestSize", 1L, "signatureSize", 1L, "bundleSize", 1L));
        hostile.add(request("bundle.upload.begin", "name", "a\u202eb", "manifestSize", 1L, "signatureSize", 1L, "bundleSize", 1L));
        hostile.add(request("bundle.upload.begin", "name", "a\nb", "manifestSize", 1L, "signatureSize", 1L, "bundleSize", 1L));
        hostile.add(request("bundle.upload.begin", "name", "x".repeat(Limits.MAX_REF + 1), "manifestSize", 1L, "signatureSize", 1L,
                "bundleSize", 1L));
        hostile.add(request("bundle.upload.finish", "upload", (long) Integer.MAX_VALUE + 1));
        hostile.add(request("bundle.upload.cancel", "upload", -3L));
        for (Map<String, Object> m : hostile) {
            assertEquals(Errors.FIELD, requestRefusal(m), m.toString().substring(0, Math.min(200, m.toString().length())));
        }
    }

    @Test
    void findingsLimits() {
        List<Map<String, Object>> hostile = List.of(
                request("findings.list", "kind", "replies", "offset", 0L, "limit", 1L),
                request("findings.list", "kind", "annotations", "offset", 0L, "limit", (long) Limits.MAX_FINDINGS_PAGE + 1),
                request("findings.list", "kind", "marks", "offset", 0L, "limit", (long) Limits.MAX_LIST + 1),
                request("findings.list", "kind", "marks", "offset", 0L, "limit", 0L),
                request("findings.list", "kind", "marks", "offset", (long) Limits.MAX_FINDINGS + 1, "limit", 1L),
                request("annotation.delete", "annotation", ""),
                request("annotation.delete", "annotation", "A\u0000"),
                request("annotation.delete", "annotation", "x".repeat(Limits.MAX_ID + 1)),
                request("review.unmark", "mark", "M\u200b1"),
                request("bookmark.add", "ref", "r", "path", "a", "line", 0L, "label", ""),
                request("bookmark.add", "ref", "r", "path", "a", "line", (long) Limits.MAX_LINE + 1, "label", ""),
                request("bookmark.add", "ref", "r", "path", "a", "line", 1L, "label", "x".repeat(Limits.MAX_TITLE + 1)),
                request("bookmark.add", "ref", "r", "path", "a\u0000", "line", 1L, "label", ""),
                request("bookmark.add", "ref", "", "path", "a", "line", 1L, "label", ""),
                request("session.activity", "scrolled", 3L),
                request("session.activity", "text", "typed words"));
        for (Map<String, Object> m : hostile) {
            assertEquals(Errors.FIELD, requestRefusal(m), m.toString());
        }
    }

    @Test
    void aFindingsPageHoldsItemsOfItsKindOnlyAndWithinItsLimits() {
        assertThrows(IllegalArgumentException.class, () -> new Answer.FindingsPage("marks", 0, 1, List.of(finding("A")), List.of(),
                List.of()));
        List<Answer.FindingInfo> nine = new ArrayList<>();
        for (int i = 0; i < Limits.MAX_FINDINGS_PAGE + 1; i++) {
            nine.add(finding("A" + i));
        }
        assertThrows(IllegalArgumentException.class, () -> new Answer.FindingsPage("annotations", 0, 9, nine, List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Answer.RangeInfo(1, 1, 1, 2, 0, 1, "A".repeat(64), HASH, HASH, HASH,
                HASH, 1));
        assertThrows(IllegalArgumentException.class, () -> new Answer.Upload(1, 11, 10));
    }

    @Test
    void theLargestFindingsPageFitsTheAnswerFrame() {
        // eight findings, each with the longest body of characters escaped (six bytes each) and the longest title
        String body = "\u0001".repeat(Limits.MAX_BODY);
        List<Answer.FindingInfo> page = new ArrayList<>();
        for (int i = 0; i < Limits.MAX_FINDINGS_PAGE; i++) {
            Answer.FindingInfo f = finding("A" + i);
            List<Answer.RangeInfo> ranges = new ArrayList<>();
            for (int r = 0; r < Limits.MAX_RANGES; r++) {
                ranges.add(f.ranges().get(0));
            }
            List<String> tags = new ArrayList<>();
            for (int t = 0; t < Limits.MAX_TAGS; t++) {
                tags.add("\u0001".repeat(Limits.MAX_TAG));
            }
            page.add(new Answer.FindingInfo(f.id(), "r".repeat(Limits.MAX_REF), f.commit(), "\u0001".repeat(Limits.MAX_PATH), f.blob(),
                    f.anchorState(), ranges, "\u0001".repeat(Limits.MAX_TITLE), body, f.severity(), f.confidence(), f.cweId(), tags,
                    f.status(), "\u0001".repeat(Limits.MAX_NAME), f.created(), f.updated(), 0));
        }
        byte[] bytes = Codec.encode(9, new Answer.FindingsPage("annotations", 0, 8, page, List.of(), List.of()));
        assertTrue(bytes.length <= Limits.MAX_ANSWER_FRAME, bytes.length + " bytes");
    }

    @Test
    void theLargestChunkFitsTheRequestFrame() {
        byte[] bytes = Codec.encode(Limits.MAX_REQUEST_ID, new Request.UploadChunk(Integer.MAX_VALUE, "signature",
                Limits.MAX_UPLOAD_BUNDLE, new byte[Limits.MAX_UPLOAD_CHUNK]));
        assertTrue(bytes.length <= Limits.MAX_REQUEST_FRAME, bytes.length + " bytes");
    }
}
