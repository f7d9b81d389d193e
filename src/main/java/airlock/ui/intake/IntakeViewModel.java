package airlock.ui.intake;

import airlock.core.bundle.BundleFiles;
import airlock.core.bundle.BundleFlag;
import airlock.core.bundle.BundleIntake;
import airlock.core.bundle.BundleManifest;
import airlock.core.bundle.BundleStore;
import airlock.core.bundle.Check;
import airlock.core.bundle.ImportResult;
import airlock.core.bundle.MediaLocations;
import airlock.core.bundle.MediaLocations.Medium;
import airlock.core.bundle.VerificationResult;
import airlock.core.git.GitSource;
import airlock.core.text.VisibleText;
import airlock.ui.Texts;
import airlock.ui.main.MainViewModel;
import airlock.ui.task.BackgroundTask;
import airlock.ui.task.TaskHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The intake screen's state and actions, without nodes: media, the bundles on the chosen medium,
 * verification of the chosen bundle (in the background, cancellable), the verdict in words a
 * supervisor understands, and accept → import → open in the workspace.
 */
public final class IntakeViewModel {
    /** A bundle folder found on a medium. */
    public record FoundBundle(String name, BundleFiles files) {
    }

    /** Where the screen is. */
    public enum Stage { IDLE, VERIFYING, ACCEPTED, REFUSED, IMPORTING, OPENED }

    /** One labelled line of the verdict ("Vendor: Example"). */
    public record Detail(String label, String value) {
    }

    private final Texts texts;
    private final MainViewModel main;
    private final MediaLocations locations;
    private final BundleIntake intake;
    private final BundleStore store;
    /** Through the keeper (issue 16, kwire): the keeper verifies and imports; null in-process. */
    private final airlock.core.bundle.BundleSubmission submission;
    private final ObservableList<Medium> media = FXCollections.observableArrayList();
    private final List<Medium> opened = new ArrayList<>();
    private final ObservableList<FoundBundle> bundles = FXCollections.observableArrayList();
    private final ObservableList<Detail> details = FXCollections.observableArrayList();
    private final ObjectProperty<Medium> selectedMedium = new SimpleObjectProperty<>();
    private final ObjectProperty<FoundBundle> selectedBundle = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Stage> stage = new ReadOnlyObjectWrapper<>(Stage.IDLE);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper mediaHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper bundlesHint = new ReadOnlyStringWrapper("");
    private VerificationResult result;
    private Medium inserted;
    private TaskHandle running;
    private java.util.function.Consumer<String> onBundleOpened = id -> { };

    public IntakeViewModel(Texts texts, MainViewModel main, MediaLocations locations, BundleIntake intake, BundleStore store) {
        this.texts = texts;
        this.main = main;
        this.locations = locations;
        this.intake = intake;
        this.store = store;
        this.submission = null;
        headline.set(texts.get("intake.choose"));
        selectedMedium.addListener((obs, old, medium) -> scan(medium));
        selectedBundle.addListener((obs, old, bundle) -> reset());
    }

    /**
     * Intake through the keeper (issue 16, kwire): this process reads the bundle from the medium and
     * sends it; the keeper verifies its own copy against its own trust list, records the verdict and
     * imports. Verify does all of it; the bundle is "imported" once the keeper lists it.
     */
    public IntakeViewModel(Texts texts, MainViewModel main, MediaLocations locations, airlock.core.bundle.BundleSubmission submission) {
        this.texts = texts;
        this.main = main;
        this.locations = locations;
        this.intake = null;
        this.store = null;
        this.submission = java.util.Objects.requireNonNull(submission);
        headline.set(texts.get("intake.choose"));
        selectedMedium.addListener((obs, old, medium) -> scan(medium));
        selectedBundle.addListener((obs, old, bundle) -> reset());
    }

    /** True when the keeper verifies and imports (Verify sends the bundle; there is no separate Accept). */
    public boolean throughKeeper() {
        return submission != null;
    }

    /** Lists the mounted media again, keeping folders opened as media. */
    public void refreshMedia() {
        setMedia(locations.list());
    }

    /** Shows {@code mounted} (as a {@link airlock.ui.media.MediaWatch} found them off the FX thread), keeping the choice. */
    public void setMedia(List<Medium> mounted) {
        List<Medium> all = new ArrayList<>(mounted);
        all.addAll(opened);
        Medium chosen = selectedMedium.get();
        if (chosen != null && !all.contains(chosen)) {
            // the same stick with new free space is still the one chosen; a stick pulled out is not
            selectedMedium.set(all.stream().filter(m -> m.root().equals(chosen.root())).findFirst().orElse(null));
        }
        media.setAll(all);
        mediaHint.set(all.isEmpty() ? texts.get("intake.media.none") : "");
        if (selectedMedium.get() == null && !all.isEmpty()) {
            selectedMedium.set(all.get(0));
        }
    }

