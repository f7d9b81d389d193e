package airlock.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.crypto.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The history/diff ops of protocol version 3 (issue 16, kread): history.compare, history.diff,
 * history.file, history.blame, symbols.callers, files.lines and search.run's diffFrom. Round trips,
 * limits, and hostile payloads each refused with the rule they break. Kept apart from
 * {@link CodecTest} so that ops added elsewhere merge without conflict.
 */
class HistoryOpsCodecTest {
    private static final String C40 = "0123456789abcdef0123456789abcdef01234567";

    static List<Request> requests() {
        return List.of(new Request.Compare("refs/tags/v1.0", "refs/heads/main", 0, 1000),
                new Request.Diff("refs/tags/v1.0", "refs/heads/main", "README.md", 0, 2000),
                new Request.Diff(null, C40, "src/a\u202e.c", 40, 1),
                new Request.History("src/a.c", 0, 500), new Request.BlameFile("src/a.c", 2000, 10),
                new Request.Callers("mutex_lock", 200), new Request.LineCounts("refs/heads/main", 1000, 1000),
                new Request.Search("x", false, false, false, List.of(), List.of(), List.of(), "refs/heads/main", 10,
                        "refs/tags/v1.0"));
    }

    static Answer.Change change() {
        return new Answer.Change("renamed", "a.c", "b\u202e.c", "1".repeat(40), "2".repeat(40), 3, -1, "text");
    }

    static List<Answer> answers() {
        Answer.Row row = new Answer.Row("changed", 4, "int a;", 5, "long a;", List.of(new Answer.RowSpan(0, 3)),
                List.of(new Answer.RowSpan(0, 4)), 0);
        Answer.Row skipped = new Answer.Row("skipped", 10, null, 11, null, List.of(), List.of(), 7);
        Answer.Commit commit = new Answer.Commit(C40, "Ada \u202e", "ada@example.org", "2026-12-05T10:00:00Z", "fix\ttabs");
        Answer.Definition def = new Answer.Definition("a.c", "main", "function", 3, 1, "", "int main(void)", "#else of CONFIG_X");
        return List.of(new Answer.Changes("v1", "v2", 0, 1, List.of(change())),
                new Answer.Changes("v1", "v2", 1000, 1000, List.of()),
                new Answer.DiffPage("v1", "v2", "b.c", change(), "text", 10, 12, List.of(5L, 6L), 0, 2, List.of(row, skipped)),
                new Answer.DiffPage(null, C40, "b.c", null, "text", 0, 0, List.of(), 0, 0, List.of()),
                new Answer.Commits("main", "a.c", 7, true, 0, 2000, List.of(commit)),
                new Answer.BlamePage("main", "a.c", "text", 8, 0, 1, List.of(commit),
                        List.of(new Answer.BlameRow(1, "int a;", C40, "old/a.c"), new Answer.BlameRow(2, "", null, null))),
                new Answer.BlamePage("main", "a.bin", "binary", -1, 0, 0, List.of(), List.of()),
                new Answer.Callers("main", 9, "complete", List.of(new Answer.Caller(def, "b.c", 7, 5, "    main();"))),
                new Answer.LineCounts("main", 0, 1, List.of(new Answer.LineCount("a.c", "3".repeat(40), 0))));
    }

    @Test
    void everyHistoryMessageRoundTripsToOneCanonicalByteString() throws Exception {
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
    }

