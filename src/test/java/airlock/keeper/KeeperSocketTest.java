package airlock.keeper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.demo.DemoRoom;
import airlock.keeper.client.KeeperClient;
import airlock.keeper.client.KeeperException;
import airlock.keeper.client.KeeperSourceTree;
import airlock.protocol.Answer;
import airlock.protocol.Errors;
import airlock.protocol.Request;
import airlock.testutil.TestRepository;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole session through the socket: what the workstation will do, and what the log then says. */
class KeeperSocketTest {
    private static final String MAIN = "refs/heads/main";
    @TempDir
    java.nio.file.Path tmp;
    private KeeperFixture keeper;

    @BeforeEach
    void start() throws Exception {
        keeper = KeeperFixture.start(tmp);
    }

    @AfterEach
    void stop() {
        keeper.close();
    }

    private static Request.Content content(String title) {
        return new Request.Content(title, "The loop has no bound.", "high", "medium", 835, List.of("loop"));
    }

    @Test
    void aSessionThroughTheSocketIsRecordedEntryByEntryBeforeEachAnswer() throws Exception {
        String session;
        byte[] expected = Files.readAllBytes(tmp.resolve("repo").resolve(TestRepository.MAIN));
        try (KeeperClient client = keeper.client()) {
            assertEquals("none", client.status().state());
            List<Answer.BundleInfo> bundles = client.bundles();
            assertEquals(1, bundles.size());
            assertEquals(keeper.bundle, bundles.get(0).id());

            KeeperException wrongPin = assertThrows(KeeperException.class,
                    () -> client.startSession("Ada Inspector", "Test Office", "B-7", keeper.bundle, "000000"));
            assertEquals("session.confirmation.refused", wrongPin.code());

            Answer.SessionInfo info = client.startSession("Ada Inspector", "Test Office", "B-7", keeper.bundle, DemoRoom.PIN);
            session = info.id();
            assertEquals(MAIN, info.reviewRef());
            assertEquals("active", client.status().state());

            Answer.FileOpened opened = client.open(MAIN, TestRepository.MAIN);
            assertEquals(expected.length, opened.size());
            assertTrue(opened.blob().matches("[0-9a-f]{40}"), opened.blob());
            // pages of 100 bytes reassemble the file exactly
            java.io.ByteArrayOutputStream pages = new java.io.ByteArrayOutputStream();
            for (long at = 0; ; at += 100) {
                Answer.Page page = client.page(MAIN, TestRepository.MAIN, at, 100);
                pages.write(page.bytes());
                if (page.end()) {
                    break;
                }
            }
            assertArrayEquals(expected, pages.toByteArray());
            // out of order, from the keeper's copy of the paged file: the same bytes
            assertArrayEquals(java.util.Arrays.copyOfRange(expected, 7, 57), client.page(MAIN, TestRepository.MAIN, 7, 50).bytes());
            assertArrayEquals(expected, client.read(MAIN, TestRepository.MAIN, Long.MAX_VALUE));

            Answer.SearchResults found = client.search(new Request.Search("VALUE_", false, false, false, List.of(), List.of(),
                    List.of(), MAIN, 10));
            // the first page leaves as soon as it is found (the entry committed first); counts are final once finished
            assertEquals(10, found.hits().size());
            assertTrue(found.finished() || found.coverage().equals("running"), found.coverage());
            Answer.SearchResults all = client.searchPage(found.search(), 0, 500);
            assertTrue(all.finished());
            assertEquals(found.entry(), all.entry(), "one search, one entry");
            assertEquals(60, all.linesMatched());
            assertEquals(60, all.total());
            assertEquals(60, all.hits().size());
            assertEquals(found.hits(), all.hits().subList(0, 10), "the first page is the start of the finished list");
            Answer.SearchResults more = client.searchPage(found.search(), 55, 10);
            assertTrue(more.finished());
            assertEquals(5, more.hits().size());
            assertEquals("    static final int VALUE_59 = 59;", more.hits().get(4).text());
            assertThrows(KeeperException.class, () -> client.search(new Request.Search("access_(ok", true, false, false,
                    List.of(), List.of(), List.of(), MAIN, 10)));

            Answer.Definitions defs = client.definitions("Hello", 10);
            assertEquals("complete", defs.index());
            assertFalse(defs.definitions().isEmpty(), "the class Hello is defined");
            assertTrue(defs.definitions().get(0).text().contains("class Hello"), defs.definitions().get(0).text());
            Answer.References refs = client.references("VALUE_3", 0, 10);
            assertNotNull(refs);

            Answer.AnnotationSaved note = client.annotate(MAIN, TestRepository.MAIN,
                    List.of(new Request.Range(5, 5, 5, 17)), content("Unbounded loop"));
            assertEquals(opened.blob(), note.blob());
            assertEquals(opened.commit(), note.commit());
            Answer.AnnotationSaved edited = client.editAnnotation(note.id(), content("Unbounded loop, confirmed"));
            assertEquals("Unbounded loop, confirmed", edited.title());
            Answer.Reviewed reviewed = client.markReviewed(MAIN, TestRepository.MAIN, 1, 20);
            assertEquals(opened.blob(), reviewed.blob());

            Answer.SessionEnded ended = client.endSession();
            assertEquals(session, ended.id());
            assertEquals(1, ended.filesOpened());
            assertTrue(ended.finalCheckpoint().contains(session) || !ended.finalCheckpoint().isEmpty());
            assertEquals("none", client.status().state());

            // the answers named the entries that recorded them
            keeper.stopKeeper();
            List<JsonNode> entries = keeper.entries(session);
            JsonNode open = entries.get((int) opened.entry());
            assertEquals("file.opened", open.get("type").asText());
            assertEquals(TestRepository.MAIN, open.get("data").get("path").asText());
            assertEquals(opened.blob(), open.get("data").get("blob").asText());
            JsonNode search = entries.get((int) found.entry());
            assertEquals("search.run", search.get("type").asText());
            // the room keeps search strings: the keeper's entries commit to the query like the workstation's (issue 18)
            assertTrue(search.get("data").get("query").has("commitment"), search.toString());
            assertFalse(search.toString().contains("VALUE_"), search.toString());
            JsonNode def = entries.get((int) defs.entry());
            assertEquals("search.run", def.get("type").asText());
            assertEquals("definitions", def.get("data").get("kind").asText());
            assertEquals("annotation.created", entries.get((int) note.entry()).get("type").asText());
            assertEquals("annotation.edited", entries.get((int) edited.entry()).get("type").asText());
            assertEquals("review.marked", entries.get((int) reviewed.entry()).get("type").asText());
            assertEquals("session.end", entries.get(entries.size() - 1).get("type").asText(), "ended last");
            assertTrue(keeper.verify(session).isValid(), keeper.verify(session).describe());
        }
    }

