package airlock.core.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.crypto.Ed25519;
import airlock.core.home.AirlockHome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Table-driven: every case of {@link BundleVectors} is generated and gets its expected verdict;
 * every committed case under {@code vectors/bundle/} gets the verdict its README states.
 * With {@code -Dairlock.vectors.write=DIR} the small cases are (re)written to DIR.
 */
class BundleVectorsTest {
    private static final Pattern EXPECTED = Pattern.compile("Expected: (accepted|refused (bundle\\.[a-z]+))"
            + "(?: \\(verified with expected product '([^']+)'\\))?");

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyGeneratedCaseGetsItsVerdict() throws Exception {
        BundleVectors vectors = new BundleVectors(temp.resolve("work"));
        String writeTo = System.getProperty("airlock.vectors.write", "");
        if (!writeTo.isEmpty()) {
            Files.createDirectories(Path.of(writeTo));
            Files.writeString(Path.of(writeTo, "vendor-a.pub"), Ed25519.publicPem(TestKeys.VENDOR_A.getPublic()));
            Files.writeString(Path.of(writeTo, "vendor-b.pub"), Ed25519.publicPem(TestKeys.VENDOR_B.getPublic()));
        }
        return BundleVectors.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Path dir = temp.resolve("cases").resolve(c.name());
            Files.createDirectories(dir);
            c.writer().write(dir, vectors);
            Files.writeString(dir.resolve("README"), c.readmeLine() + "\n");
            AirlockHome home = VectorHarness.homeWithPinnedKeys(temp.resolve("homes").resolve(c.name()));
            VerificationResult result = VectorHarness.run(dir, home, c.expectProduct());
            assertEquals(c.expected(), result.failedCheck(), c.name() + ": " + result.summary());
            assertEquals(c.flags(), result.flags().size(), c.name() + ": " + result.flags());
            if (!writeTo.isEmpty() && c.small()) {
                copyTree(dir, Path.of(writeTo).resolve(c.name()));
            }
        }));
    }

    @Test
    void everyCommittedVectorGetsTheVerdictItsReadmeStates() throws Exception {
        Path root = Path.of(getClass().getResource("/vectors/bundle").toURI());
        List<Path> cases = new ArrayList<>();
        try (Stream<Path> list = Files.list(root)) {
            list.filter(p -> Files.isRegularFile(p.resolve("README"))).sorted().forEach(cases::add);
        }
        assertTrue(cases.size() >= 40, "expected the committed vectors, found " + cases.size());
        for (Path dir : cases) {
            String readme = Files.readString(dir.resolve("README"), StandardCharsets.UTF_8);
            Matcher m = EXPECTED.matcher(readme);
            assertTrue(m.find(), dir + ": README lacks 'Expected: ...'");
            AirlockHome home = VectorHarness.homeWithPinnedKeys(temp.resolve("committed").resolve(dir.getFileName().toString()));
            Path copy = temp.resolve("copies").resolve(dir.getFileName().toString());
            copyTree(dir, copy);
            VerificationResult result = VectorHarness.run(copy, home, Optional.ofNullable(m.group(3)));
            String expected = m.group(2) == null ? "accepted" : m.group(2);
            String actual = result.failedCheck().map(Check::code).orElse("accepted");
            assertEquals(expected, actual, dir.getFileName() + ": " + result.summary());
        }
    }

    static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
