package airlock.keeper.client;

import airlock.core.AirlockException;
import airlock.core.symbols.CallSite;
import airlock.core.symbols.Definition;
import airlock.core.symbols.IndexState;
import airlock.core.symbols.Reference;
import airlock.core.symbols.ReferencePage;
import airlock.core.symbols.SymbolKind;
import airlock.core.symbols.SymbolLookup;
import airlock.core.symbols.SymbolMatch;
import airlock.protocol.Answer;
import airlock.protocol.Limits;
import airlock.protocol.Request;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keeper's symbol index. Each definition or reference question is a read: the keeper writes a
 * {@code search.run} entry (kind {@code definitions} or {@code references}) before it reads a line
 * of the bundle to answer. Go to symbol is one {@code symbols.search} read (kind {@code symbols}).
 * Callers are one {@code symbols.callers} read (kind {@code callers}).
 */
public final class KeeperSymbols implements SymbolLookup {
    private final KeeperClient client;
    private volatile IndexState last = new IndexState(IndexState.Status.ABSENT, 0, 0, "not asked yet");
    /** The definitions the last go-to-symbol answer sent, per name, each handed out once. */
    private volatile ConcurrentHashMap<String, List<Definition>> lastSearch = new ConcurrentHashMap<>();

    public KeeperSymbols(KeeperClient client) {
        this.client = client;
    }

    /** What the keeper said of its index in the last answer (complete, partial or absent; it sends no file counts). */
    @Override
    public IndexState state() {
        return last;
    }

    /** Content marks are not sent by the keeper (version 1): none. */
    @Override
    public Map<String, Integer> contentMarks() {
        return Map.of();
    }

    @Override
    public List<Definition> definitions(String name) throws AirlockException {
        // go to symbol asks for each name it listed right after the search that already sent (and logged) them
        List<Definition> listed = lastSearch.remove(name);
        if (listed != null) {
            return listed;
        }
        Answer.Definitions answer = client.definitions(name, Limits.MAX_SYMBOL_RESULTS);
        remember(answer.index());
        return convert(answer);
    }

    private static List<Definition> convert(Answer.Definitions answer) throws KeeperException {
        List<Definition> out = new ArrayList<>();
        for (Answer.Definition d : answer.definitions()) {
            // the keeper's definition line stands where the index keeps no signature (as DefinitionLines would read it),
            // so a hover card needs no file opened to show it
            out.add(new Definition(d.path(), d.name(), kind(d.symbolKind()), d.line(), d.column(), d.line(), d.scope(), d.text(),
                    d.condition()));
        }
        return out;
    }

    @Override
    public ReferencePage references(String name, long offset, int limit) throws AirlockException {
        Answer.References answer = client.references(name, offset, Math.min(limit, Limits.MAX_SYMBOL_RESULTS));
        remember(answer.index());
        List<Reference> out = new ArrayList<>();
        for (Answer.Reference r : answer.references()) {
            out.add(new Reference(r.path(), r.line(), r.column(), r.call()));
        }
        return new ReferencePage(out, answer.offset(), answer.total());
    }

    /**
     * Go to symbol through the keeper's {@code symbols.search} (issue 16, k4walk): one logged read
     * answers the best-matching names' definitions with their lines. The names come back best first;
     * their definitions are kept until asked for once by {@link #definitions} (the view asks for each
     * name it lists), so listing them costs no second entry per name. A query the protocol cannot
     * carry (a control character, longer than a symbol name may be) matches nothing.
     */
    @Override
    public List<SymbolMatch> searchSymbols(String query, int limit) throws AirlockException {
        Request.SymbolSearch request;
        try {
            request = new Request.SymbolSearch(query, Limits.MAX_SYMBOL_RESULTS);
        } catch (IllegalArgumentException e) {
            lastSearch = new ConcurrentHashMap<>();
            return List.of();
        }
        Answer.Definitions answer = client.call(request, Answer.Definitions.class);
        remember(answer.index());
        Map<String, List<Definition>> byName = new LinkedHashMap<>();
        for (Definition d : convert(answer)) {
            byName.computeIfAbsent(d.name(), n -> new ArrayList<>()).add(d);
        }
        List<SymbolMatch> out = new ArrayList<>();
        int rank = byName.size();
        for (Map.Entry<String, List<Definition>> e : byName.entrySet()) {
            if (out.size() == limit) {
                break;
            }
            out.add(new SymbolMatch(e.getKey(), rank--, e.getValue().size()));
        }
        ConcurrentHashMap<String, List<Definition>> kept = new ConcurrentHashMap<>();
        for (SymbolMatch m : out) {
            kept.put(m.name(), List.copyOf(byName.get(m.name())));
        }
        lastSearch = kept;
        return out;
    }

    @Override
    public List<CallSite> callers(String name, int limit) throws AirlockException {
        // history/diff (issue 16, kread): symbols.callers, recorded by the keeper before it reads a call line
        Answer.Callers answer = client.callers(name, Math.max(1, Math.min(limit, Limits.MAX_SYMBOL_RESULTS)));
        remember(answer.index());
        List<CallSite> out = new ArrayList<>();
        for (Answer.Caller c : answer.callers()) {
            Answer.Definition d = c.caller();
            out.add(new CallSite(new Definition(d.path(), d.name(), kind(d.symbolKind()), d.line(), d.column(), d.line(), d.scope(),
                    d.text(), d.condition()), new Reference(c.path(), c.line(), c.column(), true)));
        }
        return out;
    }

    private void remember(String index) throws KeeperException {
        last = new IndexState(switch (index) {
            case "complete" -> IndexState.Status.COMPLETE;
            case "partial" -> IndexState.Status.PARTIAL;
            case "absent" -> IndexState.Status.ABSENT;
            default -> throw new KeeperException("keeper.protocol", "The keeper reported an unknown index state.");
        }, 0, 0, "as the keeper reported it");
    }

    private static SymbolKind kind(String keeper) throws KeeperException {
        try {
            return SymbolKind.valueOf(keeper.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new KeeperException("keeper.protocol", "The keeper reported an unknown symbol kind.");
        }
    }

    /** The connection is the composition's, not this lookup's. */
    @Override
    public void close() {
    }
}
