package airlock.core.history;

import airlock.core.AirlockException;
import java.util.List;

/**
 * Where {@link LocalVersions} records a read of the bundle's history before it returns any of it
 * (issue 16, "code flows only through the log"): the same entries the keeper writes before it
 * answers (docs/formats/keeper-protocol.md, "History and diff") — {@code file.opened} with view
 * {@code diff} for each side of a diff, view {@code blame} for a blame, {@code search.run} kind
 * {@code history} for a file's history. Called off the UI thread; if it throws, the content is not
 * returned (fail closed). The session records each {@code key} once per session, as the keeper does.
 */
@FunctionalInterface
public interface VersionReads {
    /** No session log (a composition without sessions): nothing is recorded, nothing refused. */
    VersionReads NONE = (key, reads) -> { };

    /**
     * Records {@code reads}, in order, before the content they describe is returned.
     *
     * @param key what was read (view, refs and path), recorded once per session
     */
    void record(String key, List<Read> reads) throws AirlockException;

    /** One entry of a read. */
    sealed interface Read permits FileOpened, Lookup {
    }

    /** A {@code file.opened} entry of a file version a diff or blame shows. */
    record FileOpened(String ref, String path, String blob, long size, String view) implements Read {
    }

    /** A {@code search.run} entry of a lookup ({@code kind} history) that found {@code found} items. */
    record Lookup(String kind, String query, String ref, long found) implements Read {
    }
}
