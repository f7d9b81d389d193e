package airlock.ui.main;

import airlock.ui.Texts;
import airlock.ui.code.CodeViewPane;
import airlock.ui.help.AboutDialog;
import airlock.ui.help.ShortcutsDialog;
import airlock.ui.theme.Theme;
import airlock.ui.tree.FileTreePane;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The workstation window: menu bar, file tree (left), code tabs (centre), status bar. Binds to
 * {@link MainViewModel} and delegates every decision to it. Other features extend it through
 * {@link #addMenuItem}, {@link #addSidePanel}, {@link #addStatusItem} and
 * {@link #onCodeViewCreated}.
 */
public final class MainView {
    private static final double BASE_FONT = 13;
    private final MainViewModel model;
    private final Texts texts;
    private final Shortcuts shortcuts;
    private final String version;
    private final BorderPane root = new BorderPane();
    private final Map<MenuId, Menu> menus = new EnumMap<>(MenuId.class);
    private final TabPane sidePanels = new TabPane();
    private final FileTreePane fileTree;
    /** The document tabs and, in split view, a second view beside them. */
    private final SplitPane editors = new SplitPane();
    /** Bars above the code (breadcrumbs, find in file), in the order features add them. */
    private final VBox aboveCode = new VBox();
    private final DocumentTabs documentTabs;
    private final StatusBar statusBar;
    private final MainMenus mainMenus;
    private Theme theme = Theme.LIGHT;
    private double fontSize = BASE_FONT;

    public MainView(MainViewModel model, Texts texts, Shortcuts shortcuts, String version, Runnable quit) {
        this.model = model;
        this.texts = texts;
        this.shortcuts = shortcuts;
        this.version = version;
        root.getStyleClass().add("main-window");
        MenuBar menuBar = new MenuBar();
        for (MenuId id : MenuId.values()) {
            Menu menu = new Menu(texts.get(id.textKey()));
            menu.setId("menu-" + id.name().toLowerCase(java.util.Locale.ROOT));
            menu.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(menu.getItems()));
            menus.put(id, menu);
            menuBar.getMenus().add(menu);
        }
        Label banner = new Label();
        banner.getStyleClass().add("banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(model.bannerProperty());
        banner.visibleProperty().bind(model.bannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        root.setTop(new VBox(menuBar, banner));

        fileTree = new FileTreePane(model.fileTree(), texts);
        sidePanels.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        sidePanels.getStyleClass().add("side-panels");
        addSidePanel(texts.get("side.files"), fileTree);

        documentTabs = new DocumentTabs(model, texts, model);
        Label empty = new Label(texts.get("tabs.empty"));
        empty.getStyleClass().add("tabs-empty");
        empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.documents()));
        editors.getItems().add(documentTabs.node());
        StackPane codeArea = new StackPane(editors, empty);
        aboveCode.getStyleClass().add("above-code");
        BorderPane centre = new BorderPane(codeArea);
        centre.setTop(aboveCode);
        SplitPane split = new SplitPane(sidePanels, centre);
        split.setDividerPositions(0.27);
        SplitPane.setResizableWithParent(sidePanels, false);
        root.setCenter(split);

        statusBar = new StatusBar(model, texts);
        root.setBottom(statusBar);
        mainMenus = new MainMenus(this, model, texts, quit);
        mainMenus.install();
        model.selectedProperty().addListener((obs, old, doc) -> {
            if (doc != null) {
                fileTree.reveal(doc.path());
            }
        });
        Timeline clock = new Timeline(new KeyFrame(Duration.seconds(1), event -> model.tick()));
        clock.setCycleCount(Animation.INDEFINITE);
        clock.play();
        setTheme(Theme.LIGHT);
    }

    public Parent root() {
        return root;
    }

    /** Scene-wide keys that controls inside the window would otherwise swallow (Ctrl+Tab). */
    public void installKeys(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (Shortcuts.NEXT_TAB.combination().match(event) || Shortcuts.NEXT_TAB_ALT.combination().match(event)) {
                model.cycle(+1);
                event.consume();
            } else if (Shortcuts.PREVIOUS_TAB.combination().match(event)
                    || Shortcuts.PREVIOUS_TAB_ALT.combination().match(event)) {
                model.cycle(-1);
                event.consume();
            }
        });
    }

    /**
     * Makes every menu command reachable from every focus (issue 19): JavaFX runs a menu item's
     * accelerator, and opens a menu from its Alt mnemonic, only when no control consumed the key first,
     * and the code view consumes Alt+Shift+letters, the tree and lists consume others. This filter runs
     * the enabled item whose accelerator matches before any control sees the key. Text fields keep their
     * own editing keys (those without Alt and that are not function keys). Install it after every feature
     * added its scene filters, so a feature that handles a key itself has consumed it already.
     */
    public void installCommandKeys(Scene scene) {
        // the character a command's key also types: a text field takes Ctrl+Alt+letter as AltGr typing, so
        // Ctrl+Alt+S from the search field started the dialog and put an "s" into the field (issue 19)
        boolean[] swallowTyped = {false};
        scene.addEventFilter(KeyEvent.KEY_TYPED, event -> {
            if (swallowTyped[0]) {
                event.consume();
            }
        });
        scene.addEventFilter(KeyEvent.KEY_RELEASED, event -> {
            if (!event.getCode().isModifierKey()) {
                swallowTyped[0] = false;
            }
        });
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.isConsumed() || event.getCode().isModifierKey()) {
                return;
            }
            swallowTyped[0] = false;
            if (scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl && isTextEditingKey(event)) {
                return;
            }
            MenuItem item = commandFor(event);
            if (item != null) {
                event.consume();
                swallowTyped[0] = true;
                item.fire();
                return;
            }
            Menu menu = menuForMnemonic(event);
            if (menu != null) {
                event.consume();
                menu.show();
            }
        });
    }

    /** Keys a text field uses itself: they stay with the field when it has the focus. */
    private static final java.util.List<KeyCombination> TEXT_EDITING = java.util.List.of(
            KeyCombination.keyCombination("Shortcut+A"), KeyCombination.keyCombination("Shortcut+C"),
            KeyCombination.keyCombination("Shortcut+V"), KeyCombination.keyCombination("Shortcut+X"),
            KeyCombination.keyCombination("Shortcut+Z"), KeyCombination.keyCombination("Shortcut+Shift+Z"),
            KeyCombination.keyCombination("Shortcut+Y"), KeyCombination.keyCombination("Shortcut+Insert"),
            KeyCombination.keyCombination("Shift+Insert"), KeyCombination.keyCombination("Shift+Delete"));

    public static boolean isTextEditingKey(KeyEvent event) {
        if (!event.isAltDown() && !event.isShortcutDown() && !event.isControlDown() && !event.isMetaDown()
                && !event.getCode().isFunctionKey()) {
            return true;
        }
        KeyCode code = event.getCode();
        if ((event.isShortcutDown() || event.isControlDown()) && !event.isAltDown()
                && (code.isArrowKey() || code == KeyCode.HOME || code == KeyCode.END
                || code == KeyCode.BACK_SPACE || code == KeyCode.DELETE)) {
            return true;
        }
        return TEXT_EDITING.stream().anyMatch(keys -> keys.match(event));
    }

    /** The enabled, shown menu item whose accelerator {@code event} matches, or null. */
    MenuItem commandFor(KeyEvent event) {
        for (Menu menu : menus.values()) {
            if (!menu.isVisible()) {
                continue;
            }
            MenuItem found = commandIn(menu.getItems(), event);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static MenuItem commandIn(java.util.List<MenuItem> items, KeyEvent event) {
        for (MenuItem item : items) {
            if (item instanceof Menu sub) {
                MenuItem found = commandIn(sub.getItems(), event);
                if (found != null) {
                    return found;
                }
            } else if (item.getAccelerator() != null && item.isVisible() && !item.isDisable()
                    && item.getAccelerator().match(event)) {
                return item;
            }
        }
        return null;
    }

    private Menu menuForMnemonic(KeyEvent event) {
        if (!event.isAltDown() || event.isControlDown() || event.isShiftDown() || event.isMetaDown()
                || !event.getCode().isLetterKey()) {
            return null;
        }
        for (Menu menu : menus.values()) {
            String text = menu.getText();
            int mark = text.indexOf('_');
            if (menu.isVisible() && mark >= 0 && mark + 1 < text.length()
                    && Character.toUpperCase(text.charAt(mark + 1)) == event.getCode().getName().charAt(0)) {
                return menu;
            }
        }
        return null;
    }

    /** All menu items with an accelerator, shown or not (for tests that walk every command). */
    public java.util.List<MenuItem> commands() {
        java.util.List<MenuItem> out = new java.util.ArrayList<>();
        for (Menu menu : menus.values()) {
            collect(menu.getItems(), out);
        }
        return out;
    }

    private static void collect(java.util.List<MenuItem> items, java.util.List<MenuItem> out) {
        for (MenuItem item : items) {
            if (item instanceof Menu sub) {
                collect(sub.getItems(), out);
            } else if (item.getAccelerator() != null) {
                out.add(item);
            }
        }
    }

    /** Adds {@code item} to a menu; the menu appears once it has an item. */
    public void addMenuItem(MenuId menu, MenuItem item) {
        menus.get(menu).getItems().add(item);
    }

    /** Adds a panel beside the file tree (outline, search results, annotations...). */
    public Tab addSidePanel(String title, Node content) {
        Tab tab = new Tab(title, content);
        sidePanels.getTabs().add(tab);
        return tab;
    }

    /** Shows {@code path} (a folder or a file) selected in the file tree, with the tree's panel in front and focused. */
    public void showInFileTree(String path) {
        sidePanels.getSelectionModel().select(0);
        fileTree.reveal(path);
        fileTree.focusTree();
    }

    /** Adds a node to the status bar, left of the clock. */
    public void addStatusItem(Node item) {
        statusBar.extraItems().getChildren().add(item);
    }

    /** Adds a bar above the code views (below the previous ones): breadcrumbs, find in file. */
    public void addAboveCode(Node bar) {
        aboveCode.getChildren().add(bar);
    }

    /** Shows {@code node} beside the document tabs (a split view), or removes it when null. */
    public void showBesideTabs(Node node) {
        if (editors.getItems().size() > 1) {
            editors.getItems().remove(1, editors.getItems().size());
        }
        if (node != null) {
            editors.getItems().add(node);
            editors.setDividerPositions(0.5);
        }
    }

    /**
     * Lays out every code view anew after a library (Flowless, RichTextFX) failed in a layout pass:
     * the tabs get new views on the same documents and lines, other code views in the window (the
     * split view) are laid out again from their text.
     */
    public void recoverCodeViews() {
        documentTabs.rebuildAll();
        for (Node node : root.lookupAll(".code-view")) {
            if (node instanceof CodeViewPane pane && !documentTabs.contains(pane)) {
                pane.recoverView();
            }
        }
    }

    /** Called with each new code view, e.g. to start highlighting it. */
    public void onCodeViewCreated(Consumer<CodeViewPane> listener) {
        documentTabs.onPaneCreated(listener);
    }

    public Shortcuts shortcuts() {
        return shortcuts;
    }

    public FileTreePane fileTree() {
        return fileTree;
    }

    /** The code view of the selected tab, or null. */
    public CodeViewPane selectedCodeView() {
        return documentTabs.selectedPane();
    }

    public Theme theme() {
        return theme;
    }

    public void setTheme(Theme newTheme) {
        theme = newTheme;
        root.getStylesheets().setAll(Theme.baseUrl(), newTheme.stylesheetUrl());
        documentTabs.setLineHighlight(newTheme.currentLine());
        mainMenus.themeChanged(newTheme);
    }

    /** Steps the font size: +1 larger, -1 smaller, 0 back to the default. */
    public void zoom(int step) {
        fontSize = step == 0 ? BASE_FONT : Math.max(9, Math.min(32, fontSize + step));
        root.setStyle("-fx-font-size: " + fontSize + "px;");
    }

    Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    public void showAbout() {
        AboutDialog.create(texts, version, window()).show();
    }

    public void showShortcuts() {
        ShortcutsDialog.create(texts, shortcuts.all(), window()).show();
    }

    void focusCode() {
        CodeViewPane pane = documentTabs.selectedPane();
        if (pane != null) {
            pane.focusText();
        }
    }
}
