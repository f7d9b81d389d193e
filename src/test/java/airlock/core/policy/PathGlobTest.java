package airlock.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathGlobTest {
    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
        "secrets/**, secrets/a/b.c, true",
        "secrets/**, secretsX/a, false",
        "**/keys/*, a/b/keys/k.pem, true",
        "**/keys/*, keys/k.pem, true",
        "**/keys/*, keys/sub/k.pem, false",
        "*.pem, k.pem, true",
        "*.pem, dir/k.pem, false",
        "**/*.pem, dir/k.pem, true",
        "src/?.c, src/a.c, true",
        "src/?.c, src/ab.c, false",
        "a.(b)+[c], a.(b)+[c], true",
        "a.(b)+[c], aX(b)+[c], false",
    })
    void matchesRepositoryPaths(String glob, String path, boolean expected) {
        assertEquals(expected, PathGlob.compile(glob).matches(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "a//b", "a\u0000b", "a\nb"})
    void refusesPatternsThatAreNotRepositoryPaths(String glob) {
        assertThrows(IllegalArgumentException.class, () -> PathGlob.compile(glob));
    }
}
