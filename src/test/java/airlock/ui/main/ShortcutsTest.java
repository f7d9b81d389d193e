package airlock.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import javafx.scene.input.KeyCodeCombination;
import org.junit.jupiter.api.Test;

class ShortcutsTest {

    @Test
    void everyShortcutNamesARealKey() {
        // a misspelt key name ("Page_Down") parses as a character combination that never matches
        for (Shortcut shortcut : new Shortcuts().all()) {
            assertInstanceOf(KeyCodeCombination.class, shortcut.combination(), shortcut.keys());
        }
    }

    @Test
    void noTwoActionsShareKeys() {
        Set<String> seen = new HashSet<>();
        for (Shortcut shortcut : new Shortcuts().all()) {
            assertEquals(true, seen.add(shortcut.keys()), "used twice: " + shortcut.keys());
        }
    }

    @Test
    void aFeatureCannotClaimKeysAnotherAlreadyHas() {
        Shortcuts shortcuts = new Shortcuts();
        shortcuts.add(new Shortcut("Shortcut+Alt+E", "shortcut.session.end"));
        shortcuts.add(new Shortcut("Shortcut+Alt+E", "shortcut.session.end")); // the same one again: listed once
        IllegalStateException clash = assertThrows(IllegalStateException.class,
                () -> shortcuts.add(new Shortcut("Ctrl+Alt+E", "annot.shortcut.edit")));
        assertTrue(clash.getMessage().contains("shortcut.session.end"), clash.getMessage());
        assertEquals(1, shortcuts.all().stream().filter(s -> s.keys().equals("Shortcut+Alt+E")).count());
    }

    @Test
    void plainKeysAreShownAsWritten() {
        assertEquals("Enter", Shortcuts.OPEN_FROM_TREE.displayText());
    }
}
