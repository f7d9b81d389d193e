package airlock.ui.main;

import javafx.scene.input.KeyCombination;

/**
 * A keyboard shortcut and what it does, as listed in Help → Keyboard shortcuts.
 *
 * @param keys           the combination in JavaFX syntax, e.g. {@code Shortcut+W}, or a plain
 *                       description (e.g. {@code Enter}) for keys handled by a control
 * @param descriptionKey bundle key of what it does
 */
public record Shortcut(String keys, String descriptionKey) {

    public KeyCombination combination() {
        return KeyCombination.keyCombination(keys);
    }

    /** The keys as this platform displays them (Ctrl+W on Linux). */
    public String displayText() {
        try {
            return combination().getDisplayText();
        } catch (IllegalArgumentException e) {
            return keys;
        }
    }
}
