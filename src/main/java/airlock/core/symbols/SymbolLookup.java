package airlock.core.symbols;

import airlock.core.AirlockException;
import java.util.List;
import java.util.Map;

/**
 * The symbol questions the navigation views ask: {@link SymbolIndex} in this process, or the
 * keeper's index ({@code airlock.keeper.client.KeeperSymbols}), which writes a {@code search.run}
 * entry before it reads a definition or reference line from the bundle. A lookup that cannot answer
 * a question (the keeper's protocol has no op for it) throws an {@link AirlockException} that says so.
 */
public interface SymbolLookup extends AutoCloseable {
    IndexState state() throws AirlockException;

    /** Files with content marks (path to mark bits), for the file tree. */
    Map<String, Integer> contentMarks() throws AirlockException;

    List<Definition> definitions(String name) throws AirlockException;

    ReferencePage references(String name, long offset, int limit) throws AirlockException;

    List<SymbolMatch> searchSymbols(String query, int limit) throws AirlockException;

    /**
     * Go to symbol: the definitions of the best {@code maxNames} names for {@code query}, name by name
     * in {@link #searchSymbols} order, at most {@code maxRows} in all.
     */
    default List<Definition> goToSymbol(String query, int maxNames, int maxRows) throws AirlockException {
        List<Definition> out = new java.util.ArrayList<>();
        for (SymbolMatch match : searchSymbols(query, maxNames)) {
            for (Definition d : definitions(match.name())) {
                if (out.size() == maxRows) {
                    return out;
                }
                out.add(d);
            }
        }
        return out;
    }

    List<CallSite> callers(String name, int limit) throws AirlockException;

    @Override
    void close();
}
