package airlock.ui.choose;

import airlock.core.text.VisibleText;
import airlock.ui.Texts;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The in-app file and folder chooser (issue 19, defect 8). The platform's native chooser (GTK) tried to
 * start {@code dbus-launch}, a process start the air gap forbids; this one is plain JavaFX and only
 * shows folders under a few roots (removable-media mount points, the user's home, and the folders the
 * caller names). It never leaves a root, not even through a symbolic link (real paths are compared), and
 * shows names through {@link VisibleText#escape}. A real removable-media chooser comes with a later issue.
 * Listing a folder is one directory read of at most {@link #MAX_ENTRIES} names, done on the FX thread
 * (a media folder lists in milliseconds; a folder with more names shows the first ones and says so).
 */
public final class PathChooser {
    static final int MAX_ENTRIES = 2000;
    private final Texts texts;
    private final boolean folders;
    private final Predicate<Path> accept;
    private final Dialog<Path> dialog = new Dialog<>();
    private final ComboBox<Path> roots = new ComboBox<>();
    private final Label where = new Label();
    private final ListView<Path> list = new ListView<>();
    private final Label note = new Label();
    private final Button up = new Button();
    private Path root;
    private Path current;

    private PathChooser(Window owner, Texts texts, String title, List<Path> rootList, boolean folders, Predicate<Path> accept) {
        this.texts = texts;
        this.folders = folders;
        this.accept = accept;
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.setResizable(true);
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getRoot().getStylesheets());
        }
        dialog.getDialogPane().getStyleClass().add("path-chooser");
        roots.getItems().setAll(rootList);
        roots.setConverter(new StringConverter<>() {
            @Override
            public String toString(Path path) {
                return path == null ? "" : VisibleText.escape(path.toString());
            }

            @Override
            public Path fromString(String s) {
                return null;
            }
        });
        roots.setId("chooser-root");
        roots.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                root = real(now);
                enter(root);
            }
        });
        up.setText(texts.get("chooser.up"));
        up.setId("chooser-up");
        up.setOnAction(e -> enter(current.getParent()));
        where.setWrapText(true);
        where.setId("chooser-where");
        note.setWrapText(true);
        list.setId("chooser-list");
        list.setPrefSize(560, 320);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Path item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : VisibleText.escape(String.valueOf(item.getFileName()))
                        + (Files.isDirectory(item) ? "/" : ""));
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected();
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                openSelected();
            } else if (e.getCode() == KeyCode.BACK_SPACE && up.isVisible() && !up.isDisable()) {
                e.consume();
                enter(current.getParent());
            }
        });
        HBox top = new HBox(8, new Label(texts.get("chooser.root")), roots, up);
        HBox.setHgrow(roots, Priority.ALWAYS);
        roots.setMaxWidth(Double.MAX_VALUE);
        VBox content = new VBox(8, top, where, list, note);
        VBox.setVgrow(list, Priority.ALWAYS);
        dialog.getDialogPane().setContent(content);
        ButtonType choose = new ButtonType(texts.get(folders ? "chooser.choose.folder" : "chooser.choose.file"),
                ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(choose, ButtonType.CANCEL);
        Button chooseButton = (Button) dialog.getDialogPane().lookupButton(choose);
        chooseButton.setId("chooser-choose");
        chooseButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (chosen() == null) {
                e.consume();
                note.setText(texts.get(folders ? "chooser.pick.folder" : "chooser.pick.file"));
            }
        });
        dialog.setResultConverter(button -> button == choose ? chosen() : null);
        dialog.setOnShown(e -> Platform.runLater(list::requestFocus));
        if (!rootList.isEmpty()) {
            roots.setValue(rootList.get(0));
        } else {
            note.setText(texts.get("chooser.no.roots"));
        }
    }

    /** Asks for a file under one of {@code roots} that {@code accept} accepts (others are not listed). */
    public static Optional<Path> chooseFile(Window owner, Texts texts, String title, List<Path> roots, Predicate<Path> accept) {
        return new PathChooser(owner, texts, title, roots, false, accept).dialog.showAndWait();
    }

    /** Asks for a folder under one of {@code roots}: the one selected in the list, else the one shown. */
    public static Optional<Path> chooseFolder(Window owner, Texts texts, String title, List<Path> roots) {
        return new PathChooser(owner, texts, title, roots, true, path -> false).dialog.showAndWait();
    }

    /**
     * The usual roots: the caller's own folders first (e.g. the demo media, the folder chosen last),
     * then the removable-media mount points of this user, {@code /mnt} and the home folder, each only
     * if it is a folder.
     */
    public static List<Path> sensibleRoots(List<Path> first) {
        Map<String, String> env = System.getenv();
        String user = System.getProperty("user.name", "");
        Set<Path> out = new LinkedHashSet<>();
        List<Path> candidates = new ArrayList<>(first);
        candidates.add(Path.of("/media", user));
        candidates.add(Path.of("/run/media", user));
        candidates.add(Path.of("/media"));
        candidates.add(Path.of("/mnt"));
        String home = env.getOrDefault("HOME", System.getProperty("user.home", ""));
        if (!home.isEmpty()) {
            candidates.add(Path.of(home));
        }
        for (Path p : candidates) {
            if (p != null && Files.isDirectory(p)) {
                out.add(p.toAbsolutePath().normalize());
            }
        }
        return List.copyOf(out);
    }

    private Path chosen() {
        Path selected = list.getSelectionModel().getSelectedItem();
        if (folders) {
            return selected != null && Files.isDirectory(selected) ? selected : current;
        }
        return selected != null && Files.isRegularFile(selected) ? selected : null;
    }

    private void openSelected() {
        Path selected = list.getSelectionModel().getSelectedItem();
        if (selected == null) {
            return;
        }
        if (Files.isDirectory(selected)) {
            enter(selected);
        } else if (!folders) {
            dialog.setResult(selected);
            dialog.close();
        }
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** Shows {@code folder}'s folders (and accepted files) if it lies under the root; else stays. */
    void enter(Path folder) {
        if (folder == null || root == null) {
            return;
        }
        Path target = real(folder);
        if (!target.startsWith(root)) {
            note.setText(texts.get("chooser.outside"));
            return;
        }
        List<Path> entries = new ArrayList<>();
        boolean more = false;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(target)) {
            for (Path p : stream) {
                if (entries.size() >= MAX_ENTRIES) {
                    more = true;
                    break;
                }
                boolean dir = Files.isDirectory(p);
                if (dir ? real(p).startsWith(root) : !folders && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && accept.test(p)) {
                    entries.add(p);
                }
            }
        } catch (IOException | SecurityException e) {
            note.setText(texts.format("chooser.unreadable", VisibleText.escape(String.valueOf(e.getMessage()))));
            return;
        }
        entries.sort(Comparator.comparing((Path p) -> !Files.isDirectory(p)).thenComparing(p -> p.getFileName().toString()));
        current = target;
        where.setText(VisibleText.escape(target.toString()));
        list.getItems().setAll(entries);
        if (!entries.isEmpty()) {
            list.getSelectionModel().select(0);
        }
        up.setDisable(target.equals(root));
        note.setText(more ? texts.format("chooser.more", MAX_ENTRIES) : entries.isEmpty() ? texts.get("chooser.empty") : "");
    }

    /** The dialog, for tests. */
    Dialog<Path> dialog() {
        return dialog;
    }

    /** A chooser not yet shown, for tests. */
    static PathChooser create(Window owner, Texts texts, List<Path> roots, boolean folders, Predicate<Path> accept) {
        return new PathChooser(owner, texts, "test", roots, folders, accept);
    }

    ListView<Path> list() {
        return list;
    }

    Path current() {
        return current;
    }
}
