package airlock.ui.navigate;

import airlock.core.symbols.Tag;
import airlock.core.text.DisplayText;
import airlock.ui.Texts;
import airlock.ui.code.CodeViewPane;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The bar above the code: the shown file's path, one link per folder (shows it in the file tree), and the
 * definition around the caret from the outline (goes to its line), e.g.
 * {@code drivers › net › driver.c › function probe}. Repository text is escaped.
 */
final class Breadcrumbs extends HBox {
    private final Texts texts;
    private final Consumer<String> showFolder;
    private CodeViewPane pane;
    private String path;
    private List<Tag> tags = List.of();
    private int tagsLineOffset;
    private Tag shownTag;
    private boolean first = true;

    /** @param showFolder shows a folder (or the file) of the reviewed tree in the file tree */
    Breadcrumbs(Texts texts, Consumer<String> showFolder) {
        this.texts = texts;
        this.showFolder = showFolder;
        getStyleClass().add("breadcrumbs");
        setId("breadcrumbs");
        setVisible(false);
        setManaged(false);
    }

    /** The outline of {@code forPath}'s shown text (its lines less {@code lineOffset}) arrived. */
    void setOutline(String forPath, List<Tag> outline, int lineOffset) {
        if (forPath.equals(path)) {
            tags = List.copyOf(outline);
            tagsLineOffset = lineOffset;
            first = true;
            refresh();
        }
    }

    /** Shows {@code shown}'s path and the symbol at its caret; null hides the bar. */
    void show(CodeViewPane shown) {
        if (shown != pane || shown == null || !shown.documentPath().equals(path)) {
            tags = List.of();
            first = true;
        }
        pane = shown;
        path = shown == null ? null : shown.documentPath();
        refresh();
    }

    /** The caret moved: only the symbol part can change. */
    void caretMoved(CodeViewPane in) {
        if (in == pane && enclosing() != shownTag) {
            first = true;
            refresh();
        }
    }

    private void refresh() {
        boolean on = pane != null && path != null;
        setVisible(on);
        setManaged(on);
        if (!on || !first) {
            return;
        }
        first = false;
        getChildren().clear();
        String[] segments = path.split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                prefix.append('/');
                getChildren().add(separator());
            }
            prefix.append(segments[i]);
            String target = prefix.toString();
            Hyperlink link = new Hyperlink(DisplayText.inline(segments[i]));
            link.setMnemonicParsing(false);
            link.getStyleClass().add("breadcrumb");
            link.setTooltip(new Tooltip(texts.get("nav.breadcrumbs.tip")));
            link.setFocusTraversable(false);
            link.setOnAction(e -> showFolder.accept(target));
            getChildren().add(link);
        }
        shownTag = enclosing();
        getChildren().add(separator());
        if (shownTag == null) {
            Label none = new Label(texts.get("nav.breadcrumbs.symbol.none"));
            none.getStyleClass().add("breadcrumb");
            getChildren().add(none);
            return;
        }
        Tag tag = shownTag;
        String scope = tag.scope().isEmpty() ? "" : tag.scope() + "::";
        Hyperlink symbol = new Hyperlink(tag.kind().name().toLowerCase(Locale.ROOT) + " "
                + DisplayText.inline(scope + tag.name()));
        symbol.setMnemonicParsing(false);
        symbol.getStyleClass().addAll("breadcrumb", "breadcrumb-symbol");
        symbol.setFocusTraversable(false);
        symbol.setTooltip(new Tooltip(texts.get("nav.breadcrumbs.tip")));
        CodeViewPane at = pane;
        symbol.setOnAction(e -> at.goToLine(tag.line() + tagsLineOffset));
        getChildren().add(symbol);
    }

    private static Label separator() {
        Label sep = new Label("\u203A");
        sep.getStyleClass().add("breadcrumb-separator");
        return sep;
    }

    /** The innermost definition whose lines hold the caret, or null. */
    Tag enclosing() {
        if (pane == null || tags.isEmpty()) {
            return null;
        }
        int line = pane.codeArea().getCurrentParagraph() + 1;
        return enclosing(tags, line);
    }

    /** The definition in {@code tags} that holds {@code line} and starts last (the innermost), or null. */
    static Tag enclosing(List<Tag> tags, int line) {
        Tag best = null;
        for (Tag t : tags) {
            int end = Math.max(t.line(), t.endLine());
            if (t.line() <= line && line <= end && (best == null || t.line() >= best.line())) {
                best = t;
            }
        }
        return best;
    }

    /** The texts shown, in order (for tests). */
    List<String> texts() {
        return getChildren().stream().filter(n -> n instanceof javafx.scene.control.Labeled)
                .map(n -> ((javafx.scene.control.Labeled) n).getText()).toList();
    }

    /** Clicks the i-th link (for tests). */
    void fire(int index) {
        getChildren().stream().filter(n -> n instanceof Hyperlink).skip(index).findFirst()
                .ifPresent(n -> ((Hyperlink) n).fire());
    }
}
