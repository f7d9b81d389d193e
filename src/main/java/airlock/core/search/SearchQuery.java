package airlock.core.search;

import java.util.List;
import java.util.Set;

/**
 * What the inspector asked for. The same value drives the GUI, the command line and the session
 * log entry.
 *
 * @param pattern    the text to find: a literal, or a java.util.regex pattern when {@code regex}
 * @param regex      whether {@code pattern} is a regular expression
 * @param ignoreCase Unicode case-insensitive matching
 * @param wholeWord  a match must not touch a word character on either side (like {@code rg -w})
 * @param include    path globs a file must match one of (empty: every file)
 * @param exclude    path globs that drop a file
 * @param languages  language names a file must have one of (empty: every language), see {@link Languages}
 * @param ref        the ref to search, or null for every ref of the bundle
 */
public record SearchQuery(String pattern, boolean regex, boolean ignoreCase, boolean wholeWord,
                          List<String> include, List<String> exclude, Set<String> languages, String ref) {

    public SearchQuery {
        if (pattern == null) {
            throw new IllegalArgumentException("pattern is required");
        }
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        languages = Set.copyOf(languages);
    }

    /** A case-sensitive literal search of {@code ref} with no filters. */
    public static SearchQuery literal(String text, String ref) {
        return new SearchQuery(text, false, false, false, List.of(), List.of(), Set.of(), ref);
    }

    /** A case-sensitive regex search of {@code ref} with no filters. */
    public static SearchQuery regex(String pattern, String ref) {
        return new SearchQuery(pattern, true, false, false, List.of(), List.of(), Set.of(), ref);
    }

    public SearchQuery withIgnoreCase(boolean value) {
        return new SearchQuery(pattern, regex, value, wholeWord, include, exclude, languages, ref);
    }

    public SearchQuery withWholeWord(boolean value) {
        return new SearchQuery(pattern, regex, ignoreCase, value, include, exclude, languages, ref);
    }

    public SearchQuery withPaths(List<String> includeGlobs, List<String> excludeGlobs) {
        return new SearchQuery(pattern, regex, ignoreCase, wholeWord, includeGlobs, excludeGlobs, languages, ref);
    }

    public SearchQuery withLanguages(Set<String> names) {
        return new SearchQuery(pattern, regex, ignoreCase, wholeWord, include, exclude, names, ref);
    }

    public SearchQuery withRef(String value) {
        return new SearchQuery(pattern, regex, ignoreCase, wholeWord, include, exclude, languages, value);
    }
}
