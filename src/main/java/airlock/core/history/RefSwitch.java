package airlock.core.history;

import airlock.core.AirlockException;
import airlock.core.git.GitSource;
import java.util.Map;
import java.util.TreeMap;

/** Re-opens a source at another of its refs, sharing the repository (JGit counts the opens). */
public final class RefSwitch {
    private RefSwitch() {
    }

    /**
     * A source over the same repository and refs reviewing {@code ref}. Closing either source
     * leaves the other usable: the repository closes with the last of them.
     */
    public static GitSource reviewAt(GitSource source, String ref) throws AirlockException {
        Map<String, String> refs = new TreeMap<>();
        for (String name : source.refs()) {
            refs.put(name, source.commitOf(name));
        }
        if (!refs.containsKey(ref)) {
            throw new AirlockException("source.ref.missing", "The bundle has no ref " + ref);
        }
        source.repository().incrementOpen();
        return new GitSource(source.repository(), source.label(), refs, ref, source.listingDir());
    }
}
