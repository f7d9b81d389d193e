package airlock.ui.main;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every keyboard shortcut of the window, so Help can list them all. Features add theirs here. */
public final class Shortcuts {
    public static final Shortcut CLOSE_TAB = new Shortcut("Shortcut+W", "shortcut.close.tab");
    public static final Shortcut CLOSE_ALL = new Shortcut("Shortcut+Shift+W", "shortcut.close.all");
    public static final Shortcut QUIT = new Shortcut("Shortcut+Q", "shortcut.quit");
    public static final Shortcut GO_TO_LINE = new Shortcut("Shortcut+L", "shortcut.goto.line");
    public static final Shortcut NEXT_TAB = new Shortcut("Ctrl+Tab", "shortcut.tab.next");
    public static final Shortcut PREVIOUS_TAB = new Shortcut("Ctrl+Shift+Tab", "shortcut.tab.previous");
    public static final Shortcut NEXT_TAB_ALT = new Shortcut("Ctrl+Page Down", "shortcut.tab.next");
    public static final Shortcut PREVIOUS_TAB_ALT = new Shortcut("Ctrl+Page Up", "shortcut.tab.previous");
    public static final Shortcut FILTER_FILES = new Shortcut("Shortcut+Shift+E", "shortcut.filter.files");
    public static final Shortcut FOCUS_TREE = new Shortcut("Alt+1", "shortcut.focus.tree");
    public static final Shortcut ZOOM_IN = new Shortcut("Shortcut+Equals", "shortcut.zoom.in");
    public static final Shortcut ZOOM_OUT = new Shortcut("Shortcut+Minus", "shortcut.zoom.out");
    public static final Shortcut ZOOM_RESET = new Shortcut("Shortcut+0", "shortcut.zoom.reset");
    public static final Shortcut HIGH_CONTRAST = new Shortcut("Shortcut+Shift+H", "shortcut.theme.contrast");
    public static final Shortcut HELP_KEYS = new Shortcut("F1", "shortcut.help.keys");
    public static final Shortcut OPEN_FROM_TREE = new Shortcut("Enter", "shortcut.tree.open");
    public static final Shortcut CLEAR_FILTER = new Shortcut("Esc", "shortcut.filter.clear");
    public static final Shortcut NEXT_PAGE = new Shortcut("Alt+Page Down", "shortcut.page.next");
    public static final Shortcut PREVIOUS_PAGE = new Shortcut("Alt+Page Up", "shortcut.page.previous");

    private final List<Shortcut> all = new CopyOnWriteArrayList<>(List.of(CLOSE_TAB, CLOSE_ALL, QUIT, GO_TO_LINE,
            NEXT_TAB, PREVIOUS_TAB, NEXT_TAB_ALT, PREVIOUS_TAB_ALT, NEXT_PAGE, PREVIOUS_PAGE, FILTER_FILES, FOCUS_TREE, OPEN_FROM_TREE,
            CLEAR_FILTER, ZOOM_IN, ZOOM_OUT, ZOOM_RESET, HIGH_CONTRAST, HELP_KEYS));

    /**
     * Adds a shortcut another feature provides, so it is listed too. Two features claiming the same
     * keys for different actions is a programming error (one of them would never fire), so it is
     * refused here, where every window's construction, and so every GUI test, meets it.
     */
    public synchronized void add(Shortcut shortcut) {
        for (Shortcut existing : all) {
            if (existing.equals(shortcut)) {
                return;
            }
            if (shortcut.hasModifier() && existing.hasModifier()
                    && existing.displayText().equals(shortcut.displayText())) {
                throw new IllegalStateException("Shortcut " + shortcut.displayText() + " is claimed twice: by "
                        + existing.descriptionKey() + " and by " + shortcut.descriptionKey());
            }
        }
        all.add(shortcut);
    }

    public List<Shortcut> all() {
        return List.copyOf(all);
    }
}
