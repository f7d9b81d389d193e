package airlock.core.search;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which files a query looks at: include globs (any one must match), exclude globs (none may
 * match) and languages. As with ripgrep's {@code -g}, a glob without a slash matches the file name
 * (or, to exclude, a folder name) in any folder, a glob with a slash matches the whole path; {@code **} crosses folders; an include
 * glob starting with {@code !} is an exclude.
 */
final class PathFilter {
    private final List<PathMatcher[]> include = new ArrayList<>();
    private final List<PathMatcher[]> exclude = new ArrayList<>();
    private final Set<String> languages;

    PathFilter(SearchQuery query) throws InvalidQueryException {
        for (String glob : query.include()) {
            if (glob.startsWith("!")) {
                exclude.add(compile(glob.substring(1)));
            } else {
                include.add(compile(glob));
            }
        }
        for (String glob : query.exclude()) {
            exclude.add(compile(glob));
        }
        for (String language : query.languages()) {
            if (!Languages.names().contains(language)) {
                throw new InvalidQueryException("Unknown language '" + language + "'. Known: "
                        + String.join(", ", Languages.names()) + ".");
            }
        }
        this.languages = query.languages();
    }

    private static PathMatcher[] compile(String glob) throws InvalidQueryException {
        if (glob.isEmpty()) {
            throw new InvalidQueryException("An empty path glob matches nothing; remove it.");
        }
        try {
            String trimmed = glob.startsWith("/") ? glob.substring(1) : glob;
            if (glob.contains("/")) {
                return new PathMatcher[] {FileSystems.getDefault().getPathMatcher("glob:" + trimmed), null};
            }
            return new PathMatcher[] {null, FileSystems.getDefault().getPathMatcher("glob:" + trimmed)};
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("Invalid path glob '" + glob + "': " + e.getMessage());
        }
    }

    boolean accepts(String path) {
        String language = languages.isEmpty() ? null : Languages.of(path);
        if (!languages.isEmpty() && (language == null || !languages.contains(language))) {
            return false;
        }
        if (include.isEmpty() && exclude.isEmpty()) {
            // no glob: no Path.of per entry (issue 20: it was a fifth of a rare literal's CPU)
            return true;
        }
        Path full;
        try {
            full = Path.of(path);
        } catch (java.nio.file.InvalidPathException e) {
            // a path the platform cannot represent (e.g. a NUL) cannot match a glob either
            return include.isEmpty();
        }
        for (PathMatcher[] m : exclude) {
            if (matches(m, full) || anyFolderMatches(m, full)) {
                return false;
            }
        }
        if (include.isEmpty()) {
            return true;
        }
        for (PathMatcher[] m : include) {
            if (matches(m, full)) {
                return true;
            }
        }
        return false;
    }

    /** An exclude glob without a slash also drops whole folders, as in ripgrep. */
    private static boolean anyFolderMatches(PathMatcher[] m, Path full) {
        if (m[1] == null) {
            return false;
        }
        for (int i = 0; i < full.getNameCount() - 1; i++) {
            if (m[1].matches(full.getName(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(PathMatcher[] m, Path full) {
        if (m[0] != null) {
            return m[0].matches(full);
        }
        Path name = full.getFileName();
        return name != null && m[1].matches(name);
    }
}
