package airlock.core.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import airlock.core.AirlockException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link RecordedSymbols} hands each lookup to {@link SymbolReads} before it returns the answer (issue 16):
 * one entry per question with the keeper's kind, query, ref and count; go to symbol is one {@code symbols}
 * entry, not one per name; a refusing gate means nothing is returned; state and marks are not reads.
 */
class RecordedSymbolsTest {
    static final String REF = "refs/heads/main";
    private static final Definition LOCK = new Definition("kernel/mutex.c", "mutex_lock", SymbolKind.FUNCTION, 3, 6, 7, "",
            "void mutex_lock(struct mutex *lock)");
    private static final Definition PROBE = new Definition("drivers/driver.c", "probe", SymbolKind.FUNCTION, 1, 12, 8, "",
            "static int probe(struct device *d)");
    private static final Reference CALL = new Reference("drivers/driver.c", 4, 2, true);

    /** What happened, in order: the index asked ("index ...") and the gate called ("record ..."). */
    private final List<String> events = new ArrayList<>();

    @Test
    void eachLookupIsRecordedOnceWithTheKeepersFieldsBeforeItIsReturned() throws Exception {
        RecordedSymbols symbols = new RecordedSymbols(new Fake(), (kind, query, ref, found) ->
                events.add("record " + kind + " " + query + " " + ref + " " + found), REF);

        assertEquals(List.of(LOCK), symbols.definitions("mutex_lock"));
        assertEquals(List.of("index definitions mutex_lock", "record definitions mutex_lock " + REF + " 1"), take());

        assertEquals(List.of(CALL, CALL), symbols.references("mutex_lock", 0, 100).references());
        assertEquals(List.of("index references mutex_lock", "record references mutex_lock " + REF + " 2"), take());

        assertEquals(1, symbols.callers("mutex_lock", 100).size());
        assertEquals(List.of("index callers mutex_lock", "record callers mutex_lock " + REF + " 1"), take());

        // go to symbol: the index's own name search and definitions, then one entry for the whole answer
        assertEquals(List.of(LOCK), symbols.goToSymbol("mtxlck", 10, 100));
        assertEquals(List.of("index symbols mtxlck", "index definitions mutex_lock", "record symbols mtxlck " + REF + " 1"),
                take());

        assertEquals(1, symbols.searchSymbols("mtxlck", 10).size());
        assertEquals(List.of("index symbols mtxlck", "record symbols mtxlck " + REF + " 1"), take());

        // counts and flags, no code: not reads
        symbols.state();
        symbols.contentMarks();
        assertEquals(List.of("index state", "index marks"), take());

        // nothing found is still a question asked, recorded as the keeper records it
        assertEquals(List.of(), symbols.definitions("absent"));
        assertEquals(List.of("index definitions absent", "record definitions absent " + REF + " 0"), take());
    }

    @Test
    void aRefusingGateMeansNothingIsReturned() {
        RecordedSymbols symbols = new RecordedSymbols(new Fake(), (kind, query, ref, found) -> {
            throw new AirlockException("session.locked", "The session is locked.");
        }, REF);
        SymbolReads.Refused refused = assertThrows(SymbolReads.Refused.class, () -> symbols.definitions("mutex_lock"));
        assertEquals("session.locked", refused.code());
        assertEquals("The session is locked.", refused.getMessage());
        assertThrows(SymbolReads.Refused.class, () -> symbols.references("mutex_lock", 0, 100));
        assertThrows(SymbolReads.Refused.class, () -> symbols.callers("mutex_lock", 100));
        assertThrows(SymbolReads.Refused.class, () -> symbols.goToSymbol("mtxlck", 10, 100));
        assertThrows(SymbolReads.Refused.class, () -> symbols.searchSymbols("mtxlck", 10));
    }

    private List<String> take() {
        List<String> out = List.copyOf(events);
        events.clear();
        return out;
    }

    /** An index of one function called once; it notes each question. */
    private final class Fake implements SymbolLookup {
        @Override
        public IndexState state() {
            events.add("index state");
            return new IndexState(IndexState.Status.COMPLETE, 2, 2, "");
        }

        @Override
        public Map<String, Integer> contentMarks() {
            events.add("index marks");
            return Map.of();
        }

        @Override
        public List<Definition> definitions(String name) {
            events.add("index definitions " + name);
            return name.equals("mutex_lock") ? List.of(LOCK) : List.of();
        }

        @Override
        public ReferencePage references(String name, long offset, int limit) {
            events.add("index references " + name);
            return new ReferencePage(List.of(CALL, CALL), offset, 2);
        }

        @Override
        public List<SymbolMatch> searchSymbols(String query, int limit) {
            events.add("index symbols " + query);
            return List.of(new SymbolMatch("mutex_lock", 10, 1));
        }

        @Override
        public List<CallSite> callers(String name, int limit) {
            events.add("index callers " + name);
            return List.of(new CallSite(PROBE, CALL));
        }

        @Override
        public void close() {
        }
    }
}
