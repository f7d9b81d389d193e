package airlock.core.search;

/**
 * Receives results as they are found, one file at a time, in path order within each ref, on the
 * thread that called the search (the UI adapter hands them to the FX thread).
 */
@FunctionalInterface
public interface SearchListener {
    void onFile(FileMatches file);
}
