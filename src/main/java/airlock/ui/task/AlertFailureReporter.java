package airlock.ui.task;

import airlock.ui.Texts;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * Shows a failure in an error dialog (non-blocking) naming what failed, what to do and the error
 * code, and echoes a one-line summary to the status bar.
 */
public final class AlertFailureReporter implements FailureReporter {
    private final Texts texts;
    private final Supplier<Window> owner;
    private final Consumer<String> status;

    public AlertFailureReporter(Texts texts, Supplier<Window> owner, Consumer<String> status) {
        this.texts = texts;
        this.owner = owner;
        this.status = status;
    }

    @Override
    public void report(UserFailure failure) {
        status.accept(texts.format("error.status", failure.taskTitle(), failure.code()));
        Alert alert = airlock.ui.ReadableAlerts.wrapped(new Alert(Alert.AlertType.ERROR, "", ButtonType.OK));
        Window window = owner.get();
        if (window != null) {
            alert.initOwner(window);
            if (window.getScene() != null) {
                alert.getDialogPane().getStylesheets().setAll(window.getScene().getRoot().getStylesheets());
            }
        }
        alert.setTitle(texts.get("error.title"));
        alert.setHeaderText(texts.format("error.header", failure.taskTitle()));
        alert.setContentText(failure.message() + "\n\n" + texts.format("error.code", failure.code()));
        alert.getDialogPane().getStyleClass().add("error-dialog");
        alert.show();
    }
}
