package airlock.ui.session;

import airlock.core.AirlockException;
import airlock.core.bundle.BundleStore;
import airlock.core.crypto.Ed25519;
import airlock.core.history.VersionReads;
import airlock.core.log.EntryType;
import airlock.core.log.SqlAction;
import airlock.core.policy.SupervisorConfirmation;
import airlock.core.session.ActiveSession;
import airlock.core.session.Confirmation;
import airlock.core.session.LocalSessionService;
import airlock.core.session.ReviewSession;
import airlock.core.session.SessionManager;
import airlock.core.session.SessionService;
import airlock.core.session.SessionRequest;
import airlock.core.session.SessionState;
import airlock.core.source.EntryKind;
import airlock.core.source.SourceEntry;
import airlock.core.source.SourceTree;
import airlock.core.text.VisibleText;
import airlock.ui.Texts;
import airlock.ui.code.CopyAttempt;
import airlock.ui.main.MainViewModel;
import airlock.ui.task.BackgroundTask;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The session feature's state and actions, without nodes: start (with the supervisor's
 * confirmation the policy asks for), the status-bar text, idle lock and unlock, the end with its
 * summary, and the recording of files opened and refused copies. Core work runs through the
 * window's task executor; results come back on the FX thread.
 */
public final class SessionViewModel {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WATERMARK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private final Texts texts;
    private final MainViewModel main;
    private final SessionContext context;
    private final SessionService manager;
    private final String unavailable;
    private final Clock clock;
    private final String workstationId;
    private final ReadOnlyObjectWrapper<SessionState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper watermark = new ReadOnlyStringWrapper(this, "watermark", "");
    private final ReadOnlyStringWrapper openBundle = new ReadOnlyStringWrapper(this, "openBundle");
    /** Mirror of the context for the file-open gate, which runs off the FX thread. */
    private volatile ReviewSession recording;
    private volatile boolean requireSession = true;
    /** Mirror of {@link #openBundle} for the file-open gate. */
    private volatile String openBundleId;

