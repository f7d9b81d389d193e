package airlock.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The auditor's recipe, docs/verify/verify_log.py (python3 + openssl, no Airlock), reaches the
 * expected verdict on every golden vector. Skipped with a reason where python3 or openssl is absent.
 */
class PythonVerifierTest {
    @TestFactory
    List<DynamicTest> scriptReachesEachExpectedVerdict() throws Exception {
        assumeTrue(onPath("python3"), "python3 not on PATH: the independent verifier script cannot be run here");
        assumeTrue(onPath("openssl"), "openssl not on PATH: the independent verifier script cannot check signatures here");
        Path script = Path.of("docs/verify/verify_log.py").toAbsolutePath();
        Path vectors = LogVectorsTest.vectors();
        try (var listing = Files.list(vectors)) {
            return listing.filter(p -> Files.exists(p.resolve("expected.json"))).sorted().map(dir -> DynamicTest.dynamicTest(
                    dir.getFileName().toString(), () -> {
                        byte[] json = Files.readAllBytes(dir.resolve("expected.json"));
                        Map<?, ?> expected = (Map<?, ?>) airlock.core.crypto.CanonicalJson.parseStrict(
                                java.util.Arrays.copyOf(json, json.length - 1));
                        Process process = new ProcessBuilder("python3", script.toString(), dir.resolve("session.log").toString(),
                                dir.resolve("session.seal").toString(), "--trust", vectors.resolve("trust").toString())
                                .redirectErrorStream(true).start();
                        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "script finished");
                        if ("VALID".equals(expected.get("verdict"))) {
                            assertEquals(0, process.exitValue(), output);
                            assertTrue(output.startsWith("VALID "), output);
                        } else {
                            assertEquals(1, process.exitValue(), output);
                            Object entry = expected.get("entry");
                            String prefix = "INVALID " + expected.get("kind") + (entry == null ? ":" : " entry " + entry + ":");
                            assertTrue(output.startsWith(prefix), "expected '" + prefix + "' but got: " + output);
                        }
                    })).toList();
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir.isEmpty() ? "." : dir, program))) {
                return true;
            }
        }
        return false;
    }
}