    /** Seeded mutations of every history/diff message: each decodes to a checked record or is refused, nothing else. */
    @Test
    void mutatedHistoryMessagesDecodeOrAreRefusedNeverWorse() {
        java.util.Random random = new java.util.Random(16_3);
        List<byte[]> seeds = new ArrayList<>();
        for (Request r : requests()) {
            seeds.add(Codec.encode(4, r));
        }
        for (Answer a : answers()) {
            seeds.add(Codec.encode(4, a));
        }
        int refused = 0;
        for (int i = 0; i < 4000; i++) {
            byte[] seed = seeds.get(random.nextInt(seeds.size()));
            byte[] bytes = java.util.Arrays.copyOf(seed, seed.length);
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            try {
                if (i % 2 == 0) {
                    Codec.decodeRequest(bytes);
                } else {
                    Codec.decodeAnswer(bytes);
                }
            } catch (Codec.DecodeException e) {
                refused++;
                assertTrue(e.code().matches("[a-z0-9._-]{1,64}"), e.code());
            }
        }
        assertTrue(refused > 3000, "most mutations break a rule: " + refused);
    }

    private static String refusal(String json) {
        Codec.DecodeException e = assertThrows(Codec.DecodeException.class,
                () -> Codec.decodeRequest(json.getBytes(StandardCharsets.UTF_8)), json);
        return e.code() + ": " + e.getMessage();
    }

    private static String answerRefusal(Map<String, Object> answer) {
        byte[] bytes = CanonicalJson.write(answer);
        Codec.DecodeException e = assertThrows(Codec.DecodeException.class, () -> Codec.decodeAnswer(bytes),
                new String(bytes, StandardCharsets.UTF_8));
        return e.code() + ": " + e.getMessage();
    }

