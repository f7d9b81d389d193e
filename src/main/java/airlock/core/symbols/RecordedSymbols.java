package airlock.core.symbols;

import airlock.core.AirlockException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A symbol lookup read in this process whose every answer is first recorded through {@link SymbolReads}
 * (the session log), as the keeper records before it answers: one {@code search.run} entry per question,
 * written after the index is asked and before the answer — and so before any code line the caller reads
 * for it (reference and call lines, hover and definition lines) — leaves this object. A refused record
 * throws {@link SymbolReads.Refused} and returns nothing. The index state and content marks are counts
 * and flags, not code, and are not recorded (the keeper sends them with every answer).
 */
public final class RecordedSymbols implements SymbolLookup {
    private final SymbolLookup index;
    private final SymbolReads reads;
    private final String ref;

    /**
     * @param index the index read in this process
     * @param reads where each lookup is recorded before it is returned
     * @param ref   the review ref the index was built from (recorded with each lookup)
     */
    public RecordedSymbols(SymbolLookup index, SymbolReads reads, String ref) {
        this.index = Objects.requireNonNull(index);
        this.reads = Objects.requireNonNull(reads);
        this.ref = Objects.requireNonNull(ref);
    }

    @Override
    public IndexState state() throws AirlockException {
        return index.state();
    }

    @Override
    public Map<String, Integer> contentMarks() throws AirlockException {
        return index.contentMarks();
    }

    @Override
    public List<Definition> definitions(String name) throws AirlockException {
        List<Definition> found = index.definitions(name);
        record("definitions", name, found.size());
        return found;
    }

    @Override
    public ReferencePage references(String name, long offset, int limit) throws AirlockException {
        ReferencePage page = index.references(name, offset, limit);
        record("references", name, page.references().size());
        return page;
    }

    @Override
    public List<SymbolMatch> searchSymbols(String query, int limit) throws AirlockException {
        List<SymbolMatch> found = index.searchSymbols(query, limit);
        record("symbols", query, found.size());
        return found;
    }

    /** One {@code symbols} entry for the whole answer, as the keeper's {@code symbols.search} (not one per name). */
    @Override
    public List<Definition> goToSymbol(String query, int maxNames, int maxRows) throws AirlockException {
        List<Definition> found = index.goToSymbol(query, maxNames, maxRows);
        record("symbols", query, found.size());
        return found;
    }

    @Override
    public List<CallSite> callers(String name, int limit) throws AirlockException {
        List<CallSite> found = index.callers(name, limit);
        record("callers", name, found.size());
        return found;
    }

    private void record(String kind, String query, long found) throws AirlockException {
        try {
            reads.record(kind, query, ref, found);
        } catch (SymbolReads.Refused e) {
            throw e;
        } catch (AirlockException e) {
            throw new SymbolReads.Refused(e);
        }
    }

    @Override
    public void close() {
        index.close();
    }
}
