package airlock.ui.media;

import airlock.core.bundle.MediaLocations.Medium;
import airlock.core.media.MediaFiles;
import airlock.core.text.VisibleText;
import airlock.ui.Texts;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Chooses a removable medium, and only that: the mounted removable devices the {@link MediaWatch}
 * sees (label, file system, size, free space, where it is mounted), updated while the dialog is
 * open, and a plain sentence saying what to do when none is mounted. There is no way from here to
 * any other folder - this is what the inspector gets instead of a file chooser.
 */
public final class MediaChooser {
    private final Stage stage = new Stage();
    private final ListView<Medium> list;
    private final Label none = new Label();
    private Path chosen;

    public MediaChooser(Window owner, Texts texts, String title, MediaWatch watch) {
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(title);
        list = new ListView<>(watch.media());
        list.setId("media-chooser-list");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Medium m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null : describe(m));
            }
        });
        list.setPlaceholder(new Label(texts.get("media.chooser.empty")));
        none.setId("media-chooser-none");
        none.setWrapText(true);
        none.setText(texts.get("media.chooser.none"));
        none.visibleProperty().bind(Bindings.isEmpty(watch.media()));
        none.managedProperty().bind(none.visibleProperty());
        Label heading = new Label(title);
        heading.setStyle("-fx-font-size: 1.3em; -fx-font-weight: bold;");
        Label explain = new Label(texts.get("media.chooser.explain"));
        explain.setWrapText(true);
        explain.setMinHeight(Region.USE_PREF_SIZE);
        none.setMinHeight(Region.USE_PREF_SIZE);
        Button choose = new Button(texts.get("media.chooser.choose"));
        choose.setId("media-chooser-choose");
        choose.setDefaultButton(true);
        choose.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        choose.setOnAction(e -> {
            Medium m = list.getSelectionModel().getSelectedItem();
            if (m != null) {
                chosen = m.root();
                stage.close();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                choose.fire();
            }
        });
        Button cancel = new Button(texts.get("media.chooser.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, gap, cancel, choose);
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox root = new VBox(10, heading, explain, none, list, buttons);
        root.setPadding(new Insets(16));
        stage.setScene(new Scene(root, 620, 420));
        airlock.ui.WindowKeys.closeWithKeys(stage);
        // a medium that vanishes while chosen is no longer chosen
        watch.media().addListener((javafx.collections.ListChangeListener<Medium>) c -> {
            Medium selected = list.getSelectionModel().getSelectedItem();
            if (selected == null && !watch.media().isEmpty() && watch.media().size() == 1) {
                list.getSelectionModel().select(0);
            }
        });
        if (watch.media().size() == 1) {
            list.getSelectionModel().select(0);
        }
    }

    /** "LABEL (vfat · 29.3 GB, 12.1 GB free)" and where it is mounted, outside text made visible. */
    public static String describe(Medium m) {
        return VisibleText.escape(m.label()) + (m.details().isEmpty() ? "" : "   (" + VisibleText.escape(m.details()) + ")")
                + "\n" + VisibleText.escape(m.root().toString());
    }

    /**
     * A file of one kind on a removable medium, and nothing else (issue 17: no general file chooser
     * for the inspector): the medium is chosen in this dialog, then the files on it that
     * {@code accept} takes are found ({@link MediaFiles}: a few folders deep, links never followed);
     * one is taken as it is, several are offered by their place on the medium, none is said so.
     */
    public static Optional<Path> chooseFile(Window owner, Texts texts, String title, MediaWatch watch,
                                            java.util.function.Predicate<Path> accept) {
        return choose(owner, texts, title, watch, accept, false);
    }

    /** A folder on a removable medium (its root included), chosen the same way. */
    public static Optional<Path> chooseFolder(Window owner, Texts texts, String title, MediaWatch watch,
                                              java.util.function.Predicate<Path> accept) {
        return choose(owner, texts, title, watch, accept, true);
    }

    private static Optional<Path> choose(Window owner, Texts texts, String title, MediaWatch watch,
                                         java.util.function.Predicate<Path> accept, boolean folders) {
        watch.start();
        Optional<Path> medium = new MediaChooser(owner, texts, title, watch).showAndWait();
        if (medium.isEmpty()) {
            return Optional.empty();
        }
        Path root = medium.get();
        MediaFiles.Found found;
        try {
            found = folders ? MediaFiles.folders(root, accept) : MediaFiles.files(root, accept);
        } catch (java.io.IOException | RuntimeException e) {
            tell(owner, texts.format("media.files.unreadable", VisibleText.escape(root.toString()), VisibleText.escape(String.valueOf(e.getMessage()))));
            return Optional.empty();
        }
        if (found.paths().isEmpty()) {
            tell(owner, texts.format("media.files.none", VisibleText.escape(root.toString())));
            return Optional.empty();
        }
        if (found.paths().size() == 1 && found.complete()) {
            return Optional.of(found.paths().get(0));
        }
        java.util.Map<String, Path> byName = new java.util.LinkedHashMap<>();
        for (Path p : found.paths()) {
            String rel = root.relativize(p).toString();
            byName.put(VisibleText.escape(rel.isEmpty() ? "." : rel), p);
        }
        javafx.scene.control.ChoiceDialog<String> pick = new javafx.scene.control.ChoiceDialog<>(
                byName.keySet().iterator().next(), byName.keySet());
        pick.initOwner(owner);
        pick.setTitle(title);
        pick.setHeaderText(texts.format(found.complete() ? "media.files.several" : "media.files.many",
                VisibleText.escape(root.toString())));
        pick.setContentText(texts.get("media.files.pick"));
        return pick.showAndWait().map(byName::get);
    }

    private static void tell(Window owner, String text) {
        javafx.scene.control.Alert alert = airlock.ui.ReadableAlerts.wrapped(new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.INFORMATION, text));
        alert.setHeaderText(null);
        alert.initOwner(owner);
        alert.showAndWait();
    }

    /** Shows the dialog and waits; the mount point chosen, or empty when cancelled. */
    public Optional<Path> showAndWait() {
        stage.showAndWait();
        return Optional.ofNullable(chosen);
    }

    /** Shows without waiting (tests); read {@link #chosen()} once closed. */
    public void show() {
        stage.show();
    }

    public Optional<Path> chosen() {
        return Optional.ofNullable(chosen);
    }

    public Stage stage() {
        return stage;
    }

    public ListView<Medium> list() {
        return list;
    }
}
