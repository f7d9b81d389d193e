package airlock.keeper;

import airlock.core.AirlockException;
import airlock.core.annotate.store.AnnotationStore;
import airlock.core.bundle.BundleStore;
import airlock.core.home.AirlockHome;
import airlock.core.home.WorkstationId;
import airlock.core.log.SessionLog;
import airlock.core.log.WorkstationSigner;
import airlock.core.policy.EffectivePolicy;
import airlock.core.policy.PolicyLoader;
import airlock.core.session.SessionManager;
import airlock.core.session.WorkstationKey;
import airlock.core.session.WorkstationLogs;
import airlock.core.trust.TrustStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keeper's composition root: the only place that opens the home (workstation key, log store and
 * ledger, trust lists, policy and PIN verifier, bundle store, indexes) and wires the session state
 * machine onto the socket. It refuses to start on a home others can reach, on a log store that is
 * read-only or older than its ledger checkpoint, or on a policy that does not verify. No native
 * parser is loaded here: the keeper runs JGit, the trigram search and the lexer-level symbol index.
 */
public final class Keeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Keeper.class);
    private final WorkstationLogs logs;
    private final AnnotationStore annotations;
    private final KeeperService service;
    private final ExecutorService workers;
    private final KeeperIndexes indexes;
    private final AirlockHome home;
    private KeeperServer server;
    private boolean closed;

    private Keeper(AirlockHome home, WorkstationLogs logs, AnnotationStore annotations, KeeperService service,
                   ExecutorService workers, KeeperIndexes indexes) {
        this.indexes = indexes;
        this.home = home;
        this.logs = logs;
        this.annotations = annotations;
        this.service = service;
        this.workers = workers;
    }

    /**
     * Opens the keeper on {@code homeDir}, owned by {@code account} (the account the keeper runs as),
     * and resumes a session left open by the last run.
     */
    public static Keeper open(Path homeDir, String account, Clock clock) throws AirlockException {
        HomeCheck.requirePrivate(homeDir.toAbsolutePath(), account);
        AirlockHome home = AirlockHome.open(homeDir);
        String workstationId = WorkstationId.loadOrCreate(home, new SecureRandom());
        WorkstationSigner signer = WorkstationKey.loadOrCreate(home, workstationId);
        WorkstationLogs logs = WorkstationLogs.open(home, signer, clock);
        AnnotationStore annotations = null;
        ExecutorService workers = null;
        try {
            if (!logs.store().health().writable()) {
                throw new AirlockException("log.store.readonly", "The session log database is read-only: "
                        + logs.store().health().problem());
            }
            if (logs.rollbackProblem() != null) {
                throw new AirlockException("log.store.rollback", logs.rollbackProblem());
            }
            TrustStore trust = new TrustStore(home);
            EffectivePolicy policy = new PolicyLoader(home, trust).load();
            SessionManager manager = new SessionManager(logs, signer, trust, policy, clock,
                    SessionLog.DEFAULT_CHECKPOINT_INTERVAL);
            annotations = AnnotationStore.open(home.databases().resolve(WorkstationLogs.DATABASE));
            int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
            workers = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "keeper-search");
                t.setDaemon(true);
                return t;
            });
            BundleStore store = new BundleStore(home);
            KeeperService service = new KeeperService(manager, store, annotations, home.databases(), clock,
                    workstationId, workers);
            service.resumeOpenSession();
            // the keeper builds its own indexes: every bundle of the store now (resuming; a built one costs a check)
            KeeperIndexes indexes = new KeeperIndexes(store, home.databases(), workers, service::indexesReady);
            // so the seal screen reads the quote index instead of building it, and finds it already read and checked
            airlock.core.quote.KeptQuoteIndexes keptQuotes = new airlock.core.quote.KeptQuoteIndexes();
            indexes.alsoQuotes(policy.policy().quotes(), keptQuotes);
            // an upload or import cut short by the keeper's stop is discarded (intake, issue 16, kwire)
            if (java.nio.file.Files.isDirectory(home.staging())) {
                new airlock.core.bundle.BundleIntake(home, clock, airlock.core.bundle.IntakeLimits.defaults()).discardUnfinished();
            }
            service.useTrustRoot(home.trustRoot()); // an import's session log is checked against the keeper's own pinned keys
            service.useIntake(new KeeperIntake(home, clock, store, logs, indexes));
            // the supervisor's seal screen through the keeper (issue 16, kseal): the keeper's own log, store, trust and policy
            var exports = new airlock.core.export.ExportService(new airlock.core.cwe.CweCatalogueLoader(
                    new com.fasterxml.jackson.databind.ObjectMapper()).loadBundled(),
                    new airlock.core.media.SafeWriter(airlock.core.media.WriteHooks.NONE));
            service.useSeal(new KeeperSeal(logs, annotations, store, trust, policy.policy(), exports, clock,
                    airlock.core.BuildInfo.version(), manager.lockout(), keptQuotes));
            indexes.queueAll();
            return new Keeper(home, logs, annotations, service, workers, indexes);
        } catch (AirlockException | RuntimeException e) {
            if (workers != null) {
                workers.shutdownNow();
            }
            if (annotations != null) {
                annotations.close();
            }
            logs.close();
            throw e;
        }
    }

    public AirlockHome home() {
        return home;
    }

    public KeeperService service() {
        return service;
    }

    /** Starts serving on {@code socket}. */
    public KeeperServer listen(Path socket, PeerPolicy peers) throws AirlockException {
        if (server != null) {
            throw new IllegalStateException("the keeper already listens on " + server.socket());
        }
        server = KeeperServer.start(service, socket, peers);
        return server;
    }

    /** Stops serving and closes the stores; a session still open stays open in the log and is resumed next time. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (server != null) {
            server.close();
        }
        indexes.close();
        service.close();
        workers.shutdownNow();
        try {
            annotations.close();
        } catch (AirlockException e) {
            LOG.warn("the annotation tables did not close cleanly", e);
        }
        try {
            logs.close();
        } catch (AirlockException e) {
            LOG.warn("the session log database did not record a clean stop; the next start adds a recovery entry", e);
        }
    }
}
