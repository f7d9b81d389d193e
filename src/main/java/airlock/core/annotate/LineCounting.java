package airlock.core.annotate;

import airlock.core.AirlockException;
import airlock.core.annotate.CoverageCalculator.FileLines;
import airlock.core.progress.ProgressMonitor;
import airlock.core.source.SourceTree;
import java.util.List;

/**
 * The line counts of every file of a ref, what review coverage is measured in: counted in this
 * process from the files, or asked of the keeper, which reads them and sends counts only
 * ({@code files.lines}, issue 16, kread).
 */
public interface LineCounting {
    /** Larger blobs are counted up to this size (the code view shows no more of them either). */
    long MAX_BYTES = 64L << 20;

    List<FileLines> of(SourceTree tree, String ref, ProgressMonitor monitor) throws AirlockException;

    /** Lines as {@code LineIndex} counts them, minus a final empty line after a trailing newline. */
    static int count(byte[] bytes) {
        if (bytes.length == 0) {
            return 0;
        }
        int lines = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                lines++;
            }
        }
        return bytes[bytes.length - 1] == '\n' ? lines : lines + 1;
    }
}
