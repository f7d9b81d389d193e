package airlock.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.cli.AirlockCommand;
import airlock.core.AirlockException;
import airlock.core.bundle.BundleStore;
import airlock.core.crypto.Ed25519;
import airlock.core.home.AirlockHome;
import airlock.core.home.WorkstationId;
import airlock.core.log.EntryType;
import airlock.core.log.SqlAction;
import airlock.core.policy.Inspector;
import airlock.core.policy.PolicyLoader;
import airlock.core.policy.RoomPolicy;
import airlock.core.policy.SupervisorConfirmation;
import airlock.core.room.RoomStatus;
import airlock.core.session.ActiveSession;
import airlock.core.session.Confirmation;
import airlock.core.session.SessionManager;
import airlock.core.session.SessionRequest;
import airlock.core.session.WorkstationKey;
import airlock.core.session.WorkstationLogs;
import airlock.core.trust.TrustStore;
import airlock.testutil.RoomFixture;
import airlock.testutil.TestRepository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, done-when: a real room from nothing. {@code room init} on an empty home with keys made
 * here and a policy signed by this test's room-administrator key (it names one inspector and asks
 * for the supervisor's key); a vendor bundle on a simulated stick (a folder), verified and imported;
 * a session by the named inspector, confirmed with the supervisor's key read from the supervisor's
 * stick; sealed with that key and exported to a second stick folder; the exported log verified with
 * the home's pinned keys. Nothing of the demo is anywhere. (Core and CLI; the GUI screens of the real
 * mode are {@code RealModeGuiTest}.)
 */
class RealRoomEndToEndTest {
    static final String ADA = "analytical engine 1843";
    @TempDir
    Path dir;

    @Test
    void fromAnEmptyHomeToASealedExportedLog() throws Exception {
        RoomPolicy strict = RoomPolicy.strictest();
        RoomFixture room = new RoomFixture(dir, new RoomPolicy("Transparency centre, room 2", strict.export(), false, 15,
                false, 240, SupervisorConfirmation.key(), List.of(Inspector.of("Ada Lovelace", ADA.toCharArray(), new SecureRandom()))));
        Path home = dir.resolve("var-lib-airlock");
        String h = home.toString();

        // day one: the administrator sets up the empty home
        Run before = run("room", "status", "--home", h);
        assertEquals(1, before.exit);
        Run init = run("room", "init", "--home", h, "--admin-key", room.adminPub.toString(), "--policy", room.policy.toString(),
                "--supervisor-key", room.supervisorPub.toString(), "--vendor-key", room.vendorPub.toString());
        assertEquals(0, init.exit, init.err);
        assertTrue(init.out.contains("installed room policy 'Transparency centre, room 2'"), init.out);
        assertEquals(0, run("room", "status", "--home", h).exit);

        // the vendor's bundle arrives on a stick
        Path vendorStick = Files.createDirectories(dir.resolve("vendor-stick"));
        Path repo = TestRepository.create(dir.resolve("vendor-repo"));
        Run create = run("bundle", "create", "--repo", repo.toString(), "--ref", "refs/tags/v1.1", "--review-ref", "refs/tags/v1.1",
                "--vendor", "Acme", "--product", "gateway", "--version", "1.1", "--sequence", "1",
                "--key", room.vendorKey.toString(), "--out", vendorStick.toString());
        assertEquals(0, create.exit, create.err);
        Path bundle;
        try (Stream<Path> found = Files.list(vendorStick)) {
            bundle = found.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Run imported = run("bundle", "import", bundle.toString(), "--home", h);
        assertEquals(0, imported.exit, imported.err);

        // the session: named inspector with their passphrase, supervisor's key from the supervisor's stick
        AirlockHome opened = AirlockHome.open(home);
        var signer = WorkstationKey.loadOrCreate(opened, WorkstationId.loadOrCreate(opened, new SecureRandom()));
        TrustStore trust = new TrustStore(opened);
        String sessionId;
        try (WorkstationLogs logs = WorkstationLogs.open(opened, signer, Clock.systemUTC())) {
            SessionManager manager = new SessionManager(logs, signer, trust, new PolicyLoader(opened, trust).load(),
                    Clock.systemUTC(), 0);
            String manifest = new BundleStore(opened).list().get(0).id();
            var supervisorKey = Ed25519.readPrivatePem(room.supervisorKey, RoomFixture.SUPERVISOR_PASSPHRASE.toCharArray());
            // a typed name that is not a named inspector is refused and is a ledger entry
            assertThrows(AirlockException.class, () -> manager.start(new SessionRequest("s-real-1", "Mallory", "Acme audit", null,
                    manifest), new Confirmation.SupervisorKey(supervisorKey), ADA.toCharArray()));
            ActiveSession session = manager.start(new SessionRequest("s-real-1", "Ada Lovelace", "Acme audit", "B-17", manifest),
                    new Confirmation.SupervisorKey(supervisorKey), ADA.toCharArray());
            session.record(EntryType.FILE_OPENED, Map.of("path", TestRepository.MAIN, "blob", "0".repeat(40),
                    "ref", "refs/tags/v1.1", "size", 10), SqlAction.NONE);
            session.end("Ada Lovelace", 3);
            sessionId = session.id();
        }

        // the supervisor seals with their key from their stick and exports to a second stick
        Path exportStick = Files.createDirectories(dir.resolve("export-stick"));
        Path passphrase = Files.writeString(dir.resolve("supervisor.pass"), RoomFixture.SUPERVISOR_PASSPHRASE + "\n");
        Run seal = run("log", "seal", "--home", h, "--session", sessionId, "--key", room.supervisorKey.toString(),
                "--passphrase-file", passphrase.toString(), "--out", exportStick.toString());
        assertEquals(0, seal.exit, seal.err);
        Path log;
        try (Stream<Path> written = Files.list(exportStick)) {
            log = written.filter(p -> p.getFileName().toString().endsWith(".log")).findFirst().orElseThrow(
                    () -> new AssertionError("no log on the export stick: " + seal.out));
        }
        Run verify = run("log", "verify", log.toString(), "--trust", opened.trustRoot().toString());
        assertEquals(0, verify.exit, verify.out + verify.err);
        String text = Files.readString(log);
        assertTrue(text.contains("Ada Lovelace") && text.contains("\"inspectorCheck\":\"passphrase\""), "the checked inspector is logged");
        assertFalse(text.contains(ADA), "the inspector's passphrase is not in the log");
        assertEquals(0, run("log", "verify", "--home", h).exit);

        // nothing of the demo anywhere
        assertTrue(RoomStatus.check(home).complete());
        try (Stream<Path> all = Files.walk(dir)) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().contains("demo-")), "no demo file");
        }
    }

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AirlockCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }
}
