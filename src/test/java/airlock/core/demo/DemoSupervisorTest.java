package airlock.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import airlock.core.crypto.Ed25519;
import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import airlock.core.trust.TrustStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo supervisor's stick outlives a demo home: a new home pins the key already on the stick. */
class DemoSupervisorTest {
    @TempDir
    Path dir;

    @Test
    void aKeyLeftOnTheStickFromAnOlderHomeIsPinnedInTheNewOneAndTheKeyFileIsPrivate() throws Exception {
        Path stick = dir.resolve("demo-supervisor-stick");
        AirlockHome first = AirlockHome.open(dir.resolve("home-1"));
        Path key = DemoSupervisor.install(first, stick);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        var id = Ed25519.keyId(Ed25519.publicKeyOf(Ed25519.readPrivatePem(key, DemoSupervisor.PASSPHRASE.toCharArray())));

        AirlockHome second = AirlockHome.open(dir.resolve("home-2"));
        assertEquals(key, DemoSupervisor.install(second, stick));
        assertEquals(1, new TrustStore(second).list(TrustPurpose.SUPERVISOR).size());
        new TrustStore(second).find(TrustPurpose.SUPERVISOR, id).orElseThrow();
        // a third start on the same home pins nothing twice
        DemoSupervisor.install(second, stick);
        assertEquals(1, new TrustStore(second).list(TrustPurpose.SUPERVISOR).size());
    }
}
