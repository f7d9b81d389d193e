package airlock.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test: random byte edits of the conformance case "valid" (entries or seal), and
 * Airlock and verify_log.py must give the same verdict, kind and entry number on each, and the
 * script never a traceback. (A 300-case run of the same kind found the one ordering difference the
 * conformance case checkpoint-signature-altered now pins.) Skipped loudly without python3/openssl.
 */
class VerifierAgreementTest {
    private static final byte[] TOKENS = "{}[]\",:\\-0123456789.eEu \nabcdefABCDEF".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void randomEditsGetTheSameVerdictFromBoth() throws Exception {
        if (!ConformanceTest.onPath("python3") || !ConformanceTest.onPath("openssl")) {
            System.err.println("VerifierAgreementTest: SKIPPED: python3 or openssl is not on PATH");
            Assumptions.assumeTrue(false, "python3 or openssl not on PATH");
        }
        Path valid = ConformanceTest.folder().resolve("valid");
        byte[] log = Files.readAllBytes(valid.resolve("session.log"));
        byte[] seal = Files.readAllBytes(valid.resolve("session.seal"));
        Path trust = ConformanceTest.folder().resolve("trust");
        PinnedKeys keys = PinnedKeys.load(trust);
        Path script = Path.of("docs/verify/verify_log.py").toAbsolutePath();
        Random random = new Random(15);
        for (int trial = 0; trial < 40; trial++) {
            byte[] entries = log.clone();
            byte[] note = seal.clone();
            byte[] target = random.nextInt(5) == 0 ? note : entries;
            for (int edit = 1 + random.nextInt(3); edit > 0; edit--) {
                int at = random.nextInt(target.length);
                target[at] = random.nextBoolean() ? (byte) random.nextInt(256) : TOKENS[random.nextInt(TOKENS.length)];
            }
            Path logFile = dir.resolve("t" + trial + ".log");
            Path sealFile = dir.resolve("t" + trial + ".seal");
            Files.write(logFile, entries);
            Files.write(sealFile, note);
            LogVerification verdict = LogFiles.verify(logFile, sealFile, keys, airlock.core.progress.ProgressMonitor.NONE);
            String expected = verdict.isValid() ? "VALID " : "INVALID " + verdict.kind().name()
                    + (verdict.entry() == null ? ":" : " entry " + verdict.entry() + ":");
            Process process = new ProcessBuilder("python3", script.toString(), logFile.toString(), sealFile.toString(),
                    "--trust", trust.toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS));
            assertFalse(output.contains("Traceback"), output);
            assertTrue(output.startsWith(expected), "trial " + trial + ": Airlock says " + verdict.describe() + "; the script: " + output);
            assertEquals(verdict.isValid() ? 0 : 1, process.exitValue(), output);
        }
    }
}
