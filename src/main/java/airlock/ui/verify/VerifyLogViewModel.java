package airlock.ui.verify;

import airlock.core.log.LogFiles;
import airlock.core.log.LogSummary;
import airlock.core.log.LogVerification;
import airlock.core.log.PinnedKeys;
import airlock.ui.Texts;
import airlock.ui.task.BackgroundTask;
import airlock.ui.task.TaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the "Verify a sealed log" screen: which log and trust folder, whether a check runs, and
 * the verdict with the first failure or the summary. Holds no nodes; tested without a toolkit.
 */
public final class VerifyLogViewModel {
    /** What the screen shows as its headline. */
    public enum Outcome { NONE, RUNNING, VALID, INVALID }

    private final Texts texts;
    private final TaskExecutor executor;
    private final ObjectProperty<Path> logFile = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> trustFolder = new SimpleObjectProperty<>();
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>(Outcome.NONE);
    private final StringProperty headline = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final ObservableList<String[]> details = FXCollections.observableArrayList();

    public VerifyLogViewModel(Texts texts, TaskExecutor executor, Path defaultTrustFolder) {
        this.texts = texts;
        this.executor = executor;
        trustFolder.set(defaultTrustFolder);
        headline.set(texts.get("verify.prompt"));
    }

    public ObjectProperty<Path> logFileProperty() {
        return logFile;
    }

    public ObjectProperty<Path> trustFolderProperty() {
        return trustFolder;
    }

    public ObjectProperty<Outcome> outcomeProperty() {
        return outcome;
    }

    public StringProperty headlineProperty() {
        return headline;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    /** Label/value rows of the summary. */
    public ObservableList<String[]> details() {
        return details;
    }

    /** Verifies the chosen log (and the .seal next to it) against the chosen trust folder. */
    public void verify() {
        Path log = logFile.get();
        Path trust = trustFolder.get();
        if (log == null || trust == null) {
            headline.set(texts.get("verify.choose"));
            return;
        }
        running.set(true);
        outcome.set(Outcome.RUNNING);
        headline.set(texts.get("verify.running"));
        reason.set("");
        details.clear();
        executor.submit(BackgroundTask.of(texts.get("verify.task"), monitor -> {
            Path entries = LogFiles.entriesFile(log);
            return LogFiles.verify(entries, LogFiles.sealFor(entries), PinnedKeys.load(trust), monitor);
        }).onSuccess(this::show).onFailure(failure -> {
            outcome.set(Outcome.NONE);
            headline.set(texts.get("verify.error"));
            reason.set(failure.message());
        }).onCancelled(() -> {
            outcome.set(Outcome.NONE);
            headline.set(texts.get("verify.cancelled"));
        }).onFinished(() -> running.set(false)));
    }

    private void show(LogVerification result) {
        outcome.set(result.isValid() ? Outcome.VALID : Outcome.INVALID);
        if (result.isValid()) {
            headline.set(texts.get("verify.valid"));
        } else if (result.entry() != null) {
            headline.set(texts.format("verify.invalid.entry", result.kind().label(), result.entry()));
        } else {
            headline.set(texts.format("verify.invalid", result.kind().label()));
        }
        reason.set(result.isValid() ? "" : result.reason());
        details.setAll(rows(result.summary(), result.isValid()));
    }

    private List<String[]> rows(LogSummary summary, boolean valid) {
        List<String[]> rows = new ArrayList<>();
        if (summary == null || summary.session() == null) {
            return rows;
        }
        rows.add(new String[] {texts.get("verify.session"), summary.session() + " @ " + summary.workstation()});
        rows.add(new String[] {texts.get("verify.inspectors"), String.join(", ", summary.inspectors())});
        rows.add(new String[] {texts.get("verify.bundle"), String.valueOf(summary.bundleManifestSha256())});
        rows.add(new String[] {texts.get(valid ? "verify.entries" : "verify.entries.checked"), texts.format("verify.entries.value", summary.entries(), summary.checkpoints())});
        rows.add(new String[] {texts.get("verify.span"), summary.firstTime() + " – " + summary.lastTime()});
        rows.add(new String[] {texts.get("verify.sealedby"), summary.sealedBy() == null ? "—" : summary.sealedBy()});
        return rows;
    }
}
