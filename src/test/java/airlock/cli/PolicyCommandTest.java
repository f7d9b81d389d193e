package airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCommandTest {
    static final String SOURCE = "{\n \"type\": \"airlock-room-policy/1\", \"name\": \"Room 7\",\n \"clipboard\": false,"
            + " \"idleLockMinutes\": 10, \"inspectorsSeeEachOther\": true, \"maxSessionMinutes\": 300,\n"
            + " \"confirmation\": {\"mode\": \"key\"},\n \"export\": {\"annotations\": true, \"snippets\": true,"
            + " \"maxSnippetLinesPerFinding\": 5, \"maxSnippetLinesPerFile\": 10, \"maxSnippetLinesPerSession\": 40,"
            + " \"searchStrings\": false, \"forbiddenPaths\": [\"crypto/**\"]}\n}\n";
    @TempDir
    Path dir;

    @Test
    void signVerifyInstallAndShow() throws Exception {
        String home = dir.resolve("home").toString();
        assertEquals(0, Cli.run("keygen", "--out", dir.resolve("admin").toString()).exit());
        assertEquals(0, Cli.run("trust", "add", "room-admin", dir.resolve("admin.pub").toString(), "--home", home).exit());

        Cli none = Cli.run("policy", "show", "--home", home);
        assertEquals(0, none.exit(), none.err());
        assertTrue(none.out().contains("built-in strictest defaults"), none.out());

        Path source = Files.writeString(dir.resolve("room.json"), SOURCE);
        Path signed = dir.resolve("signed.json");
        Cli sign = Cli.run("policy", "sign", "--key", dir.resolve("admin.key").toString(), "--out", signed.toString(), source.toString());
        assertEquals(0, sign.exit(), sign.err());
        assertEquals(64, Files.size(dir.resolve("signed.json.sig")));

        Cli verify = Cli.run("policy", "verify", signed.toString(), "--home", home);
        assertEquals(0, verify.exit(), verify.err());
        assertTrue(verify.out().contains("at most 5 lines per finding"), verify.out());

        Cli install = Cli.run("policy", "install", signed.toString(), "--home", home);
        assertEquals(0, install.exit(), install.err());
        Cli show = Cli.run("policy", "show", "--home", home);
        assertTrue(show.out().contains("Room 7") && show.out().contains("crypto/**"), show.out());
    }

    @Test
    void showListsTheQuoteLimitsOfThePolicyOrTheirDefaults() throws Exception {
        String home = dir.resolve("home").toString();
        assertEquals(0, Cli.run("keygen", "--out", dir.resolve("admin").toString()).exit());
        assertEquals(0, Cli.run("trust", "add", "room-admin", dir.resolve("admin.pub").toString(), "--home", home).exit());
        String defaults = Cli.run("policy", "show", "--home", home).out();
        assertTrue(defaults.contains("quoted code caught from: 8 consecutive tokens")
                && defaults.contains("quoted lines at most:    40 per source file, 200 per session")
                && defaults.contains("encoded text at most:    256 bytes per session"), defaults);

        Path source = Files.writeString(dir.resolve("room.json"), SOURCE.replace("\n}\n", ",\n \"quotes\": {\"minRunTokens\": 12,"
                + " \"maxQuotedLinesPerFile\": 25, \"maxQuotedLinesPerSession\": 90, \"maxEncodedBytesPerSession\": 64}\n}\n"));
        Path signed = dir.resolve("signed.json");
        assertEquals(0, Cli.run("policy", "sign", "--key", dir.resolve("admin.key").toString(), "--out", signed.toString(),
                source.toString()).exit());
        assertEquals(0, Cli.run("policy", "install", signed.toString(), "--home", home).exit());
        String shown = Cli.run("policy", "show", "--home", home).out();
        assertTrue(shown.contains("quoted code caught from: 12 consecutive tokens")
                && shown.contains("quoted lines at most:    25 per source file, 90 per session")
                && shown.contains("encoded text at most:    64 bytes per session"), shown);
    }

    @Test
    void aPolicyFromAnUnknownKeyExitsOneWithTheReason() throws Exception {
        String home = dir.resolve("home").toString();
        Cli.run("keygen", "--out", dir.resolve("admin").toString());
        Cli.run("keygen", "--out", dir.resolve("stranger").toString());
        Cli.run("trust", "add", "room-admin", dir.resolve("admin.pub").toString(), "--home", home);
        Path source = Files.writeString(dir.resolve("room.json"), SOURCE);
        Path signed = dir.resolve("signed.json");
        Cli.run("policy", "sign", "--key", dir.resolve("stranger.key").toString(), "--out", signed.toString(), source.toString());

        Cli verify = Cli.run("policy", "verify", signed.toString(), "--home", home);
        assertEquals(1, verify.exit());
        assertTrue(verify.err().contains("[policy.signer.unknown]") && verify.err().contains("room administrator"), verify.err());
        Cli install = Cli.run("policy", "install", signed.toString(), "--home", home);
        assertEquals(1, install.exit());
        assertTrue(Cli.run("policy", "show", "--home", home).out().contains("strictest defaults"));
    }

    @Test
    void signRefusesAMistakeNamingTheField() throws Exception {
        Cli.run("keygen", "--out", dir.resolve("admin").toString());
        Path source = Files.writeString(dir.resolve("room.json"), SOURCE.replace("\"clipboard\": false", "\"clipbaord\": false"));
        Cli sign = Cli.run("policy", "sign", "--key", dir.resolve("admin.key").toString(), "--out",
                dir.resolve("o.json").toString(), source.toString());
        assertEquals(3, sign.exit());
        assertTrue(sign.err().contains("clipbaord"), sign.err());
        assertTrue(!Files.exists(dir.resolve("o.json")));
    }

    @Test
    void pinHashPrintsAConfirmationObject() throws Exception {
        Path pin = Files.writeString(dir.resolve("pin"), "735921\n");
        Cli out = Cli.run("policy", "pin-hash", "--pin-file", pin.toString());
        assertEquals(0, out.exit(), out.err());
        assertTrue(out.out().startsWith("{\"mode\":\"pin\",\"pin\":{\"algorithm\":\"pbkdf2-hmac-sha256\""), out.out());
        Files.writeString(pin, "12\n");
        assertEquals(2, Cli.run("policy", "pin-hash", "--pin-file", pin.toString()).exit());
    }
}
