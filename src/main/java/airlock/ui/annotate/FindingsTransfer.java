package airlock.ui.annotate;

import airlock.core.AirlockException;
import airlock.core.BuildInfo;
import airlock.core.annotate.AnchorState;
import airlock.core.annotate.ReanchorResult;
import airlock.core.annotate.store.FindingsImport;
import airlock.core.annotate.store.LiveExport;
import airlock.core.cwe.CweCatalogue;
import airlock.core.export.BundleIdentity;
import airlock.core.export.ExportFormat;
import airlock.core.export.ExportService;
import airlock.core.log.PinnedKeys;
import airlock.core.media.SafeWriter;
import airlock.core.media.WriteHooks;
import airlock.core.media.WrittenFile;
import airlock.core.session.ActiveSession;
import airlock.core.source.SourceTree;
import airlock.ui.task.BackgroundTask;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Export and import of the running session's findings from the window: the same core paths as the
 * command line ({@link ExportService}, {@link FindingsImport}), run off the FX thread, recorded
 * through the session's gate. Exports carry code only as the session's room policy allows (none
 * under the default policy) and are refused when the policy keeps findings in the room.
 */
final class FindingsTransfer {
    private final AnnotationsModel model;
    private final CatalogueSource catalogue;
    private final LineCounts lineCounts;
    private final Path trustRoot;

    /** The CWE catalogue, loaded once on first use (off the FX thread). */
    interface CatalogueSource {
        CweCatalogue get() throws AirlockException;
    }

    FindingsTransfer(AnnotationsModel model, CatalogueSource catalogue, LineCounts lineCounts, Path trustRoot) {
        this.model = model;
        this.catalogue = catalogue;
        this.lineCounts = lineCounts;
        this.trustRoot = trustRoot;
    }

    /** Through the keeper (issue 16, kexport): the keeper renders and records, this process writes and reads back; null in process. */
    private airlock.keeper.client.KeeperFindingsTransfer remote;

    void useKeeper(airlock.keeper.client.KeeperFindingsTransfer keeper) {
        this.remote = keeper;
    }

    boolean throughKeeper() {
        return remote != null && model.requireSession().map(b -> !b.local()).orElse(false);
    }

    /** Writes {@code formats} to {@code folder}; each file safe-written, then recorded with its SHA-256. */
    void export(Path folder, Set<ExportFormat> formats, Consumer<List<WrittenFile>> done) {
        SourceTree tree = model.main().sourceProperty().get();
        if (throughKeeper()) {
            List<String> ids = formats.stream().sorted().map(ExportFormat::id).toList();
            model.main().background(BackgroundTask.of(model.texts().get("annot.task.export"),
                    monitor -> remote.export(ids, folder, monitor)).onSuccess(files -> {
                        model.main().showStatus(model.texts().format("annot.exported", files.size(), folder.toString()));
                        done.accept(files);
                    }));
            return;
        }
        model.requireSession().filter(this::local).ifPresent(b -> {
            if (tree == null) {
                model.main().showStatus(model.texts().get("status.nosource"));
                return;
            }
            model.main().background(BackgroundTask.of(model.texts().get("annot.task.export"), monitor -> {
                String ref = tree.reviewRef();
                return new LiveExport(catalogue.get(), new SafeWriter(WriteHooks.NONE), model.clock(), BuildInfo.version())
                        .export(b.localSession(), b.store(), identity(b.localSession(), tree, ref), lineCounts.of(tree, ref, monitor), formats,
                                folder, monitor);
            }).onSuccess(files -> {
                model.main().showStatus(model.texts().format("annot.exported", files.size(), folder.toString()));
                done.accept(files);
            }));
        });
    }

    /** Export and import need this process's tables; through the keeper they are not wired yet (said in the status bar). */
    private boolean local(AnnotationsModel.Binding b) {
        if (!b.local()) {
            model.main().showStatus(model.texts().get("annot.transfer.keeper"));
        }
        return b.local();
    }

    static BundleIdentity identity(ActiveSession s, SourceTree tree, String ref) throws AirlockException {
        String manifest = s.header().bundleManifestSha256();
        return new BundleIdentity(manifest == null ? "" : manifest, tree.label(), shortRef(ref), ref, tree.commitOf(ref));
    }

    private static String shortRef(String ref) {
        return ref.startsWith("refs/tags/") ? ref.substring(10) : ref.startsWith("refs/heads/") ? ref.substring(11) : ref;
    }

    /**
     * Through the keeper (issue 16, kexport): sends {@code file}'s bytes (and, when given, its session
     * {@code log}, {@code seal} and the log's disclosures, which the keeper checks the export against
     * first); the keeper parses its copy as hostile input, adopts and records the findings; the panel
     * then shows what the keeper lists.
     */
    void importThroughKeeper(Path file, Path log, Path seal, Runnable done) {
        model.requireSession().ifPresent(b -> model.main().background(BackgroundTask.of(model.texts().get("annot.task.import"),
                monitor -> {
                    airlock.keeper.client.KeeperFindingsTransfer.Imported imported = remote.importFile(file, log, seal, monitor);
                    return new KeeperImport(imported, b.service().list());
                }).onSuccess(result -> {
                    model.reloaded(result.all());
                    model.main().showStatus(model.texts().format("annot.imported", result.imported().added(),
                            result.imported().moved(), result.imported().outdated()));
                    done.run();
                })));
    }

    private record KeeperImport(airlock.keeper.client.KeeperFindingsTransfer.Imported imported,
                                List<airlock.core.annotate.Annotation> all) {
    }

    /** Imports a previous export (checked against its log when given), re-anchored to the version under review. */
    void importFile(Path file, Path log, Path seal, Consumer<FindingsImport.Outcome> done) {
        SourceTree tree = model.main().sourceProperty().get();
        model.requireSession().filter(this::local).ifPresent(b -> {
            if (tree == null) {
                model.main().showStatus(model.texts().get("status.nosource"));
                return;
            }
            String ref = tree.reviewRef();
            model.main().background(BackgroundTask.of(model.texts().get("annot.task.import"), monitor -> {
                PinnedKeys trust = log == null ? null : PinnedKeys.load(trustRoot);
                return new FindingsImport(trust, model.clock(), model.ids()).run(file, log, seal, tree, ref, b.localService());
            }).onSuccess(outcome -> {
                model.imported(outcome.added().stream().map(ReanchorResult::annotation).toList());
                model.main().showStatus(model.texts().format("annot.imported", outcome.added().size(),
                        outcome.count(AnchorState.MOVED), outcome.count(AnchorState.OUTDATED)));
                done.accept(outcome);
            }));
        });
    }
}
