package airlock.core.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.crypto.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance folder src/test/resources/conformance (one folder per case: session.log,
 * session.seal, expected.json; keys in trust/): the committed files are what
 * {@link ConformanceVectors} makes, and Airlock's verifier and docs/verify/verify_log.py each reach
 * the expected verdict, failure kind and entry number on every case. The script part is skipped,
 * with the reason, where python3 or openssl is absent. Regenerate with
 * {@code -Dairlock.conformance.write=src/test/resources/conformance}.
 */
class ConformanceTest {
    static Path folder() {
        return LogFixture.resource("conformance");
    }

    @Test
    void committedCasesAreWhatTheGeneratorMakes() throws Exception {
        List<ConformanceVectors.Case> cases = ConformanceVectors.build();
        String target = System.getProperty("airlock.conformance.write");
        List<String> names = new ArrayList<>();
        for (ConformanceVectors.Case c : cases) {
            names.add(c.name());
            if (target != null) {
                ConformanceVectors.write(c, Path.of(target));
                continue;
            }
            Path dir = folder().resolve(c.name());
            assertArrayEquals(c.entries(), Files.readAllBytes(dir.resolve("session.log")), c.name() + " entries");
            assertArrayEquals(c.seal(), Files.readAllBytes(dir.resolve("session.seal")), c.name() + " seal");
            assertEquals(c.expectedJson(), Files.readString(dir.resolve("expected.json")), c.name() + " expected");
            Path disclosures = dir.resolve("session.disclosures");
            if (c.disclosures() == null) {
                assertFalse(Files.exists(disclosures), c.name() + " has no disclosures file");
            } else {
                assertArrayEquals(c.disclosures(), Files.readAllBytes(disclosures), c.name() + " disclosures");
            }
        }
        if (target != null) {
            return;
        }
        try (var listing = Files.list(folder())) {
            List<String> committed = listing.filter(p -> Files.exists(p.resolve("expected.json")))
                    .map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(names.stream().sorted().toList(), committed, "every committed case comes from the generator");
        }
    }

    @TestFactory
    List<DynamicTest> airlockReachesEveryExpectedVerdict() throws Exception {
        PinnedKeys trust = PinnedKeys.load(folder().resolve("trust"));
        return cases().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            Map<?, ?> expected = expected(dir);
            LogVerification result = LogFiles.verify(dir.resolve("session.log"), dir.resolve("session.seal"), trust,
                    airlock.core.progress.ProgressMonitor.NONE);
            String context = expected.get("about") + " -> " + result.describe();
            Path disclosures = dir.resolve("session.disclosures");
            if (Files.exists(disclosures)) {
                assertTrue(result.isValid(), context);
                DisclosureVerification opened = LogFiles.verifyDisclosures(dir.resolve("session.log"), disclosures,
                        result.summary().session());
                context = expected.get("about") + " -> " + opened.describe();
                assertEquals(expected.get("verdict"), opened.valid() ? "VALID" : "INVALID", context);
                assertEquals(expected.get("line"), opened.line(), context);
                if (opened.valid()) {
                    assertEquals(expected.get("disclosed"), (long) opened.disclosed(), context);
                    assertEquals(6, opened.committed(), context);
                } else {
                    assertEquals("DISCLOSURE", expected.get("kind"), context);
                }
                return;
            }
            assertEquals(expected.get("verdict"), result.verdict().name(), context);
            assertEquals(expected.get("kind"), result.kind() == null ? null : result.kind().name(), context);
            assertEquals(expected.get("entry"), result.entry(), context);
        })).toList();
    }

    @TestFactory
    List<DynamicTest> verifyLogPyReachesEveryExpectedVerdict() throws Exception {
        List<Path> cases = cases();
        if (!onPath("python3") || !onPath("openssl")) {
            String missing = !onPath("python3") ? "python3" : "openssl";
            System.err.println("ConformanceTest: SKIPPED the verify_log.py half: " + missing + " is not on PATH");
            org.junit.jupiter.api.Assumptions.assumeTrue(false, missing + " not on PATH: verify_log.py cannot be run here");
        }
        Path script = Path.of("docs/verify/verify_log.py").toAbsolutePath();
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            Map<?, ?> expected = expected(dir);
            Process process = new ProcessBuilder("python3", script.toString(), dir.resolve("session.log").toString(),
                    dir.resolve("session.seal").toString(), "--trust", folder().resolve("trust").toString())
                    .redirectErrorStream(true).start();
            byte[] raw = process.getInputStream().readAllBytes();
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "script finished");
            String output = new String(raw, StandardCharsets.UTF_8).trim();
            assertFalse(output.contains("Traceback"), output);
            assertEquals(1, output.lines().count(), "one line: " + output);
            assertTrue(output.chars().noneMatch(c -> c < 0x20 && c != '\n'), "no raw control character: " + output);
            if ("VALID".equals(expected.get("verdict"))) {
                assertEquals(0, process.exitValue(), output);
                assertTrue(output.startsWith("VALID "), output);
                if (expected.containsKey("disclosed")) {
                    assertTrue(output.endsWith("disclosures: " + expected.get("disclosed") + " of 6 committed fields disclosed"),
                            output);
                }
            } else if ("DISCLOSURE".equals(expected.get("kind"))) {
                assertEquals(1, process.exitValue(), output);
                String prefix = "INVALID DISCLOSURE line " + expected.get("line") + ":";
                assertTrue(output.startsWith(prefix), expected.get("about") + ": expected '" + prefix + "' but got: " + output);
                assertTrue(output.codePoints().noneMatch(c -> c == 0x202e || c == 0x1b), "bidi and ESC as tokens: " + output);
            } else {
                assertEquals(1, process.exitValue(), output);
                Object entry = expected.get("entry");
                String prefix = "INVALID " + expected.get("kind") + (entry == null ? ":" : " entry " + entry + ":");
                assertTrue(output.startsWith(prefix), expected.get("about") + ": expected '" + prefix + "' but got: " + output);
            }
        })).toList();
    }

    private static List<Path> cases() throws Exception {
        try (var listing = Files.list(folder())) {
            return listing.filter(p -> Files.exists(p.resolve("expected.json"))).sorted().toList();
        }
    }

    private static Map<?, ?> expected(Path dir) throws Exception {
        byte[] json = Files.readAllBytes(dir.resolve("expected.json"));
        return (Map<?, ?>) CanonicalJson.parseStrict(java.util.Arrays.copyOf(json, json.length - 1));
    }

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir.isEmpty() ? "." : dir, program))) {
                return true;
            }
        }
        return false;
    }
}