    /** A canonical request of {@code op} with {@code fields}, encoded as a hostile client would. */
    private static String request(String op, Map<String, Object> fields) {
        Map<String, Object> m = new LinkedHashMap<>(fields);
        m.put("id", 1L);
        m.put("op", op);
        m.put("v", (long) Limits.VERSION);
        return new String(CanonicalJson.write(m), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void hostileRequestsAreRefusedWithTheRuleTheyBreak() {
        // the client names versions and a path: never a blob, a commit field, a hash or an entry
        assertTrue(refusal(request("history.diff", map("from", "a", "to", "b", "path", "p", "offset", 0L, "limit", 1L,
                "blob", "00"))).contains("unknown member \"blob\""));
        assertTrue(refusal(request("history.diff", map("commit", C40, "from", null, "to", "b", "path", "p", "offset", 0L,
                "limit", 1L))).contains("unknown member \"commit\""));
        assertTrue(refusal(request("history.file", map("path", "p", "offset", 0L, "limit", 1L, "ref", "main")))
                .contains("unknown member \"ref\""), "history is at the review ref: no ref field");
        assertTrue(refusal(request("history.blame", map("entry", 3L, "path", "p", "offset", 0L, "limit", 1L)))
                .contains("unknown member \"entry\""));
        // limits of every field
        assertTrue(refusal(request("history.compare", map("from", "", "to", "b", "offset", 0L, "limit", 1L))).startsWith(Errors.FIELD));
        assertTrue(refusal(request("history.compare", map("from", "a\u202e", "to", "b", "offset", 0L, "limit", 1L)))
                .startsWith(Errors.FIELD), "a ref is a name");
        assertTrue(refusal(request("history.compare", map("from", "a", "to", "b".repeat(256), "offset", 0L, "limit", 1L)))
                .startsWith(Errors.FIELD));
        assertTrue(refusal(request("history.compare", map("from", "a", "to", "b", "offset", -1L, "limit", 1L))).startsWith(Errors.FIELD));
        assertTrue(refusal(request("history.compare", map("from", "a", "to", "b", "offset", 0L, "limit", 1001L))).startsWith(Errors.FIELD));
        assertTrue(refusal(request("history.compare", map("from", "a", "to", "b", "offset", 0L))).startsWith(Errors.FIELD));
        assertTrue(refusal(request("history.diff", map("from", "a", "to", "b", "path", "p".repeat(4097), "offset", 0L,
                "limit", 1L))).startsWith(Errors.FIELD));
        assertTrue(refusal(request("history.diff", map("from", "a", "to", "b", "path", "p\u0000", "offset", 0L,
                "limit", 1L))).startsWith(Errors.FIELD), "no NUL in a path");
        assertTrue(refusal(request("history.diff", map("from", "a", "to", "b", "path", "p", "offset", 0L, "limit", 2001L)))
                .startsWith(Errors.FIELD));
        assertTrue(refusal(request("history.diff", map("from", "a", "to", "b", "path", "p", "offset", 100_000_001L,
                "limit", 1L))).startsWith(Errors.FIELD));
        assertTrue(refusal(request("history.diff", map("from", 7L, "to", "b", "path", "p", "offset", 0L, "limit", 1L)))
                .startsWith(Errors.FIELD), "mistyped");
        assertTrue(refusal(request("history.file", map("path", "p", "offset", 2001L, "limit", 1L))).startsWith(Errors.FIELD));
        assertTrue(refusal(request("history.file", map("path", "p", "offset", 0L, "limit", 501L))).startsWith(Errors.FIELD));
        assertTrue(refusal(request("history.blame", map("path", "p", "offset", 0L, "limit", 0L))).startsWith(Errors.FIELD));
        assertTrue(refusal(request("symbols.callers", map("name", "a\nb", "limit", 1L))).startsWith(Errors.FIELD));
        assertTrue(refusal(request("symbols.callers", map("name", "a", "limit", 201L))).startsWith(Errors.FIELD));
        assertTrue(refusal(request("symbols.callers", map("name", "x".repeat(257), "limit", 1L))).startsWith(Errors.FIELD));
        assertTrue(refusal(request("files.lines", map("ref", "main", "offset", 0L, "limit", 1001L))).startsWith(Errors.FIELD));
        assertTrue(refusal(request("files.lines", map("lines", 3L, "ref", "main", "offset", 0L, "limit", 1L)))
                .contains("unknown member \"lines\""), "the client cannot tell the keeper a count");
        Map<String, Object> search = map("pattern", "x", "regex", false, "ignoreCase", false, "wholeWord", false,
                "include", List.of(), "exclude", List.of(), "languages", List.of(), "limit", 1L);
        Map<String, Object> noRef = new LinkedHashMap<>(search);
        noRef.put("ref", null);
        noRef.put("diffFrom", "v1");
        assertTrue(refusal(request("search.run", noRef)).contains("diffFrom needs a ref"));
        Map<String, Object> badBase = new LinkedHashMap<>(search);
        badBase.put("ref", "main");
        badBase.put("diffFrom", "v1\u202e");
        assertTrue(refusal(request("search.run", badBase)).startsWith(Errors.FIELD));
        // an older version is refused for these ops too
        assertTrue(refusal("{\"id\":1,\"limit\":1,\"name\":\"a\",\"op\":\"symbols.callers\",\"v\":2}").startsWith(Errors.VERSION));
    }

    @Test
    void aDefinitionsBranchConditionIsBoundedAndRequired() {
        Map<String, Object> def = map("path", "a.c", "name", "main", "symbolKind", "function", "line", 3L, "column", 1L,
                "scope", "", "text", "int main(void)", "condition", "#else of CONFIG_X");
        Map<String, Object> answer = map("answer", "symbols.definitions", "id", 1L, "v", (long) Limits.VERSION, "name", "main",
                "entry", 4L, "index", "complete", "definitions", List.of(def));
        assertEquals(1, assertDoesNotThrow(() -> Codec.decodeAnswer(CanonicalJson.write(answer))).message() instanceof
                Answer.Definitions d ? d.definitions().size() : -1);
        def.put("condition", "x".repeat(Limits.MAX_CONDITION + 1));
        assertTrue(answerRefusal(answer).startsWith(Errors.FIELD), "a keeper's condition is bounded");
        def.remove("condition");
        assertTrue(answerRefusal(answer).startsWith(Errors.FIELD), "version 4 carries the condition, even when empty");
    }

    private static Map<String, Object> diffAnswer(List<Object> rows, Object change) {
        Map<String, Object> m = map("answer", "history.diff", "id", 1L, "v", (long) Limits.VERSION, "from", "v1", "to", "v2",
                "path", "b.c", "verdict", "text", "oldSize", 1L, "newSize", 1L, "entries", List.of(5L), "offset", 0L,
                "total", (long) rows.size(), "rows", rows);
        m.put("change", change);
        return m;
    }

    private static Map<String, Object> changeMap() {
        Map<String, Object> c = map("changeKind", "modified", "oldPath", "a.c", "newPath", "a.c", "oldBlob", "1", "newBlob", "2",
                "added", 1L, "removed", 1L, "verdict", "text");
        return c;
    }

    private static Map<String, Object> row(Object leftText, Object leftSpans) {
        Map<String, Object> r = map("rowKind", "changed", "leftLine", 1L, "rightLine", 1L, "rightText", "b",
                "rightSpans", List.of(), "skipped", 0L);
        r.put("leftText", leftText);
        r.put("leftSpans", leftSpans);
        return r;
    }

    @Test
    void hostileAnswersAreRefusedByTheClient() throws Exception {
        // a well-formed page decodes
        Codec.decodeAnswer(CanonicalJson.write(diffAnswer(List.of(row("a", List.of(List.of(0L, 1L)))), changeMap())));
        assertTrue(answerRefusal(diffAnswer(List.of(row("a".repeat(250_001), List.of())), changeMap())).startsWith(Errors.FIELD),
                "a row's text beyond its limit");
        assertTrue(answerRefusal(diffAnswer(List.of(row("a", List.of(List.of(2L, 1L)))), changeMap())).startsWith(Errors.FIELD),
                "a span that ends before it starts");
        assertTrue(answerRefusal(diffAnswer(List.of(row("a", List.of(List.of(0L, 250_001L)))), changeMap())).startsWith(Errors.FIELD));
        assertTrue(answerRefusal(diffAnswer(List.of(row("a", List.of(List.of(0L)))), changeMap())).startsWith(Errors.FIELD));
        assertTrue(answerRefusal(diffAnswer(List.of(row("a", List.of("0,1"))), changeMap())).startsWith(Errors.FIELD));
        List<Object> manySpans = new ArrayList<>();
        for (int i = 0; i < 4097; i++) {
            manySpans.add(List.of(0L, 0L));
        }
        assertTrue(answerRefusal(diffAnswer(List.of(row("a", manySpans)), changeMap())).startsWith(Errors.FIELD), "too many spans");
        List<Object> manyRows = new ArrayList<>();
        for (int i = 0; i < 2001; i++) {
            manyRows.add(row("a", List.of()));
        }
        assertTrue(answerRefusal(diffAnswer(manyRows, changeMap())).startsWith(Errors.FIELD), "too many rows");
        Map<String, Object> badRow = row("a", List.of());
        badRow.put("rowKind", "deleted");
        assertTrue(answerRefusal(diffAnswer(List.of(badRow), changeMap())).startsWith(Errors.FIELD), "an unknown row kind");
        Map<String, Object> extra = row("a", List.of());
        extra.put("hash", "00");
        assertTrue(answerRefusal(diffAnswer(List.of(extra), changeMap())).contains("unknown member \"hash\""));
        Map<String, Object> noPaths = changeMap();
        noPaths.put("oldPath", null);
        noPaths.put("newPath", null);
        assertTrue(answerRefusal(diffAnswer(List.of(), noPaths)).startsWith(Errors.FIELD), "a change without a path");
        Map<String, Object> badCount = changeMap();
        badCount.put("added", -2L);
        assertTrue(answerRefusal(diffAnswer(List.of(), badCount)).startsWith(Errors.FIELD), "a count below -1");
        Map<String, Object> badVerdict = diffAnswer(List.of(), changeMap());
        badVerdict.put("verdict", "huge");
        assertTrue(answerRefusal(badVerdict).startsWith(Errors.FIELD));
        Map<String, Object> threeEntries = diffAnswer(List.of(), changeMap());
        threeEntries.put("entries", List.of(1L, 2L, 3L));
        assertTrue(answerRefusal(threeEntries).startsWith(Errors.FIELD), "at most two entries (the two versions)");
        Map<String, Object> negativeEntry = diffAnswer(List.of(), changeMap());
        negativeEntry.put("entries", List.of(-1L));
        assertTrue(answerRefusal(negativeEntry).startsWith(Errors.FIELD));
        // history, blame, callers, line counts
        Map<String, Object> commit = map("id", C40, "author", "a".repeat(257), "email", "e", "when", "2026-12-05T10:00:00Z",
                "summary", "s");
        assertTrue(answerRefusal(map("answer", "history.commits", "id", 1L, "v", (long) Limits.VERSION, "ref", "m", "path", "p",
                "entry", 1L, "truncated", false, "offset", 0L, "total", 1L, "commits", List.of(commit))).startsWith(Errors.FIELD),
                "an author beyond its limit");
        Map<String, Object> commitNoId = map("id", "", "author", "a", "email", "e", "when", "w", "summary", "s");
        assertTrue(answerRefusal(map("answer", "history.commits", "id", 1L, "v", (long) Limits.VERSION, "ref", "m", "path", "p",
                "entry", 1L, "truncated", false, "offset", 0L, "total", 1L, "commits", List.of(commitNoId))).startsWith(Errors.FIELD));
        assertTrue(answerRefusal(map("answer", "history.commits", "id", 1L, "v", (long) Limits.VERSION, "ref", "m", "path", "p",
                "entry", 1L, "truncated", false, "offset", 2001L, "total", 1L, "commits", List.of())).startsWith(Errors.FIELD));
        Map<String, Object> line = map("line", 0L, "text", "x", "commit", null, "sourcePath", null);
        assertTrue(answerRefusal(map("answer", "history.blame", "id", 1L, "v", (long) Limits.VERSION, "ref", "m", "path", "p",
                "verdict", "text", "entry", 1L, "offset", 0L, "total", 1L, "commits", List.of(), "lines", List.of(line)))
                .startsWith(Errors.FIELD), "blame lines start at 1");
        assertTrue(answerRefusal(map("answer", "history.blame", "id", 1L, "v", (long) Limits.VERSION, "ref", "m", "path", "p",
                "verdict", "text", "entry", -2L, "offset", 0L, "total", 0L, "commits", List.of(), "lines", List.of()))
                .startsWith(Errors.FIELD));
        Map<String, Object> caller = map("caller", map("path", "a.c", "name", "f", "symbolKind", "function", "line", 1L,
                "column", 1L, "scope", "", "text", "x".repeat(2001)), "path", "a.c", "line", 1L, "column", 1L, "text", "f();");
        assertTrue(answerRefusal(map("answer", "symbols.callers", "id", 1L, "v", (long) Limits.VERSION, "name", "f", "entry", 1L,
                "index", "complete", "callers", List.of(caller))).startsWith(Errors.FIELD), "a definition line beyond its limit");
        Map<String, Object> count = map("path", "a.c", "blob", "b", "lines", -1L);
        assertTrue(answerRefusal(map("answer", "files.lines", "id", 1L, "v", (long) Limits.VERSION, "ref", "m", "offset", 0L,
                "total", 1L, "files", List.of(count))).startsWith(Errors.FIELD), "a negative line count");
        Map<String, Object> withText = map("path", "a.c", "blob", "b", "lines", 1L, "text", "int a;");
        assertTrue(answerRefusal(map("answer", "files.lines", "id", 1L, "v", (long) Limits.VERSION, "ref", "m", "offset", 0L,
                "total", 1L, "files", List.of(withText))).contains("unknown member \"text\""), "counts carry no code");
    }
}
