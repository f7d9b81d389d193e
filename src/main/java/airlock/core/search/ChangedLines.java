package airlock.core.search;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/** The lines of a new version that a diff from the old version adds or changes (histogram diff). */
final class ChangedLines {
    private ChangedLines() {
    }

    /** Bit {@code n} is set when line {@code n} (1-based) of {@code newText} is added or changed. */
    static BitSet of(String oldText, String newText) {
        BitSet out = new BitSet();
        RawText a = new RawText(oldText.getBytes(StandardCharsets.UTF_8));
        RawText b = new RawText(newText.getBytes(StandardCharsets.UTF_8));
        EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
                .diff(RawTextComparator.DEFAULT, a, b);
        for (Edit edit : edits) {
            out.set(edit.getBeginB() + 1, edit.getEndB() + 1);
        }
        return out;
    }
}