    @Test
    void findingsAreTriagedAndAnsweredThroughTheKeeperWhichLogsEachChange() throws Exception {
        String session;
        try (KeeperClient client = keeper.client()) {
            Answer early = client.exchange(new Request.SetAnnotationStatus("n-1", "confirmed"));
            assertTrue(early instanceof Answer.Failure f && f.code().equals(Errors.NO_SESSION), String.valueOf(early));
            session = client.startSession("Ada Inspector", "Test Office", null, keeper.bundle, DemoRoom.PIN).id();
            client.open(MAIN, TestRepository.MAIN);
            Answer.AnnotationSaved note = client.annotate(MAIN, TestRepository.MAIN, List.of(new Request.Range(5, 5, 5, 17)),
                    content("Unbounded loop"));
            Answer.AnnotationSaved triaged = client.setAnnotationStatus(note.id(), "confirmed");
            assertEquals("confirmed", triaged.status());
            Answer.AnnotationSaved replied = client.replyToAnnotation(note.id(), "Seen in 2.0 too.");
            assertEquals(note.id(), replied.id());
            KeeperException unknown = assertThrows(KeeperException.class, () -> client.setAnnotationStatus("no-such", "open"));
            assertEquals("annotations.unknown", unknown.code());
            client.endSession();
            keeper.stopKeeper();
            List<JsonNode> entries = keeper.revealed(session);
            JsonNode status = entries.get((int) triaged.entry());
            assertEquals("annotation.status", status.get("type").asText());
            assertEquals("open", status.get("data").get("from").asText());
            assertEquals("confirmed", status.get("data").get("to").asText());
            JsonNode reply = entries.get((int) replied.entry());
            assertEquals("annotation.edited", reply.get("type").asText());
            // the log holds the finding's commitment, not its text (disclosure table); the entry says it is a reply
            assertEquals("reply", reply.get("data").get("change").asText(), reply.toString());
            assertTrue(reply.toString().contains("Seen in 2.0 too."), "the disclosure opens to the reply: " + reply);
            JsonNode raw = keeper.entries(session).get((int) replied.entry());
            assertTrue(raw.get("data").get("annotation").has("commitment"), raw.toString());
            assertFalse(raw.toString().contains("Seen in 2.0 too."), raw.toString());
            assertTrue(keeper.verify(session).isValid(), keeper.verify(session).describe());
        }
    }

