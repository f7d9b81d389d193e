package airlock.core.demo;

import airlock.core.source.SourceTree;

/**
 * The outcome of opening the built-in demo: either a source to show (and the file to open first)
 * or the reason there is none.
 *
 * @param verdict   whether the demo opened, and if not why
 * @param reason    for a person: what was found and what to do (empty when opened)
 * @param source    the project's own history, or null
 * @param firstFile the file to open first (e.g. README.md), or null
 */
public record DemoOpening(Verdict verdict, String reason, SourceTree source, String firstFile) {

    public enum Verdict {
        OPENED,
        /** The project folder has no {@code .git} (e.g. unpacked from a tarball). */
        NO_HISTORY,
        /** The repository exists but has no branch or tag to show. */
        NO_REFS
    }

    public boolean opened() {
        return verdict == Verdict.OPENED;
    }

    static DemoOpening failed(Verdict verdict, String reason) {
        return new DemoOpening(verdict, reason, null, null);
    }
}
