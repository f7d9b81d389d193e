package airlock.core.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.progress.ProgressMonitor;
import airlock.core.syntax.Language;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 21, Java: each test pins one cause of a miss or a false definition measured against ctags. */
class JavaRulesTest {
    private final TagsExtractor extractor = new TagsExtractor();

    private List<String> defs(String src) {
        return extractor.extract(Language.JAVA, src).definitions().stream()
                .map(t -> t.kind().name().toLowerCase() + " " + t.name() + "@" + t.line()
                        + (t.scope().isEmpty() ? "" : "[" + t.scope() + "]"))
                .collect(Collectors.toList());
    }

    @Test
    void methodsWithoutBodyAreDefinitions() {
        // shapes from java/util/ListIterator.java, AbstractCollection.java and java/lang/Object.java
        assertEquals(List.of("interface ListIterator@1", "method hasNext@2[ListIterator]",
                "method previousIndex@3[ListIterator]", "method forEachRemaining@4[ListIterator]",
                "class AbstractCollection@8", "method iterator@9[AbstractCollection]",
                "method hashCode@10[AbstractCollection]", "method toArray@11[AbstractCollection]"), defs("""
                public interface ListIterator<E> extends Iterator<E> {
                    boolean hasNext();
                    int previousIndex();
                    default void forEachRemaining(Consumer<? super E> action) {
                        while (hasNext()) action.accept(next());
                    }
                }
                public abstract class AbstractCollection<E> implements Collection<E> {
                    public abstract Iterator<E> iterator();
                    @IntrinsicCandidate public native int hashCode();
                    public <T> T[] toArray(T[] a) { return a; }
                }
                """));
    }

    @Test
    void annotationArgumentsAreNeverMethods() {
        // java/util/concurrent/PriorityBlockingQueue.java: @SuppressWarnings("unchecked") before a field
        List<String> d = defs("""
                public class PriorityBlockingQueue<E> {
                    @SuppressWarnings("serial")
                    private transient Comparator<? super E> comparator;
                    @Deprecated(since="9", forRemoval = true)
                    @SuppressWarnings("unchecked")
                    E dequeue() { return null; }
                }
                """);
        assertEquals(List.of("class PriorityBlockingQueue@1", "field comparator@3[PriorityBlockingQueue]",
                "method dequeue@6[PriorityBlockingQueue]"), d);
        assertFalse(String.join(" ", d).contains("SuppressWarnings"));
    }

    @Test
    void fieldsEveryDeclarator() {
        // java/util/Formatter.java, SimpleTimeZone.java, Base64.java
        assertEquals(List.of("class SimpleTimeZone@1", "field TIME@2[SimpleTimeZone]",
                "field useDaylight@3[SimpleTimeZone]", "field startMonth@4[SimpleTimeZone]",
                "field startDay@4[SimpleTimeZone]", "field monthLength@5[SimpleTimeZone]",
                "field CACHE@6[SimpleTimeZone]", "field order@8[SimpleTimeZone]", "field ignored2@8[SimpleTimeZone]",
                "field vsigners@9[SimpleTimeZone]"),
                defs("""
                class SimpleTimeZone {
                    static final char TIME = 'T';
                    private boolean useDaylight=false;
                    private int startMonth, startDay;
                    private final byte monthLength[] = {31, 28, 31};
                    private static final Map<String, List<Integer>> CACHE = new HashMap<String, List<Integer>>(
                        f(1, 2));
                    int[] order = new int[] {1, 2}, ignored2[] = null;
                    CodeSigner[] vsigners;
                }
                """));
    }

    @Test
    void fieldsWithAnonymousClassAndLambdaInitializers() {
        assertEquals(List.of("class Comparators@1", "field NATURAL@2[Comparators]", "method compare@3[Comparators]",
                "field BY_LENGTH@5[Comparators]", "field after@6[Comparators]"), defs("""
                class Comparators {
                    static final Comparator<String> NATURAL = new Comparator<>() {
                        public int compare(String a, String b) { return a.compareTo(b); }
                    };
                    static final Comparator<String> BY_LENGTH = (a, b) -> { return a.length() - b.length(); }, 
                        after = null;
                }
                """));
    }

    @Test
    void enumConstantsWithArgumentsAndBodies() {
        // java/util/stream/StreamOpFlag.java, java/util/concurrent/TimeUnit.java, regex/Pattern.java
        assertEquals(List.of("enum StreamOpFlag@1", "enumerator DISTINCT@2[StreamOpFlag]",
                "enumerator SORTED@3[StreamOpFlag]", "enumerator SIZE_ADJUSTING@4[StreamOpFlag]",
                "method toString@5[StreamOpFlag]", "enumerator TERMINAL_OP@7[StreamOpFlag]",
                "field bitPosition@8[StreamOpFlag]", "method StreamOpFlag@9[StreamOpFlag]",
                "enum Qtype@10[StreamOpFlag]", "enumerator GREEDY@10[Qtype]", "enumerator LAZY@10[Qtype]"), defs("""
                enum StreamOpFlag {
                    DISTINCT(0, set(Type.SPLITERATOR)),
                    @Deprecated SORTED(1, set(Type.SPLITERATOR).set(Type.STREAM)),
                    SIZE_ADJUSTING(13, set(Type.OP)) {
                        public String toString() { return "s"; }
                    },
                    TERMINAL_OP;
                    private final int bitPosition;
                    StreamOpFlag(int position, Map<Type, Integer> maskBuilder) { bitPosition = position; }
                    static enum Qtype { GREEDY, LAZY }
                }
                """));
    }

