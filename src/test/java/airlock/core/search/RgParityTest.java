package airlock.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.git.GitSource;
import airlock.core.progress.ProgressMonitor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Correctness against ripgrep: on a small real tree (glibc files plus generated edge cases: CRLF,
 * lone CR, no final newline, BOMs, UTF-16, invalid UTF-8, NUL bytes, hidden files, long lines),
 * every query returns exactly the lines {@code rg -n} returns on the same files, with and without
 * the index. Skipped, with the reason shown, where ripgrep is not installed.
 */
class RgParityTest {
    @TempDir
    static Path tmp;
    static Path tree;
    static GitSource source;
    static SearchIndex index;
    static ExecutorService pool;

    static Stream<Arguments> queries() {
        return Stream.of(
                q("malloc", false, false, false),
                q("size_t", false, false, false),
                q("#include <", false, false, false),
                q("strlen (", false, false, false),
                q("foo", false, false, false),
                q("Copyright", false, true, false),
                q("len", false, false, true),
                q("NULL", false, true, true),
                q("Ünïcödé", false, false, false),
                q("ünïcödé", false, true, false),
                q("\\bmem[a-z]+ \\(", true, false, false),
                q("^static", true, false, false),
                q(";\\s*$", true, false, false),
                q("[A-Z_]{10,}", true, false, false),
                q("\\d+\\.\\d+", true, false, false),
                q("^$", true, false, false),
                q("return\\s+NULL", true, false, false),
                q("free|realloc", true, false, false),
                q("(?i)error", true, false, false),
                q("\\w+_t\\b", true, false, false),
                q("[0-9]{4}-[0-9]{2}", true, false, false),
                q("a.c", true, true, false),
                q("foo\\r$", true, false, false),
                q("x$", true, false, false),
                q("(mem|str)(cpy|cmp|len)", true, false, true),
                q("ab+c|de?f", true, false, false),
                q(".", true, false, false));
    }

    private static Arguments q(String pattern, boolean regex, boolean ignoreCase, boolean word) {
        return Arguments.of(pattern, regex, ignoreCase, word);
    }

    @BeforeAll
    static void setUp() throws Exception {
        Path fixture = Path.of(RgParityTest.class.getResource("/vectors/search/glibc-2.36/README").toURI()).getParent();
        tree = tmp.resolve("tree");
        TestRepos repo = TestRepos.init(tmp.resolve("repo")).copy(fixture).write(edgeCases());
        copyTree(fixture, tree);
        for (Map.Entry<String, byte[]> e : edgeCases().entrySet()) {
            Files.createDirectories(tree.resolve(e.getKey()).getParent());
            Files.write(tree.resolve(e.getKey()), e.getValue());
        }
        repo.commit("v1");
        source = repo.source();
        pool = Executors.newFixedThreadPool(2);
        index = SearchIndex.open(tmp.resolve("index"), 2);
        new IndexBuilder(pool).build(source, List.of("refs/heads/main"), index, ProgressMonitor.NONE);
    }

