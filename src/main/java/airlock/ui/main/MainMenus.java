package airlock.ui.main;

import airlock.ui.Texts;
import airlock.ui.theme.Theme;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleGroup;

/** The menu items the shell itself provides; each one does something real. */
final class MainMenus {
    private final MainView view;
    private final MainViewModel model;
    private final Texts texts;
    private final Runnable quit;
    private final RadioMenuItem light;
    private final RadioMenuItem contrast;

    MainMenus(MainView view, MainViewModel model, Texts texts, Runnable quit) {
        this.view = view;
        this.model = model;
        this.texts = texts;
        this.quit = quit;
        ToggleGroup themes = new ToggleGroup();
        light = new RadioMenuItem(texts.get("menu.view.theme.light"));
        contrast = new RadioMenuItem(texts.get("menu.view.theme.contrast"));
        light.setToggleGroup(themes);
        contrast.setToggleGroup(themes);
    }

    void install() {
        MenuItem closeTab = item("menu.file.close", Shortcuts.CLOSE_TAB, model::closeSelected);
        MenuItem closeAll = item("menu.file.closeall", Shortcuts.CLOSE_ALL, model::closeAll);
        closeTab.disableProperty().bind(model.selectedProperty().isNull());
        closeAll.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.documents()));
        view.addMenuItem(MenuId.FILE, closeTab);
        view.addMenuItem(MenuId.FILE, closeAll);
        view.addMenuItem(MenuId.FILE, new SeparatorMenuItem());
        view.addMenuItem(MenuId.FILE, item("menu.file.quit", Shortcuts.QUIT, quit));

        light.setId("menu-theme-light");
        contrast.setId("menu-theme-contrast");
        light.setOnAction(event -> view.setTheme(Theme.LIGHT));
        contrast.setOnAction(event -> view.setTheme(Theme.HIGH_CONTRAST));
        view.addMenuItem(MenuId.VIEW, light);
        view.addMenuItem(MenuId.VIEW, contrast);
        view.addMenuItem(MenuId.VIEW, item("menu.view.theme.toggle", Shortcuts.HIGH_CONTRAST,
                () -> view.setTheme(view.theme() == Theme.LIGHT ? Theme.HIGH_CONTRAST : Theme.LIGHT)));
        view.addMenuItem(MenuId.VIEW, new SeparatorMenuItem());
        view.addMenuItem(MenuId.VIEW, item("menu.view.zoom.in", Shortcuts.ZOOM_IN, () -> view.zoom(+1)));
        view.addMenuItem(MenuId.VIEW, item("menu.view.zoom.out", Shortcuts.ZOOM_OUT, () -> view.zoom(-1)));
        view.addMenuItem(MenuId.VIEW, item("menu.view.zoom.reset", Shortcuts.ZOOM_RESET, () -> view.zoom(0)));

        MenuItem goToLine = item("menu.go.line", Shortcuts.GO_TO_LINE, this::askLine);
        goToLine.disableProperty().bind(model.selectedProperty().isNull());
        view.addMenuItem(MenuId.GO, goToLine);
        // Ctrl+Tab is also caught by a scene filter (the code view would swallow it); the filter
        // consumes the key first, so these accelerators only label the items and never fire twice.
        view.addMenuItem(MenuId.GO, item("menu.go.tab.next", Shortcuts.NEXT_TAB, () -> model.cycle(+1)));
        view.addMenuItem(MenuId.GO, item("menu.go.tab.previous", Shortcuts.PREVIOUS_TAB, () -> model.cycle(-1)));
        view.addMenuItem(MenuId.GO, new SeparatorMenuItem());
        view.addMenuItem(MenuId.GO, item("menu.go.filter", Shortcuts.FILTER_FILES, () -> view.fileTree().focusFilter()));
        view.addMenuItem(MenuId.GO, item("menu.go.tree", Shortcuts.FOCUS_TREE, () -> view.fileTree().focusTree()));

        view.addMenuItem(MenuId.HELP, item("menu.help.shortcuts", Shortcuts.HELP_KEYS, view::showShortcuts));
        view.addMenuItem(MenuId.HELP, item("menu.help.about", null, view::showAbout));
    }

    void themeChanged(Theme theme) {
        light.setSelected(theme == Theme.LIGHT);
        contrast.setSelected(theme == Theme.HIGH_CONTRAST);
    }

    private MenuItem item(String textKey, Shortcut shortcut, Runnable action) {
        MenuItem item = new MenuItem(texts.get(textKey));
        item.setId(textKey.replace('.', '-'));
        if (shortcut != null) {
            item.setAccelerator(shortcut.combination());
        }
        item.setOnAction(event -> action.run());
        return item;
    }

    private void askLine() {
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(view.window());
        dialog.setTitle(texts.get("goto.line.title"));
        dialog.setHeaderText(null);
        dialog.setContentText(texts.get("goto.line.prompt"));
        dialog.getDialogPane().getStylesheets().setAll(view.root().getStylesheets());
        Optional<String> typed = dialog.showAndWait();
        typed.flatMap(model::goToLine).ifPresentOrElse(problem -> {
            Alert alert = airlock.ui.ReadableAlerts.wrapped(new Alert(Alert.AlertType.WARNING, problem, ButtonType.OK));
            alert.initOwner(view.window());
            alert.show();
        }, view::focusCode);
    }
}
