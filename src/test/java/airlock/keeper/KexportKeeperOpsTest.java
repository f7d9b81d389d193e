package airlock.keeper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.annotate.Fingerprints;
import airlock.core.demo.DemoRoom;
import airlock.core.media.WrittenFile;
import airlock.core.policy.PinHash;
import airlock.core.policy.RoomPolicy;
import airlock.core.policy.SupervisorConfirmation;
import airlock.core.progress.ProgressMonitor;
import airlock.keeper.client.KeeperClient;
import airlock.keeper.client.KeeperException;
import airlock.keeper.client.KeeperFindingsTransfer;
import airlock.protocol.Answer;
import airlock.protocol.Request;
import airlock.testutil.TestRepository;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, kexport, through a real socket: the keeper renders an export of the session's findings
 * under its room policy, the workstation writes and reads back the files and reports them, and the
 * keeper records only a report that is exactly its own files; an import is the file's bytes, parsed
 * by the keeper as hostile input, its findings written before it answers. Entries in order; the log
 * verifies.
 */
class KexportKeeperOpsTest {
    private static final String MAIN = "refs/heads/main";
    @TempDir
    Path tmp;
    private KeeperFixture keeper;

    @AfterEach
    void stop() {
        if (keeper != null) {
            keeper.close();
        }
    }

    private static List<String> types(List<JsonNode> entries, List<String> wanted) {
        return entries.stream().map(e -> e.get("type").asText()).filter(wanted::contains).toList();
    }

