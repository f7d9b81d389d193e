package airlock.core.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkstationIdTest {
    @TempDir
    Path dir;

    @Test
    void isCreatedOnceAndThenKept() throws Exception {
        AirlockHome home = AirlockHome.open(dir.resolve("home"));
        String id = WorkstationId.loadOrCreate(home, new SecureRandom());
        assertTrue(id.matches("WS-[2-9A-Z]{4}-[2-9A-Z]{4}"), id);
        assertEquals(id, WorkstationId.loadOrCreate(home, new SecureRandom()));
    }

    @Test
    void aTamperedFileIsRefusedWithAClearMessage() throws Exception {
        AirlockHome home = AirlockHome.open(dir.resolve("home"));
        Files.writeString(home.root().resolve("workstation-id"), "WS-\u202EABC-1234\n");
        AirlockException e = assertThrows(AirlockException.class,
                () -> WorkstationId.loadOrCreate(home, new SecureRandom()));
        assertEquals("home.workstation.id", e.code());
        assertTrue(e.getMessage().contains("WS-XXXX-XXXX"), e.getMessage());
    }

    @Test
    void binaryGarbageIsRefusedNotCrashed() throws Exception {
        AirlockHome home = AirlockHome.open(dir.resolve("home"));
        Files.write(home.root().resolve("workstation-id"), new byte[] {(byte) 0xff, 0, (byte) 0xfe});
        assertEquals("home.workstation.id", assertThrows(AirlockException.class,
                () -> WorkstationId.loadOrCreate(home, new SecureRandom())).code());
    }
}
