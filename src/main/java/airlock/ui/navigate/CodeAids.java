package airlock.ui.navigate;

import airlock.core.syntax.Language;
import airlock.ui.code.CodeViewPane;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.util.Duration;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * Reading aids on a code view, recomputed when the caret rests: every occurrence of the word under
 * the caret (whole words) and the bracket matching the one at the caret get a style class. The
 * classes are added to the highlighting's styles and removed again, never replacing them.
 */
final class CodeAids {
    static final String WORD_CLASS = "word-highlight";
    static final String BRACKET_CLASS = "bracket-match";
    /** More occurrences than this are not all marked (a name used everywhere says little). */
    static final int MAX_WORD_MARKS = 2_000;
    /** How far a matching bracket is searched for, in characters. */
    static final int BRACKET_REACH = 200_000;
    private static final String OPEN = "([{";
    private static final String CLOSE = ")]}";
    private final Map<CodeViewPane, Marked> marked = new HashMap<>();
    /** The language detected for a pane's text off the FX thread, or null while not yet known. */
    private final Function<CodeViewPane, Language> detected;

    /** @param detected the pane's language as detected from its content (by the decorator), or null if not yet */
    CodeAids(Function<CodeViewPane, Language> detected) {
        this.detected = detected;
    }

    /** The ranges last marked in a pane, valid for one content version. */
    private record Marked(long version, List<int[]> ranges) {
    }

    void attach(CodeViewPane pane) {
        PauseTransition rest = new PauseTransition(Duration.millis(120));
        rest.setOnFinished(e -> refresh(pane));
        pane.codeArea().caretPositionProperty().addListener((obs, old, now) -> rest.playFromStart());
    }

    /** Marks the word and bracket at the caret of {@code pane} now (the caret listener calls this after a pause). */
    void refresh(CodeViewPane pane) {
        CodeArea area = pane.codeArea();
        clear(pane);
        if (pane.content() == null || area.getLength() == 0) {
            return;
        }
        String text = pane.text();
        int caret = area.getCaretPosition();
        List<int[]> ranges = new ArrayList<>();
        int[] word = wordAround(text, caret);
        if (word != null && !Character.isDigit(text.charAt(word[0]))) {
            String name = text.substring(word[0], word[1]);
            if (!language(pane).isKeyword(name)) { // every "if" says nothing
                ranges.addAll(occurrences(text, name));
            }
        }
        int wordMarks = ranges.size();
        int[] brackets = matchingBracket(text, caret);
        if (brackets != null) {
            ranges.add(new int[] {brackets[0], brackets[0] + 1});
            ranges.add(new int[] {brackets[1], brackets[1] + 1});
        }
        for (int i = 0; i < ranges.size(); i++) {
            addClass(area, ranges.get(i), i < wordMarks ? WORD_CLASS : BRACKET_CLASS);
        }
        marked.put(pane, new Marked(pane.contentVersion(), ranges));
    }

    /**
     * The content-detected language (an extension-less C++ header is C++) once the decorator has looked;
     * until then the path's. Detection itself is not repeated here: this runs on the FX thread.
     */
    private Language language(CodeViewPane pane) {
        Language lang = detected.apply(pane);
        return lang != null ? lang : Language.forPath(pane.documentPath());
    }

    private void clear(CodeViewPane pane) {
        Marked m = marked.remove(pane);
        if (m == null || m.version() != pane.contentVersion()) {
            return; // the text was replaced: its styles went with it
        }
        CodeArea area = pane.codeArea();
        for (int[] r : m.ranges()) {
            if (r[1] <= area.getLength()) {
                StyleSpans<Collection<String>> spans = area.getStyleSpans(r[0], r[1]).mapStyles(style -> {
                    List<String> out = new ArrayList<>(style);
                    out.remove(WORD_CLASS);
                    out.remove(BRACKET_CLASS);
                    return out;
                });
                area.setStyleSpans(r[0], spans);
            }
        }
    }

    private static void addClass(CodeArea area, int[] r, String styleClass) {
        StyleSpans<Collection<String>> spans = area.getStyleSpans(r[0], r[1]).mapStyles(style -> {
            List<String> out = new ArrayList<>(style);
            out.add(styleClass);
            return out;
        });
        area.setStyleSpans(r[0], spans);
    }

    /** [start, end) of the identifier touching {@code pos} (before or after it), or null. */
    static int[] wordAround(String text, int pos) {
        int s = Math.min(pos, text.length());
        int e = s;
        while (s > 0 && isIdent(text.charAt(s - 1))) {
            s--;
        }
        while (e < text.length() && isIdent(text.charAt(e))) {
            e++;
        }
        return s == e ? null : new int[] {s, e};
    }

    static boolean isIdent(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** Whole-word occurrences of {@code word}, at most {@link #MAX_WORD_MARKS}. */
    static List<int[]> occurrences(String text, String word) {
        List<int[]> out = new ArrayList<>();
        for (int i = text.indexOf(word); i >= 0 && out.size() < MAX_WORD_MARKS; i = text.indexOf(word, i + 1)) {
            int end = i + word.length();
            if ((i == 0 || !isIdent(text.charAt(i - 1))) && (end == text.length() || !isIdent(text.charAt(end)))) {
                out.add(new int[] {i, end});
            }
        }
        return out;
    }

    /**
     * The bracket at the caret (the one after it, else the one before it) and its partner, as two
     * offsets; null when there is no bracket or no partner within {@link #BRACKET_REACH}. Brackets are
     * counted as characters: one inside a string or comment can pair wrongly, as in most editors' fallback.
     */
    static int[] matchingBracket(String text, int caret) {
        for (int at : new int[] {caret, caret - 1}) {
            if (at < 0 || at >= text.length()) {
                continue;
            }
            char c = text.charAt(at);
            int open = OPEN.indexOf(c);
            int close = CLOSE.indexOf(c);
            if (open >= 0) {
                int partner = scan(text, at, +1, c, CLOSE.charAt(open));
                return partner < 0 ? null : new int[] {at, partner};
            }
            if (close >= 0) {
                int partner = scan(text, at, -1, c, OPEN.charAt(close));
                return partner < 0 ? null : new int[] {partner, at};
            }
        }
        return null;
    }

    private static int scan(String text, int from, int step, char same, char partner) {
        int depth = 0;
        int limit = step > 0 ? Math.min(text.length(), from + BRACKET_REACH) : Math.max(-1, from - BRACKET_REACH);
        for (int i = from; i != limit; i += step) {
            char c = text.charAt(i);
            if (c == same) {
                depth++;
            } else if (c == partner && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
