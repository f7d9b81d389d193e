package airlock.keeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.crypto.Ed25519;
import airlock.core.demo.DemoRoom;
import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import airlock.core.log.LogExport;
import airlock.core.policy.SupervisorAction;
import airlock.core.policy.SupervisorDecision;
import airlock.core.policy.Violation;
import airlock.core.progress.ProgressMonitor;
import airlock.core.seal.OutgoingFile;
import airlock.core.seal.SupervisorReview;
import airlock.core.trust.TrustStore;
import airlock.keeper.client.KeeperClient;
import airlock.keeper.client.KeeperException;
import airlock.keeper.client.KeeperFindingsTransfer;
import airlock.keeper.client.KeeperSealDesk;
import airlock.protocol.Answer;
import airlock.protocol.Request;
import airlock.testutil.TestRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A previous session's findings imported through the keeper's socket with the check against its
 * sealed log (protocol version 5): the session sealed and written to a stick, its annotations file
 * imported in the next session with its log and seal attached, the keeper verifying the log with its
 * own pinned keys and matching the export before any entry; a changed log, a seal without its log
 * and a part attached twice are refused with nothing imported; the log still verifies.
 */
class KeeperImportLogTest {
    private static final String MAIN = "refs/heads/main";
    private static final char[] PASS = "sam's passphrase".toCharArray();
    @TempDir
    Path tmp;
    private KeeperFixture keeper;
    private Path keyFile;

    @BeforeEach
    void start() throws Exception {
        keeper = KeeperFixture.start(tmp);
        keeper.stopKeeper();
        KeyPair supervisor = Ed25519.generate();
        new TrustStore(AirlockHome.open(keeper.homeDir)).add(TrustPurpose.SUPERVISOR, supervisor.getPublic(), "Sam Supervisor");
        keyFile = Files.createDirectories(tmp.resolve("sam-stick")).resolve("supervisor.key");
        Files.writeString(keyFile, Ed25519.privatePem(supervisor.getPrivate(), PASS), StandardCharsets.US_ASCII);
        keeper.startKeeper();
    }

    @AfterEach
    void stop() {
        keeper.close();
    }

    @Test
    void anExportIsImportedWithItsSealedLogCheckedByTheKeeper() throws Exception {
        Path stick = Files.createDirectories(tmp.resolve("stick"));
        try (KeeperClient client = keeper.client()) {
            String first = client.startSession("Ada Inspector", "Test Office", null, keeper.bundle, DemoRoom.PIN).id();
            client.open(MAIN, TestRepository.MAIN);
            client.annotate(MAIN, TestRepository.MAIN, List.of(new Request.Range(5, 5, 5, 17)),
                    new Request.Content("Unbounded loop", "No bound.", "high", "medium", 835, List.of("loop")));
            client.endSession();
            SupervisorReview review = new KeeperSealDesk(client).open(first);
            for (Violation v : review.unresolved()) {
                SupervisorAction action = v.kind().allowedActions().contains(SupervisorAction.OVERRIDE) ? SupervisorAction.OVERRIDE
                        : v.kind().allowedActions().iterator().next();
                review.decide(new SupervisorDecision(v, action, "Sam Supervisor", "checked with the vendor"));
            }
            review.seal(keyFile, PASS.clone(), ProgressMonitor.NONE);
            review.write(stick, ProgressMonitor.NONE);
            String stem = LogExport.stem(first);
            Path log = stick.resolve(stem + ".log");
            Path seal = stick.resolve(stem + ".seal");
            Path export = stick.resolve(review.files().stream().filter(f -> f.kind() == OutgoingFile.Kind.ANNOTATIONS_JSON)
                    .findFirst().orElseThrow().name());

            String second = client.startSession("Bo Inspector", "Test Office", null, keeper.bundle, DemoRoom.PIN).id();
            KeeperFindingsTransfer transfer = new KeeperFindingsTransfer(client);
            long before = client.status().entries();

            // a changed log does not verify against the keeper's pinned keys: nothing imported
            Path bad = Files.createDirectories(tmp.resolve("bad"));
            String text = Files.readString(log, StandardCharsets.UTF_8);
            Files.writeString(bad.resolve(stem + ".log"), text.replaceFirst("Ada Inspector", "Eve Inspector"), StandardCharsets.UTF_8);
            Files.copy(seal, bad.resolve(stem + ".seal"));
            assertEquals("annotations.import.log", assertThrows(KeeperException.class, () -> transfer.importFile(export,
                    bad.resolve(stem + ".log"), bad.resolve(stem + ".seal"), ProgressMonitor.NONE)).code());
            // a seal without its log, and a part attached twice, over the bare ops
            long upload = client.call(new Request.FindingsImportBegin("a.json", Files.size(export)), Answer.FindingsImportProgress.class)
                    .upload();
            client.call(new Request.FindingsImportChunk(upload, 0, Files.readAllBytes(export)), Answer.FindingsImportProgress.class);
            long part = client.call(new Request.FindingsImportAttach(upload, "seal", Files.size(seal)), Answer.FindingsImportProgress.class)
                    .upload();
            assertEquals("findings.import.part", assertThrows(KeeperException.class, () -> client.call(
                    new Request.FindingsImportAttach(upload, "seal", 10), Answer.FindingsImportProgress.class)).code());
            assertEquals("findings.import.incomplete", assertThrows(KeeperException.class, () -> client.call(
                    new Request.FindingsImportFinish(upload), Answer.FindingsImported.class)).code(), "the seal's bytes never came");
            long again = client.call(new Request.FindingsImportBegin("a.json", Files.size(export)), Answer.FindingsImportProgress.class)
                    .upload();
            client.call(new Request.FindingsImportChunk(again, 0, Files.readAllBytes(export)), Answer.FindingsImportProgress.class);
            long sealPart = client.call(new Request.FindingsImportAttach(again, "seal", Files.size(seal)),
                    Answer.FindingsImportProgress.class).upload();
            assertEquals("findings.import.unknown", assertThrows(KeeperException.class, () -> client.call(
                    new Request.FindingsImportChunk(part, 0, new byte[] {1}), Answer.FindingsImportProgress.class)).code(),
                    "the last import's part went with it");
            client.call(new Request.FindingsImportChunk(sealPart, 0, Files.readAllBytes(seal)), Answer.FindingsImportProgress.class);
            assertEquals("annotations.import.log", assertThrows(KeeperException.class, () -> client.call(
                    new Request.FindingsImportFinish(again), Answer.FindingsImported.class)).code());
            assertEquals(before, client.status().entries(), "nothing was written for the refused imports");

            // the stick's own files: verified, matched, imported
            KeeperFindingsTransfer.Imported imported = transfer.importFile(export, log, seal, ProgressMonitor.NONE);
            assertEquals(1, imported.added());
            assertNotNull(imported.logCheck(), "the keeper says how the export matched its log");
            assertNull(transfer.importFile(export, ProgressMonitor.NONE).logCheck(), "without a log: no check, as before");
            assertTrue(client.status().entries() > before);
            client.endSession();
            assertTrue(keeper.verify(second).isValid());
        }
    }
}
