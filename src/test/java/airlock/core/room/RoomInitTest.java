package airlock.core.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.core.crypto.Ed25519;
import airlock.core.demo.DemoRoom;
import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import airlock.core.policy.PolicyFiles;
import airlock.core.policy.PolicyLoader;
import airlock.core.policy.PolicySigner;
import airlock.core.session.WorkstationKey;
import airlock.core.trust.TrustStore;
import airlock.testutil.RoomFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17, provisioning: {@code room init} checks everything before writing, reads every step back; {@code room status} changes nothing. */
class RoomInitTest {
    @TempDir
    Path dir;

    @Test
    void anEmptyHomeIsNotSetUpAndCheckingItCreatesNothing() {
        Path home = dir.resolve("home");
        RoomStatus status = RoomStatus.check(home);
        assertFalse(status.complete());
        assertEquals(RoomStatus.What.values().length, status.items().size());
        assertEquals(RoomStatus.State.MISSING, status.items().get(0).state());
        assertTrue(status.items().get(0).line().contains("airlock room init --home " + home), status.items().get(0).line());
        assertFalse(Files.exists(home), "status creates nothing");
    }

    @Test
    void initSetsUpAnEmptyHomeAndReadsEveryStepBack() throws Exception {
        RoomFixture room = new RoomFixture(dir, RoomFixture.keyRoom());
        Path home = dir.resolve("home");
        RoomInit.Result result = RoomInit.init(home, room.request(), new SecureRandom());
        assertTrue(result.status().complete(), () -> String.join("\n", result.status().items().stream().map(RoomStatus.Item::line).toList()));
        String steps = String.join("\n", result.steps());
        assertTrue(steps.contains("created workstation id WS-"), steps);
        assertTrue(steps.contains("created workstation key "), steps);
        assertTrue(steps.contains("pinned room administrator key " + Ed25519.keyId(room.admin.getPublic()).hex() + " (room-admin)"), steps);
        assertTrue(steps.contains("installed room policy 'Transparency centre, room 2'"), steps);
        assertTrue(steps.contains("pinned supervisor key " + Ed25519.keyId(room.supervisor.getPublic()).hex() + " (supervisor-ada)"), steps);
        assertTrue(steps.contains("pinned vendor key " + Ed25519.keyId(room.vendor.getPublic()).hex()), steps);
        AirlockHome opened = AirlockHome.existing(home);
        TrustStore trust = new TrustStore(opened);
        assertEquals(1, trust.list(TrustPurpose.ROOM_ADMIN).size());
        assertEquals(1, trust.list(TrustPurpose.SUPERVISOR).size());
        assertEquals(1, trust.list(TrustPurpose.VENDOR).size());
        assertEquals(Ed25519.keyId(room.admin.getPublic()), new PolicyLoader(opened, trust).load().signer().orElseThrow());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                home.resolve("keys").resolve(WorkstationKey.PRIVATE_FILE))));
        // again with the same files: nothing new, still complete
        RoomInit.Result again = RoomInit.init(home, room.request(), new SecureRandom());
        assertTrue(again.steps().get(1).startsWith("kept workstation id"), again.steps().toString());
        assertTrue(again.steps().get(2).startsWith("kept workstation key"), again.steps().toString());
        assertTrue(again.status().complete());
    }

    @Test
    void aPolicySignedByAnotherKeyIsRefusedAndNothingIsWritten() throws Exception {
        RoomFixture room = new RoomFixture(dir, RoomFixture.keyRoom());
        PolicySigner.Result other = PolicySigner.sign(RoomFixture.keyRoom(), Ed25519.generate().getPrivate());
        PolicyFiles.write(room.policy, other.bytes(), other.signature());
        assertRefusedWritingNothing(room.request(), "room.init.refused", "is not signed by the room administrator key");
    }

    @Test
    void aPolicyChangedAfterSigningIsRefused() throws Exception {
        RoomFixture room = new RoomFixture(dir, RoomFixture.keyRoom());
        String text = Files.readString(room.policy).replace("room 2", "room 3");
        Files.writeString(room.policy, text);
        assertRefusedWritingNothing(room.request(), "room.init.refused", "is not signed by the room administrator key");
    }

    @Test
    void theDemoPolicyIsRefusedEvenWhenSignedByTheAdministrator() throws Exception {
        RoomFixture room = new RoomFixture(dir, RoomFixture.keyRoom());
        var strict = airlock.core.policy.RoomPolicy.strictest();
        PolicySigner.Result demo = PolicySigner.sign(new airlock.core.policy.RoomPolicy(DemoRoom.NAME, strict.export(), false, 10,
                false, 240, airlock.core.policy.SupervisorConfirmation.key()), room.admin.getPrivate());
        PolicyFiles.write(room.policy, demo.bytes(), demo.signature());
        assertRefusedWritingNothing(room.request(), "room.init.refused", "demo room's policy");
    }

    @Test
    void oneKeyForTwoPurposesIsRefused() throws Exception {
        RoomFixture room = new RoomFixture(dir, RoomFixture.keyRoom());
        assertRefusedWritingNothing(new RoomInit.Request(room.adminPub, room.policy, List.of(room.supervisorPub),
                List.of(room.supervisorPub)), "trust.purpose.conflict", "one key serves one purpose");
        assertRefusedWritingNothing(new RoomInit.Request(room.adminPub, room.policy, List.of(room.adminPub),
                List.of(room.vendorPub)), "trust.purpose.conflict", "as a room administrator key");
    }

    @Test
    void missingSupervisorOrVendorKeysAreRefused() throws Exception {
        RoomFixture room = new RoomFixture(dir, RoomFixture.keyRoom());
        assertRefusedWritingNothing(new RoomInit.Request(room.adminPub, room.policy, List.of(), List.of(room.vendorPub)),
                "room.init.refused", "at least one supervisor key");
        assertRefusedWritingNothing(new RoomInit.Request(room.adminPub, room.policy, List.of(room.supervisorPub), List.of()),
                "room.init.refused", "at least one vendor key");
    }

    @Test
    void aPrivateKeyOrAnyOtherFileGivenAsAPublicKeyIsRefusedNamingTheFile() throws Exception {
        RoomFixture room = new RoomFixture(dir, RoomFixture.keyRoom());
        AirlockException e = assertRefusedWritingNothing(new RoomInit.Request(room.adminPub, room.policy,
                List.of(room.supervisorKey), List.of(room.vendorPub)), null, "supervisor key " + room.supervisorKey);
        assertTrue(e.code().startsWith("key."), e.code());
        Path garbage = Files.writeString(dir.resolve("garbage.pub"), "\u202E not a key \u0000");
        assertRefusedWritingNothing(new RoomInit.Request(garbage, room.policy, List.of(room.supervisorPub),
                List.of(room.vendorPub)), null, "room administrator key " + garbage);
    }

    @Test
    void aHomeHoldingDemoMaterialIsNotARealRoom() throws Exception {
        RoomFixture room = new RoomFixture(dir, RoomFixture.keyRoom());
        Path home = dir.resolve("home");
        DemoRoom.install(AirlockHome.open(home), new SecureRandom());
        RoomStatus status = RoomStatus.check(home);
        RoomStatus.Item demo = status.items().get(status.items().size() - 1);
        assertEquals(RoomStatus.State.REFUSED, demo.state(), demo.line());
        assertTrue(demo.detail().contains("the demo room policy") && demo.detail().contains("Airlock demo room administrator"),
                demo.detail());
        AirlockException e = assertThrows(AirlockException.class, () -> RoomInit.init(home, room.request(), new SecureRandom()));
        assertEquals("room.init.refused", e.code());
        assertTrue(e.getMessage().contains("not for a real room"), e.getMessage());
    }

    @Test
    void partialHomesSayWhatIsMissingOrRefused() throws Exception {
        RoomFixture room = new RoomFixture(dir, RoomFixture.keyRoom());
        Path home = dir.resolve("home");
        AirlockHome opened = AirlockHome.open(home);
        WorkstationKey.loadOrCreate(opened, airlock.core.home.WorkstationId.loadOrCreate(opened, new SecureRandom()));
        RoomStatus onlyKey = RoomStatus.check(home);
        assertEquals(List.of(RoomStatus.What.ROOM_ADMIN, RoomStatus.What.POLICY, RoomStatus.What.SUPERVISOR,
                RoomStatus.What.VENDOR), onlyKey.missing().stream().map(RoomStatus.Item::what).toList());
        // a policy but no room administrator key to check it: refused, not taken on trust
        Files.createDirectories(PolicyFiles.installed(opened).getParent());
        Files.copy(room.policy, PolicyFiles.installed(opened));
        Files.copy(PolicyFiles.signatureOf(room.policy), PolicyFiles.signatureOf(PolicyFiles.installed(opened)));
        RoomStatus.Item policy = RoomStatus.check(home).items().get(4);
        assertEquals(RoomStatus.State.REFUSED, policy.state(), policy.line());
        // a workstation key readable by others is refused
        Files.setPosixFilePermissions(home.resolve("keys").resolve(WorkstationKey.PRIVATE_FILE),
                PosixFilePermissions.fromString("rw-r--r--"));
        RoomStatus.Item key = RoomStatus.check(home).items().get(2);
        assertEquals(RoomStatus.State.REFUSED, key.state(), key.line());
        assertTrue(key.detail().contains("can be read by others"), key.detail());
    }

    private AirlockException assertRefusedWritingNothing(RoomInit.Request request, String code, String says) throws Exception {
        Path home = dir.resolve("home-" + System.nanoTime());
        AirlockException e = assertThrows(AirlockException.class, () -> RoomInit.init(home, request, new SecureRandom()));
        if (code != null) {
            assertEquals(code, e.code(), e.getMessage());
        }
        assertTrue(e.getMessage().contains(says), e.getMessage());
        assertFalse(Files.exists(home), "nothing is written when a check refuses");
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith("home-")));
        }
        return e;
    }
}
