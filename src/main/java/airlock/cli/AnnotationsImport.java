package airlock.cli;

import airlock.core.AirlockException;
import airlock.core.annotate.AnchorState;
import airlock.core.annotate.store.AnnotationService;
import airlock.core.annotate.store.AnnotationStore;
import airlock.core.annotate.store.FindingsImport;
import airlock.core.bundle.BundleStore;
import airlock.core.export.BundleIdentity;
import airlock.core.export.VisibleText;
import airlock.core.home.AirlockHome;
import airlock.core.home.WorkstationId;
import airlock.core.log.PinnedKeys;
import airlock.core.log.SessionLog;
import airlock.core.session.WorkstationKey;
import airlock.core.session.WorkstationLogs;
import airlock.core.source.SourceTree;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code airlock annotations import}: brings a previous export's findings into an open session of
 * this workstation, the same path as Review ▸ Import findings… (core's {@link FindingsImport}):
 * checked against its session log when given, re-anchored to the session's bundle, one
 * {@code annotation.created} entry each, signed by this workstation's key.
 */
@Command(name = "import", description = "Import the findings of a previous annotations.json into an open session (re-anchored"
        + " to the session's bundle, each recorded in its log); with --log (and --seal) the export is first checked against its"
        + " session log and the pinned keys.")
final class AnnotationsImport implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    HomeOption home;
    @Option(names = "--session", required = true, paramLabel = "ID", description = "the open session to import into")
    String session;
    @Parameters(index = "0", paramLabel = "FILE", description = "the annotations.json of a previous export")
    Path file;
    @Option(names = "--log", paramLabel = "ENTRIES", description = "the session log's entries file the export came from")
    Path log;
    @Option(names = "--seal", paramLabel = "SEAL", description = "the supervisor's seal of that log")
    Path seal;
    @Option(names = "--source", paramLabel = "DIR", description = "a git repository to re-anchor on, when the session's"
            + " bundle is not in this workstation's store")
    String source;

    @Override
    public Integer call() throws AirlockException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (seal != null && log == null) {
            err.println("airlock: --seal needs --log (the entries file the seal covers)");
            return AirlockCommand.USAGE;
        }
        AirlockHome h = home.open();
        Clock clock = Clock.systemUTC();
        var signer = WorkstationKey.loadOrCreate(h, WorkstationId.loadOrCreate(h, new SecureRandom()));
        try (WorkstationLogs logs = WorkstationLogs.open(h, signer, clock)) {
            if (!logs.store().logIds().contains(session)) {
                err.println("airlock: there is no session '" + VisibleText.escape(session) + "' on this workstation");
                return AirlockCommand.CHECK_FAILED;
            }
            if (!logs.store().openSessionIds().contains(session)) {
                err.println("airlock: session '" + VisibleText.escape(session) + "' has ended; findings can only be imported"
                        + " into an open session");
                return AirlockCommand.CHECK_FAILED;
            }
            SessionLog target = logs.resumeSession(session);
            try (AnnotationStore store = AnnotationStore.open(logs.store().file());
                 SourceTree tree = openSource(h, target)) {
                String inspector = target.header().inspectors().isEmpty() ? "inspector" : target.header().inspectors().get(0);
                String ref = store.bundle(session).map(BundleIdentity::ref).filter(r -> tree.refs().contains(r)).orElse(tree.reviewRef());
                AnnotationService service = new AnnotationService(store, target, clock, () -> UUID.randomUUID().toString(), inspector);
                PinnedKeys trust = log == null ? null : PinnedKeys.load(h.trustRoot());
                FindingsImport.Outcome outcome = new FindingsImport(trust, clock, () -> UUID.randomUUID().toString())
                        .run(file, log, seal, tree, ref, service);
                if (outcome.logCheck() != null) {
                    out.println("LOG MATCHES: " + TerminalText.of(outcome.logCheck()));
                }
                out.println("imported " + outcome.added().size() + " findings from session "
                        + VisibleText.escape(outcome.source().session().id()) + " into " + VisibleText.escape(session) + " at "
                        + VisibleText.escape(ref) + ": " + outcome.count(AnchorState.CURRENT) + " current, "
                        + outcome.count(AnchorState.MOVED) + " moved, " + outcome.count(AnchorState.OUTDATED) + " outdated");
            }
        }
        return AirlockCommand.OK;
    }

    /** The session's bundle from the store, or the repository given with --source. */
    private SourceTree openSource(AirlockHome h, SessionLog target) throws AirlockException {
        if (source != null) {
            return SourceResolver.open(h, source).source();
        }
        String manifest = target.header().bundleManifestSha256();
        Optional<BundleStore.Imported> bundle = manifest == null ? Optional.empty()
                : new BundleStore(h).list().stream().filter(b -> b.id().equals(manifest)).findFirst();
        if (bundle.isEmpty()) {
            throw new AirlockException("annotations.import.source", "The bundle of session " + session
                    + " is not in this workstation's store; give the code to re-anchor on with --source DIR");
        }
        return new BundleStore(h).open(bundle.get());
    }
}
