package airlock.ui.seal;

import airlock.core.AirlockException;
import airlock.core.media.WrittenFile;
import airlock.core.policy.SupervisorAction;
import airlock.core.policy.SupervisorDecision;
import airlock.core.policy.Violation;
import airlock.core.progress.ProgressMonitor;
import airlock.core.seal.OutgoingFile;
import airlock.core.seal.SealReview;
import airlock.core.text.VisibleText;
import airlock.ui.Texts;
import airlock.ui.task.BackgroundTask;
import airlock.ui.task.TaskExecutor;
import airlock.ui.task.TaskHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the supervisor's end-of-session screen: the files that will leave the room with size
 * and SHA-256, the selected file as text, the policy checks with their decisions, and the seal and
 * media write with progress. Every call into core goes through the task executor. Holds no nodes.
 */
public final class SealViewModel {
    /** Where the supervisor is in the flow. */
    public enum Stage { LOADING, REVIEW, WORKING, SEALED_NOT_EXPORTED, EXPORTED, FAILED_TO_LOAD }

    /** One outgoing file as listed. */
    public record FileRow(String name, String kind, String size, String sha256, OutgoingFile file) {
    }

    /** One policy check and what became of it. */
    /** One row of the quota table: which limit (text for people), used, allowed, whether over, and the state in words. */
    public record QuotaRow(String limit, long used, long allowed, boolean over, String state) {
    }

    public record CheckRow(Violation violation, String reason, String state, boolean open, boolean decided) {
    }

    private final Texts texts;
    private final TaskExecutor executor;
    private final airlock.core.seal.SealDesk services;
    private final String session;
    private final ObjectProperty<Stage> stage = new SimpleObjectProperty<>(Stage.LOADING);
    private final javafx.collections.ObservableList<WrittenFile> writtenFiles = javafx.collections.FXCollections.observableArrayList();
    private final StringProperty headline = new SimpleStringProperty("");
    private final StringProperty details = new SimpleStringProperty("");
    private final ObservableList<FileRow> files = FXCollections.observableArrayList();
    private final ObservableList<CheckRow> checks = FXCollections.observableArrayList();
    private LogDisclosuresModel logDisclosures;
    private final ObservableList<QuotaRow> quotas = FXCollections.observableArrayList();
    private final StringProperty quotaNote = new SimpleStringProperty("");
    private final ObjectProperty<FileRow> selected = new SimpleObjectProperty<>();
    private final StringProperty preview = new SimpleStringProperty("");
    private final StringProperty supervisor = new SimpleStringProperty("");
    private final ObjectProperty<Path> keyFile = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>();
    private final BooleanProperty blocked = new SimpleBooleanProperty(true);
    private final StringProperty blockReason = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty hint = new SimpleStringProperty("");
    private airlock.core.seal.SupervisorReview review;
    private TaskHandle current;

    public SealViewModel(Texts texts, TaskExecutor executor, SealServices services, String session) {
        this(texts, executor, services, session, services::review);
    }

    /** On any seal desk: in this process or through the keeper (issue 16); the desk opens the review. */
    public SealViewModel(Texts texts, TaskExecutor executor, airlock.core.seal.SealDesk desk, String session) {
        this.texts = texts;
        this.executor = executor;
        this.services = desk;
        this.session = session;
        this.opener = desk::open;
        selected.addListener((obs, old, row) -> preview.set(row == null ? "" : previewOf(row.file())));
        headline.set(texts.format("seal.loading", VisibleText.escape(session)));
    }

    /** Opens a session's review (blocking, off the FX thread); the services' own by default. */
    public interface ReviewOpener {
        SealReview open(String session) throws airlock.core.AirlockException;
    }

    private final airlock.core.seal.SealDesk.Opener opener;

    /** As above, with the review opened by {@code opener} (a test or tool with its own quote check, issue 18). */
    public SealViewModel(Texts texts, TaskExecutor executor, SealServices services, String session, ReviewOpener opener) {
        this.texts = texts;
        this.executor = executor;
        this.services = services;
        this.session = session;
        this.opener = id -> new airlock.core.seal.LocalSupervisorReview(opener.open(id), services.trust(),
                services.lockout() == null ? null : new airlock.core.seal.SealAttempts(services.lockout(), services.clock()));
        selected.addListener((obs, old, row) -> preview.set(row == null ? "" : previewOf(row.file())));
        headline.set(texts.format("seal.loading", VisibleText.escape(session)));
    }

