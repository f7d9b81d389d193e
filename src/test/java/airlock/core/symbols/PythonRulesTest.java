package airlock.core.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;

import airlock.core.syntax.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Issue 21, Python: soft keywords and {@code self} as identifiers, {@code name = lambda} as a function. */
class PythonRulesTest {
    private final TagsExtractor extractor = new TagsExtractor();

    private List<String> defs(String src) {
        return extractor.extract(Language.PYTHON, src).definitions().stream()
                .map(t -> t.kind().name().toLowerCase() + " " + t.name() + "@" + t.line()
                        + (t.scope().isEmpty() ? "" : "[" + t.scope() + "]"))
                .collect(Collectors.toList());
    }

    private List<Integer> refLines(String src, String name) {
        int[] occ = extractor.extract(Language.PYTHON, src).occurrences().getOrDefault(name, new int[0]);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < occ.length; i += 3) {
            out.add(occ[i]);
        }
        return out;
    }

    @Test
    void softKeywordsAsDefinedNames() {
        // re/_parser.py: def match(self, char); lib2to3/pytree.py: def match(self, node, results=None)
        assertEquals(List.of("class Tokenizer@1", "method match@2[Tokenizer]", "method case@4[Tokenizer]",
                "method type@6[Tokenizer]", "function _@8"), defs("""
                class Tokenizer:
                    def match(self, char):
                        return char == self.next
                    def case(self):
                        pass
                    def type(self):
                        return self._type
                def _(x):
                    return x
                """));
    }

    @Test
    void softKeywordsAreReferencesExceptWhereTheyStartAStatement() {
        String src = """
                import re
                m = re.match(pattern, s)
                match = m.group(0)
                if match:
                    match(x)
                match command.split():
                    case [action]:
                        type = action
                    case [action, obj]:
                        print(match, case, type)
                type Point = tuple[float, float]
                case = {match: 1}
                """;
        assertEquals(List.of(2, 3, 4, 5, 10, 12), refLines(src, "match"));
        assertEquals(List.of(10, 12), refLines(src, "case"));
        assertEquals(List.of(8, 10), refLines(src, "type"));
        assertEquals(List.of("type Point@11"), defs(src));
    }

    @Test
    void selfIsAnIdentifier() {
        assertEquals(List.of(1, 2, 2), refLines("""
                def close(self):
                    self.fd = self.closed = None
                """, "self"));
    }

    @Test
    void everyPrefixIsReadWithoutFailing() {
        String src = "match x:\n    case [a, *_]:\n        type T = list[int]\nf = lambda: \\\n    self\ncase = match(\n";
        for (int end = 0; end <= src.length(); end++) {
            extractor.extract(Language.PYTHON, src.substring(0, end));
        }
        assertEquals(List.of("type T@3", "function f@4"), defs(src));
    }

    @Test
    void lambdaAssignmentsAreFunctions() {
        // pydoc.py: getchar = lambda: sys.stdin.read(1); urllib/request.py: H = lambda x: ...
        assertEquals(List.of("function getchar@1", "class Handler@2", "method key@3[Handler]",
                "method f@4[Handler]", "function H@5[Handler.f]"), defs("""
                getchar = lambda: sys.stdin.read(1)
                class Handler:
                    key = lambda self: self.name
                    def f(self):
                        H = lambda x: hashlib.md5(x.encode("ascii")).hexdigest()
                        not_a_function = other(lambda y: y)
                        compare = x == lambda_value
                """));
    }
}
