package airlock.core.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed vectors under vectors/log are exactly what the generator makes (so they are
 * reproducible), and the Java verifier reaches each case's expected verdict on the committed
 * bytes. Regenerate with {@code -Dairlock.vectors.write=src/test/resources/vectors/log}.
 */
class LogVectorsTest {
    @TempDir
    Path scratch;

    static Path vectors() {
        return LogFixture.resource("vectors/log");
    }

    @Test
    void committedVectorsMatchTheGenerator() throws Exception {
        List<LogVectors.Case> cases = LogVectors.build(scratch);
        String target = System.getProperty("airlock.vectors.write");
        for (LogVectors.Case c : cases) {
            if (target != null) {
                LogVectors.write(c, Path.of(target));
                continue;
            }
            Path dir = vectors().resolve(c.name());
            assertArrayEquals(c.entries(), Files.readAllBytes(dir.resolve("session.log")), c.name() + " entries");
            assertArrayEquals(c.seal(), Files.readAllBytes(dir.resolve("session.seal")), c.name() + " seal");
            assertEquals(c.expectedJson(), Files.readString(dir.resolve("expected.json")), c.name() + " expected");
        }
    }

    @TestFactory
    List<DynamicTest> javaVerifierReachesEachExpectedVerdict() throws Exception {
        PinnedKeys trust = PinnedKeys.load(vectors().resolve("trust"));
        try (var listing = Files.list(vectors())) {
            return listing.filter(p -> Files.exists(p.resolve("expected.json"))).sorted().map(dir -> DynamicTest.dynamicTest(
                    dir.getFileName().toString(), () -> {
                        Map<?, ?> expected = (Map<?, ?>) airlock.core.crypto.CanonicalJson.parseStrict(
                                Files.readAllBytes(dir.resolve("expected.json")).clone().length > 0
                                        ? stripNewline(Files.readAllBytes(dir.resolve("expected.json"))) : new byte[0]);
                        LogVerification result = LogFixture.verify(Files.readAllBytes(dir.resolve("session.log")),
                                Files.readAllBytes(dir.resolve("session.seal")), trust);
                        assertEquals(expected.get("verdict"), result.verdict().name(), result.describe());
                        assertEquals(expected.get("kind"), result.kind() == null ? null : result.kind().name(), result.describe());
                        assertEquals(expected.get("entry"), result.entry(), result.describe());
                    })).toList();
        }
    }

    private static byte[] stripNewline(byte[] bytes) {
        return java.util.Arrays.copyOf(bytes, bytes.length - 1);
    }
}
