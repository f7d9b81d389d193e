package airlock.ui.main;

/** The menus of the main window, in menu-bar order. A menu with no items is not shown. */
public enum MenuId {
    FILE("menu.file"),
    VIEW("menu.view"),
    GO("menu.go"),
    REVIEW("menu.review"),
    SESSION("menu.session"),
    HELP("menu.help");

    private final String textKey;

    MenuId(String textKey) {
        this.textKey = textKey;
    }

    /** The bundle key of the menu's title. */
    public String textKey() {
        return textKey;
    }
}