    @Test
    void anExportIsWrittenByTheWorkstationAndRecordedByTheKeeperOnlyWhenTheReportIsExactlyItsFiles() throws Exception {
        keeper = KeeperFixture.start(tmp);
        Path stick = Files.createDirectories(tmp.resolve("stick"));
        String session;
        List<WrittenFile> written;
        try (KeeperClient client = keeper.client()) {
            assertEquals("session.none", assertThrows(KeeperException.class,
                    () -> client.call(new Request.FindingsExport(List.of("json")), Answer.FindingsExport.class)).code());
            session = client.startSession("Ada Inspector", "Test Office", null, keeper.bundle, DemoRoom.PIN).id();
            client.open(MAIN, TestRepository.MAIN);
            client.annotate(MAIN, TestRepository.MAIN, List.of(new Request.Range(5, 5, 5, 17)),
                    new Request.Content("Unbounded loop", "No bound.", "high", "medium", 835, List.of("loop")));

            // a foreign report: another hash, a file left out, a file never rendered — nothing recorded
            Answer.FindingsExport rendered = client.call(new Request.FindingsExport(List.of("json", "md")), Answer.FindingsExport.class);
            assertEquals(2, rendered.files().size());
            Answer.ExportFileInfo json = rendered.files().get(0);
            Answer.ExportFileInfo md = rendered.files().get(1);
            assertEquals("json", json.format());
            List<List<Request.WrittenFile>> foreign = List.of(
                    List.of(new Request.WrittenFile(json.name(), json.size(), "0".repeat(64)),
                            new Request.WrittenFile(md.name(), md.size(), md.sha256())),
                    List.of(new Request.WrittenFile(json.name(), json.size(), json.sha256())),
                    List.of(new Request.WrittenFile(json.name(), json.size() + 1, json.sha256()),
                            new Request.WrittenFile(md.name(), md.size(), md.sha256())),
                    List.of(new Request.WrittenFile(json.name(), json.size(), json.sha256()),
                            new Request.WrittenFile("session-x.log", md.size(), md.sha256())));
            for (List<Request.WrittenFile> report : foreign) {
                assertEquals("findings.export.mismatch", assertThrows(KeeperException.class,
                        () -> client.call(new Request.FindingsExported(report), Answer.Recorded.class)).code());
            }
            assertEquals("findings.file.unknown", assertThrows(KeeperException.class,
                    () -> client.call(new Request.FindingsFile("../home/workstation.key", 0, 10), Answer.FindingsFileData.class)).code());
            long before = client.status().entries();
            assertEquals(before, client.status().entries(), "nothing recorded for foreign reports");

            // another export rendered while this one is written (a second connection): the report is no longer the keeper's
            // export, nothing is recorded and the files of the attempt are removed from the stick
            Path other = Files.createDirectories(tmp.resolve("other-stick"));
            try (KeeperClient second = keeper.client()) {
                ProgressMonitor interleaved = new ProgressMonitor() {
                    boolean done;

                    @Override
                    public void beginTask(String title, long totalWork) {
                    }

                    @Override
                    public void update(long completed) {
                        if (!done) {
                            done = true;
                            try {
                                second.call(new Request.FindingsExport(List.of("md")), Answer.FindingsExport.class);
                            } catch (KeeperException e) {
                                throw new AssertionError(e);
                            }
                        }
                    }

                    @Override
                    public void endTask() {
                    }

                    @Override
                    public boolean isCancelled() {
                        return false;
                    }
                };
                assertEquals("findings.export.mismatch", assertThrows(KeeperException.class, () -> new KeeperFindingsTransfer(client)
                        .export(List.of("json", "sarif"), other, interleaved)).code());
            }
            try (var left = Files.list(other)) {
                assertEquals(List.of(), left.toList(), "the attempt's files are removed");
            }
            assertEquals(before, client.status().entries(), "nothing recorded for the interleaved export");

            written = new KeeperFindingsTransfer(client).export(List.of("json", "sarif", "html", "md"), stick, ProgressMonitor.NONE);
            assertEquals(4, written.size());
            for (WrittenFile w : written) {
                byte[] onStick = Files.readAllBytes(w.path());
                assertEquals(w.sha256(), Fingerprints.sha256(onStick), w.path().toString());
                assertEquals(stick, w.path().getParent());
            }
            // the same report again is not the export under way any more (recorded once)
            List<Request.WrittenFile> replay = written.stream()
                    .map(w -> new Request.WrittenFile(w.path().getFileName().toString(), w.size(), w.sha256())).toList();
            assertEquals("findings.export.mismatch", assertThrows(KeeperException.class,
                    () -> client.call(new Request.FindingsExported(replay), Answer.Recorded.class)).code());
            client.endSession();
        }
        keeper.stopKeeper();
        List<JsonNode> entries = keeper.entries(session);
        List<JsonNode> exports = entries.stream().filter(e -> e.get("type").asText().equals("export.written")).toList();
        assertEquals(4, exports.size(), "one entry per file, only for the reported export");
        for (int i = 0; i < 4; i++) {
            JsonNode d = exports.get(i).get("data");
            assertEquals(written.get(i).path().getFileName().toString(), d.get("file").asText());
            assertEquals(written.get(i).sha256(), d.get("sha256").asText());
            assertEquals(written.get(i).size(), d.get("size").asLong());
            assertEquals(1, d.get("annotations").asInt());
            assertFalse(d.get("snippetsAllowed").asBoolean(), "the room policy's rules, as in process");
        }
        assertEquals(List.of("json", "sarif", "html", "md"), exports.stream().map(e -> e.get("data").get("format").asText()).toList());
        assertEquals(List.of("file.opened", "annotation.created", "export.written", "export.written", "export.written",
                "export.written"), types(entries, List.of("file.opened", "annotation.created", "export.written")));
        String md = Files.readString(stick.resolve(written.get(3).path().getFileName()), StandardCharsets.UTF_8);
        assertFalse(md.contains("while"), "no code in the report under a policy without snippets");
        assertTrue(keeper.verify(session).isValid());
    }

    @Test
    void aPolicyThatKeepsFindingsInTheRoomRefusesTheExportThroughTheKeeperAsInProcess() throws Exception {
        RoomPolicy strict = RoomPolicy.strictest();
        keeper = KeeperFixture.startWithPolicy(tmp, new RoomPolicy("Room 6", new RoomPolicy.ExportRules(false, false, 0, 0, 0, false,
                List.of()), false, 10, false, strict.maxSessionMinutes(),
                SupervisorConfirmation.pin(PinHash.of(DemoRoom.PIN.toCharArray(), new SecureRandom()))));
        String session;
        try (KeeperClient client = keeper.client()) {
            session = client.startSession("Ada Inspector", "Test Office", null, keeper.bundle, DemoRoom.PIN).id();
            KeeperException e = assertThrows(KeeperException.class, () -> new KeeperFindingsTransfer(client)
                    .export(List.of("json"), Files.createDirectories(tmp.resolve("stick")), ProgressMonitor.NONE));
            assertEquals("annotations.export.forbidden", e.code());
            assertEquals(0, Files.list(tmp.resolve("stick")).count(), "nothing on the stick");
            client.endSession();
        }
        keeper.stopKeeper();
        assertTrue(types(keeper.entries(session), List.of("export.written")).isEmpty());
        assertTrue(keeper.verify(session).isValid());
    }