    /** One bundle the inspector can review, as the start dialog lists it. */
    public record BundleChoice(String id, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * What the start dialog collected. {@code pin}, {@code passphrase} (the supervisor key's) and
     * {@code inspectorPassphrase} (when the policy names inspectors) are cleared after use.
     */
    public record StartForm(String inspector, String organisation, String badge, String bundleId, char[] pin, Path keyFile,
                            char[] passphrase, char[] inspectorPassphrase) {
        /** A form without an inspector passphrase (a policy that names no inspectors). */
        public StartForm(String inspector, String organisation, String badge, String bundleId, char[] pin, Path keyFile,
                         char[] passphrase) {
            this(inspector, organisation, badge, bundleId, pin, keyFile, passphrase, null);
        }
    }

    /** Result of a start attempt: the session, or why it did not start (shown in the dialog). */
    public record StartOutcome(ReviewSession session, String problem) {
    }

    /**
     * @param manager     starts and resumes sessions; null when the workstation cannot keep logs
     * @param unavailable why sessions cannot start (shown to the user) when {@code manager} is null
     */
    public SessionViewModel(Texts texts, MainViewModel main, SessionContext context, SessionManager manager, String unavailable,
                            BundleStore bundles, Clock clock, String workstationId) {
        this(texts, main, context, manager == null ? null : new LocalSessionService(manager, bundles), unavailable, clock,
                workstationId);
    }

    /**
     * @param sessions    starts and resumes sessions (in this process or through the keeper); null when
     *                    the workstation cannot keep logs
     * @param unavailable why sessions cannot start (shown to the user) when {@code sessions} is null
     */
    public SessionViewModel(Texts texts, MainViewModel main, SessionContext context, SessionService sessions, String unavailable,
                            Clock clock, String workstationId) {
        this.texts = texts;
        this.main = main;
        this.context = context;
        this.manager = sessions;
        this.unavailable = unavailable;
        this.clock = clock;
        this.workstationId = workstationId;
        context.currentProperty().addListener((obs, old, session) -> {
            recording = session;
            refresh();
        });
        main.setFileOpenGate(this::recordFileOpened);
        main.setVersionReads(this::recordVersionReads);
        main.setSymbolReads(this::recordSymbolRead);
        main.addCopyAttemptListener(this::copyRefused);
        refresh();
    }

    /** Whether files may be opened only inside a session (true in the workstation; tests of other features say false). */
    public void setRequireSession(boolean require) {
        requireSession = require;
    }

    public Optional<String> unavailableReason() {
        return manager == null ? Optional.of(unavailable) : Optional.empty();
    }

    /** Whether the policy names inspectors, so the start dialog asks the inspector for their passphrase. */
    public boolean inspectorsNamed() {
        return manager != null && manager.inspectorsNamed();
    }

    public SupervisorConfirmation.Mode confirmationMode() {
        return manager == null ? SupervisorConfirmation.Mode.NONE : manager.confirmationMode();
    }

    public String policyName() {
        return manager == null ? "" : manager.policyName();
    }

    /** The bundle open in the workspace (manifest SHA-256), as the intake reports it. */
    public void bundleOpened(String manifestSha256) {
        openBundle.set(manifestSha256);
        openBundleId = manifestSha256;
        context.current().filter(s -> !s.bundleManifestSha256().equals(manifestSha256))
                .ifPresent(s -> main.showStatus(texts.get("session.bundle.other")));
    }

    public ReadOnlyStringProperty openBundleProperty() {
        return openBundle.getReadOnlyProperty();
    }

    /** Lists the imported bundles for the start dialog. */
    public void listBundles(Consumer<List<BundleChoice>> onListed) {
        if (manager == null) {
            onListed.accept(List.of());
            return;
        }
        main.background(BackgroundTask.of(texts.get("session.task.bundles"), monitor -> manager.bundles().stream()
                .map(b -> new BundleChoice(b.id(), VisibleText.escape(b.label()) + "  (" + b.id().substring(0, 12) + "…)"))
                .toList()).onSuccess(onListed::accept));
    }

    /** A new session id: time and workstation, so it is unique per workstation and readable. */
    String newSessionId() {
        return "S-" + ID_TIME.format(clock.instant()) + "-" + workstationId;
    }

    /** Checks the form, asks core to start the session off the FX thread, and reports the outcome. */
    public void start(StartForm form, Consumer<StartOutcome> onOutcome) {
        if (manager == null) {
            onOutcome.accept(new StartOutcome(null, unavailable));
            return;
        }
        SessionRequest request;
        try {
            request = new SessionRequest(newSessionId(), form.inspector(), form.organisation(), form.badge(), form.bundleId());
        } catch (IllegalArgumentException e) {
            clear(form);
            onOutcome.accept(new StartOutcome(null, texts.format("session.start.invalid", e.getMessage())));
            return;
        }
        main.background(BackgroundTask.of(texts.get("session.task.start"), monitor -> {
            try {
                ReviewSession session = manager.start(request, confirmation(form), form.inspectorPassphrase());
                return new StartOutcome(session, null);
            } catch (AirlockException e) {
                // a refused start is an answer for the dialog, not a failure of the workstation
                return new StartOutcome(null, e.getMessage());
            } finally {
                clear(form);
            }
        }).onSuccess(outcome -> {
            if (outcome.session() != null) {
                context.open(outcome.session());
                openBundleOf(outcome.session());
            }
            onOutcome.accept(outcome);
        }));
    }

    private Confirmation confirmation(StartForm form) throws AirlockException {
        return switch (confirmationMode()) {
            case NONE -> new Confirmation.None();
            case PIN -> new Confirmation.RoomPin(form.pin() == null ? new char[0] : form.pin().clone());
            case KEY -> {
                if (form.keyFile() == null) {
                    throw new AirlockException("session.key.missing", texts.get("session.key.missing"));
                }
                char[] passphrase = form.passphrase() == null || form.passphrase().length == 0 ? null : form.passphrase();
                yield new Confirmation.SupervisorKey(Ed25519.readPrivatePem(form.keyFile(), passphrase));
            }
        };
    }

    private static void clear(StartForm form) {
        if (form.pin() != null) {
            Arrays.fill(form.pin(), '\0');
        }
        if (form.passphrase() != null) {
            Arrays.fill(form.passphrase(), '\0');
        }
        if (form.inspectorPassphrase() != null) {
            Arrays.fill(form.inspectorPassphrase(), '\0');
        }
    }

    /** Resumes the session left open when the workstation stopped, if any (called once at start-up). */
    public void resumeOpenSession() {
        resumeOpenSession(() -> { });
    }

    /** Resumes the session left open, if any; runs {@code whenNone} (on the FX thread) when there is none. */
    public void resumeOpenSession(Runnable whenNone) {
        if (manager == null) {
            return;
        }
        main.background(BackgroundTask.of(texts.get("session.task.resume"), monitor -> {
            return manager.resumeOpen();
        }).onSuccess(resumed -> resumed.ifPresentOrElse(session -> {
            context.open(session);
            main.showStatus(texts.format("session.resumed", session.id()));
            openBundleOf(session);
        }, whenNone)));
    }

    /** Opens the session's bundle in the workspace unless it is the one already open. */
    private void openBundleOf(ReviewSession session) {
        String id = session.bundleManifestSha256();
        if (id == null || id.equals(openBundle.get())) {
            return;
        }
        main.background(BackgroundTask.of(texts.get("session.task.bundle.open"), monitor -> manager.openBundle(session))
                .onSuccess(source -> {
                    main.openSource(source);
                    bundleOpened(id);
                }));
    }

    /**
     * Without a session no code is shown, also when sessions cannot start at all (a log store that is
     * not writable, a rollback problem, a home that cannot be opened): the read would go unrecorded
     * (issue 16: the gate was skipped when the session manager was unavailable).
     */
    private void refuseWithoutSession() throws AirlockException {
        if (!requireSession) {
            return;
        }
        if (manager == null) {
            throw new AirlockException("session.unavailable", texts.format("session.unavailable", unavailable));
        }
        throw new AirlockException("session.none", texts.get("session.none"));
    }

    /** The file-open gate: records {@code file.opened} before the file is shown (off the FX thread). */
    void recordFileOpened(SourceTree tree, SourceEntry entry) throws AirlockException {
        Optional<ActiveSession> local = recorder();
        if (local.isEmpty()) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("path", entry.path());
        data.put("blob", entry.blobId());
        data.put("ref", tree.reviewRef());
        data.put("size", entry.size());
        local.get().record(EntryType.FILE_OPENED, data, SqlAction.NONE);
    }

    /**
     * What the three read gates share: refused without a session (also when sessions cannot start) or
     * for another bundle's file; the session to record in when this process holds the log, empty when
     * there is nothing to record here (no session and none required, or through the keeper, which
     * records before it answers, before it sends a byte).
     */
    private Optional<ActiveSession> recorder() throws AirlockException {
        ReviewSession session = recording;
        if (session == null) {
            refuseWithoutSession();
            return Optional.empty();
        }
        if (requireSession && !session.bundleManifestSha256().equals(openBundleId)) {
            throw new AirlockException("session.bundle.other", texts.get("session.bundle.other"));
        }
        return session.local();
    }

    /** A lookup's {@code search.run} data, as the keeper writes it. */
    private static Map<String, Object> lookupData(String query, String kind, String ref, long found) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("query", query);
        data.put("kind", kind);
        data.put("ref", ref);
        data.put("finished", true);
        data.put("linesMatched", found);
        data.put("complete", true);
        return data;
    }

    /** The reads of the versions window already recorded, by session id and read key (each once per session). */
    private final java.util.Set<String> versionReadsRecorded = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * The version-read gate (issue 16): in this process, records a diff's, blame's or history's entries
     * before the content is returned, refused as the file-open gate is (no session, another bundle's,
     * locked or expired). Through the keeper nothing is written here: the keeper records before it answers.
     */
    void recordVersionReads(String key, List<VersionReads.Read> reads) throws AirlockException {
        Optional<ActiveSession> local = recorder();
        if (local.isEmpty()) {
            return;
        }
        ActiveSession active = local.get();
        String once = active.id() + '\0' + key;
        synchronized (versionReadsRecorded) {
            if (versionReadsRecorded.contains(once) && active.state() == SessionState.ACTIVE) {
                return; // recorded earlier in this session, as the keeper names its earlier entries
            }
            // a locked, expired or ended session refuses here, with its own reason, and nothing is shown
            for (VersionReads.Read read : reads) {
                Map<String, Object> data = new LinkedHashMap<>();
                EntryType type;
                if (read instanceof VersionReads.FileOpened f) {
                    type = EntryType.FILE_OPENED;
                    data.put("path", f.path());
                    data.put("blob", f.blob());
                    data.put("ref", f.ref());
                    data.put("size", f.size());
                    data.put("view", f.view());
                } else {
                    VersionReads.Lookup l = (VersionReads.Lookup) read;
                    type = EntryType.SEARCH_RUN;
                    data = lookupData(l.query(), l.kind(), l.ref(), l.found());
                }
                active.record(type, data, SqlAction.NONE);
            }
            versionReadsRecorded.add(once);
        }
    }

    /**
     * The navigation-read gate (issue 16): in this process, records a definition, hover, reference,
     * caller or go-to-symbol lookup as the {@code search.run} entry the keeper writes for it, before the
     * answer (and any code line read for it) is returned; every query is recorded, as the keeper records
     * each request. Refused as the file-open gate is (no session, another bundle's, locked or expired).
     * Through the keeper nothing is written here: the keeper records before it answers.
     */
    void recordSymbolRead(String kind, String query, String ref, long found) throws AirlockException {
        Optional<ActiveSession> local = recorder();
        if (local.isPresent()) {
            // a locked, expired or ended session refuses here, with its own reason, and nothing is shown
            local.get().record(EntryType.SEARCH_RUN, lookupData(query, kind, ref, found), SqlAction.NONE);
        }
    }

    /** Records a refused copy, cut or drag; the refusal itself never depends on this. */
    public void copyRefused(CopyAttempt attempt) {
        copyRefused(attempt.documentPath(), attempt.kind().name().toLowerCase(Locale.ROOT), attempt.selectedChars(), "code");
    }

    /** Records a refused attempt from any view ({@code where}: code, tree, search, dialog...). */
    public void copyRefused(String path, String kind, int selectedChars, String where) {
        // in this process or through the keeper (issue 16, kseal): the same copy.refused entry
        ReviewSession session = context.current().orElse(null);
        main.showStatus(texts.get("code.copy.refused"));
        if (session == null) {
            return;
        }
        main.background(BackgroundTask.of(texts.get("session.task.refusal"),
                        monitor -> session.recordCopyRefused(path, kind, selectedChars, where))
                .onSuccess(entry -> main.showStatus(texts.get("session.copy.logged"))));
    }

    /** Input from the inspector: resets the idle timer while the session is active. */
    public void touch() {
        ReviewSession session = context.current().orElse(null);
        if (session != null && state.get() == SessionState.ACTIVE) {
            try {
                session.touch();
            } catch (AirlockException e) {
                // the session locked or expired at this very moment: show that state
                refresh();
            }
        }
    }

    /** Called every second: checks idle lock and expiry, updates status and watermark. */
    public void refresh() {
        ReviewSession session = context.current().orElse(null);
        if (session == null) {
            state.set(null);
            watermark.set("");
            main.setSessionText(texts.get("status.session.none"));
            return;
        }
        SessionState now;
        try {
            now = session.state();
        } catch (AirlockException e) {
            // the lock entry could not be written: lock the screen anyway and say why
            main.showStatus(texts.format("session.lock.failed", e.getMessage()));
            now = SessionState.LOCKED;
        }
        state.set(now);
        Duration elapsed = Duration.between(session.started(), clock.instant());
        String head = session.chainHeadShort();
        main.setSessionText(texts.format("session.status", session.id(), elapsed(elapsed), session.entryCount(), head));
        watermark.set(texts.format("session.watermark", VisibleText.escape(session.inspector()), session.id(),
                WATERMARK_TIME.format(clock.instant())));
    }

    static String elapsed(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    public void lockNow() {
        context.current().ifPresent(session -> main.background(BackgroundTask.of(texts.get("session.task.lock"), monitor -> {
            session.lockNow();
            return session;
        }).onSuccess(s -> refresh())));
    }

    public void unlock() {
        unlock((char[]) null);
    }

    /** Unlocks with the room PIN typed on the lock screen (null or empty: none); the PIN is cleared once sent. */
    public void unlock(char[] pin) {
        context.current().ifPresent(session -> main.background(BackgroundTask.of(texts.get("session.task.unlock"), monitor -> {
            try {
                if (pin != null && pin.length > 0) {
                    session.unlock(pin);
                } else {
                    session.unlock();
                }
            } finally {
                if (pin != null) {
                    java.util.Arrays.fill(pin, '\0');
                }
            }
            return session;
        }).onSuccess(s -> refresh())));
    }

    /**
     * Unlocks with the credential the lock screen asked for (room): the room PIN, the inspector's own
     * passphrase, or the supervisor's key file (from their stick) decrypted with the passphrase typed;
     * what was typed is cleared once used.
     */
    void unlock(LockScreen.Unlock given) {
        if (given.credential() == ReviewSession.UnlockCredential.NONE || given.credential() == ReviewSession.UnlockCredential.PIN) {
            unlock(given.typed());
            return;
        }
        char[] typed = given.typed();
        context.current().ifPresent(session -> main.background(BackgroundTask.of(texts.get("session.task.unlock"), monitor -> {
            try {
                if (given.credential() == ReviewSession.UnlockCredential.INSPECTOR_PASSPHRASE) {
                    session.unlockWithPassphrase(typed);
                } else {
                    if (given.keyFile() == null) {
                        throw new AirlockException("confirmation.required", texts.get("session.lock.key.none"));
                    }
                    session.unlockWithKey(Ed25519.readPrivatePem(given.keyFile(), typed));
                }
            } finally {
                java.util.Arrays.fill(typed, '\0');
            }
            return session;
        }).onSuccess(s -> refresh())));
    }

    /** Ends the session: counts the bundle's files for the coverage figure, writes the end entry, reports the ending. */
    public void end(Consumer<ReviewSession.Ended> onEnded) {
        ReviewSession session = context.current().orElse(null);
        if (session == null) {
            return;
        }
        SourceTree tree = main.sourceProperty().get();
        main.background(BackgroundTask.of(texts.get("session.task.end"), monitor -> {
            int files = 0;
            if (tree != null) {
                for (SourceEntry e : tree.list(tree.reviewRef())) {
                    if (e.kind() == EntryKind.FILE || e.kind() == EntryKind.EXECUTABLE) {
                        files++;
                    }
                }
            }
            return session.finish(files);
        }).onSuccess(ending -> {
            if (ending.local() != null) {
                context.ended(ending.local());
            }
            context.close();
            onEnded.accept(ending);
        }));
    }

    public ReadOnlyObjectProperty<SessionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty watermarkProperty() {
        return watermark.getReadOnlyProperty();
    }

    public SessionContext context() {
        return context;
    }
}
