package airlock.core.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import airlock.core.crypto.Ed25519;
import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustStoreTest {
    @TempDir
    Path dir;

    @Test
    void addsListsAndFindsKeysPerPurpose() throws Exception {
        TrustStore store = new TrustStore(AirlockHome.open(dir.resolve("home")));
        KeyPair vendor = Ed25519.generate();
        Path pem = Files.writeString(dir.resolve("acme-vendor.pub"), Ed25519.publicPem(vendor.getPublic()));
        TrustedKey added = store.add(TrustPurpose.VENDOR, pem);
        assertEquals("acme-vendor", added.label());
        assertEquals(Ed25519.keyId(vendor.getPublic()), added.id());
        assertEquals(added.id(), store.add(TrustPurpose.VENDOR, pem).id(), "adding twice is a no-op");
        assertEquals(1, store.list(TrustPurpose.VENDOR).size());
        assertTrue(store.list(TrustPurpose.SUPERVISOR).isEmpty());
        assertTrue(store.find(TrustPurpose.VENDOR, added.id()).isPresent());
        assertTrue(store.find(TrustPurpose.SUPERVISOR, added.id()).isEmpty());
        assertEquals(vendor.getPublic(), store.find(TrustPurpose.VENDOR, added.id()).orElseThrow().key());
    }

    @Test
    void oneKeyServesOnePurpose() throws Exception {
        TrustStore store = new TrustStore(AirlockHome.open(dir.resolve("home")));
        KeyPair pair = Ed25519.generate();
        Path pem = Files.writeString(dir.resolve("k.pub"), Ed25519.publicPem(pair.getPublic()));
        store.add(TrustPurpose.VENDOR, pem);
        AirlockException e = assertThrows(AirlockException.class, () -> store.add(TrustPurpose.SUPERVISOR, pem));
        assertEquals("trust.purpose.conflict", e.code());
        assertTrue(store.list(TrustPurpose.SUPERVISOR).isEmpty());
    }

    @Test
    void refusesDamagedOrSwappedTrustFiles() throws Exception {
        AirlockHome home = AirlockHome.open(dir.resolve("home"));
        TrustStore store = new TrustStore(home);
        Path notAKey = Files.writeString(dir.resolve("x.pub"), "not a key");
        assertEquals("key.pem.invalid", assertThrows(AirlockException.class, () -> store.add(TrustPurpose.VENDOR, notAKey)).code());
        KeyPair a = Ed25519.generate();
        KeyPair b = Ed25519.generate();
        Files.writeString(home.trust(TrustPurpose.VENDOR).resolve(Ed25519.keyId(a.getPublic()).hex() + ".pem"),
                Ed25519.publicPem(b.getPublic()));
        assertEquals("trust.file.mismatch", assertThrows(AirlockException.class,
                () -> store.list(TrustPurpose.VENDOR)).code());
    }
}
