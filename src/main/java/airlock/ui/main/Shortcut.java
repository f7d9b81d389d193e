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

    /** True when the keys include a modifier (a real accelerator rather than a key a control handles). */
    public boolean hasModifier() {
        return keys.contains("+");
    }

    /** The keys as this platform displays them (Ctrl+W on Linux); plain keys as written. */
    public String displayText() {
        return hasModifier() ? combination().getDisplayText() : keys;
    }
}