    /** Reads the session and renders what would leave; the screen shows it when done. */
    public void load() {
        stage.set(Stage.LOADING);
        running.set(true);
        executor.submit(BackgroundTask.of(texts.format("seal.task.load", session), monitor -> {
                    airlock.core.seal.SupervisorReview opened = opener.open(session);
                    return new Loaded(opened, stageOf(opened.status()));
                })
                .onSuccess(result -> {
                    airlock.core.seal.SupervisorReview loaded = result.review();
                    review = loaded;
                    airlock.core.seal.SupervisorReview.Summary about = loaded.summary();
                    headline.set(texts.format("seal.headline", VisibleText.escape(session), VisibleText.escape(about.inspector())));
                    details.set(texts.format("seal.details", about.started(), about.ended(), about.findings(),
                            VisibleText.escape(about.policyName()), VisibleText.escape(about.product()),
                            VisibleText.escape(about.release())));
                    refresh();
                    stage.set(result.stage());
                })
                .onFailure(failure -> {
                    stage.set(Stage.FAILED_TO_LOAD);
                    error.set(failure.message());
                })
                .onFinished(() -> running.set(false)));
    }

    /** Records a decision on {@code check} (in the ledger, off the FX thread), then re-checks. */
    public void decide(CheckRow check, SupervisorAction action, String reason) {
        error.set("");
        String who = supervisor.get() == null ? "" : supervisor.get().strip();
        if (who.isEmpty()) {
            error.set(texts.get("seal.supervisor.required"));
            return;
        }
        if (action == SupervisorAction.OVERRIDE && (reason == null || reason.isBlank())) {
            error.set(texts.get("seal.override.reason"));
            return;
        }
        SupervisorDecision decision;
        try {
            decision = new SupervisorDecision(check.violation(), action, who, reason);
        } catch (IllegalArgumentException e) {
            error.set(texts.format("seal.decision.invalid", e.getMessage()));
            return;
        }
        running.set(true);
        airlock.core.seal.SupervisorReview r = review;
        executor.submit(BackgroundTask.of(texts.get("seal.task.decide"), monitor -> {
            r.decide(decision);
            return r;
        }).onSuccess(done -> {
            message.set(texts.format("seal.decided", texts.get(actionKey(action)), check.reason()));
            refresh();
        }).onFailure(failure -> error.set(failure.message())).onFinished(() -> running.set(false)));
    }

    /**
     * Records the supervisor's decision on one committed log field (keep it in the room, or let out
     * one a check held back; issue 18), in the ledger like a decision on a finding, then re-checks.
     */
    public void decideField(LogDisclosuresModel.Row row, SupervisorAction action, String reason) {
        error.set("");
        String who = supervisor.get() == null ? "" : supervisor.get().strip();
        if (who.isEmpty()) {
            error.set(texts.get("seal.supervisor.required"));
            return;
        }
        if (action == SupervisorAction.OVERRIDE && (reason == null || reason.isBlank())) {
            error.set(texts.get("seal.override.reason"));
            return;
        }
        SupervisorDecision decision;
        try {
            decision = new SupervisorDecision(row.source().violation(), action, who, reason);
        } catch (IllegalArgumentException e) {
            error.set(texts.format("seal.decision.invalid", e.getMessage()));
            return;
        }
        running.set(true);
        airlock.core.seal.SupervisorReview r = review;
        executor.submit(BackgroundTask.of(texts.get("seal.task.decide"), monitor -> {
            r.decideField(decision);
            return r;
        }).onSuccess(done -> {
            message.set(texts.format(action == SupervisorAction.REFUSE ? "seal.disclosures.done.keep"
                    : "seal.disclosures.done.override", row.entry(), row.field()));
            refresh();
        }).onFailure(failure -> error.set(failure.message())).onFinished(() -> running.set(false)));
    }

