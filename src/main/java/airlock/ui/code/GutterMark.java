package airlock.ui.code;

import java.util.List;

/**
 * One mark in a gutter column of a code view line: a short symbol (may be empty, e.g. for a mark
 * that is only a coloured bar), the style classes that colour it, and a tooltip (null for none).
 */
public record GutterMark(String symbol, List<String> styleClasses, String tooltip) {
    public GutterMark {
        symbol = symbol == null ? "" : symbol;
        styleClasses = List.copyOf(styleClasses);
    }
}
