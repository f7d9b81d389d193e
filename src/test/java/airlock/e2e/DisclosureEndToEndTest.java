package airlock.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.cli.AirlockCommand;
import airlock.core.crypto.Ed25519;
import airlock.core.log.LogExport;
import airlock.core.policy.SupervisorAction;
import airlock.core.policy.SupervisorDecision;
import airlock.core.policy.Violation;
import airlock.core.policy.ViolationKind;
import airlock.core.progress.ProgressMonitor;
import airlock.core.seal.DisclosurePlan;
import airlock.core.seal.SealFixture;
import airlock.core.seal.SealReview;
import airlock.core.seal.SupervisorKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, the log half, end to end: a session under a policy that keeps search strings and
 * secrets/** in the room is sealed and written to a stick. The stick's log verifies with
 * {@code airlock log verify} and verify_log.py, no byte on the stick holds a query or the forbidden
 * path, and the room archive's disclosures (all of them) verify against the same seal.
 */
class DisclosureEndToEndTest {
    static final String SESSION = "s-2026-03-02-d";

    @TempDir
    Path dir;
    SealFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new SealFixture(dir);
        fx.committedSession(SESSION);
    }

    @AfterEach
    void tearDown() throws Exception {
        fx.close();
    }

    @Test
    void theStickCarriesCommitmentsOnlyAndTheArchiveOpensThemAgainstTheSameSeal() throws Exception {
        SealReview review = fx.review(SESSION);
        List<Violation> open = review.violations();
        assertEquals(1, open.size(), open.toString());
        assertEquals(ViolationKind.SEARCH_STRING, open.get(0).kind(), "finding f-2 repeats a search string");
        review.decide(new SupervisorDecision(open.get(0), SupervisorAction.REDACT, "Sam", "search strings stay here"));

        List<DisclosurePlan.Field> fields = review.logDisclosures();
        assertEquals(5, fields.size(), "the forbidden path, two queries and two findings are committed: " + fields);
        for (DisclosurePlan.Field f : fields) {
            boolean firstFinding = "annotation".equals(f.disclosure().field()) && f.disclosure().value().toString().contains("f-1");
            assertEquals(firstFinding, f.disclosed(), f.disclosure().field() + " of entry " + f.disclosure().entry() + ": "
                    + f.reason());
        }

        SupervisorKey key = SupervisorKey.load(fx.supervisorKeyFile, SealFixture.PASSPHRASE.toCharArray(), fx.trust);
        review.seal(key, SupervisorKey.pinned(fx.trust));
        Path stick = Files.createDirectories(dir.resolve("stick"));
        review.write(stick, ProgressMonitor.NONE);

        String stem = LogExport.stem(SESSION);
        Path log = stick.resolve(stem + ".log");
        Path disclosures = stick.resolve(stem + ".disclosures");
        assertTrue(Files.exists(disclosures), "the stick's disclosures file");
        assertEquals(1, Files.readAllLines(disclosures).size(), "only finding f-1 is disclosed on the stick");
        // no byte on the stick names a query or the forbidden path
        List<String> secrets = new ArrayList<>(SealFixture.KEPT_QUERIES);
        secrets.add(SealFixture.FORBIDDEN_PATH);
        secrets.add("vault_keys");
        try (Stream<Path> files = Files.list(stick)) {
            for (Path file : files.toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    assertFalse(bytes.contains(secret), file.getFileName() + " holds '" + secret + "'");
                }
            }
        }

        // airlock log verify, with the stick's disclosures found next to the log
        Cli stickCheck = cli("log", "verify", log.toString(), "--home", fx.home.root().toString());
        assertEquals(0, stickCheck.code, stickCheck.text());
        assertTrue(stickCheck.out.contains("VALID: 1 of 5 committed fields disclosed"), stickCheck.text());

        // the findings export is checked against the log through the disclosures: f-1 (disclosed) matches its entry,
        // f-2 was redacted, so its logged text stayed in the room and the check says so
        Path findings;
        try (Stream<Path> files = Files.list(stick)) {
            findings = files.filter(p -> p.getFileName().toString().startsWith("annotations-")
                    && p.getFileName().toString().endsWith(".json")).findFirst().orElseThrow();
        }
        Cli findingsCheck = cli("annotations", "check", findings.toString(), "--log", log.toString(), "--seal",
                stick.resolve(stem + ".seal").toString(), "--home", fx.home.root().toString());
        assertEquals(1, findingsCheck.code, findingsCheck.text());
        assertTrue(findingsCheck.out.contains("DIFFERS FROM LOG: finding f-2's last log entry is committed and its disclosure"
                + " was kept in the room"), findingsCheck.text());

        // the room's archive keeps every disclosure; they open the commitments under the same seal
        Path archive = fx.home.archive().resolve(stem);
        Path allDisclosures = archive.resolve(stem + ".disclosures");
        assertEquals(5, Files.readAllLines(allDisclosures).size());
        assertEquals(Files.readString(archive.resolve(stem + ".log")), Files.readString(log), "one log, whatever is disclosed");
        Cli archiveCheck = cli("log", "verify", archive.resolve(stem + ".log").toString(), "--seal",
                stick.resolve(stem + ".seal").toString(), "--disclosures", allDisclosures.toString(), "--home",
                fx.home.root().toString());
        assertEquals(0, archiveCheck.code, archiveCheck.text());
        assertTrue(archiveCheck.out.contains("VALID: 5 of 5 committed fields disclosed"), archiveCheck.text());
        String archived = Files.readString(allDisclosures);
        for (String secret : secrets.subList(0, 3)) {
            assertTrue(archived.contains(secret), "the archive keeps '" + secret + "'");
        }

        // the stand-alone verifier agrees on both
        Assumptions.assumeTrue(onPath("python3") && onPath("openssl"), "python3 and openssl are needed for verify_log.py");
        Path trust = dir.resolve("trust");
        Files.createDirectories(trust.resolve("workstation"));
        Files.createDirectories(trust.resolve("supervisor"));
        Files.writeString(trust.resolve("workstation/ws.pem"), Ed25519.publicPem(fx.signer.publicKey()));
        Files.writeString(trust.resolve("supervisor/sam.pem"), "# label: Sam Supervisor\n" + Ed25519.publicPem(fx.supervisor.getPublic()));
        String stickPy = python(log, stick.resolve(stem + ".seal"), trust);
        assertTrue(stickPy.startsWith("VALID session " + SESSION), stickPy);
        assertTrue(stickPy.endsWith("disclosures: 1 of 5 committed fields disclosed"), stickPy);
        String archivePy = python(archive.resolve(stem + ".log"), stick.resolve(stem + ".seal"), trust, "--disclosures",
                allDisclosures.toString());
        assertTrue(archivePy.endsWith("disclosures: 5 of 5 committed fields disclosed"), archivePy);
    }

    record Cli(int code, String out, String err) {
        String text() {
            return out + "\n" + err;
        }
    }

    static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AirlockCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(code, out.toString(), err.toString());
    }

    static String python(Path log, Path seal, Path trust, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", Path.of("docs/verify/verify_log.py").toAbsolutePath().toString(),
                log.toString(), seal.toString(), "--trust", trust.toString()));
        command.addAll(List.of(more));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(d.isEmpty() ? "." : d, program))) {
                return true;
            }
        }
        return false;
    }
}
