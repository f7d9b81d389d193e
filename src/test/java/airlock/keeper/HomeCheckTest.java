package airlock.keeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.cli.AirlockCommand;
import airlock.core.AirlockException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keeper refuses a home others can reach, and says so in one line with the CLI's I/O exit code. */
class HomeCheckTest {
    private static final String USER = System.getProperty("user.name");
    @TempDir
    Path tmp;

    private Path dir(String name, String mode) throws Exception {
        Path d = Files.createDirectories(tmp.resolve(name));
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString(mode));
        return d;
    }

    @Test
    void aHomeOthersCanReadEnterOrWriteIsRefused() throws Exception {
        for (String mode : new String[] {"rwxr-xr-x", "rwx---r--", "rwx-----x", "rwxrwx---", "rwx--x---"}) {
            Path home = dir("home-" + mode, mode);
            AirlockException e = assertThrows(AirlockException.class, () -> HomeCheck.requirePrivate(home, USER), mode);
            assertEquals("keeper.home.open", e.code());
            assertTrue(e.getMessage().contains(mode) && e.getMessage().contains("chmod 700"), e.getMessage());
        }
        HomeCheck.requirePrivate(dir("private", "rwx------"), USER);
        HomeCheck.requirePrivate(tmp.resolve("absent"), USER);
    }

    @Test
    void aLinkAFileOrAnotherOwnersHomeIsRefused() throws Exception {
        Path real = dir("real", "rwx------");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        assertTrue(assertThrows(AirlockException.class, () -> HomeCheck.requirePrivate(link, USER)).getMessage()
                .contains("not a directory"));
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThrows(AirlockException.class, () -> HomeCheck.requirePrivate(file, USER));
        assertTrue(assertThrows(AirlockException.class, () -> HomeCheck.requirePrivate(real, "someone-else")).getMessage()
                .contains("not by the keeper's account 'someone-else'"));
    }

    @Test
    void theCliVerbRefusesAnOpenHomeInOneLine() throws Exception {
        Path home = dir("open-home", "rwxr-xr-x");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AirlockCommand.run(new String[] {"keeper", "--home", home.toString(), "--socket", tmp.resolve("k.sock").toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(AirlockCommand.IO_ERROR, code);
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("refuses to run") && err.toString().contains("[keeper.home.open]"), err.toString());
        assertEquals(AirlockCommand.USAGE, AirlockCommand.run(new String[] {"keeper", "--home", home.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true)));
    }
}
