package airlock.ui.navigate;

import airlock.core.source.SourceTree;
import airlock.core.symbols.Definition;
import airlock.core.symbols.DefinitionLines;
import airlock.core.symbols.SymbolReads;
import airlock.core.text.DisplayText;
import airlock.ui.Texts;
import airlock.ui.code.CodeViewPane;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.stage.Popup;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.event.MouseOverTextEvent;

/**
 * Resting the mouse on a name shows its definitions from the symbol index with their source lines (read
 * from the code under review; escaped: they are repository text) in a small popup; moving away hides it.
 */
final class HoverCard {
    /** At most this many definitions are listed; the rest are counted. */
    static final int MAX_SHOWN = 5;
    private final SymbolService symbols;
    private final Texts texts;
    private final Popup popup = new Popup();
    private final Label card = new Label();
    private String lastText = "";

    HoverCard(SymbolService symbols, Texts texts, List<String> stylesheets) {
        this.symbols = symbols;
        this.texts = texts;
        card.getStyleClass().add("hover-card");
        card.getStylesheets().addAll(stylesheets);
        card.setWrapText(false);
        popup.getContent().add(card);
        popup.setAutoHide(true);
    }

    void attach(CodeViewPane pane) {
        CodeArea area = pane.codeArea();
        area.setMouseOverTextDelay(java.time.Duration.ofMillis(500));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN,
                e -> hoverAt(pane, e.getCharacterIndex(), e.getScreenPosition()));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> popup.hide());
    }

    /** Looks up the name at {@code charIndex} and shows what the index knows about it near {@code screen}. */
    void hoverAt(CodeViewPane pane, int charIndex, Point2D screen) {
        String text = pane.text();
        int[] word = CodeAids.wordAround(text, charIndex);
        if (word == null || symbols.index() == null || Character.isDigit(text.charAt(word[0]))) {
            return;
        }
        String name = text.substring(word[0], word[1]);
        SourceTree source = symbols.source();
        symbols.query(texts.format("nav.task.definition", DisplayText.inline(name)), idx -> {
                    List<Definition> found;
                    try {
                        // recorded in the session (kind definitions) before it returns, so before a line is read
                        found = idx.definitions(name);
                    } catch (SymbolReads.Refused refused) {
                        return new Answer(List.of(), refused.getMessage());
                    }
                    return new Answer(source == null ? found
                            : DefinitionLines.withLines(found, source, source.reviewRef(), MAX_SHOWN), null);
                },
                answer -> {
                    if (answer.refused() != null) {
                        // a refused hover shows no card; the status line says why (no dialog for a resting mouse)
                        symbols.showStatus(texts.format("nav.hover.refused", answer.refused()));
                        return;
                    }
                    List<Definition> defs = answer.definitions();
                    if (defs.isEmpty()) {
                        return;
                    }
                    lastText = describe(defs);
                    card.setText(lastText);
                    if (pane.getScene() != null && pane.getScene().getWindow() != null) {
                        popup.show(pane.getScene().getWindow(), screen.getX() + 12, screen.getY() + 16);
                    }
                });
    }

    /** What a hover lookup brought back: the definitions, or why the session refused to record it. */
    private record Answer(List<Definition> definitions, String refused) {
    }

    private String describe(List<Definition> defs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < defs.size() && i < MAX_SHOWN; i++) {
            Definition d = defs.get(i);
            if (i > 0) {
                out.append('\n');
            }
            out.append(texts.format("nav.hover.definition", d.kind().name().toLowerCase(Locale.ROOT),
                    DisplayText.inline(d.qualifiedName()), DisplayText.inline(d.path()), d.line(),
                    DisplayText.inline(shorten(d.signature().strip()))));
            if (!d.condition().isEmpty()) {
                out.append(texts.format("nav.hover.condition", DisplayText.inline(d.condition())));
            }
        }
        if (defs.size() > MAX_SHOWN) {
            out.append('\n').append(texts.format("nav.hover.more", defs.size() - MAX_SHOWN));
        }
        return out.toString();
    }

    private static String shorten(String signature) {
        return signature.length() <= 200 ? signature : signature.substring(0, 200) + "\u2026";
    }

    /** What the card shows (or last showed); for tests. */
    String lastText() {
        return lastText;
    }

    boolean isShowing() {
        return popup.isShowing();
    }

    void hide() {
        popup.hide();
    }
}