    @Test
    void anImportIsParsedByTheKeeperAsHostileInputAndItsFindingsWrittenBeforeItAnswers() throws Exception {
        keeper = KeeperFixture.start(tmp);
        Path stick = Files.createDirectories(tmp.resolve("stick"));
        String first;
        String second;
        Path exported;
        try (KeeperClient client = keeper.client()) {
            first = client.startSession("Ada Inspector", "Test Office", null, keeper.bundle, DemoRoom.PIN).id();
            client.open(MAIN, TestRepository.MAIN);
            client.annotate(MAIN, TestRepository.MAIN, List.of(new Request.Range(5, 5, 5, 17)),
                    new Request.Content("Unbounded loop", "No bound.", "high", "medium", 835, List.of("loop")));
            client.annotate(MAIN, TestRepository.MAIN, List.of(new Request.Range(3, 1, 3, 4)),
                    new Request.Content("Second", "", "low", "low", null, List.of()));
            exported = new KeeperFindingsTransfer(client).export(List.of("json"), stick, ProgressMonitor.NONE).get(0).path();
            // an import begun in this session is unknown in the next one
            long stale = client.call(new Request.FindingsImportBegin("a.json", 10), Answer.FindingsImportProgress.class).upload();
            client.endSession();
            assertEquals("session.none", assertThrows(KeeperException.class,
                    () -> client.call(new Request.FindingsImportBegin("a.json", 10), Answer.FindingsImportProgress.class)).code());

            second = client.startSession("Ada Inspector", "Test Office", null, keeper.bundle, DemoRoom.PIN).id();
            assertEquals("findings.import.unknown", assertThrows(KeeperException.class, () -> client.call(
                    new Request.FindingsImportChunk(stale, 0, new byte[] {'{'}), Answer.FindingsImportProgress.class)).code());
            KeeperFindingsTransfer transfer = new KeeperFindingsTransfer(client);
            byte[] good = Files.readAllBytes(exported);
            long entries = client.status().entries();

            // hostile files: each refused with one line, nothing written
            Path truncated = Files.write(tmp.resolve("truncated.json"), Arrays.copyOf(good, good.length / 2));
            Path duplicate = Files.write(tmp.resolve("duplicate.json"), new String(good, StandardCharsets.UTF_8)
                    .replaceFirst("\\{", "{\"format\":1,\"format\":2,").getBytes(StandardCharsets.UTF_8));
            Path notJson = Files.write(tmp.resolve("binary.json"), new byte[] {0, (byte) 0xff, 0x7f, '\n'});
            for (Path bad : List.of(truncated, duplicate, notJson)) {
                KeeperException e = assertThrows(KeeperException.class, () -> transfer.importFile(bad, ProgressMonitor.NONE),
                        bad.toString());
                assertEquals("annotations.import.invalid", e.code(), bad + ": " + e.getMessage());
                assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
            }
            // oversized: the workstation does not send it (a sparse file past the importer's 256 MiB), the protocol cannot
            // carry a larger size, and the keeper refuses bytes past the size announced
            Path huge = tmp.resolve("huge.json");
            try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
                f.setLength((256L << 20) + 1);
            }
            assertEquals("annotations.import.invalid", assertThrows(KeeperException.class,
                    () -> transfer.importFile(huge, ProgressMonitor.NONE)).code());
            Files.delete(huge);
            Path link = Files.createSymbolicLink(tmp.resolve("link.json"), exported);
            assertEquals("annotations.import.read", assertThrows(KeeperException.class,
                    () -> transfer.importFile(link, ProgressMonitor.NONE)).code(), "a link on the stick is not followed");
            assertThrows(IllegalArgumentException.class, () -> new Request.FindingsImportBegin("big.json", (256L << 20) + 1));
            long n = client.call(new Request.FindingsImportBegin("a.json", 3), Answer.FindingsImportProgress.class).upload();
            assertEquals("findings.import.order", assertThrows(KeeperException.class, () -> client.call(
                    new Request.FindingsImportChunk(n, 1, new byte[] {'{'}), Answer.FindingsImportProgress.class)).code());
            assertEquals("findings.import.size", assertThrows(KeeperException.class, () -> client.call(
                    new Request.FindingsImportChunk(n, 0, new byte[] {'{', '}', ' ', ' '}), Answer.FindingsImportProgress.class)).code());
            assertEquals("findings.import.unknown", assertThrows(KeeperException.class, () -> client.call(
                    new Request.FindingsImportFinish(n), Answer.FindingsImported.class)).code(), "a refused chunk discards the import");
            long m = client.call(new Request.FindingsImportBegin("a.json", 3), Answer.FindingsImportProgress.class).upload();
            client.call(new Request.FindingsImportChunk(m, 0, new byte[] {'{'}), Answer.FindingsImportProgress.class);
            assertEquals("findings.import.incomplete", assertThrows(KeeperException.class, () -> client.call(
                    new Request.FindingsImportFinish(m), Answer.FindingsImported.class)).code());
            // cancelled (findings.import.cancel): discarded at once, answered with how far it had got; after it
            // nothing of that import is taken, and cancelling it again or another number is unknown
            long c = client.call(new Request.FindingsImportBegin("a.json", 3), Answer.FindingsImportProgress.class).upload();
            assertEquals(m + 1, c, "the keeper numbers imports in turn");
            client.call(new Request.FindingsImportChunk(c, 0, new byte[] {'{'}), Answer.FindingsImportProgress.class);
            Answer.FindingsImportProgress cancelled = client.call(new Request.FindingsImportCancel(c),
                    Answer.FindingsImportProgress.class);
            assertEquals(new Answer.FindingsImportProgress(c, 1, 3), cancelled);
            assertEquals("findings.import.unknown", assertThrows(KeeperException.class, () -> client.call(
                    new Request.FindingsImportChunk(c, 1, new byte[] {'}'}), Answer.FindingsImportProgress.class)).code());
            assertEquals("findings.import.unknown", assertThrows(KeeperException.class, () -> client.call(
                    new Request.FindingsImportFinish(c), Answer.FindingsImported.class)).code());
            assertEquals("findings.import.unknown", assertThrows(KeeperException.class, () -> client.call(
                    new Request.FindingsImportCancel(c), Answer.FindingsImportProgress.class)).code());
            assertEquals("findings.import.unknown", assertThrows(KeeperException.class, () -> client.call(
                    new Request.FindingsImportCancel(c + 1), Answer.FindingsImportProgress.class)).code());
            // the workstation cancels the keeper's copy when the inspector cancels the transfer
            ProgressMonitor cancelling = ProgressMonitor.cancelledWhen(() -> true);
            assertThrows(airlock.core.progress.CancelledException.class, () -> transfer.importFile(exported, cancelling));
            // its import was number c + 1 (the keeper numbers imports in turn): already discarded by the workstation
            assertEquals("findings.import.unknown", assertThrows(KeeperException.class, () -> client.call(
                    new Request.FindingsImportCancel(c + 1), Answer.FindingsImportProgress.class)).code(),
                    "the cancelled transfer's import was discarded by the workstation's cancel");
            long after = client.call(new Request.FindingsImportBegin("a.json", 3), Answer.FindingsImportProgress.class).upload();
            assertEquals(c + 2, after);
            client.call(new Request.FindingsImportCancel(after), Answer.FindingsImportProgress.class);
            assertEquals(entries, client.status().entries(), "no hostile file wrote an entry");

            KeeperFindingsTransfer.Imported imported = transfer.importFile(exported, ProgressMonitor.NONE);
            assertEquals(2, imported.added());
            assertEquals(client.status().entries() - 1, imported.entry(), "answered after its last entry");
            assertEquals(2, client.findings("annotations", 0, 8).total());
            // the same file twice is two imports, as in process (fresh ids)
            assertEquals(2, transfer.importFile(exported, ProgressMonitor.NONE).added());
            assertEquals(4, client.findings("annotations", 0, 8).total());
            client.endSession();
        }
        keeper.stopKeeper();
        List<JsonNode> created = keeper.entries(second).stream().filter(e -> e.get("type").asText().equals("annotation.created"))
                .toList();
        assertEquals(4, created.size());
        assertEquals(List.of("high", "low", "high", "low"),
                created.stream().map(e -> e.get("data").get("severity").asText()).toList(), "in the file's order");
        for (JsonNode e : created) {
            assertEquals("import", e.get("data").get("change").asText());
            assertEquals(first, e.get("data").get("importedFrom").asText());
        }
        assertTrue(keeper.verify(first).isValid());
        assertTrue(keeper.verify(second).isValid());
        assertArrayEquals(Files.readAllBytes(exported), Files.readAllBytes(stick.resolve(exported.getFileName())));
    }
}
