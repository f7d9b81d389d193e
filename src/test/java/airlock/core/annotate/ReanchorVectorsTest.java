package airlock.core.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden re-anchoring cases under vectors/annot/CASE/: before.c, after.c, case.json. */
class ReanchorVectorsTest {

    static Stream<Path> cases() throws Exception {
        Path root = root();
        try (Stream<Path> dirs = Files.list(root)) {
            List<Path> all = dirs.filter(Files::isDirectory).sorted().toList();
            return all.stream();
        }
    }

    static Path root() throws URISyntaxException {
        return Path.of(ReanchorVectorsTest.class.getResource("/vectors/annot").toURI());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reanchorsAsRecorded(Path dir) throws Exception {
        JsonNode c = new ObjectMapper().readTree(dir.resolve("case.json").toFile());
        String before = Files.readString(dir.resolve("before.c"), StandardCharsets.UTF_8);
        String after = Files.readString(dir.resolve("after.c"), StandardCharsets.UTF_8);
        String needle = c.path("needle").asText();
        int at = before.indexOf(needle);
        LineIndex idx = new LineIndex(before);
        AnchoredRange range = AnchoredRange.of(idx, idx.range(at, at + needle.length()));
        if (!c.path("withText").asBoolean()) {
            range = range.withoutText();
        }
        MemorySourceTree tree = new MemorySourceTree().put("v1", "src/check.c", before).put("v2", "src/check.c", after);
        Anchor anchor = new Anchor("v1", tree.commitOf("v1"), "src/check.c", MemorySourceTree.blobId(before), List.of(range));
        Annotation a = ReanchorerTest.annotate(tree, "v1", "src/check.c", needle).withAnchor(anchor, AnchorState.CURRENT);
        ReanchorResult r = new Reanchorer(tree, "v2").reanchor(a);
        String expected = c.path("expectState").asText();
        String state = r.state().id();
        if (expected.equals("current") && !before.equals(after)) {
            throw new AssertionError("a current case needs identical files");
        }
        assertEquals(expected, state, dir.getFileName() + ": " + r.reason());
        if (r.state() != AnchorState.OUTDATED) {
            TextRange found = r.annotation().anchor().primary().range();
            assertEquals(c.path("expectLine").asInt(), found.startLine(), dir.getFileName().toString());
            assertEquals(c.path("expectText").asText(), after.substring(found.startOffset(), found.endOffset()));
        } else {
            assertEquals(anchor, r.annotation().anchor(), "an outdated annotation keeps its original anchor");
        }
    }
}