    /** A stick just inserted holds a bundle: it is chosen, its bundles listed, and the headline says so. */
    public void offerInserted(Medium medium) {
        if (isBusy()) {
            return;
        }
        media.stream().filter(m -> m.root().equals(medium.root())).findFirst().ifPresentOrElse(selectedMedium::set, () -> {
            media.add(medium);
            selectedMedium.set(medium);
        });
        inserted = medium;
        headline.set(texts.format("intake.media.inserted", VisibleText.escape(medium.label())));
    }

    /** Adds a folder as a medium and selects it (the demo's media and tests; the inspector has no way to name a folder). */
    public void openFolderAsMedium(Path folder) {
        Medium medium = new Medium(folder.getFileName() == null ? folder.toString() : folder.getFileName().toString(), folder);
        opened.add(medium);
        refreshMedia();
        selectedMedium.set(medium);
    }

    private void scan(Medium medium) {
        bundles.clear();
        bundlesHint.set("");
        if (medium == null) {
            return;
        }
        main.background(BackgroundTask.of(texts.format("task.intake.scan", VisibleText.escape(medium.label())),
                monitor -> BundleFiles.find(medium.root())).onSuccess(found -> {
                    if (medium.equals(selectedMedium.get())) {
                        List<FoundBundle> list = found.stream()
                                .map(f -> new FoundBundle(VisibleText.escape(medium.root().relativize(f.folder()).toString().isEmpty()
                                        ? f.folder().getFileName().toString() : medium.root().relativize(f.folder()).toString()), f))
                                .toList();
                        bundles.setAll(list);
                        bundlesHint.set(list.isEmpty() ? texts.get("intake.bundles.none") : "");
                        if (!list.isEmpty()) {
                            selectedBundle.set(list.get(0));
                        }
                        if (inserted != null && inserted.root().equals(medium.root()) && !list.isEmpty()) {
                            headline.set(texts.format("intake.media.inserted", VisibleText.escape(medium.label())));
                        }
                        inserted = null;
                    }
                }));
    }

    private void reset() {
        result = null;
        details.clear();
        explanation.set("");
        stage.set(Stage.IDLE);
        headline.set(texts.get("intake.choose"));
    }

    /** Verifies the selected bundle in the background. */
    public void verify() {
        FoundBundle bundle = selectedBundle.get();
        if (bundle == null || isBusy()) {
            return;
        }
        reset();
        stage.set(Stage.VERIFYING);
        if (submission != null) {
            sendToKeeper(bundle);
            return;
        }
        headline.set(texts.format("intake.verifying", bundle.name()));
        running = main.background(BackgroundTask.of(texts.get("task.intake.verify"),
                monitor -> intake.verify(bundle.files(), Optional.empty(), monitor))
                .onSuccess(this::show)
                .onCancelled(this::cancelled)
                .onFailure(failure -> reset()));
    }

    /** Imports the accepted bundle and opens it in the workspace. */
    public void accept() {
        FoundBundle bundle = selectedBundle.get();
        if (bundle == null || stage.get() != Stage.ACCEPTED) {
            return;
        }
        stage.set(Stage.IMPORTING);
        running = main.background(BackgroundTask.of(texts.get("task.intake.import"), monitor -> {
            ImportResult imported = intake.importBundle(bundle.files(), Optional.empty(), monitor);
            if (!imported.verification().accepted()) {
                return new Opened(imported, null);
            }
            BundleStore.Imported entry = store.get(imported.verification().manifestSha256().orElseThrow());
            return new Opened(imported, store.open(entry));
        }).onSuccess(this::opened).onCancelled(this::cancelled).onFailure(failure -> reset()));
    }

    // ----- intake through the keeper (issue 16, kwire) -----

    private void sendToKeeper(FoundBundle bundle) {
        headline.set(texts.format("intake.keeper.sending", bundle.name()));
        running = main.background(BackgroundTask.of(texts.get("task.intake.keeper"), monitor -> submission.submit(bundle.files(), monitor))
                .onSuccess(this::importedByKeeper)
                .onCancelled(this::cancelled)
                .onFailure(this::failedAtKeeper));
    }

    private void importedByKeeper(airlock.core.bundle.BundleSubmission.Imported imported) {
        details.clear();
        details.add(new Detail(texts.get("intake.field.product"), VisibleText.escape(imported.label())));
        details.add(new Detail(texts.get("intake.field.review"), VisibleText.escape(imported.reviewRef())));
        details.add(new Detail(texts.get("intake.field.bundle"), imported.bundle()));
        stage.set(Stage.OPENED);
        headline.set(texts.get(imported.already() ? "intake.keeper.already" : "intake.keeper.imported"));
        explanation.set(texts.get("intake.keeper.next"));
        onBundleOpened.accept(imported.bundle());
    }

    private void failedAtKeeper(airlock.ui.task.UserFailure failure) {
        details.clear();
        if ("bundle.refused".equals(failure.code())) {
            stage.set(Stage.REFUSED);
            headline.set(texts.get("intake.refused"));
            explanation.set(texts.get("intake.keeper.refused"));
        } else {
            stage.set(Stage.IDLE);
            headline.set(texts.get("intake.keeper.failed"));
            explanation.set("");
        }
        details.add(new Detail(texts.get("intake.field.reason"), "[" + VisibleText.escape(String.valueOf(failure.code())) + "] "
                + VisibleText.escape(String.valueOf(failure.message()))));
    }