    @Test
    void noCodeOutsideASessionNorBeforeTheFileIsOpenedNorWhileLocked() throws Exception {
        try (KeeperClient client = keeper.client()) {
            for (Request r : List.of(new Request.ListFiles(MAIN, 0, 10), new Request.OpenFile(MAIN, TestRepository.MAIN),
                    new Request.ReadPage(MAIN, TestRepository.MAIN, 0, 100),
                    new Request.Search("class", false, false, false, List.of(), List.of(), List.of(), null, 10),
                    new Request.SearchPage(1, 0, 10), new Request.Definitions("Hello", 5), new Request.References("Hello", 0, 5),
                    new Request.MarkReviewed(MAIN, TestRepository.MAIN, 1, 2))) {
                Answer a = client.exchange(r);
                assertTrue(a instanceof Answer.Failure f && f.code().equals(Errors.NO_SESSION), r.op() + " answered " + a);
            }
            client.startSession("Ada Inspector", "Test Office", null, keeper.bundle, DemoRoom.PIN);
            Answer page = client.exchange(new Request.ReadPage(MAIN, TestRepository.MAIN, 0, 100));
            assertTrue(page instanceof Answer.Failure f && f.code().equals(Errors.NOT_OPENED), String.valueOf(page));
            Answer other = client.exchange(new Request.OpenFile("refs/heads/elsewhere", TestRepository.MAIN));
            assertTrue(other instanceof Answer.Failure f && f.code().equals(Errors.NOT_FOUND), String.valueOf(other));

            client.open(MAIN, TestRepository.MAIN);
            keeper.clock.advance(Duration.ofMinutes(DemoRoom.IDLE_LOCK_MINUTES + 1));
            // locked: the entry cannot be written, so no code is served
            for (Request r : List.of(new Request.ReadPage(MAIN, TestRepository.MAIN, 0, 100), new Request.OpenFile(MAIN, "README.md"),
                    new Request.Search("class", false, false, false, List.of(), List.of(), List.of(), null, 10),
                    new Request.Definitions("Hello", 5))) {
                Answer a = client.exchange(r);
                assertTrue(a instanceof Answer.Failure f && f.code().equals("session.locked"), r.op() + " answered " + a);
            }
            assertEquals("locked", client.status().state());
            String id = client.status().session().id();
            client.endSession();
            Answer after = client.exchange(new Request.ReadPage(MAIN, TestRepository.MAIN, 0, 100));
            assertTrue(after instanceof Answer.Failure f && f.code().equals(Errors.NO_SESSION), String.valueOf(after));
            keeper.stopKeeper();
            long opens = keeper.entries(id).stream().filter(e -> e.get("type").asText().equals("file.opened")).count();
            assertEquals(1, opens, "one file opened, one entry; nothing was read while locked");
            assertTrue(keeper.verify(id).isValid());
        }
    }

