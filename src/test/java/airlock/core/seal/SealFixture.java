package airlock.core.seal;

import airlock.core.AirlockException;
import airlock.core.annotate.Anchor;
import airlock.core.annotate.AnchoredRange;
import airlock.core.annotate.AnnotationContent;
import airlock.core.annotate.Confidence;
import airlock.core.annotate.LineIndex;
import airlock.core.annotate.Severity;
import airlock.core.annotate.store.AnnotationService;
import airlock.core.annotate.store.AnnotationStore;
import airlock.core.crypto.Ed25519;
import airlock.core.cwe.CweCatalogueLoader;
import airlock.core.export.BundleIdentity;
import airlock.core.export.ExportService;
import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import airlock.core.log.EntryType;
import airlock.core.log.SessionHeader;
import airlock.core.log.SessionLog;
import airlock.core.log.SqlAction;
import airlock.core.log.WorkstationSigner;
import airlock.core.media.SafeWriter;
import airlock.core.media.WriteHooks;
import airlock.core.policy.RoomPolicy;
import airlock.core.policy.SupervisorConfirmation;
import airlock.core.home.WorkstationId;
import airlock.core.session.WorkstationKey;
import airlock.core.session.WorkstationLogs;
import airlock.core.trust.TrustStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A workstation with one ended session ready for the supervisor: a pinned, passphrase-protected
 * supervisor key on "their stick", a room policy that allows 3 quoted lines per finding, and two
 * findings: one quotes 1 line, the other 5 lines in two ranges (over the per-finding limit).
 */
public final class SealFixture implements AutoCloseable {
    public static final String SESSION = "s-2026-03-02-a";
    public static final String PASSPHRASE = "correct horse battery staple";
    public static final String CODE = "int f(char *in) {\n  char buf[8];\n  strcpy(buf, in);\n  log(buf);\n  return 0;\n}\n";
    public final Path dir;
    public final AirlockHome home;
    public final TrustStore trust;
    public final String workstationId;
    public final WorkstationSigner signer;
    public final KeyPair supervisor = Ed25519.generate();
    public final Path supervisorKeyFile;
    public final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    public final WorkstationLogs logs;
    public final AnnotationStore annotations;
    public final RoomPolicy policy;

    /** This fixture's usual policy: search strings and secrets/** kept in the room. */
    public static RoomPolicy keepingSearchStrings() {
        return new RoomPolicy("test room", new RoomPolicy.ExportRules(true, true, 3, 10, 20, false,
                List.of("secrets/**")), false, 5, false, 240, SupervisorConfirmation.none());
    }

    /**
     * A policy that lets search strings leave (secrets/** still kept): a search string the content
     * check holds back is then the supervisor's to override, as a finding's text is.
     */
    public static RoomPolicy lettingSearchStringsLeave() {
        return new RoomPolicy("open room", new RoomPolicy.ExportRules(true, true, 3, 10, 20, true,
                List.of("secrets/**")), false, 5, false, 240, SupervisorConfirmation.none());
    }

    public SealFixture(Path dir) throws Exception {
        this(dir, keepingSearchStrings());
    }

    public SealFixture(Path dir, RoomPolicy policy) throws Exception {
        this.policy = policy;
        this.dir = dir;
        home = AirlockHome.open(dir.resolve("home"));
        trust = new TrustStore(home);
        trust.add(TrustPurpose.SUPERVISOR, supervisor.getPublic(), "Sam Supervisor");
        KeyPair admin = Ed25519.generate();
        trust.add(TrustPurpose.ROOM_ADMIN, admin.getPublic(), "Room administrator");
        var signed = airlock.core.policy.PolicySigner.sign(policy, admin.getPrivate());
        airlock.core.policy.PolicyFiles.write(airlock.core.policy.PolicyFiles.installed(home), signed.bytes(), signed.signature());
        workstationId = WorkstationId.loadOrCreate(home, new java.security.SecureRandom());
        signer = WorkstationKey.loadOrCreate(home, workstationId);
        Path stick = Files.createDirectories(dir.resolve("supervisor-stick"));
        supervisorKeyFile = Files.writeString(stick.resolve("supervisor.key"),
                Ed25519.privatePem(supervisor.getPrivate(), PASSPHRASE.toCharArray()));
        logs = WorkstationLogs.open(home, signer, clock);
        annotations = AnnotationStore.open(home.databases().resolve(WorkstationLogs.DATABASE));
    }

    /** Runs a session with a search, two findings (one quoting 5 lines) and ends it. */
    public void endedSession() throws AirlockException {
        endedSession(SESSION);
    }

    /** As {@link #endedSession()}, for session {@code id} (several sessions on one workstation). */
    public void endedSession(String id) throws AirlockException {
        endedSession(id, List.of());
    }

