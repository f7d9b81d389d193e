package airlock.ui.code;

import java.util.function.Consumer;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import org.fxmisc.richtext.CodeArea;

/**
 * A read-only {@link CodeArea} from which nothing reaches the clipboard: the copy and cut actions
 * are replaced, their keys are consumed, there is no context menu, and dragging a selection does
 * nothing. Each refusal is reported once.
 */
final class GuardedCodeArea extends CodeArea {
    private static final KeyCombination[] COPY_KEYS = {
        KeyCombination.keyCombination("Shortcut+C"),
        KeyCombination.keyCombination("Shortcut+Insert"),
    };
    private static final KeyCombination[] CUT_KEYS = {
        KeyCombination.keyCombination("Shortcut+X"),
        KeyCombination.keyCombination("Shift+Delete"),
    };
    private final Consumer<CopyAttempt.Kind> refused;

    GuardedCodeArea(Consumer<CopyAttempt.Kind> refused) {
        this.refused = refused;
        setEditable(false);
        setContextMenu(null);
        addEventFilter(KeyEvent.KEY_PRESSED, this::filterKey);
        addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, ContextMenuEvent::consume);
        addEventFilter(MouseEvent.DRAG_DETECTED, event -> {
            if (getSelection().getLength() > 0 && event.isPrimaryButtonDown()) {
                event.consume();
            }
        });
        setOnSelectionDropped(event -> refused.accept(CopyAttempt.Kind.DRAG));
    }

    private void filterKey(KeyEvent event) {
        if (event.getCode() == KeyCode.COPY || matches(COPY_KEYS, event)) {
            event.consume();
            refused.accept(CopyAttempt.Kind.COPY);
        } else if (event.getCode() == KeyCode.CUT || matches(CUT_KEYS, event)) {
            event.consume();
            refused.accept(CopyAttempt.Kind.CUT);
        }
    }

    private static boolean matches(KeyCombination[] combinations, KeyEvent event) {
        for (KeyCombination combination : combinations) {
            if (combination.match(event)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void copy() {
        refused.accept(CopyAttempt.Kind.COPY);
    }

    @Override
    public void cut() {
        refused.accept(CopyAttempt.Kind.CUT);
    }

    @Override
    public void paste() {
        // read-only: nothing to paste into
    }
}
