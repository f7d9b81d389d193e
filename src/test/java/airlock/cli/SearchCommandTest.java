package airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.git.IsolatedGit;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCommandTest {
    @TempDir
    Path tmp;
    private Path repo;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws Exception {
        IsolatedGit.install();
        repo = tmp.resolve("repo");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.writeString(repo.resolve("a.c"), "int access_ok;\n/* \u202E } \u2066 if (admin) */ access_ok = 1;\n"
                    + "printf(\"\\033[2J\"); access_ok\u001b[31m\n", StandardCharsets.UTF_8);
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("T", "t@example.org", 0L, 0);
            git.commit().setMessage("m").setAuthor(who).setCommitter(who).setSign(false).call();
        }
    }

    private int run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "search";
        all[1] = "--home=" + tmp.resolve("home");
        System.arraycopy(args, 0, all, 2, args.length);
        return AirlockCommand.run(all, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void printsPathLineTextWithControlAndBidiCharactersEscaped() {
        assertEquals(AirlockCommand.OK, run("--bundle", repo.toString(), "access_ok"));
        String printed = out.toString();
        assertTrue(printed.startsWith("a.c:1:int access_ok;\n"), printed);
        assertTrue(printed.contains("a.c:2:/* ⟨U+202E⟩ } ⟨U+2066⟩ if (admin) */ access_ok = 1;\n"), printed);
        assertTrue(printed.contains("a.c:3:printf(\"\\033[2J\"); access_ok⟨U+001B⟩[31m\n"), printed);
        for (char c : printed.toCharArray()) {
            assertTrue(c == '\n' || (c >= 0x20 && c != 0x7F && c != 0x202E && c != 0x2066), "raw control " + (int) c);
        }
        assertTrue(err.toString().contains("no search index"), err.toString());
    }

    @Test
    void exitCodesSayMatchNoMatchOrBadQuery() {
        assertEquals(AirlockCommand.CHECK_FAILED, run("--bundle", repo.toString(), "nothing-like-this"));
        assertEquals(AirlockCommand.USAGE, run("--bundle", repo.toString(), "--regex", "access_(ok"));
        assertTrue(err.toString().contains("Invalid regular expression"), err.toString());
        assertEquals(AirlockCommand.OK, run("--bundle", repo.toString(), "-e", "-i", "-w", "ACCESS_OK"));
        assertEquals(AirlockCommand.IO_ERROR, run("--bundle", tmp.resolve("missing").toString(), "x"));
    }

    @Test
    void usesTheIndexOnceBuilt() {
        assertEquals(AirlockCommand.OK, AirlockCommand.run(new String[] {"search-index", "--home=" + tmp.resolve("home"),
            "--bundle", repo.toString()}, new PrintWriter(out), new PrintWriter(err)));
        err.getBuffer().setLength(0);
        assertEquals(AirlockCommand.OK, run("--bundle", repo.toString(), "--path", "*.c", "access_ok"));
        assertEquals("", err.toString());
    }

    /**
     * {@code --bundle} given the bundle folder on a stick: searched from the store once imported (the
     * same bundle as its id), refused with exit 1 and the way forward before import, and refused when
     * the folder's manifest is not byte for byte the imported one (tampered, or oversized).
     */
    @Test
    void aBundleFolderOnAStickIsSearchedOnlyOnceImported() throws Exception {
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-11-28T09:30:00Z"), java.time.ZoneOffset.UTC);
        airlock.core.home.AirlockHome home = airlock.core.home.AirlockHome.open(tmp.resolve("home"));
        airlock.core.bundle.BundleFiles files = new airlock.core.demo.DemoMedia(new airlock.core.demo.DemoProject(repo), clock)
                .prepare(home, airlock.core.progress.ProgressMonitor.NONE);
        String folder = files.folder().toString();

        assertEquals(AirlockCommand.CHECK_FAILED, run("--bundle", folder, "access_ok"));
        assertTrue(err.toString().contains("is not imported on this workstation"), err.toString());
        assertTrue(err.toString().contains("airlock bundle import"), err.toString());
        assertEquals("", out.toString(), "nothing read from the unverified folder");
        assertEquals(1, err.toString().strip().lines().count(), err.toString());

        String id = new airlock.core.bundle.BundleIntake(home, clock, airlock.core.bundle.IntakeLimits.defaults())
                .importBundle(files, java.util.Optional.empty(), airlock.core.progress.ProgressMonitor.NONE)
                .storeFolder().orElseThrow().getFileName().toString();
        assertEquals(id, SourceResolver.importedIdOf(home, files.folder(), folder));
        err.getBuffer().setLength(0);
        assertEquals(AirlockCommand.OK, run("--bundle", folder, "access_ok"));
        assertTrue(out.toString().startsWith("a.c:1:int access_ok;\n"), out.toString());

        byte[] manifest = Files.readAllBytes(files.manifest());
        manifest[manifest.length / 2] ^= 1;
        Files.write(files.manifest(), manifest);
        err.getBuffer().setLength(0);
        assertEquals(AirlockCommand.CHECK_FAILED, run("--bundle", folder, "access_ok"));
        assertTrue(err.toString().contains("is not imported on this workstation"), err.toString());

        Files.write(files.manifest(), new byte[(int) airlock.core.bundle.IntakeLimits.defaults().maxManifestBytes() + 1]);
        err.getBuffer().setLength(0);
        assertEquals(AirlockCommand.CHECK_FAILED, run("--bundle", folder, "access_ok"));
        assertTrue(err.toString().contains("is not imported on this workstation"), err.toString());
    }

    @Test
    void anImportedBundleIsNamedByItsStoreIdAndSharesTheWindowsIndex() throws Exception {
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-11-28T09:30:00Z"), java.time.ZoneOffset.UTC);
        airlock.core.home.AirlockHome home = airlock.core.home.AirlockHome.open(tmp.resolve("home"));
        airlock.core.demo.DemoProject demo = new airlock.core.demo.DemoProject(repo);
        airlock.core.bundle.BundleFiles files = new airlock.core.demo.DemoMedia(demo, clock)
                .prepare(home, airlock.core.progress.ProgressMonitor.NONE);
        String id = new airlock.core.bundle.BundleIntake(home, clock, airlock.core.bundle.IntakeLimits.defaults())
                .importBundle(files, java.util.Optional.empty(), airlock.core.progress.ProgressMonitor.NONE)
                .storeFolder().orElseThrow().getFileName().toString();
        assertEquals(AirlockCommand.OK, AirlockCommand.run(new String[] {"search-index", "--home=" + tmp.resolve("home"),
            "--bundle", id}, new PrintWriter(out), new PrintWriter(err)));
        try (var folders = Files.list(home.databases().resolve("search"))) {
            assertTrue(folders.anyMatch(f -> f.getFileName().toString().startsWith("bundle-")), "keyed by the bundle");
        }
        err.getBuffer().setLength(0);
        out.getBuffer().setLength(0);
        assertEquals(AirlockCommand.OK, run("--bundle", id, "access_ok"));
        assertTrue(out.toString().startsWith("a.c:1:int access_ok;\n"), out.toString());
        assertEquals("", err.toString(), "answered from the complete index");
        assertEquals(AirlockCommand.IO_ERROR, run("--bundle", "0123abcd", "x"));
        assertTrue(err.toString().contains("Imported bundles: " + id), err.toString());
    }

    /**
     * Issue 16: a store read by the command line is the keeper account's, and recorded in the ledger
     * before any code is printed; a home another account could reach is refused with one line, exit 1,
     * nothing printed and nothing recorded. (That another account is refused is shown as root by
     * KeeperAccountsTest; here the same check trips on the home's mode.)
     */
    @Test
    void aStoreReadIsRecordedInTheLedgerFirstAndRefusedOnAHomeOthersCouldReach() throws Exception {
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-11-28T09:30:00Z"), java.time.ZoneOffset.UTC);
        airlock.core.home.AirlockHome home = airlock.core.home.AirlockHome.open(tmp.resolve("home"));
        airlock.core.bundle.BundleFiles files = new airlock.core.demo.DemoMedia(new airlock.core.demo.DemoProject(repo), clock)
                .prepare(home, airlock.core.progress.ProgressMonitor.NONE);
        String id = new airlock.core.bundle.BundleIntake(home, clock, airlock.core.bundle.IntakeLimits.defaults())
                .importBundle(files, java.util.Optional.empty(), airlock.core.progress.ProgressMonitor.NONE)
                .storeFolder().orElseThrow().getFileName().toString();
        long before = ledgerSearches(home).size();

        assertEquals(AirlockCommand.OK, run("--bundle", id, "-e", "."));
        assertTrue(out.toString().startsWith("a.c:1:int access_ok;"), out.toString());
        java.util.List<airlock.core.log.LogEntry> searches = ledgerSearches(home);
        assertEquals(before + 1, searches.size(), "one ledger entry for the read");
        airlock.core.log.LogEntry entry = searches.get(searches.size() - 1);
        assertEquals("cli:" + System.getProperty("user.name"), entry.actor());
        assertEquals(".", entry.data().get("query"));
        assertEquals(Boolean.TRUE, entry.data().get("regex"));
        assertEquals("cli", entry.data().get("origin"));

        // a bad pattern is a usage error and no read: nothing recorded
        assertEquals(AirlockCommand.USAGE, run("--bundle", id, "-e", "(("));
        assertEquals(before + 1, ledgerSearches(home).size());

        Files.setPosixFilePermissions(home.root(), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertEquals(AirlockCommand.CHECK_FAILED, run("--bundle", id, "-e", "."));
        assertEquals("", out.toString(), "no code printed");
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("airlock: 'airlock search' reads vendor code from the store, which only the keeper's account may do"),
                err.toString());
        assertTrue(err.toString().contains("[cli.read.refused]"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(AirlockCommand.CHECK_FAILED, AirlockCommand.run(new String[] {"search-index", "--home=" + tmp.resolve("home"),
            "--bundle", id}, new PrintWriter(out), new PrintWriter(err)));
        assertTrue(err.toString().contains("[cli.read.refused]"), err.toString());
        assertEquals("rwxr-xr-x", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(home.root())),
                "the refused command did not open (re-mode) the home");
        Files.setPosixFilePermissions(home.root(), java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        assertEquals(before + 1, ledgerSearches(home).size(), "nothing recorded for the refused reads");
    }

    private static java.util.List<airlock.core.log.LogEntry> ledgerSearches(airlock.core.home.AirlockHome home) throws Exception {
        java.util.List<airlock.core.log.LogEntry> found = new java.util.ArrayList<>();
        String workstation = airlock.core.home.WorkstationId.loadOrCreate(home, new java.security.SecureRandom());
        try (var logs = airlock.core.session.WorkstationLogs.open(home,
                airlock.core.session.WorkstationKey.loadOrCreate(home, workstation), java.time.Clock.systemUTC())) {
            airlock.core.log.EntryCodec codec = new airlock.core.log.EntryCodec();
            airlock.core.log.SessionLog.readEntries(logs.store(), airlock.core.log.SessionHeader.LEDGER_SESSION, bytes -> {
                airlock.core.log.LogEntry e = codec.decode(bytes);
                if (e.type() == airlock.core.log.EntryType.SEARCH_RUN) {
                    found.add(e);
                }
            });
        }
        return found;
    }

    @Test
    void escapingIsUnambiguous() {
        assertEquals("a⟨U+27E8⟩U+0041⟩", TerminalText.escape("a⟨U+0041⟩"));
        assertEquals("tab\tok é", TerminalText.escape("tab\tok é"));
        assertEquals("⟨U+E0041⟩⟨U+200B⟩⟨U+FEFF⟩⟨U+3164⟩", TerminalText.escape("\uDB40\uDC41\u200B\uFEFF\u3164"));
    }
}
