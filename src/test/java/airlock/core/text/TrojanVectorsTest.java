package airlock.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class TrojanVectorsTest {

    @TestFactory
    Stream<DynamicTest> everyPlantedControlIsFoundAndShownAsAToken() throws IOException, URISyntaxException {
        Path root = Path.of(getClass().getResource("/vectors/trojan").toURI());
        List<Path> cases;
        try (Stream<Path> walk = Files.walk(root)) {
            cases = walk.filter(p -> p.getFileName().toString().equals("expected.txt")).map(Path::getParent).sorted()
                    .toList();
        }
        assertEquals(16, cases.size(), "four attacks in four languages");
        return cases.stream().map(dir -> DynamicTest.dynamicTest(root.relativize(dir).toString(), () -> check(dir)));
    }

    private static void check(Path dir) throws IOException {
        Path source;
        try (Stream<Path> files = Files.list(dir)) {
            source = files.filter(p -> !p.getFileName().toString().equals("expected.txt")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(source);
        DecodedContent decoded = new Decoder(ContentLimits.DEFAULT).decode(bytes, bytes.length);
        assertEquals(ContentKind.TEXT, decoded.kind());
        List<String> expected = Files.readAllLines(dir.resolve("expected.txt"), StandardCharsets.UTF_8).stream()
                .filter(s -> !s.isBlank()).toList();
        DisplayText shown = DisplayText.of(decoded.text());
        List<String> found = shown.findings().stream()
                .map(f -> f.line() + ":" + f.column() + " " + InvisibleChars.codeLabel(f.codePoint())).toList();
        assertEquals(expected, found);
        assertTrue(shown.hasFindings(), "the file is flagged");
        assertTrue(airlock.core.symbols.FileMark.of(airlock.core.symbols.FileMark.ofContent(decoded))
                .contains(airlock.core.symbols.FileMark.INVISIBLE), "the file tree marks it");
        assertFalse(InvisibleChars.containsAny(shown.display()), "nothing invisible remains on screen");
        for (TextFinding f : shown.findings()) {
            int at = shown.toDisplay(f.offset());
            assertEquals(f.token(), shown.display().substring(at, at + f.token().length()));
            assertEquals(f.offset(), shown.toOriginal(at));
        }
        assertEquals(expected.size(), shown.tokenRanges().size());
    }
}
