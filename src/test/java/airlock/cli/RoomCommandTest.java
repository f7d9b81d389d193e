package airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17: {@code airlock room init} and {@code room status}, driven as an administrator would, with keys made by {@code keygen}. */
class RoomCommandTest {
    @TempDir
    Path dir;

    @Test
    void initOnAnEmptyHomeThenStatusIsComplete() throws Exception {
        String home = dir.resolve("home").toString();
        Cli before = Cli.run("room", "status", "--home", home);
        assertEquals(1, before.exit(), before.out());
        assertTrue(before.out().startsWith("missing  home folder"), before.out());
        assertTrue(before.out().contains("not set up: 7 of 8 items missing or refused"), before.out());
        assertFalse(Files.exists(dir.resolve("home")), "status creates nothing");

        for (String who : new String[] {"admin", "supervisor", "vendor"}) {
            assertEquals(0, Cli.run("keygen", "--out", dir.resolve(who).toString()).exit());
        }
        Path source = Files.writeString(dir.resolve("room.json"), PolicyCommandTest.SOURCE);
        Path signed = dir.resolve("room-policy.json");
        assertEquals(0, Cli.run("policy", "sign", "--key", dir.resolve("admin.key").toString(), "--out", signed.toString(),
                source.toString()).exit());

        Cli init = Cli.run("room", "init", "--home", home, "--admin-key", dir.resolve("admin.pub").toString(),
                "--policy", signed.toString(), "--supervisor-key", dir.resolve("supervisor.pub").toString(),
                "--vendor-key", dir.resolve("vendor.pub").toString());
        assertEquals(0, init.exit(), init.err());
        String[] lines = init.out().split("\n");
        assertEquals(8, lines.length, init.out());
        assertTrue(lines[0].startsWith("created home "), init.out());
        assertTrue(lines[4].startsWith("installed room policy 'Room 7'"), init.out());
        assertTrue(lines[7].startsWith("workstation set up: "), init.out());

        Cli after = Cli.run("room", "status", "--home", home);
        assertEquals(0, after.exit(), after.out());
        assertEquals(9, after.out().split("\n").length, after.out());
        assertTrue(after.out().lines().limit(8).allMatch(l -> l.startsWith("ok ")), after.out());
        assertTrue(after.out().contains("complete: this workstation is set up"), after.out());
    }

    @Test
    void aPolicyNotSignedByTheAdministratorExitsOneAndWritesNothing() throws Exception {
        String home = dir.resolve("home").toString();
        for (String who : new String[] {"admin", "stranger", "supervisor", "vendor"}) {
            Cli.run("keygen", "--out", dir.resolve(who).toString());
        }
        Path source = Files.writeString(dir.resolve("room.json"), PolicyCommandTest.SOURCE);
        Path signed = dir.resolve("room-policy.json");
        Cli.run("policy", "sign", "--key", dir.resolve("stranger.key").toString(), "--out", signed.toString(), source.toString());
        Cli init = Cli.run("room", "init", "--home", home, "--admin-key", dir.resolve("admin.pub").toString(),
                "--policy", signed.toString(), "--supervisor-key", dir.resolve("supervisor.pub").toString(),
                "--vendor-key", dir.resolve("vendor.pub").toString());
        assertEquals(1, init.exit(), init.err());
        assertTrue(init.err().contains("is not signed by the room administrator key") && init.err().contains("[room.init.refused]"),
                init.err());
        assertEquals(1, init.err().split("\n").length, init.err());
        assertFalse(Files.exists(dir.resolve("home")));
        // the same key given twice for two purposes: a refused check, exit 1
        Cli twice = Cli.run("room", "init", "--home", home, "--admin-key", dir.resolve("admin.pub").toString(),
                "--policy", signed.toString(), "--supervisor-key", dir.resolve("vendor.pub").toString(),
                "--vendor-key", dir.resolve("vendor.pub").toString());
        assertEquals(1, twice.exit(), twice.err());
    }

    @Test
    void aMissingOptionNamesItAndShowsTheUsage() {
        Cli init = Cli.run("room", "init", "--home", dir.toString());
        assertEquals(2, init.exit());
        assertTrue(init.err().contains("Missing required options") && init.err().contains("Usage: airlock room init"), init.err());
    }

    @Test
    void anInspectorEntryMadeByPolicyInspectorGoesIntoASignedPolicy() throws Exception {
        Path passphrase = Files.writeString(dir.resolve("ada.pass"), "analytical engine 1843\n");
        Cli entry = Cli.run("policy", "inspector", "--name", "Ada Lovelace", "--passphrase-file", passphrase.toString());
        assertEquals(0, entry.exit(), entry.err());
        assertTrue(entry.out().startsWith("{\"name\":\"Ada Lovelace\",\"passphrase\":{\"algorithm\":\"pbkdf2-hmac-sha256\""), entry.out());
        assertFalse(entry.out().contains("analytical"), entry.out());
        Cli.run("keygen", "--out", dir.resolve("admin").toString());
        String source = PolicyCommandTest.SOURCE.replace("\"name\": \"Room 7\",", "\"name\": \"Room 7\", \"inspectors\": ["
                + entry.out().strip() + "],");
        Path file = Files.writeString(dir.resolve("room.json"), source);
        Path signed = dir.resolve("signed.json");
        Cli sign = Cli.run("policy", "sign", "--key", dir.resolve("admin.key").toString(), "--out", signed.toString(), file.toString());
        assertEquals(0, sign.exit(), sign.err());
        String home = dir.resolve("home").toString();
        Cli.run("trust", "add", "room-admin", dir.resolve("admin.pub").toString(), "--home", home);
        Cli verify = Cli.run("policy", "verify", signed.toString(), "--home", home);
        assertEquals(0, verify.exit(), verify.err());
        assertTrue(verify.out().contains("1 named, each with a passphrase: Ada Lovelace"), verify.out());
        Cli shortOne = Cli.run("policy", "inspector", "--name", "Ada", "--passphrase-file",
                Files.writeString(dir.resolve("short"), "short\n").toString());
        assertEquals(2, shortOne.exit());
        assertTrue(shortOne.err().contains("at least 10 characters"), shortOne.err());
    }
}
