package airlock.core.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 17, modes: the demo only when asked; the real workstation's home from --home, AIRLOCK_HOME or the system place. */
class StartModeTest {
    @Test
    void theDemoOnlyWhenAskedTheRealWorkstationOtherwise() {
        assertTrue(StartMode.parse(List.of("demo"), Map.of()).demo());
        StartMode alone = StartMode.parse(List.of(), Map.of());
        assertFalse(alone.demo());
        assertEquals(Path.of("/var/lib/airlock"), alone.home());
        assertEquals(Path.of("/srv/room"), StartMode.parse(List.of("workstation"), Map.of("AIRLOCK_HOME", "/srv/room")).home());
        assertEquals(Path.of("/srv/other"), StartMode.parse(List.of("workstation", "--home", "/srv/other"),
                Map.of("AIRLOCK_HOME", "/srv/room")).home());
        assertEquals(Path.of("/var/lib/airlock"), StartMode.parse(List.of(), Map.of("AIRLOCK_HOME", " ")).home());
        // a demo home in AIRLOCK_HOME is still the real workstation's home (RoomStatus then refuses its demo material)
        assertFalse(StartMode.parse(List.of(), Map.of("AIRLOCK_HOME", "/x/target/demo-home")).demo());
        // the kiosk session: the real workstation through the keeper's socket, never the demo
        StartMode kiosk = StartMode.parse(List.of("workstation", "--keeper", "/run/airlock/keeper.sock"), Map.of());
        assertFalse(kiosk.demo());
        assertEquals(Path.of("/run/airlock/keeper.sock"), kiosk.keeper());
        assertEquals(null, alone.keeper());
    }

    @Test
    void anythingElseIsAUsageErrorNotADemo() {
        for (List<String> args : List.of(List.of("demo", "--home", "/x"), List.of("workstation", "--home"),
                List.of("workstation", "demo"), List.of("gui"), List.of("workstation", "--keeper"), List.of("demo", "--keeper", "/s"), List.of("workstation", "--home", ""))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StartMode.parse(args, Map.of()), args.toString());
            assertTrue(e.getMessage().contains("'airlock demo'"), e.getMessage());
        }
        assertTrue(StartMode.window(new String[0]));
        assertTrue(StartMode.window(new String[] {"demo"}));
        assertFalse(StartMode.window(new String[] {"room", "status"}));
    }
}
