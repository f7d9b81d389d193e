package airlock.ui.code;

import airlock.core.syntax.Highlighting;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/** Highlighting as the style spans a {@link CodeViewPane} applies; plain data, safe on any thread. */
public final class SyntaxSpans {
    private SyntaxSpans() {
    }

    /**
     * One span per highlighted range, unstyled spans between, covering {@code textLength} characters;
     * ranges that overlap an earlier one, are empty or run past the text are left out.
     */
    public static StyleSpans<Collection<String>> of(Highlighting highlighting, int textLength) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int at = 0;
        for (int i = 0; i < highlighting.size(); i++) {
            int start = highlighting.start(i);
            int end = Math.min(textLength, highlighting.end(i));
            if (start >= at && end > start) {
                spans.add(List.of(), start - at);
                spans.add(List.of(highlighting.styleClass(i)), end - start);
                at = end;
            }
        }
        spans.add(List.of(), textLength - at);
        return spans.create();
    }
}