    /**
     * Seals with the key file and {@code passphrase} (cleared here once read), then writes to the
     * folder. A session already sealed by an earlier attempt is only written.
     */
    public void sealAndWrite(char[] passphrase) {
        error.set("");
        message.set("");
        Path key = keyFile.get();
        Path target = folder.get();
        if (target == null || (stage.get() == Stage.REVIEW && (key == null || passphrase == null || passphrase.length == 0))) {
            clear(passphrase);
            error.set(texts.get("seal.inputs.missing"));
            return;
        }
        boolean mustSeal = stage.get() == Stage.REVIEW;
        if (mustSeal && blocked.get()) {
            clear(passphrase);
            error.set(blockReason.get());
            return;
        }
        airlock.core.seal.SupervisorReview r = review;
        stage.set(Stage.WORKING);
        running.set(true);
        progress.set(-1);
        current = executor.submit(BackgroundTask.<List<WrittenFile>>of(texts.get("seal.task.seal"), monitor -> {
            if (mustSeal) {
                monitor.beginTask(texts.get("seal.phase.seal"), ProgressMonitor.UNKNOWN);
                r.seal(key, passphrase, monitor); // the key is read and used here only, through the keeper too
                monitor.endTask();
            }
            return r.write(target, monitor);
        }).onProgress(state -> progress.set(state.fraction())).onSuccess(written -> {
            progress.set(1);
            stage.set(Stage.EXPORTED);
            writtenFiles.setAll(written);
            message.set(texts.format("seal.exported", written.size(), VisibleText.escape(target.toString())));
            refresh();
        }).onFailure(failure -> {
            error.set(failure.message());
            afterFailure();
        }).onCancelled(() -> {
            error.set(texts.get("seal.cancelled"));
            afterFailure();
        }).onFinished(() -> {
            clear(passphrase);
            running.set(false);
            current = null;
        }));
    }

    /** Asks a running seal or write to stop (before a file gets its final name). */
    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    private void afterFailure() {
        progress.set(0);
        try {
            stage.set(statusStage());
            if (stage.get() == Stage.SEALED_NOT_EXPORTED) {
                message.set(texts.get("seal.retry"));
            }
        } catch (AirlockException e) {
            error.set(error.get() + "\n" + e.getMessage());
            stage.set(Stage.REVIEW);
        }
        refresh();
    }

    private record Loaded(airlock.core.seal.SupervisorReview review, Stage stage) {
    }

    private Stage statusStage() throws AirlockException {
        return stageOf(review.status());
    }

    private static Stage stageOf(String status) {
        return switch (status) {
            case "sealed" -> Stage.SEALED_NOT_EXPORTED;
            case "exported" -> Stage.EXPORTED;
            default -> Stage.REVIEW;
        };
    }

    private void refresh() {
        FileRow was = selected.get();
        files.setAll(review.files().stream().map(this::row).toList());
        checks.setAll(review.violations().stream().map(this::check).toList());
        logDisclosures().update(review.logDisclosures());
        quotas.setAll(review.quotas(MAX_QUOTA_FILES).stream().map(this::quota).toList());
        quotaNote.set(review.quotesComparedWithTree() ? texts.format("seal.quotas.tree", review.summary().minRunTokens())
                : texts.get("seal.quotas.notree"));
        blocked.set(!review.canSeal());
        blockReason.set(review.canSeal() ? "" : texts.format("seal.blocked", review.unresolved().size()));
        FileRow again = was == null ? null : files.stream().filter(f -> f.name().equals(was.name())).findFirst().orElse(null);
        selected.set(again != null ? again : files.stream().filter(f -> f.file().kind() == OutgoingFile.Kind.MARKDOWN_REPORT)
                .findFirst().orElse(files.isEmpty() ? null : files.get(0)));
    }

    private FileRow row(OutgoingFile f) {
        String kind = texts.get(kindKey(f.kind()));
        return new FileRow(f.name(), kind, texts.format("seal.size", f.size()),
                f.pending() ? texts.get("seal.sha.pending") : f.sha256(), f);
    }

    /** At most this many per-file rows in the quota table (the most quoted files first). */
    static final int MAX_QUOTA_FILES = 20;

    private QuotaRow quota(airlock.core.quote.Quota q) {
        String limit = q.perFile() ? texts.format("seal.quotas.file", VisibleText.escape(q.subject()))
                : texts.get(sessionKey(q));
        return new QuotaRow(limit, q.used(), q.allowed(), q.over(), texts.get(q.over() ? "seal.quotas.over" : "seal.quotas.within"));
    }

    private static String sessionKey(airlock.core.quote.Quota q) {
        return airlock.core.quote.Quota.ENCODED_BYTES.equals(q.measure()) ? "seal.quotas.session.encoded" : "seal.quotas.session.lines";
    }

