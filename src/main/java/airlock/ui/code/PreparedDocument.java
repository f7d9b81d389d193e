package airlock.ui.code;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.ReadOnlyStyledDocumentBuilder;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.fxmisc.richtext.model.TextOps;

/**
 * Everything a {@link CodeViewPane} needs to show a {@link DocumentContent}, computed off the FX
 * thread: hidden characters masked, and the RichTextFX document (one paragraph per line, the marks
 * already carrying their warning style) built as plain data. The FX thread then only swaps the
 * document in, which costs the same for a 1 MB file as for a small one up to the visible lines.
 *
 * @param content  what was prepared
 * @param text     the text shown (hidden characters masked; same length and lines as the content's text)
 * @param marks    offsets of the hidden-character marks, ascending
 * @param document the styled document for {@code CodeArea.replace}
 * @param longestLine length of the longest line, in UTF-16 units
 */
public record PreparedDocument(DocumentContent content, String text, int[] marks,
        ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> document, int longestLine) {

    /** Marking each hidden character costs a style span; past this many, they are masked but not styled. */
    static final int MAX_STYLED_MARKS = 10_000;
    private static final TextOps<String, Collection<String>> OPS = SegmentOps.styledTextOps();
    private static final Collection<String> PLAIN = Collections.emptyList();
    private static final Collection<String> HIDDEN = List.of("hidden-char");

    /** Masks and builds; no toolkit, safe on any thread. */
    public static PreparedDocument of(DocumentContent content) {
        HiddenCharacters.Masked masked = content.kind() == DocumentContent.Kind.HEX
                ? new HiddenCharacters.Masked(content.text(), new int[0])
                : HiddenCharacters.mask(content.text());
        String text = masked.text();
        int[] marks = masked.positions();
        int styledMarks = Math.min(marks.length, MAX_STYLED_MARKS);
        ReadOnlyStyledDocumentBuilder<Collection<String>, String, Collection<String>> builder =
                new ReadOnlyStyledDocumentBuilder<>(OPS, PLAIN, lineCount(text));
        int next = 0;
        int start = 0;
        int longest = 0;
        while (true) {
            int end = text.indexOf('\n', start);
            int lineEnd = end < 0 ? text.length() : end;
            longest = Math.max(longest, lineEnd - start);
            String line = text.substring(start, lineEnd);
            if (next < styledMarks && marks[next] < lineEnd) {
                StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
                int at = start;
                while (next < styledMarks && marks[next] < lineEnd) {
                    int mark = marks[next++];
                    if (mark > at) {
                        spans.add(PLAIN, mark - at);
                    }
                    spans.add(HIDDEN, 1);
                    at = mark + 1;
                }
                if (lineEnd > at) {
                    spans.add(PLAIN, lineEnd - at);
                }
                builder.addParagraph(line, spans.create());
            } else {
                builder.addParagraph(line, PLAIN);
            }
            if (end < 0) {
                break;
            }
            start = end + 1;
        }
        return new PreparedDocument(content, text, marks, builder.build(), longest);
    }

    private static int lineCount(String text) {
        int lines = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            lines++;
        }
        return lines;
    }
}