    @Test
    void recordsAndTheirComponents() {
        assertEquals(List.of("class Point@1", "field x@1[Point]", "field y@1[Point]", "method norm@2[Point]",
                "class Pair@4", "field first@4[Pair]", "field second@4[Pair]", "interface Tagged@5",
                "method value@6[Tagged]", "method tags@7[Tagged]"), defs("""
                public record Point(int x, @Nonnull Integer y) implements Serializable {
                    double norm() { return Math.hypot(x, y); }
                }
                record Pair<A, B>(Map<A, List<B>> first, B[] second) { }
                public @interface Tagged {
                    String value() default "";
                    String[] tags() default {};
                }
                """));
    }

    @Test
    void methodNamedLikeAContextualKeyword() {
        // java/util/logging: void record(...); java/lang/Thread: static void yield()
        assertEquals(List.of("class Log@1", "method record@2[Log]", "method yield@3[Log]"), defs("""
                class Log {
                    void record(String m) { }
                    static native void yield();
                }
                """));
    }

    @Test
    void localAndNestedClassesKeepTheirScope() {
        assertEquals(List.of("class Outer@1", "class Inner@2[Outer]", "method f@3[Inner]", "method g@5[Outer]",
                "class Local@6[Outer]", "method h@7[Local]"), defs("""
                class Outer {
                    static class Inner {
                        void f() { }
                    }
                    void g() {
                        class Local {
                            int h() { return Outer.class.hashCode(); }
                        }
                    }
                }
                """));
    }

    @Test
    void interfaceMethodAndItsImplementationsAreAllDefinitions() {
        // go to definition of "run" from a call site offers the interface method and both implementations
        List<String> d = defs("""
                interface Task { void run(); }
                class A implements Task { public void run() { } }
                class B implements Task { @Override public void run() { } }
                """);
        assertEquals(List.of("method run@1[Task]", "method run@2[A]", "method run@3[B]"),
                d.stream().filter(s -> s.contains(" run@")).toList());
    }

    @Test
    void goToDefinitionFromACallSiteOffersTheInterfaceMethodAndItsImplementations(@TempDir Path dir) throws Exception {
        MapSource s = new MapSource();
        s.put("src/Task.java", "public interface Task {\n    void run();\n}\n");
        s.put("src/Fast.java", "class Fast implements Task {\n    @Override\n    public void run() { }\n}\n");
        s.put("src/Slow.java", "abstract class Slow implements Task {\n    public abstract void run();\n}\n");
        s.put("src/Main.java", "class Main {\n    void go(Task t) {\n        t.run();\n    }\n}\n");
        Path db = dir.resolve("symbols.sqlite");
        new IndexBuilder(s, "refs/heads/main", db).build(List.of(), ProgressMonitor.NONE);
        try (SymbolIndex idx = SymbolIndex.open(db)) {
            assertEquals(List.of("src/Fast.java:3 Fast::run", "src/Slow.java:2 Slow::run", "src/Task.java:2 Task::run"),
                    idx.definitions("run").stream().map(d -> d.path() + ":" + d.line() + " " + d.qualifiedName())
                            .sorted().toList());
            assertEquals(List.of("src/Main.java:3"), idx.references("run", 0, 100).references().stream()
                    .map(r -> r.path() + ":" + r.line()).toList());
        }
    }

    @Test
    void everyPrefixAndUnbalancedInputIsReadWithoutFailing() {
        // hostile input: the extractor reads whatever a vendor ships; truncated and unbalanced code must not throw
        String src = """
                @interface A { int[] v() default {1}; }
                public record R<T>(@N T a, int[] b) implements I { R { } }
                enum E { X(1) { void f() { } }, Y; int g; E() { } E(int i) { } }
                class C<T extends Comparable<? super T>> { static { } Object o = new Object() { int h() { return 1; } };
                    <U> U m(U u) throws Exception { class L { } return u; } native void n(); int a, b[] = {}, c; }
                """;
        for (int end = 0; end <= src.length(); end++) {
            String prefix = src.substring(0, end);
            for (Tag tag : extractor.extract(Language.JAVA, prefix).definitions()) {
                assertTrue(tag.line() >= 1 && tag.endLine() >= tag.line(), prefix);
            }
        }
        List<String> all = defs(src);
        assertTrue(all.containsAll(List.of("method v@1[A]", "field a@2[R]", "field b@2[R]", "enumerator X@3[E]",
                "method f@3[E]", "enumerator Y@3[E]", "field g@3[E]", "field o@4[C]", "method h@4[C]", "method m@5[C]",
                "class L@5[C]", "method n@5[C]", "field a@5[C]", "field b@5[C]", "field c@5[C]")), all.toString());
        for (String bad : List.of("class", "record", "enum E {", "@", "@interface", "class A { void f(", "} } }",
                "class A extends", "int x = ;", "enum { , , }", "record R(", "new X() {", "class A { a, b, c }")) {
            extractor.extract(Language.JAVA, bad);
        }
    }

    @Test
    void endLinesOfMethodsAndTypes() {
        FileSymbols fs = extractor.extract(Language.JAVA, """
                class A {
                    void f() {
                        g();
                    }
                    abstract void h();
                }
                """);
        assertEquals(List.of("A:1-6", "f:2-4", "h:5-5"), fs.definitions().stream()
                .map(t -> t.name() + ":" + t.line() + "-" + t.endLine()).toList());
    }
}
