package airlock.keeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.annotate.CoverageCalculator.FileLines;
import airlock.core.demo.DemoRoom;
import airlock.core.history.Blame;
import airlock.core.history.ChangeKind;
import airlock.core.history.DiffVerdict;
import airlock.core.history.FileChange;
import airlock.core.history.FileDiff;
import airlock.core.history.FileHistory;
import airlock.core.history.RowKind;
import airlock.core.history.Versions;
import airlock.core.progress.ProgressMonitor;
import airlock.core.search.FileMatches;
import airlock.core.search.SearchQuery;
import airlock.core.symbols.CallSite;
import airlock.keeper.client.KeeperClient;
import airlock.keeper.client.KeeperCodeSearch;
import airlock.keeper.client.KeeperLineCounts;
import airlock.keeper.client.KeeperSymbols;
import airlock.keeper.client.KeeperVersions;
import airlock.protocol.Answer;
import airlock.protocol.Errors;
import airlock.protocol.Limits;
import airlock.protocol.Request;
import airlock.testutil.TestRepository;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 (kread): compare, diffs, commit diffs, history, blame, callers, the changed-lines search
 * and the tree's line counts through a real socket. Each answer that carries a line of code names the
 * entry the keeper committed first (a diff's two {@code file.opened} entries, view {@code diff}; blame's,
 * view {@code blame}; a history's, callers' or search's {@code search.run}); compare and line counts
 * carry no code and write nothing; outside a session or while locked every op is refused and writes
 * nothing; the log verifies. A diff of about 1.8 MB (3,000 changed lines) arrives in pages, each
 * within the frame limit.
 */
class KeeperHistoryOpsTest {
    static final String BIG = "big.txt";
    static final int BIG_LINES = 3000;
    @TempDir
    Path tmp;
    private KeeperFixture keeper;

    /** After the test repository's tags: a commit adding big.txt (tagged v2.0), then one changing each of its lines. */
    static void bigFileHistory(Path repo) throws Exception {
        try (Git git = Git.open(repo.toFile())) {
            PersonIdent who = new PersonIdent("Vendor Dev", "dev@vendor.example", java.time.Instant.ofEpochSecond(1_700_000_200L),
                    java.time.ZoneOffset.UTC);
            Files.writeString(repo.resolve(BIG), lines("old"), StandardCharsets.UTF_8);
            git.add().addFilepattern(".").call();
            git.commit().setMessage("add big").setAuthor(who).setCommitter(who).setSign(false).call();
            git.tag().setName("v2.0").setAnnotated(false).call();
            Files.writeString(repo.resolve(BIG), lines("new"), StandardCharsets.UTF_8);
            git.add().addFilepattern(".").call();
            git.commit().setMessage("change big").setAuthor(who).setCommitter(who).setSign(false).call();
        }
    }

    private static String lines(String word) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < BIG_LINES; i++) {
            out.append(word).append(' ').append(i).append(' ').append("x".repeat(580)).append('\n');
        }
        return out.toString();
    }

    @BeforeEach
    void start() throws Exception {
        keeper = KeeperFixture.start(tmp, KeeperHistoryOpsTest::bigFileHistory);
    }

    @AfterEach
    void stop() {
        keeper.close();
    }

    private static String earlier(Answer.SessionInfo info) {
        return info.refs().stream().filter(r -> !r.equals(info.reviewRef())).findFirst().orElseThrow();
    }

    @Test
    void everyReadIsCommittedBeforeItsAnswerAndTheLogVerifies() throws Exception {
        String id;
        List<Long> diffEntries;
        long historyEntry;
        long blameEntry;
        try (KeeperClient client = keeper.client()) {
            Answer.SessionInfo info = client.startSession("Ada Inspector", "Test Office", null, keeper.bundle, DemoRoom.PIN);
            id = info.id();
            String review = info.reviewRef();
            String base = earlier(info);
            Versions versions = new KeeperVersions(client);

            long before = client.status().entries();
            List<FileChange> changes = versions.changes(base, review, ProgressMonitor.NONE);
            FileChange big = changes.stream().filter(c -> c.path().equals(BIG)).findFirst().orElseThrow();
            assertEquals(ChangeKind.MODIFIED, big.kind());
            assertEquals(BIG_LINES, big.linesAdded());
            assertEquals(before, client.status().entries(), "the changed files' names and counts are not a read");

            // the diff, page by page: the two versions recorded before the first row, once
            Answer.DiffPage first = client.diff(base, review, BIG, 0, Limits.MAX_DIFF_ROWS);
            assertEquals(List.of(before, before + 1), first.entries(), "both versions' entries, committed before any row");
            assertEquals(before + 2, client.status().entries());
            assertTrue(first.rows().size() < first.total(), "a 1.8 MB diff does not fit one answer: " + first.rows().size());
            assertTrue(airlock.protocol.Codec.encode(1, first).length <= Limits.MAX_ANSWER_FRAME);
            FileDiff diff = versions.diff(base, review, big);
            assertEquals(DiffVerdict.TEXT, diff.verdict());
            assertEquals(BIG_LINES, diff.rows().stream().filter(r -> r.kind() == RowKind.CHANGED).count());
            assertTrue(diff.rows().get(0).rightText().startsWith("new 0 "), diff.rows().get(0).toString());
            assertEquals(before + 2, client.status().entries(), "later pages of a recorded diff write nothing more");
            diffEntries = first.entries();

            // history of README.md (two commits), then what each commit did to it
            long h = client.status().entries();
            FileHistory history = versions.history(review, "README.md", 2000, ProgressMonitor.NONE);
            assertEquals(List.of("second", "first"), history.commits().stream().map(c -> c.summary()).toList());
            assertEquals(h + 1, client.status().entries(), "one search.run for the history");
            historyEntry = h;
            Versions.CommitDiff second = versions.commitDiff(history.commits().get(0).id(), "README.md");
            assertEquals(history.commits().get(1).id(), second.parent());
            assertTrue(second.diff().rows().stream().anyMatch(r -> "A small project for tests, version 1.1.".equals(r.rightText())),
                    second.diff().rows().toString());
            assertEquals(h + 3, client.status().entries(), "the parent's and the commit's versions");
            Versions.CommitDiff root = versions.commitDiff(history.commits().get(1).id(), "README.md");
            assertNull(root.parent(), "a root commit has no parent");
            assertEquals(h + 4, client.status().entries(), "only the commit's version exists");
            assertNull(versions.commitDiff(history.commits().get(0).id(), TestRepository.MAIN), "the commit did not change it");
            assertEquals(h + 4, client.status().entries(), "nothing shown, nothing written");

            // blame
            long b = client.status().entries();
            Blame blame = versions.blame(review, "README.md", ProgressMonitor.NONE);
            assertEquals(DiffVerdict.TEXT, blame.verdict());
            assertEquals("A small project for tests, version 1.1.", blame.lines().get(2).text());
            assertEquals("second", blame.lines().get(2).commit().summary());
            assertEquals(b + 1, client.status().entries());
            blameEntry = b;
            Blame binary = versions.blame(review, "data.bin", ProgressMonitor.NONE);
            assertEquals(DiffVerdict.BINARY, binary.verdict());
            assertEquals(b + 1, client.status().entries(), "no blame shown of a binary file: nothing written");

            // callers: a search.run before the call lines
            long c = client.status().entries();
            Answer.Callers callers = client.callers("println", 10);
            assertEquals(c, callers.entry());
            assertTrue(callers.callers().stream().anyMatch(x -> x.caller().name().equals("main") && x.text().contains("println")),
                    callers.toString());
            List<CallSite> sites = new KeeperSymbols(client).callers("println", 10);
            assertEquals("main", sites.get(0).caller().name());
            assertEquals(c + 2, client.status().entries());

            // line counts: counts only, nothing written
            long l = client.status().entries();
            List<FileLines> counts = new KeeperLineCounts(client).of(null, review, ProgressMonitor.NONE);
            assertEquals(3, counts.stream().filter(f -> f.path().equals("README.md")).findFirst().orElseThrow().lines());
            assertEquals(BIG_LINES, counts.stream().filter(f -> f.path().equals(BIG)).findFirst().orElseThrow().lines());
            assertEquals(l, client.status().entries());

            // the changed-lines search: only big.txt changed from the base, so README's "Demo" is not found
            long s = client.status().entries();
            List<FileMatches> found = new ArrayList<>();
            new KeeperCodeSearch(client).searchDiff(null, base, new SearchQuery("new 29", false, false, false, List.of(), List.of(),
                    Set.of(), review), found::add, ProgressMonitor.NONE);
            assertTrue(found.stream().allMatch(f -> f.path().equals(BIG)) && !found.isEmpty(), found.toString());
            List<FileMatches> none = new ArrayList<>();
            new KeeperCodeSearch(client).searchDiff(null, base, new SearchQuery("Demo", false, false, false, List.of(), List.of(),
                    Set.of(), review), none::add, ProgressMonitor.NONE);
            assertEquals(List.of(), none, "README did not change from the base");
            assertEquals(s + 2, client.status().entries());
            client.endSession();
        }
        keeper.stopKeeper();
        List<JsonNode> entries = keeper.revealed(id);
        JsonNode oldSide = entries.get(diffEntries.get(0).intValue());
        JsonNode newSide = entries.get(diffEntries.get(1).intValue());
        assertEquals("file.opened", oldSide.get("type").asText());
        assertEquals("diff", oldSide.get("data").get("view").asText());
        assertEquals(BIG, oldSide.get("data").get("path").asText());
        assertEquals(BIG, newSide.get("data").get("path").asText());
        assertFalse(oldSide.get("data").get("blob").asText().equals(newSide.get("data").get("blob").asText()), "two versions");
        JsonNode history = entries.get((int) historyEntry);
        assertEquals("search.run", history.get("type").asText());
        assertEquals("history", history.get("data").get("kind").asText());
        assertEquals("README.md", history.get("data").get("query").asText());
        JsonNode blame = entries.get((int) blameEntry);
        assertEquals("blame", blame.get("data").get("view").asText());
        assertTrue(entries.stream().anyMatch(e -> e.get("type").asText().equals("search.run")
                && e.get("data").path("kind").asText().equals("callers")));
        assertTrue(entries.stream().anyMatch(e -> e.get("type").asText().equals("search.run")
                && e.get("data").path("diffFrom").isTextual()), "the changed-lines search names its base");
        assertTrue(keeper.verify(id).isValid());
    }

    @Test
    void outsideASessionOrWhileLockedEachIsRefusedAndNothingIsWritten() throws Exception {
        try (KeeperClient client = keeper.client()) {
            List<Request> ops = List.of(new Request.Compare("a", "b", 0, 10), new Request.Diff("a", "b", "README.md", 0, 10),
                    new Request.Diff(null, "b", "README.md", 0, 10), new Request.History("README.md", 0, 10),
                    new Request.BlameFile("README.md", 0, 10), new Request.Callers("println", 10),
                    new Request.LineCounts("b", 0, 10), new Request.Search("x", false, false, false, List.of(), List.of(),
                            List.of(), "b", 10, "a"));
            for (Request r : ops) {
                Answer a = client.exchange(r);
                assertTrue(a instanceof Answer.Failure f && f.code().equals(Errors.NO_SESSION), r.op() + ": " + a);
            }
            Answer.SessionInfo info = client.startSession("Ada Inspector", "Test Office", null, keeper.bundle, DemoRoom.PIN);
            String review = info.reviewRef();
            String base = earlier(info);
            client.call(new Request.LockSession(), Answer.Status.class);
            long locked = client.status().entries();
            List<Request> inSession = List.of(new Request.Compare(base, review, 0, 10), new Request.Diff(base, review, BIG, 0, 10),
                    new Request.History("README.md", 0, 10), new Request.BlameFile("README.md", 0, 10),
                    new Request.Callers("println", 10), new Request.LineCounts(review, 0, 10));
            for (Request r : inSession) {
                Answer a = client.exchange(r);
                assertTrue(a instanceof Answer.Failure f && f.code().equals("session.locked"), r.op() + ": " + a);
            }
            assertEquals(locked, client.status().entries(), "nothing written for refused reads");
            client.call(new Request.UnlockSession(DemoRoom.PIN), Answer.Status.class);
            // a version the bundle does not have, or a path that did not change: refused, nothing written
            long now = client.status().entries();
            Answer unknownRef = client.exchange(new Request.Diff("refs/tags/nope", review, BIG, 0, 10));
            assertTrue(unknownRef instanceof Answer.Failure f && f.code().equals(Errors.NOT_FOUND), unknownRef.toString());
            Answer unknownCommit = client.exchange(new Request.Diff(null, "f".repeat(40), BIG, 0, 10));
            assertTrue(unknownCommit instanceof Answer.Failure f && f.code().equals(Errors.NOT_FOUND), unknownCommit.toString());
            Answer unchanged = client.exchange(new Request.Diff(base, review, "README.md", 0, 10));
            assertTrue(unchanged instanceof Answer.Failure f && f.code().equals(Errors.NOT_FOUND), unchanged.toString());
            assertEquals(now, client.status().entries());
            assertNotNull(client.endSession());
        }
    }
}
