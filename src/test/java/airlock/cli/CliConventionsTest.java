package airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command-line conventions (issue 17): {@code --help}/{@code -h} on every command, {@code help
 * CMD...}, usage errors naming the option and showing the usage (exit 2), refusals exit 1. The
 * commands are found in the picocli model, so a command added later is covered without a change here.
 */
class CliConventionsTest {
    @TempDir
    Path dir;

    /** Every command path of the whole tree, e.g. {@code [bundle, create]}; the root is the empty path. */
    static List<List<String>> commandPaths() {
        CommandLine root = AirlockCommand.commandLine(new String[0], new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        List<List<String>> paths = new ArrayList<>();
        collect(root, new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(CommandLine cli, List<String> path, List<List<String>> paths) {
        paths.add(List.copyOf(path));
        cli.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName())) { // not an alias a second time
                List<String> longer = new ArrayList<>(path);
                longer.add(name);
                collect(sub, longer, paths);
            }
        });
    }

    private static String[] args(List<String> path, String... more) {
        List<String> all = new ArrayList<>(path);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static String usageLine(List<String> path) {
        return "Usage: " + String.join(" ", args(List.of("airlock"), path.toArray(String[]::new)));
    }

    @Test
    void theModelHoldsTheCommandsThisTestMeansToCover() {
        List<List<String>> paths = commandPaths();
        for (List<String> expected : List.of(List.of("bundle", "create"), List.of("keygen"), List.of("log", "verify"),
                List.of("search"), List.of("help"), List.of("trust", "add"), List.of("keeper"))) {
            assertTrue(paths.contains(expected), expected + " in " + paths);
        }
        assertTrue(paths.size() > 25, paths.toString());
    }

    @Test
    void helpAndDashHOnEveryCommandPrintUsageAndExitZero() {
        for (List<String> path : commandPaths()) {
            for (String flag : List.of("--help", "-h")) {
                Cli run = Cli.run(args(path, flag));
                String what = String.join(" ", args(path, flag));
                assertEquals(AirlockCommand.OK, run.exit(), what + "\n" + run.out() + run.err());
                assertTrue(run.out().startsWith(usageLine(path) + " "), what + ":\n" + run.out());
                assertTrue(run.out().contains("-h, --help"), what + ":\n" + run.out());
                assertEquals("", run.err(), what);
            }
        }
    }

    @Test
    void helpCommandPrintsTheUsageOfEveryCommand() {
        for (List<String> path : commandPaths()) {
            if (path.isEmpty() || path.get(0).equals("help")) {
                continue;
            }
            Cli run = Cli.run(args(List.of("help"), path.toArray(String[]::new)));
            assertEquals(AirlockCommand.OK, run.exit(), "help " + path + "\n" + run.err());
            assertEquals(Cli.run(args(path, "--help")).out(), run.out(), "help " + path);
        }
        Cli unknown = Cli.run("help", "frobnicate");
        assertEquals(AirlockCommand.USAGE, unknown.exit());
        assertTrue(unknown.err().contains("frobnicate"), unknown.err());
    }

    /** The complaint of the issue: these answered "Missing required option" instead of their usage. */
    @Test
    void theCommandsOfTheIssueAnswerHelp() {
        for (String[] cmd : new String[][] {{"bundle", "create"}, {"keygen"}, {"log", "verify"}, {"search"}}) {
            Cli run = Cli.run(args(List.of(cmd), "--help"));
            assertEquals(0, run.exit(), run.err());
            assertFalse(run.out().contains("Missing required"), run.out());
            assertTrue(run.out().startsWith(usageLine(List.of(cmd))), run.out());
        }
    }

    @Test
    void aUsageErrorNamesTheOptionShowsTheUsageAndExitsTwo() {
        Cli missing = Cli.run("bundle", "create", "--repo", dir.toString());
        assertEquals(AirlockCommand.USAGE, missing.exit());
        String first = missing.err().lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("airlock: Missing required option"), first);
        assertTrue(first.contains("--review-ref"), first);
        assertTrue(missing.err().contains(usageLine(List.of("bundle", "create"))), missing.err());
        assertTrue(missing.err().contains("--review-ref=REF"), missing.err());
        assertFalse(missing.err().contains("\tat "), "no stack trace");
        assertEquals("", missing.out());

        Cli unknown = Cli.run("search", "--bundle", "x", "--bogus", "q");
        assertEquals(AirlockCommand.USAGE, unknown.exit());
        assertTrue(unknown.err().startsWith("airlock: Unknown option: '--bogus'"), unknown.err());
        assertTrue(unknown.err().contains(usageLine(List.of("search"))), unknown.err());

        Cli invalid = Cli.run("bundle", "create", "--sequence", "many");
        assertEquals(AirlockCommand.USAGE, invalid.exit());
        assertTrue(invalid.err().contains("--sequence"), invalid.err());
        assertTrue(invalid.err().contains(usageLine(List.of("bundle", "create"))), invalid.err());
    }

    /** A command's own check of its arguments (exit 2) is followed by the usage as well, once. */
    @Test
    void aCommandsOwnUsageCheckShowsTheUsageOnce() {
        Cli purpose = Cli.run("trust", "add", "janitor", "x.pub", "--home", dir.resolve("home").toString());
        assertEquals(AirlockCommand.USAGE, purpose.exit());
        assertTrue(purpose.err().startsWith("airlock: ") && purpose.err().contains("janitor"), purpose.err());
        assertEquals(1, count(purpose.err(), usageLine(List.of("trust", "add"))), purpose.err());

        Cli combined = Cli.run("search", "--bundle", "x", "--all-refs", "--ref", "main", "q");
        assertEquals(AirlockCommand.USAGE, combined.exit());
        assertTrue(combined.err().startsWith("airlock: --all-refs cannot be combined"), combined.err());
        assertEquals(1, count(combined.err(), usageLine(List.of("search"))), combined.err());

        Cli unknown = Cli.run("help", "bundle", "frobnicate");
        assertEquals(AirlockCommand.USAGE, unknown.exit());
        assertTrue(unknown.err().startsWith("airlock: Unknown command: 'frobnicate' for 'airlock bundle'"), unknown.err());
        assertEquals(1, count(unknown.err(), "Usage: "), unknown.err());
        assertTrue(unknown.err().contains(usageLine(List.of("bundle"))), unknown.err());
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    /** One key, one purpose: pinning a vendor key again as a supervisor key is a refusal (1), not an I/O error (3). */
    @Test
    void aKeyPinnedForASecondPurposeIsRefusedWithExitOne() throws Exception {
        assertEquals(0, Cli.run("keygen", "--out", dir.resolve("k").toString()).exit());
        String pub = dir.resolve("k.pub").toString();
        String home = dir.resolve("home").toString();
        assertEquals(0, Cli.run("trust", "add", "vendor", pub, "--home", home).exit());
        Cli twice = Cli.run("trust", "add", "supervisor", pub, "--home", home);
        assertEquals(AirlockCommand.CHECK_FAILED, twice.exit(), twice.err());
        assertTrue(twice.err().contains("[trust.purpose.conflict]"), twice.err());
        assertEquals(1, twice.err().strip().lines().count(), twice.err());
        try (var pinned = Files.list(AirlockHome.open(dir.resolve("home")).trust(TrustPurpose.SUPERVISOR))) {
            assertTrue(pinned.noneMatch(f -> f.toString().endsWith(".pem")), "not pinned");
        }
    }
}
