package airlock.ui.annotate;

import airlock.core.annotate.Annotation;
import airlock.core.annotate.Bookmark;
import airlock.core.annotate.Status;
import airlock.core.export.ExportFormat;
import airlock.core.media.WrittenFile;
import airlock.core.text.VisibleText;
import airlock.ui.Texts;
import airlock.ui.main.MainView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The small dialogs of the Review menu; each returns what the user chose, the feature acts on it. */
final class FeatureDialogs {
    private final MainView view;
    private final Texts texts;
    private Alert lastWritten;

    FeatureDialogs(MainView view, Texts texts) {
        this.view = view;
        this.texts = texts;
    }

    private Window owner() {
        return view.root().getScene().getWindow();
    }

    private <T extends Dialog<?>> T styled(T dialog) {
        dialog.initOwner(owner());
        dialog.getDialogPane().getStylesheets().setAll(view.root().getStylesheets());
        return dialog;
    }

    Optional<String> reply(Annotation to, BiConsumer<Scene, String> guard) {
        Dialog<String> d = styled(new Dialog<>());
        d.setTitle(texts.get("annot.reply.title"));
        d.setHeaderText(texts.format("annot.reply.header", VisibleText.escape(to.title())));
        TextArea body = new TextArea();
        body.setId("annot-reply-body");
        body.setWrapText(true);
        body.setPromptText(texts.get("annot.reply.prompt"));
        d.getDialogPane().setContent(body);
        ButtonType send = new ButtonType(texts.get("annot.reply.send"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(send, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(send).disableProperty().bind(body.textProperty().isEmpty());
        d.setResultConverter(b -> b == send ? body.getText() : null);
        guard.accept(d.getDialogPane().getScene(), to.anchor().path());
        return d.showAndWait().filter(s -> !s.isBlank());
    }

    Optional<Status> status(Annotation of) {
        ChoiceDialog<Status> d = styled(new ChoiceDialog<>(of.status(), Status.values()));
        d.setTitle(texts.get("annot.status.title"));
        d.setHeaderText(texts.format("annot.status.header", VisibleText.escape(of.title())));
        return d.showAndWait().filter(s -> s != of.status());
    }

    boolean confirmDelete(Annotation a) {
        Alert alert = airlock.ui.ReadableAlerts.wrapped(styled(new Alert(Alert.AlertType.CONFIRMATION,
                texts.format("annot.delete.confirm", VisibleText.escape(a.title())), ButtonType.OK, ButtonType.CANCEL)));
        alert.setTitle(texts.get("annot.delete.title"));
        alert.setHeaderText(null);
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    Optional<String> bookmarkLabel(String path, int line) {
        TextInputDialog d = styled(new TextInputDialog());
        d.setTitle(texts.get("annot.bookmark.title"));
        d.setHeaderText(texts.format("annot.bookmark.header", VisibleText.escape(path), line));
        d.setContentText(texts.get("annot.bookmark.label"));
        return d.showAndWait().map(String::strip);
    }

    Optional<Bookmark> chooseBookmark(List<Bookmark> bookmarks) {
        List<String> labels = new ArrayList<>();
        for (Bookmark b : bookmarks) {
            labels.add(texts.format("annot.bookmark.item", VisibleText.escape(b.path()), b.line(), VisibleText.escape(b.label())));
        }
        ChoiceDialog<String> d = styled(new ChoiceDialog<>(labels.get(labels.size() - 1), labels));
        d.setTitle(texts.get("annot.bookmarks.title"));
        d.setHeaderText(null);
        return d.showAndWait().map(labels::indexOf).filter(i -> i >= 0).map(bookmarks::get);
    }

    /** What to import: the export and, optionally, the session log (and seal) to check it against. */
    record ImportChoice(Path file, Path log, Path seal) {
    }

    private java.util.function.Supplier<java.util.List<Path>> mediaRoots;

    /** Files to import are then chosen only on these folders (the mounted removable devices). */
    void useMediaRoots(java.util.function.Supplier<java.util.List<Path>> roots) {
        mediaRoots = java.util.Objects.requireNonNull(roots);
    }

    Optional<ImportChoice> chooseImport() {
        java.util.List<Path> roots = mediaRoots != null ? mediaRoots.get() : airlock.ui.choose.PathChooser.sensibleRoots(java.util.List.of());
        if (roots.isEmpty()) {
            Alert none = airlock.ui.ReadableAlerts.wrapped(styled(new Alert(Alert.AlertType.INFORMATION, texts.get("media.chooser.none"))));
            none.setHeaderText(null);
            none.showAndWait();
            return Optional.empty();
        }
        Path file = airlock.ui.choose.PathChooser.chooseFile(owner(), texts, texts.get("annot.import.choose"), roots,
                p -> p.getFileName().toString().endsWith(".json")).orElse(null);
        if (file == null) {
            return Optional.empty();
        }
        java.util.List<Path> near = mediaRoots != null ? roots : airlock.ui.choose.PathChooser.sensibleRoots(java.util.List.of(file.getParent()));
        return withLog(file, near);
    }

    /** Asks whether to check {@code file} against its session log; if so, the log and its seal are chosen among {@code near}. */
    private Optional<ImportChoice> withLog(Path file, java.util.List<Path> near) {
        Alert ask = airlock.ui.ReadableAlerts.wrapped(
                styled(new Alert(Alert.AlertType.CONFIRMATION, texts.get("annot.import.withlog"), ButtonType.YES, ButtonType.NO)));
        ask.setHeaderText(null);
        if (ask.showAndWait().filter(b -> b == ButtonType.YES).isEmpty()) {
            return Optional.of(new ImportChoice(file, null, null));
        }
        Path log = airlock.ui.choose.PathChooser.chooseFile(owner(), texts, texts.get("annot.import.log"), near, p -> true).orElse(null);
        if (log == null) {
            return Optional.empty();
        }
        Path seal = airlock.ui.choose.PathChooser.chooseFile(owner(), texts, texts.get("annot.import.seal"), near, p -> true).orElse(null);
        return Optional.of(new ImportChoice(file, log, seal));
    }

    private java.util.function.Function<Window, Optional<Path>> mediaChooser;

    private java.util.function.Function<Window, Optional<Path>> importChooser;

    /** Through the keeper (issue 16, kexport): the export to import is chosen with {@code chooser} (a medium, then a file on it). */
    void useImportChooser(java.util.function.Function<Window, Optional<Path>> chooser) {
        importChooser = java.util.Objects.requireNonNull(chooser);
    }

    /**
     * Through the keeper: the export chosen with the media chooser, then, as in process, whether to
     * check it against its session log, whose files are chosen in the export's folder on the same
     * medium (protocol version 5: the keeper verifies the log with its own pinned keys). Empty
     * without a chooser.
     */
    Optional<ImportChoice> chooseImportOnMedium() {
        Path file = importChooser == null ? null : importChooser.apply(owner()).orElse(null);
        if (file == null) {
            return Optional.empty();
        }
        Path folder = file.toAbsolutePath().getParent();
        return withLog(file, folder == null ? java.util.List.of() : java.util.List.of(folder));
    }

    /** Export folders are then chosen among removable devices with {@code chooser} (the workstation's media chooser). */
    void useMediaChooser(java.util.function.Function<Window, Optional<Path>> chooser) {
        mediaChooser = java.util.Objects.requireNonNull(chooser);
    }

    /** Where and what to export. */
    record ExportChoice(Path folder, EnumSet<ExportFormat> formats) {
    }

    Optional<ExportChoice> chooseExport() {
        Dialog<EnumSet<ExportFormat>> d = styled(new Dialog<>());
        d.setTitle(texts.get("annot.export.title"));
        d.setHeaderText(texts.get("annot.export.header"));
        Map<ExportFormat, CheckBox> boxes = new EnumMap<>(ExportFormat.class);
        VBox content = new VBox(6);
        for (ExportFormat f : ExportFormat.values()) {
            CheckBox box = new CheckBox(texts.format("annot.export.format", f.namePattern(), EnumTexts.of(texts, "annot.export.kind.", f)));
            box.setSelected(true);
            boxes.put(f, box);
            content.getChildren().add(box);
        }
        content.getChildren().add(new Label(texts.get("annot.export.policy")));
        d.getDialogPane().setContent(content);
        ButtonType choose = new ButtonType(texts.get("annot.export.choose"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(choose, ButtonType.CANCEL);
        d.setResultConverter(b -> {
            if (b != choose) {
                return null;
            }
            EnumSet<ExportFormat> chosen = EnumSet.noneOf(ExportFormat.class);
            boxes.forEach((f, box) -> {
                if (box.isSelected()) {
                    chosen.add(f);
                }
            });
            return chosen;
        });
        Optional<EnumSet<ExportFormat>> formats = d.showAndWait().filter(s -> !s.isEmpty());
        if (formats.isEmpty()) {
            return Optional.empty();
        }
        return (mediaChooser != null ? mediaChooser.apply(owner())
                : airlock.ui.choose.PathChooser.chooseFolder(owner(), texts, texts.get("annot.export.folder"), airlock.ui.choose.PathChooser.sensibleRoots(java.util.List.of())))
                .map(dir -> new ExportChoice(dir, formats.get()));
    }

    /** Shows what an export wrote, with each file's size and SHA-256 (as recorded in the log). */
    void showWritten(Path folder, List<WrittenFile> files) {
        StringBuilder lines = new StringBuilder();
        for (WrittenFile f : files) {
            lines.append(texts.format("annot.export.file", f.path().getFileName().toString(), f.size(), f.sha256())).append('\n');
        }
        Alert alert = styled(new Alert(Alert.AlertType.INFORMATION, lines.toString().strip(), ButtonType.OK));
        alert.setTitle(texts.get("annot.export.done.title"));
        alert.setHeaderText(texts.format("annot.export.done.header", files.size(), VisibleText.escape(folder.toString())));
        alert.getDialogPane().setId("annot-export-done");
        alert.getDialogPane().setMinWidth(760);
        lastWritten = alert;
        alert.show();
    }

    Alert lastWritten() {
        return lastWritten;
    }
}
