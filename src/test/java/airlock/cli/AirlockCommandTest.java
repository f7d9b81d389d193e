package airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.BuildInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line as app/airlock runs it, through AirlockCommand.run(args, out, err). */
class AirlockCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return AirlockCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        assertEquals(AirlockCommand.OK, run("--help"));
        String help = out.toString();
        assertTrue(help.contains("version"), help);
        for (String code : new String[] {"0   success", "1   a verification", "2   usage error", "3   I/O"}) {
            assertTrue(help.contains(code), "help lists exit code '" + code + "':\n" + help);
        }
    }

    @Test
    void versionPrintsTheBuildVersion() {
        assertEquals(AirlockCommand.OK, run("version"));
        assertEquals("airlock " + BuildInfo.version(), out.toString().strip());
        assertTrue(!BuildInfo.version().equals("unknown"), "build.properties is filtered by Maven");
    }

    @Test
    void aBadOptionExitsTwoNamingItThenTheUsage() {
        assertEquals(AirlockCommand.USAGE, run("--bogus"));
        String message = err.toString().strip();
        assertTrue(message.lines().findFirst().orElseThrow().contains("--bogus"), message);
        assertTrue(message.contains("\nUsage: airlock "), message);
        assertEquals("", out.toString());
    }

    @Test
    void helpListsEverySubcommandInOrder() {
        assertEquals(AirlockCommand.OK, run("--help"));
        String help = out.toString();
        int last = -1;
        for (String name : new String[] {"version", "keygen", "trust", "bundle", "log", "search", "search-index", "annotations",
            "policy"}) {
            int at = help.indexOf("\n  " + name + " ");
            assertTrue(at > last, name + " listed after the one before it:\n" + help);
            last = at;
        }
    }

    /** Only the named subcommand is built; its usage text and its usage errors read as in the whole tree. */
    @Test
    void aSubcommandBuiltAloneReadsAsInTheWholeTree() {
        CommandLine whole = AirlockCommand.commandLine(new String[] {"--help"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(12, whole.getSubcommands().size()); // with help
        for (String[] path : new String[][] {{"log", "verify"}, {"log", "seal"}, {"search"}, {"bundle", "verify"}, {"version"}}) {
            CommandLine alone = AirlockCommand.commandLine(path, new PrintWriter(out, true), new PrintWriter(err, true));
            assertEquals(2, alone.getSubcommands().size()); // and help
            CommandLine expected = whole;
            CommandLine actual = alone;
            for (String name : path) {
                expected = expected.getSubcommands().get(name);
                actual = actual.getSubcommands().get(name);
            }
            assertEquals(expected.getUsageMessage(), actual.getUsageMessage(), String.join(" ", path));
            assertEquals(expected.getCommandSpec().qualifiedName(), actual.getCommandSpec().qualifiedName());
        }
        assertEquals(AirlockCommand.USAGE, run("log", "verify", "some.log", "--bogus"));
        assertEquals("airlock: Unknown option: '--bogus'", err.toString().lines().findFirst().orElseThrow());
        assertTrue(err.toString().contains("\nUsage: airlock log verify "), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void anUnknownCommandExitsTwo() {
        assertEquals(AirlockCommand.USAGE, run("frobnicate"));
        assertTrue(err.toString().lines().findFirst().orElseThrow().contains("frobnicate"), err.toString());
        assertTrue(err.toString().contains("\nUsage: airlock "), err.toString());
    }
}