    @Test
    void theClientCannotChooseAHashATimeOrASequence() throws Exception {
        String id;
        try (KeeperClient client = keeper.client(); RawClient raw = RawClient.connect(keeper.socket)) {
            raw.hello();
            id = client.startSession("Ada Inspector", "Test Office", null, keeper.bundle, DemoRoom.PIN).id();
            for (String extra : List.of("\"hash\":\"00\"", "\"time\":\"1999-01-01T00:00:00Z\"", "\"seq\":0", "\"prev\":\"00\"",
                    "\"signature\":\"AA==\"", "\"blob\":\"0000000000000000000000000000000000000000\"",
                    "\"commit\":\"0000000000000000000000000000000000000000\"", "\"checkpoint\":\"x\"")) {
                String json = "{" + extra + ",\"id\":5,\"op\":\"file.open\",\"path\":\"README.md\",\"ref\":\"refs/heads/main\",\"v\":5}";
                json = canonicalOrder(json);
                Answer a = raw.send(json.getBytes(StandardCharsets.UTF_8));
                assertTrue(a instanceof Answer.Failure f && f.code().equals(Errors.FIELD) && f.message().contains("unknown member"),
                        extra + " answered " + a);
            }
            keeper.clock.advance(Duration.ofSeconds(42));
            Answer.FileOpened opened = client.open(MAIN, "README.md");
            client.endSession();
            keeper.stopKeeper();
            List<JsonNode> entries = keeper.entries(id);
            JsonNode entry = entries.get((int) opened.entry());
            assertEquals("file.opened", entry.get("type").asText());
            assertEquals("2026-12-05T10:00:42", entry.get("time").asText().substring(0, 19), "the keeper's clock, not the client's");
            for (int i = 0; i < entries.size(); i++) {
                assertEquals(i, entries.get(i).get("seq").asLong(), "sequence numbers are the keeper's, without gaps");
            }
            assertEquals(1, entries.stream().filter(e -> e.get("type").asText().equals("file.opened")).count(),
                    "the refused requests wrote nothing");
            assertTrue(keeper.verify(id).isValid());
        }
    }

    /** Members in canonical (sorted) order, as the keeper requires. */
    static String canonicalOrder(String json) throws Exception {
        Object parsed = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Object.class);
        return new String(airlock.core.crypto.CanonicalJson.write(longs(parsed)), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Object longs(Object v) {
        if (v instanceof Integer i) {
            return (long) i;
        }
        if (v instanceof java.util.Map<?, ?> m) {
            java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, x) -> out.put((String) k, longs(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(KeeperSocketTest::longs).toList();
        }
        return v;
    }

    @Test
    void theSourceTreeProxyReadsThroughTheSession() throws Exception {
        try (KeeperClient client = keeper.client()) {
            Answer.SessionInfo info = client.startSession("Ada Inspector", "Test Office", null, keeper.bundle, DemoRoom.PIN);
            KeeperSourceTree tree = new KeeperSourceTree(client, info);
            var entry = tree.find(MAIN, TestRepository.MAIN);
            assertNotNull(entry);
            assertTrue(tree.list(MAIN).stream().anyMatch(e -> e.path().equals(TestRepository.BIDI_NAME)), "names as they are");
            assertArrayEquals(Files.readAllBytes(tmp.resolve("repo").resolve(TestRepository.MAIN)), tree.read(entry, Long.MAX_VALUE));
            assertEquals(tree.blobOf(MAIN, TestRepository.MAIN), client.open(MAIN, TestRepository.MAIN).blob());
            assertEquals(5, tree.readRange(entry, 0, 5).length);
            client.endSession();
        }
    }

    @Test
    void aSessionLeftOpenIsResumedWhenTheKeeperStartsAgain() throws Exception {
        String id;
        try (KeeperClient client = keeper.client()) {
            id = client.startSession("Ada Inspector", "Test Office", null, keeper.bundle, DemoRoom.PIN).id();
            client.open(MAIN, "README.md");
        }
        keeper.stopKeeper();
        keeper.startKeeper();
        try (KeeperClient client = keeper.client()) {
            Answer.Status status = client.status();
            assertEquals("active", status.state());
            assertEquals(id, status.session().id());
            client.endSession();
        }
        keeper.stopKeeper();
        assertTrue(keeper.entries(id).stream().anyMatch(e -> e.get("type").asText().equals("recovery")), "the restart is in the log");
        assertTrue(keeper.verify(id).isValid());
    }

    @Test
    void theSocketFileIsTheKeepersAndOwnerOnly() throws Exception {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(keeper.socket);
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), perms);
    }
}
