package airlock.keeper;

import airlock.core.bundle.BundleFiles;
import airlock.core.bundle.BundleIntake;
import airlock.core.bundle.BundleStore;
import airlock.core.bundle.IntakeLimits;
import airlock.core.demo.DemoMedia;
import airlock.core.demo.DemoProject;
import airlock.core.demo.DemoRoom;
import airlock.core.home.AirlockHome;
import airlock.core.log.Disclosure;
import airlock.core.log.Disclosures;
import airlock.core.log.LogExport;
import airlock.core.log.LogStore;
import airlock.core.log.LogVerification;
import airlock.core.log.LogVerifier;
import airlock.core.log.PinnedKeys;
import airlock.core.progress.ProgressMonitor;
import airlock.core.session.WorkstationLogs;
import airlock.core.symbols.IndexBuilder;
import airlock.core.symbols.SymbolIndex;
import airlock.keeper.client.KeeperClient;
import airlock.testutil.MutableClock;
import airlock.testutil.TestRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A keeper in this JVM behind a real AF_UNIX socket, on a home with the demo room policy (PIN
 * {@value DemoRoom#PIN}) and one accepted bundle of {@link TestRepository}, its symbol index built.
 * Clients connect through the socket exactly as the workstation will.
 */
public final class KeeperFixture implements AutoCloseable {
    public static final String USER = System.getProperty("user.name");
    public final Path homeDir;
    public final Path socket;
    public final MutableClock clock;
    public final String bundle;
    private Keeper keeper;

    private KeeperFixture(Path homeDir, Path socket, MutableClock clock, String bundle) {
        this.homeDir = homeDir;
        this.socket = socket;
        this.clock = clock;
        this.bundle = bundle;
    }

    public static KeeperFixture start(Path tmp) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
        String id = prepareHome(tmp, tmp.resolve("home"), clock);
        Path run = Files.createDirectories(tmp.resolve("run"));
        Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwx------"));
        KeeperFixture fixture = new KeeperFixture(tmp.resolve("home").toAbsolutePath(), run.resolve("keeper.sock"), clock, id);
        fixture.startKeeper();
        return fixture;
    }

    /**
     * As {@link #start}, with {@code policy} (signed by a room-administrator key made here, pinned in the
     * home) in force instead of the demo room's.
     */
    public static KeeperFixture startWithPolicy(Path tmp, airlock.core.policy.RoomPolicy policy) throws Exception {
        AirlockHome home = AirlockHome.open(tmp.resolve("home"));
        java.security.KeyPair admin = airlock.core.crypto.Ed25519.generate();
        new airlock.core.trust.TrustStore(home).add(airlock.core.home.TrustPurpose.ROOM_ADMIN, admin.getPublic(), "test admin");
        airlock.core.policy.PolicySigner.Result signed = airlock.core.policy.PolicySigner.sign(policy, admin.getPrivate());
        airlock.core.policy.PolicyFiles.write(airlock.core.policy.PolicyFiles.installed(home), signed.bytes(), signed.signature());
        return start(tmp);
    }

    /** Changes the test repository (a commit after its tags) before it is bundled (history/diff tests, issue 16, kread). */
    public interface RepositoryEdit {
        void apply(Path repo) throws Exception;
    }

    /** As {@link #start}, with {@code edit} applied to the test repository before it is bundled. */
    public static KeeperFixture start(Path tmp, RepositoryEdit edit) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
        String id = prepareHome(tmp, tmp.resolve("home"), clock, edit);
        Path run = Files.createDirectories(tmp.resolve("run"));
        Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwx------"));
        KeeperFixture fixture = new KeeperFixture(tmp.resolve("home").toAbsolutePath(), run.resolve("keeper.sock"), clock, id);
        fixture.startKeeper();
        return fixture;
    }

    /** A home with the demo room policy and one accepted bundle of {@link TestRepository}, indexed; returns the bundle id. */
    static String prepareHome(Path tmp, Path homeDir, java.time.Clock clock) throws Exception {
        return prepareHome(tmp, homeDir, clock, repo -> { });
    }

    static String prepareHome(Path tmp, Path homeDir, java.time.Clock clock, RepositoryEdit edit) throws Exception {
        Path repo = TestRepository.create(tmp.resolve("repo"));
        edit.apply(repo);
        AirlockHome home = AirlockHome.open(homeDir);
        DemoRoom.install(home, new SecureRandom());
        BundleFiles files = new DemoMedia(new DemoProject(repo, tmp.resolve("out")), clock).prepare(home, ProgressMonitor.NONE);
        String id = new BundleIntake(home, clock, IntakeLimits.defaults())
                .importBundle(files, Optional.empty(), ProgressMonitor.NONE).storeFolder().orElseThrow().getFileName().toString();
        BundleStore store = new BundleStore(home);
        try (var source = store.open(store.get(id))) {
            new IndexBuilder(source, source.reviewRef(), SymbolIndex.fileFor(home.databases(), source.commitOf(source.reviewRef())))
                    .build(List.of(), ProgressMonitor.NONE);
        }
        return id;
    }

    public void startKeeper() throws Exception {
        keeper = Keeper.open(homeDir, USER, clock);
        keeper.listen(socket, PeerPolicy.only(USER));
    }

    public void stopKeeper() {
        if (keeper != null) {
            keeper.close();
            keeper = null;
        }
    }

    public KeeperClient client() throws Exception {
        return KeeperClient.connect(socket, "test-workstation");
    }

    /** The session's entries as the auditor reads them (the keeper must be stopped). */
    public List<JsonNode> entries(String session) throws Exception {
        return entries(homeDir, session);
    }

    /** The entries of log {@code session} (or the ledger) of the home {@code homeDir} (its keeper must be stopped). */
    public static List<JsonNode> entries(Path homeDir, String session) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        try (LogStore store = LogStore.open(homeDir.resolve("db").resolve(WorkstationLogs.DATABASE))) {
            for (String line : new String(LogExport.entriesFile(store, session), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty()) {
                    out.add(json.readTree(line));
                }
            }
        }
        return out;
    }

    /**
     * The session's entries with every committed field replaced by its disclosed value from the room's
     * disclosure table, each disclosure first checked to open its commitment (the keeper must be stopped).
     */
    public List<JsonNode> revealed(String session) throws Exception {
        List<JsonNode> entries = entries(session);
        ObjectMapper json = new ObjectMapper();
        try (LogStore store = LogStore.open(homeDir.resolve("db").resolve(WorkstationLogs.DATABASE))) {
            for (Disclosure d : Disclosures.list(store, session)) {
                com.fasterxml.jackson.databind.node.ObjectNode data =
                        (com.fasterxml.jackson.databind.node.ObjectNode) entries.get((int) d.entry()).get("data");
                String committed = data.path(d.field()).path("commitment").asText();
                if (!committed.equals(java.util.HexFormat.of().formatHex(d.commitment()))) {
                    throw new AssertionError("the disclosure of " + d.field() + " in entry " + d.entry() + " does not open its commitment");
                }
                data.set(d.field(), json.valueToTree(d.value()));
            }
        }
        return entries;
    }

    /** Verifies the session's log with the pinned keys, as {@code airlock log verify} does (the keeper must be stopped). */
    public LogVerification verify(String session) throws Exception {
        try (LogStore store = LogStore.open(homeDir.resolve("db").resolve(WorkstationLogs.DATABASE))) {
            PinnedKeys keys = PinnedKeys.load(homeDir.resolve("trust"));
            return new LogVerifier(keys).verify(new ByteArrayInputStream(LogExport.entriesFile(store, session)), null, false,
                    ProgressMonitor.NONE);
        }
    }

    @Override
    public void close() {
        stopKeeper();
    }
}
