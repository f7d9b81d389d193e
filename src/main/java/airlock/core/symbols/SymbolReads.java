package airlock.core.symbols;

import airlock.core.AirlockException;

/**
 * Where {@link RecordedSymbols} records a navigation read before it returns anything (issue 16, "code
 * flows only through the log": hover and definition lines are reads too): the {@code search.run} entry
 * the keeper writes before it answers the same question (docs/formats/keeper-protocol.md) — kind
 * {@code definitions} (go to definition, hover), {@code references}, {@code callers} or {@code symbols}
 * (go to symbol), with the query, the review ref and how many items were found. Called off the UI
 * thread, once per query; if it throws, nothing is returned (fail closed).
 */
@FunctionalInterface
public interface SymbolReads {
    /** No session log (a composition without sessions): nothing is recorded, nothing refused. */
    SymbolReads NONE = (kind, query, ref, found) -> { };

    /**
     * Records one lookup before its answer is returned.
     *
     * @param kind  {@code definitions}, {@code references}, {@code callers} or {@code symbols}
     * @param query the name or typed text asked about
     * @param ref   the review ref the answer is read at
     * @param found how many definitions, references or call sites the answer holds
     */
    void record(String kind, String query, String ref, long found) throws AirlockException;

    /** A lookup the session refused to record (none open, another bundle's, locked, expired): nothing was returned. */
    final class Refused extends AirlockException {
        private static final long serialVersionUID = 1L;

        public Refused(AirlockException cause) {
            super(cause.code(), cause.getMessage(), cause);
        }
    }
}