    @AfterAll
    static void tearDown() {
        if (index != null) {
            index.close();
        }
        if (source != null) {
            source.close();
        }
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    static Map<String, byte[]> edgeCases() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("edge/crlf.txt", TestRepos.utf8("foo crlf\r\nxfoo\r\nmalloc\r\n"));
        m.put("edge/cr.txt", TestRepos.utf8("foo1\rfoo2\nlen\r"));
        m.put("edge/noeol.c", TestRepos.utf8("a\n\nfoo noeol; x"));
        m.put("edge/bom.txt", bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "foo bom\nstatic x;\n"));
        m.put("edge/utf16.txt", bytes(new byte[] {(byte) 0xFF, (byte) 0xFE},
                new String("foo utf16\nsize_t\n".getBytes(StandardCharsets.UTF_16LE), StandardCharsets.ISO_8859_1)));
        m.put("edge/binary.bin", TestRepos.utf8("foo malloc\n\0binary\nfoo\n"));
        m.put("edge/invalid.txt", new byte[] {'f', 'o', 'o', ' ', (byte) 0xFF, (byte) 0xFE, ' ', 'x', '\n',
            'f', (byte) 0xC3, 'o', 'o', '\n'});
        m.put("edge/.hidden.c", TestRepos.utf8("static int foo_t hidden;\n"));
        m.put("edge/unicode.txt", TestRepos.utf8("Ünïcödé ÜNÏCÖDÉ ünïcödé\nKelvin \u212A and abc\n\u017Fize_t long s\n"));
        m.put("edge/empty.txt", new byte[0]);
        m.put("edge/only-newlines.txt", TestRepos.utf8("\n\n\n"));
        m.put("edge/long-line.txt", TestRepos.utf8("x".repeat(200_000) + " malloc " + "y".repeat(100_000) + "\nfoo\n"));
        m.put("edge/controls.txt", TestRepos.utf8("foo \u001b[31m red \u202E evil\u2066 x\n"));
        return m;
    }

    private static byte[] bytes(byte[] prefix, String latin1OrUtf8) {
        byte[] body = prefix[0] == (byte) 0xEF ? latin1OrUtf8.getBytes(StandardCharsets.UTF_8)
                : latin1OrUtf8.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(body, 0, out, prefix.length, body.length);
        return out;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    Path target = to.resolve(from.relativize(p).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} regex={1} i={2} w={3}")
    @MethodSource("queries")
    void sameLinesAsRipgrep(String pattern, boolean regex, boolean ignoreCase, boolean word) throws Exception {
        List<String> expected = ripgrep(pattern, regex, ignoreCase, word);
        SearchQuery query = new SearchQuery(pattern, regex, ignoreCase, word, List.of(), List.of(),
                java.util.Set.of(), "refs/heads/main");
        assertEquals(expected, airlock(query, index), "indexed search differs from rg for " + pattern);
        assertEquals(expected, airlock(query, null), "scan differs from rg for " + pattern);
    }

    @org.junit.jupiter.api.Test
    void theQuerySetIsNotVacuous() throws Exception {
        assertTrue(ripgrep("malloc", false, false, false).size() > 100);
        assertTrue(ripgrep("foo", false, false, false).stream().anyMatch(l -> l.startsWith("edge/crlf.txt")));
    }

    private static List<String> airlock(SearchQuery query, SearchIndex idx) throws Exception {
        List<String> out = new ArrayList<>();
        new Searcher(pool).search(source, idx, query, file -> {
            for (LineMatch line : file.lines()) {
                out.add(file.path() + "\0" + line.number() + "\0" + line.text());
            }
        }, ProgressMonitor.NONE);
        Collections.sort(out);
        return out;
    }

    private static List<String> ripgrep(String pattern, boolean regex, boolean ignoreCase, boolean word)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of("rg", "-n", "--no-heading", "--with-filename", "--null",
                "--color", "never", "-uu", "--no-config"));
        if (!regex) {
            cmd.add("-F");
        }
        if (ignoreCase) {
            cmd.add("-i");
        }
        if (word) {
            cmd.add("-w");
        }
        cmd.add("-e");
        cmd.add(pattern);
        cmd.add(".");
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(tree.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            Assumptions.assumeTrue(false, "ripgrep (rg) is not installed, so the parity test cannot run: "
                    + e.getMessage() + " (apt-get install ripgrep)");
            return List.of();
        }
        byte[] raw;
        try (InputStream in = p.getInputStream()) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            raw = buf.toByteArray();
        }
        int rc = p.waitFor();
        assertTrue(rc == 0 || rc == 1, "rg failed with exit code " + rc + " for " + pattern);
        List<String> out = new ArrayList<>();
        String all = new String(raw, StandardCharsets.UTF_8);
        for (String line : all.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int nul = line.indexOf('\0');
            int colon = line.indexOf(':', nul);
            String path = line.substring(0, nul);
            out.add((path.startsWith("./") ? path.substring(2) : path) + "\0" + line.substring(nul + 1, colon) + "\0" + line.substring(colon + 1));
        }
        Collections.sort(out);
        return out;
    }
}
