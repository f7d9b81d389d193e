package airlock.ui.session;

import airlock.core.session.ActiveSession;
import airlock.core.session.ReviewSession;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The workstation's current inspection session as the UI sees it: empty when none is open. One
 * instance per window, created by {@link airlock.ui.WorkstationWindow} and handed to every feature
 * that records actions (file opened, search run, annotation changes, refused copies); only the
 * session feature opens and closes it. Read and written on the FX thread.
 */
public final class SessionContext {
    private final ReadOnlyObjectWrapper<ReviewSession> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyObjectWrapper<ActiveSession.Ending> lastEnding = new ReadOnlyObjectWrapper<>(this, "lastEnding");

    public ReadOnlyObjectProperty<ReviewSession> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public Optional<ReviewSession> current() {
        return Optional.ofNullable(current.get());
    }

    /** Makes {@code session} the current one (the session feature, after a confirmed start or a resume). */
    public void open(ReviewSession session) {
        current.set(session);
    }

    /** The current session when this process keeps its log (in-process composition), else empty. */
    public Optional<ActiveSession> local() {
        return current().flatMap(ReviewSession::local);
    }

    /**
     * The last session ended in this window: its summary and final checkpoint, ready for the
     * supervisor's review and seal. Set just before {@link #close()}.
     */
    public ReadOnlyObjectProperty<ActiveSession.Ending> lastEndingProperty() {
        return lastEnding.getReadOnlyProperty();
    }

    /** Records that the current session ended with {@code ending} (the session feature, after the end entry). */
    public void ended(ActiveSession.Ending ending) {
        lastEnding.set(ending);
    }

    /** No session any more (after the end entry is written). */
    public void close() {
        current.set(null);
    }
}