    private record Opened(ImportResult result, GitSource source) {
    }

    private void opened(Opened opened) {
        if (opened.source() == null) {
            show(opened.result().verification());
            return;
        }
        stage.set(Stage.OPENED);
        headline.set(texts.get(opened.result().alreadyImported() ? "intake.already" : "intake.imported"));
        main.openSource(opened.source(), null);
        opened.result().verification().manifestSha256().ifPresent(onBundleOpened);
    }

    /** Told the manifest SHA-256 of each bundle opened in the workspace (the session feature offers a session on it). */
    public void setOnBundleOpened(java.util.function.Consumer<String> listener) {
        onBundleOpened = java.util.Objects.requireNonNull(listener);
    }

    /** Cancels verification or import. */
    public void cancel() {
        if (running != null && !running.isDone()) {
            running.cancel();
        }
    }

    private void cancelled() {
        reset();
        headline.set(texts.get("intake.cancelled"));
    }

    private void show(VerificationResult verification) {
        result = verification;
        details.clear();
        verification.manifest().ifPresent(this::describe);
        verification.signer().ifPresent(key -> details.add(new Detail(texts.get("intake.field.key"),
                texts.format("intake.key", key.id().fingerprint(), VisibleText.escape(key.label())))));
        for (BundleFlag flag : verification.flags()) {
            details.add(new Detail(texts.get("intake.field.flags"), texts.format(flagKey(flag.kind()),
                    VisibleText.escape(flag.path()), VisibleText.escape(flag.detail()))));
        }
        if (verification.accepted()) {
            stage.set(Stage.ACCEPTED);
            headline.set(texts.get("intake.accepted"));
            explanation.set("");
        } else {
            stage.set(Stage.REFUSED);
            headline.set(texts.get("intake.refused"));
            Check check = verification.failedCheck().orElseThrow();
            String code = check.code();
            explanation.set(texts.get(refusalKey(check)));
            details.add(new Detail(texts.get("intake.field.reason"), "[" + code + "] " + VisibleText.escape(verification.reason())));
        }
    }

    /** The words a supervisor reads for each refusal. */
    static String refusalKey(Check check) {
        return switch (check) {
            case FILES -> "intake.refusal.bundle.files";
            case SIGNATURE -> "intake.refusal.bundle.signature";
            case MANIFEST -> "intake.refusal.bundle.manifest";
            case FRESHNESS -> "intake.refusal.bundle.freshness";
            case BUNDLE_HASH -> "intake.refusal.bundle.hash";
            case BUNDLE_HEADER -> "intake.refusal.bundle.header";
            case OBJECTS -> "intake.refusal.bundle.objects";
            case TREE_DIGEST -> "intake.refusal.bundle.tree";
            case ROLLBACK -> "intake.refusal.bundle.rollback";
        };
    }

    private static String flagKey(BundleFlag.Kind kind) {
        return switch (kind) {
            case SYMLINK -> "intake.flag.symlink";
            case SUBMODULE -> "intake.flag.submodule";
            case GITMODULES -> "intake.flag.gitmodules";
        };
    }

    private void describe(BundleManifest m) {
        details.add(new Detail(texts.get("intake.field.vendor"), VisibleText.escape(m.vendor())));
        details.add(new Detail(texts.get("intake.field.product"), VisibleText.escape(m.product())));
        details.add(new Detail(texts.get("intake.field.version"), VisibleText.escape(m.version())));
        details.add(new Detail(texts.get("intake.field.sequence"), Long.toString(m.sequence())));
        details.add(new Detail(texts.get("intake.field.review"), VisibleText.escape(m.reviewRef())));
        for (Map.Entry<String, String> ref : m.refs().entrySet()) {
            details.add(new Detail(texts.get("intake.field.refs"), VisibleText.escape(ref.getKey()) + "  "
                    + ref.getValue().substring(0, 12)));
        }
    }

    public boolean isBusy() {
        return stage.get() == Stage.VERIFYING || stage.get() == Stage.IMPORTING;
    }

    public ObservableList<Medium> media() {
        return media;
    }

    public ObservableList<FoundBundle> bundles() {
        return bundles;
    }

    public ObservableList<Detail> details() {
        return details;
    }

    public ObjectProperty<Medium> selectedMediumProperty() {
        return selectedMedium;
    }

    public ObjectProperty<FoundBundle> selectedBundleProperty() {
        return selectedBundle;
    }

    public ReadOnlyObjectProperty<Stage> stageProperty() {
        return stage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty mediaHintProperty() {
        return mediaHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bundlesHintProperty() {
        return bundlesHint.getReadOnlyProperty();
    }

    /** The last verdict, if any. */
    public Optional<VerificationResult> result() {
        return Optional.ofNullable(result);
    }
}
