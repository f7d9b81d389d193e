package airlock.core.symbols;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.syntax.Language;
import airlock.core.syntax.TokenKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * TagsExtractor.occurrences (names found by their characters, one string per distinct name) against the
 * per-occurrence substring map it replaced: same names, same positions, and the same iteration order (the
 * inserter numbers new names in that order), on real sources and random token soup.
 */
class TagsOccurrencesTest {

    /** The implementation before the rewrite, kept as the reference. */
    private static Map<String, int[]> reference(Tokens t, TagsExtractor.Walk w) {
        Map<String, Occurrences.Builder> by = new HashMap<>();
        Tokens pp = t.pp;
        int p = 0;
        for (int i = 0; i <= t.size; i++) {
            while (pp != null && p < pp.size && pp.at[p] <= i) {
                if (pp.kind[p] == TokenKind.IDENT && !w.isPpDefSite(p) && !pp.isWord(p, "defined")) {
                    by.computeIfAbsent(pp.text(p), k -> new Occurrences.Builder())
                            .add(pp.line[p], pp.col[p], pp.is(p + 1, '(') && pp.at[p + 1] == pp.at[p] ? Occurrences.CALL : 0);
                }
                p++;
            }
            if (i == t.size || t.kind[i] != TokenKind.IDENT || w.isDefSite(i)) {
                continue;
            }
            by.computeIfAbsent(t.text(i), k -> new Occurrences.Builder())
                    .add(t.line[i], t.col[i], t.is(i + 1, '(') ? Occurrences.CALL : 0);
        }
        Map<String, int[]> out = new HashMap<>(by.size() * 2);
        by.forEach((k, v) -> out.put(k, v.toArray()));
        return out;
    }

    private static void check(Language language, String text) {
        Tokens t = Tokens.of(language, text);
        TagsExtractor.Walk w = new TagsExtractor.Walk(t, language);
        if (language.syntax() == Language.Syntax.PYTHON) {
            new PythonRules(w).run();
        } else if (language == Language.JAVA) {
            new JavaRules(w).run();
        } else {
            new BraceRules(w).run();
        }
        Map<String, int[]> expected = reference(t, w);
        Map<String, int[]> actual = TagsExtractor.occurrences(t, w);
        assertEquals(expected.size(), actual.size(), text);
        Iterator<Map.Entry<String, int[]>> a = actual.entrySet().iterator();
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            Map.Entry<String, int[]> got = a.next();
            assertEquals(e.getKey(), got.getKey(), "iteration order");
            assertArrayEquals(e.getValue(), got.getValue(), e.getKey());
        }
    }

    @Test
    void sameAsTheSubstringMapOnThisProjectsSources() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("src/main/java/airlock/core"))) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
        }
        assertTrue(files.size() > 50);
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            check(Language.JAVA, text);
            check(Language.C, text); // the same text lexed as C: other tokens, preprocessor-free
            check(Language.PYTHON, text);
        }
    }

    @Test
    void sameAsTheSubstringMapOnRandomTokenSoup() {
        Random r = new Random(2121);
        String[] pieces = {"a", "b", "ab", "ba", "Aa", "BB", "foo", "f", "(", ")", "{", "}", ";", ",", "\n", " ",
            "#define X(y) y + a\n", "#if defined(A) && B\n", "#endif\n", "struct s {", "int", "static", "\\\n",
            "/* x */", "\"str\"", "\u00e9t\u00e9", "\u4e2d", "x1", "_", "def ", "class ", ":", "    ", "=", "0"};
        for (int round = 0; round < 3_000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(400);
            for (int i = 0; i < n; i++) {
                sb.append(pieces[r.nextInt(pieces.length)]);
                if (r.nextInt(5) == 0) {
                    sb.append(' ');
                }
            }
            Language l = switch (round % 4) {
                case 0 -> Language.C;
                case 1 -> Language.CPP;
                case 2 -> Language.JAVA;
                default -> Language.PYTHON;
            };
            check(l, sb.toString());
        }
    }

    @Test
    void manyDistinctNamesGrowTheTable() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            sb.append("int v").append(i).append(" = w").append(i % 977).append(";\n");
        }
        check(Language.C, sb.toString());
        // Aa and BB share String.hashCode: colliding names stay apart
        check(Language.C, "int f(void) { Aa(); BB(); Aa = BB; AaAa + BBBB + AaBB + BBAa; }");
    }
}
