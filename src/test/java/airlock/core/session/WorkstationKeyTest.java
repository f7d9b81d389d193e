package airlock.core.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.core.crypto.Ed25519;
import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import airlock.core.log.WorkstationSigner;
import airlock.core.trust.TrustStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkstationKeyTest {
    @TempDir
    Path dir;

    @Test
    void firstRunCreatesAnOwnerOnlyKeyPinnedAsAWorkstationKey() throws Exception {
        AirlockHome home = AirlockHome.open(dir.resolve("home"));
        WorkstationSigner signer = WorkstationKey.loadOrCreate(home, "WS-ABCD-EFGH");
        Path key = home.keys().resolve(WorkstationKey.PRIVATE_FILE);
        Path pub = home.keys().resolve(WorkstationKey.PUBLIC_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertTrue(Files.readString(key, StandardCharsets.US_ASCII).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertArrayEquals(signer.publicKey().getEncoded(), Ed25519.readPublicPem(pub).getEncoded());
        assertEquals("WS-ABCD-EFGH", signer.workstation());
        List<airlock.core.trust.TrustedKey> pinned = new TrustStore(home).list(TrustPurpose.WORKSTATION);
        assertEquals(1, pinned.size());
        assertEquals(Ed25519.keyId(signer.publicKey()), pinned.get(0).id());
        byte[] message = "checkpoint".getBytes(StandardCharsets.UTF_8);
        assertTrue(Ed25519.verify(pinned.get(0).key(), message, Ed25519.sign(signer.privateKey(), message)).isValid());
    }

    @Test
    void laterRunsLoadTheSameKey() throws Exception {
        AirlockHome home = AirlockHome.open(dir.resolve("home"));
        WorkstationSigner first = WorkstationKey.loadOrCreate(home, "WS-ABCD-EFGH");
        WorkstationSigner second = WorkstationKey.loadOrCreate(AirlockHome.open(dir.resolve("home")), "WS-ABCD-EFGH");
        assertArrayEquals(first.publicKey().getEncoded(), second.publicKey().getEncoded());
        assertArrayEquals(first.privateKey().getEncoded(), second.privateKey().getEncoded());
        assertEquals(1, new TrustStore(home).list(TrustPurpose.WORKSTATION).size(), "no second pin");
    }

    @Test
    void aKeyReadableByOthersIsRefused() throws Exception {
        AirlockHome home = AirlockHome.open(dir.resolve("home"));
        WorkstationKey.loadOrCreate(home, "WS-ABCD-EFGH");
        Path key = home.keys().resolve(WorkstationKey.PRIVATE_FILE);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        AirlockException e = assertThrows(AirlockException.class, () -> WorkstationKey.loadOrCreate(home, "WS-ABCD-EFGH"));
        assertEquals("home.workstation.key", e.code());
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
    }

    @Test
    void aKeySwappedOnDiskIsNotTrustedOrPinned() throws Exception {
        AirlockHome home = AirlockHome.open(dir.resolve("home"));
        WorkstationKey.loadOrCreate(home, "WS-ABCD-EFGH");
        Path key = home.keys().resolve(WorkstationKey.PRIVATE_FILE);
        Files.writeString(key, Ed25519.privatePem(Ed25519.generate().getPrivate(), null), StandardCharsets.US_ASCII);
        AirlockException e = assertThrows(AirlockException.class, () -> WorkstationKey.loadOrCreate(home, "WS-ABCD-EFGH"));
        assertTrue(e.getMessage().contains("not on this workstation's trust list"), e.getMessage());
        assertEquals(1, new TrustStore(home).list(TrustPurpose.WORKSTATION).size(), "the swapped key was not pinned");
    }

    @Test
    void aPublicKeyThatIsNotTheHalfOfThePrivateKeyIsRefused() throws Exception {
        AirlockHome home = AirlockHome.open(dir.resolve("home"));
        WorkstationKey.loadOrCreate(home, "WS-ABCD-EFGH");
        Files.writeString(home.keys().resolve(WorkstationKey.PUBLIC_FILE), Ed25519.publicPem(Ed25519.generate().getPublic()));
        AirlockException e = assertThrows(AirlockException.class, () -> WorkstationKey.loadOrCreate(home, "WS-ABCD-EFGH"));
        assertTrue(e.getMessage().contains("is not the half of"), e.getMessage());
    }
}
