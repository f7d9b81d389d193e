package airlock.core.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.core.crypto.Ed25519;
import airlock.core.log.EntryCodec;
import airlock.core.log.EntryType;
import airlock.core.log.LogEntry;
import airlock.core.log.LogFiles;
import airlock.core.log.LogVerification;
import airlock.core.log.PinnedKeys;
import airlock.core.log.SessionHeader;
import airlock.core.log.SessionLog;
import airlock.core.media.WrittenFile;
import airlock.core.policy.SupervisorAction;
import airlock.core.policy.SupervisorDecision;
import airlock.core.policy.Violation;
import airlock.core.policy.ViolationKind;
import airlock.core.progress.ProgressMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealReviewTest {
    @TempDir
    Path dir;
    SealFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new SealFixture(dir);
        fx.endedSession();
    }

    @AfterEach
    void tearDown() throws Exception {
        fx.close();
    }

    private SupervisorKey key() throws AirlockException {
        return SupervisorKey.load(fx.supervisorKeyFile, SealFixture.PASSPHRASE.toCharArray(), fx.trust);
    }

    private Violation snippetViolation(SealReview review) {
        return review.violations().stream().filter(v -> v.kind() == ViolationKind.SNIPPET_PER_FINDING).findFirst().orElseThrow();
    }

    private String file(SealReview review, OutgoingFile.Kind kind) {
        return new String(review.files().stream().filter(f -> f.kind() == kind).findFirst().orElseThrow().content(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private List<LogEntry> ledger() throws AirlockException {
        List<LogEntry> out = new ArrayList<>();
        EntryCodec codec = new EntryCodec();
        SessionLog.readEntries(fx.logs.store(), SessionHeader.LEDGER_SESSION, bytes -> out.add(codec.decode(bytes)));
        return out;
    }

    @Test
    void anExportOverTheSnippetLimitIsBlockedUntilTheSupervisorRedactsIt() throws Exception {
        SealReview review = fx.review();
        Violation over = snippetViolation(review);
        assertEquals("f-2", over.annotationId());
        assertFalse(review.canSeal());
        assertTrue(file(review, OutgoingFile.Kind.ANNOTATIONS_JSON).contains("return 0;"), "the preview shows what would leave");
        AirlockException blocked = assertThrows(AirlockException.class, () -> review.seal(key(), SupervisorKey.pinned(fx.trust)));
        assertEquals("seal.blocked", blocked.code());
        assertEquals("ended", review.status());

        review.decide(new SupervisorDecision(over, SupervisorAction.REDACT, "Sam", "too much code"));
        assertTrue(review.canSeal());
        String json = file(review, OutgoingFile.Kind.ANNOTATIONS_JSON);
        assertFalse(json.contains("return 0;"), "the redacted finding's code is gone");
        assertTrue(json.contains("strcpy(buf, in)"), "the finding within the limit keeps its snippet");
        LogEntry decision = ledger().stream().filter(e -> e.type() == EntryType.EXPORT_DECISION).findFirst().orElseThrow();
        assertEquals("redact", decision.data().get("decision"));
        assertEquals(SealFixture.SESSION, decision.data().get("session"));
        AirlockException twice = assertThrows(AirlockException.class,
                () -> review.decide(new SupervisorDecision(over, SupervisorAction.OVERRIDE, "Sam", "changed my mind")));
        assertEquals("seal.decision.twice", twice.code());

        review.seal(key(), SupervisorKey.pinned(fx.trust));
        Path stick = Files.createDirectories(dir.resolve("stick"));
        List<WrittenFile> written = review.write(stick, ProgressMonitor.NONE);
        assertEquals(6, written.size());
        for (OutgoingFile f : review.files()) {
            assertEquals(f.sha256(), Digests.sha256(stick.resolve(f.name())), f.name() + " on the stick is what was shown");
        }
        assertVerifies(stick);
        assertEquals("exported", review.status());
    }

    @Test
    void anOverrideNeedsAWrittenReasonAndLetsTheFindingOutAsItIs() throws Exception {
        SealReview review = fx.review();
        Violation over = snippetViolation(review);
        assertThrows(IllegalArgumentException.class, () -> new SupervisorDecision(over, SupervisorAction.OVERRIDE, "Sam", " "));
        review.decide(new SupervisorDecision(over, SupervisorAction.OVERRIDE, "Sam", "The vendor agreed to release this function."));
        assertTrue(review.canSeal());
        assertTrue(file(review, OutgoingFile.Kind.ANNOTATIONS_JSON).contains("return 0;"));
        LogEntry decision = ledger().stream().filter(e -> e.type() == EntryType.EXPORT_DECISION).findFirst().orElseThrow();
        assertEquals("The vendor agreed to release this function.", decision.data().get("reason"));
    }

    @Test
    void aRefusedFindingStaysInTheRoom() throws Exception {
        SealReview review = fx.review();
        review.decide(new SupervisorDecision(snippetViolation(review), SupervisorAction.REFUSE, "Sam", ""));
        assertTrue(review.canSeal());
        String json = file(review, OutgoingFile.Kind.ANNOTATIONS_JSON);
        assertFalse(json.contains("Whole function is unsafe"));
        assertTrue(json.contains("Unbounded copy into a stack buffer"));
    }

    @Test
    void aKeyThatIsNotPinnedAsASupervisorKeyCannotSeal() throws Exception {
        KeyPair stranger = Ed25519.generate();
        Path strangerFile = Files.writeString(dir.resolve("stranger.key"), Ed25519.privatePem(stranger.getPrivate(), "pw".toCharArray()));
        char[] passphrase = "pw".toCharArray();
        AirlockException untrusted = assertThrows(AirlockException.class, () -> SupervisorKey.load(strangerFile, passphrase, fx.trust));
        assertEquals("seal.key.untrusted", untrusted.code());
        assertTrue(untrusted.getMessage().contains("not on this workstation's supervisor trust list"), untrusted.getMessage());
        assertTrue(Arrays.equals(new char[2], passphrase), "the passphrase is cleared");

        Path plain = Files.writeString(dir.resolve("plain.key"), Ed25519.privatePem(fx.supervisor.getPrivate(), null));
        assertEquals("seal.key.unprotected",
                assertThrows(AirlockException.class, () -> SupervisorKey.load(plain, "x".toCharArray(), fx.trust)).code());
        assertThrows(AirlockException.class, () -> SupervisorKey.load(fx.supervisorKeyFile, "wrong".toCharArray(), fx.trust));

        // Even past the key check, the sealer itself refuses a key outside the trust list.
        SealReview review = fx.review();
        review.decide(new SupervisorDecision(snippetViolation(review), SupervisorAction.REDACT, "Sam", ""));
        SupervisorKey forged = new SupervisorKey(stranger.getPrivate(), Ed25519.keyId(stranger.getPublic()), "Mallory");
        AirlockException refused = assertThrows(AirlockException.class, () -> review.seal(forged, SupervisorKey.pinned(fx.trust)));
        assertEquals("log.seal.untrusted", refused.code());
        assertEquals("ended", review.status());
        assertTrue(review.files().stream().anyMatch(OutgoingFile::pending), "the seal is still to be made");
    }

    @Test
    void aFailedWriteLeavesTheSessionSealedHereAndARetryOntoAnotherFolderWorks() throws Exception {
        SealReview review = fx.review();
        review.decide(new SupervisorDecision(snippetViolation(review), SupervisorAction.REDACT, "Sam", ""));
        review.seal(key(), SupervisorKey.pinned(fx.trust));

        AirlockException missing = assertThrows(AirlockException.class,
                () -> review.write(dir.resolve("pulled-stick"), ProgressMonitor.NONE));
        assertEquals("media.folder.missing", missing.code());

        Path clash = Files.createDirectories(dir.resolve("old-stick"));
        Files.writeString(clash.resolve("session-" + SealFixture.SESSION + ".log"), "an earlier export");
        AirlockException exists = assertThrows(AirlockException.class, () -> review.write(clash, ProgressMonitor.NONE));
        assertEquals("media.file.exists", exists.code());
        try (var listing = Files.list(clash)) {
            assertEquals(List.of("session-" + SealFixture.SESSION + ".log"), listing.map(p -> p.getFileName().toString()).toList(),
                    "the files this attempt wrote were removed again");
        }
        assertEquals("sealed", review.status(), "sealed on the workstation, not exported");

        Path good = Files.createDirectories(dir.resolve("good-stick"));
        review.write(good, ProgressMonitor.NONE);
        assertVerifies(good);
        assertEquals("exported", review.status());
        LogEntry written = ledger().stream().filter(e -> e.type() == EntryType.EXPORT_WRITTEN
                && "media".equals(e.data().get("target"))).findFirst().orElseThrow();
        assertEquals(6, ((List<?>) written.data().get("files")).size());
    }

    private void assertVerifies(Path stick) throws Exception {
        String stem = "session-" + SealFixture.SESSION;
        PinnedKeys trust = PinnedKeys.load(fx.home.trustRoot());
        LogVerification result = LogFiles.verify(stick.resolve(stem + ".log"), stick.resolve(stem + ".seal"), trust,
                ProgressMonitor.NONE);
        assertTrue(result.isValid(), result.describe());
        assertEquals("Sam Supervisor", result.summary().sealedBy());
    }

    /** SHA-256 of a file on the stick, read independently of the writer. */
    static final class Digests {
        static String sha256(Path file) throws Exception {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        }
    }
}
