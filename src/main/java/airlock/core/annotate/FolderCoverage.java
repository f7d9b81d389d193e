package airlock.core.annotate;

/**
 * Review coverage of a folder (all files below it) or of one file.
 *
 * @param path          folder path without trailing slash; {@code ""} is the root
 * @param files         files below it
 * @param reviewedFiles files marked reviewed as a whole
 * @param lines         lines below it
 * @param reviewedLines lines covered by a whole-file or a range mark
 */
public record FolderCoverage(String path, int files, int reviewedFiles, long lines, long reviewedLines) {

    /** Reviewed lines as a percentage, 0 to 100 (a folder of empty files counts by files). */
    public double percent() {
        if (lines == 0) {
            return files == 0 ? 100.0 : 100.0 * reviewedFiles / files;
        }
        return 100.0 * reviewedLines / lines;
    }
}