    /** As {@link #endedSession(String)}, with more findings on src/f.c: {title, body} each (issue 18's quote tests). */
    public void endedSession(String id, List<String[]> extra) throws AirlockException {
        SessionLog log = logs.startSession(new SessionHeader(SessionHeader.SESSION_FORMAT, id, workstationId,
                signer.publicKey(), List.of("alice"), "ab".repeat(32), null), "supervisor");
        annotations.recordBundle(id, new BundleIdentity("ab".repeat(32), "demo", "1.0", "refs/tags/v1", "c".repeat(40)));
        log.append(EntryType.FILE_OPENED, Map.of("path", "src/f.c", "blob", "b".repeat(40)), SqlAction.NONE);
        log.append(EntryType.SEARCH_RUN, Map.of("query", "strcpy", "scope", "all", "results", 1), SqlAction.NONE);
        AtomicInteger ids = new AtomicInteger();
        AnnotationService service = new AnnotationService(annotations, log, clock, () -> "f-" + ids.incrementAndGet(), "alice");
        LineIndex index = new LineIndex(CODE);
        int copy = CODE.indexOf("strcpy");
        service.create(anchor(AnchoredRange.of(index, index.range(copy, copy + 15))),
                new AnnotationContent("Unbounded copy into a stack buffer", "The input length is never checked.", Severity.HIGH,
                        Confidence.HIGH, 120, List.of()));
        service.create(new Anchor("refs/tags/v1", "c".repeat(40), "src/f.c", "b".repeat(40), List.of(
                        AnchoredRange.of(index, index.range(0, CODE.indexOf("strcpy") - 3)),
                        AnchoredRange.of(index, index.range(copy, CODE.indexOf("return 0;") + 9)))),
                new AnnotationContent("Whole function is unsafe", "Quoted for context.", Severity.MEDIUM, Confidence.MEDIUM, 787,
                        List.of()));
        for (String[] finding : extra) {
            service.create(anchor(AnchoredRange.of(index, index.range(copy, copy + 15))),
                    new AnnotationContent(finding[0], finding[1], Severity.MEDIUM, Confidence.MEDIUM, 120, List.of()));
        }
        log.end("alice", Map.of());
    }

    /** The search strings of {@link #committedSession}: the room policy keeps them in the room. */
    public static final List<String> KEPT_QUERIES = List.of("aes_key_schedule", "hunter2-token");
    /** The forbidden path (policy: secrets/**) opened in {@link #committedSession}. */
    public static final String FORBIDDEN_PATH = "secrets/vault_keys.c";

    /**
     * A session recorded as a workstation records it under this fixture's policy (search strings
     * and secrets/** kept in the room): the sensitive fields are committed, their values in the
     * disclosure table. Two searches, the forbidden path opened, a finding that leaves as it is and
     * one whose body repeats a search string (a search-string check for the supervisor).
     */
    public void committedSession(String id) throws AirlockException {
        committedSession(id, KEPT_QUERIES);
    }

    /** As {@link #committedSession(String)}, searching for {@code queries} instead. */
    public void committedSession(String id, List<String> queries) throws AirlockException {
        SessionLog log = logs.startSession(new SessionHeader(SessionHeader.SESSION_FORMAT, id, workstationId,
                signer.publicKey(), List.of("alice"), "ab".repeat(32), null), "supervisor")
                .committing(new airlock.core.policy.LogSensitivity(policy));
        annotations.recordBundle(id, new BundleIdentity("ab".repeat(32), "demo", "1.0", "refs/tags/v1", "c".repeat(40)));
        log.append(EntryType.FILE_OPENED, Map.of("path", "src/f.c", "blob", "b".repeat(40)), SqlAction.NONE);
        log.append(EntryType.FILE_OPENED, Map.of("path", FORBIDDEN_PATH, "blob", "d".repeat(40)), SqlAction.NONE);
        for (String query : queries) {
            log.append(EntryType.SEARCH_RUN, Map.of("query", query, "scope", "all", "results", 1), SqlAction.NONE);
        }
        AtomicInteger ids = new AtomicInteger();
        AnnotationService service = new AnnotationService(annotations, log, clock, () -> "f-" + ids.incrementAndGet(), "alice");
        LineIndex index = new LineIndex(CODE);
        int copy = CODE.indexOf("strcpy");
        service.create(anchor(AnchoredRange.of(index, index.range(copy, copy + 15))),
                new AnnotationContent("Unbounded copy into a stack buffer", "The input length is never checked.", Severity.HIGH,
                        Confidence.HIGH, 120, List.of()));
        service.create(anchor(AnchoredRange.of(index, index.range(0, 10))),
                new AnnotationContent("Secret compared in the clear", "Found by searching for hunter2-token in the tree.",
                        Severity.MEDIUM, Confidence.MEDIUM, 798, List.of()));
        log.end("alice", Map.of());
    }

    private static Anchor anchor(AnchoredRange range) {
        return new Anchor("refs/tags/v1", "c".repeat(40), "src/f.c", "b".repeat(40), List.of(range));
    }

    public ExportService exportService() throws AirlockException {
        return new ExportService(new CweCatalogueLoader(new ObjectMapper()).loadBundled(), new SafeWriter(WriteHooks.NONE));
    }

    public SealReview review() throws AirlockException {
        return review(SESSION);
    }

    public SealReview review(String id) throws AirlockException {
        return SealReview.open(logs, annotations, id, policy, exportService(), clock, "test");
    }

    @Override
    public void close() throws AirlockException {
        annotations.close();
        logs.close();
    }
}