    private CheckRow check(Violation v) {
        var decision = review.decisionOn(v);
        boolean open = review.unresolved().stream().anyMatch(u -> u.id().equals(v.id()));
        String state = decision.map(d -> texts.format(decidedKey(d.action()), VisibleText.escape(d.supervisor()),
                VisibleText.escape(d.reason()))).orElse(texts.get(open ? "seal.check.open" : "seal.check.resolved"));
        return new CheckRow(v, VisibleText.escape(v.reason()), state, open, decision.isPresent());
    }

    /** The button text of a decision (bundle keys named literally so the bundle check sees them). */
    public static String actionKey(SupervisorAction action) {
        return switch (action) {
            case REDACT -> "seal.action.redact";
            case REFUSE -> "seal.action.refuse";
            case OVERRIDE -> "seal.action.override";
        };
    }

    private static String decidedKey(SupervisorAction action) {
        return switch (action) {
            case REDACT -> "seal.check.decided.redact";
            case REFUSE -> "seal.check.decided.refuse";
            case OVERRIDE -> "seal.check.decided.override";
        };
    }

    private static String kindKey(OutgoingFile.Kind kind) {
        return switch (kind) {
            case LOG -> "seal.kind.log";
            case SEAL -> "seal.kind.seal";
            case ANNOTATIONS_JSON -> "seal.kind.annotations_json";
            case SARIF -> "seal.kind.sarif";
            case HTML_REPORT -> "seal.kind.html_report";
            case MARKDOWN_REPORT -> "seal.kind.markdown_report";
            case DISCLOSURES -> "seal.kind.disclosures";
        };
    }

    private String previewOf(OutgoingFile f) {
        String text = new String(f.content(), StandardCharsets.UTF_8);
        String shown = f.pending() ? texts.get("seal.preview.pending") + "\n\n" + text : text;
        // Escaped line by line so the line structure stays readable.
        return String.join("\n", Arrays.stream(shown.split("\n", -1)).map(VisibleText::escape).toList());
    }

    private static void clear(char[] passphrase) {
        if (passphrase != null) {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** Seal (or, after a failed write, write) is possible: inputs given, nothing open, nothing running. */
    public BooleanBinding actionDisabled() {
        return Bindings.createBooleanBinding(() -> running.get() || folder.get() == null
                || (stage.get() == Stage.REVIEW && (blocked.get() || keyFile.get() == null))
                || (stage.get() != Stage.REVIEW && stage.get() != Stage.SEALED_NOT_EXPORTED), running, folder, stage, blocked, keyFile);
    }

    public String session() {
        return session;
    }

    public ObjectProperty<Stage> stageProperty() {
        return stage;
    }

    public StringProperty headlineProperty() {
        return headline;
    }

    public StringProperty detailsProperty() {
        return details;
    }

    public ObservableList<FileRow> files() {
        return files;
    }

    /** The committed log fields and whether each leaves the room (issue 18). */
    public LogDisclosuresModel logDisclosures() {
        if (logDisclosures == null) {
            logDisclosures = new LogDisclosuresModel(texts);
        }
        return logDisclosures;
    }

    /** The cumulative limits of what leaves as decided so far (issue 18). */
    public ObservableList<QuotaRow> quotas() {
        return quotas;
    }

    /** Whether the texts were compared with the reviewed tree, for the line above the quota table. */
    public StringProperty quotaNoteProperty() {
        return quotaNote;
    }

    public ObservableList<CheckRow> checks() {
        return checks;
    }

    public ObjectProperty<FileRow> selectedProperty() {
        return selected;
    }

    public StringProperty previewProperty() {
        return preview;
    }

    public StringProperty supervisorProperty() {
        return supervisor;
    }

    public ObjectProperty<Path> keyFileProperty() {
        return keyFile;
    }

    public ObjectProperty<Path> folderProperty() {
        return folder;
    }

    public BooleanProperty blockedProperty() {
        return blocked;
    }

    public StringProperty blockReasonProperty() {
        return blockReason;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    /** The files the last export wrote and verified (shown on the screen after sealing). */
    public javafx.collections.ObservableList<WrittenFile> writtenFiles() {
        return writtenFiles;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** A hint under the seal inputs (the demo's passphrase); empty in a real room. */
    public StringProperty hintProperty() {
        return hint;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
