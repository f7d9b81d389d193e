package airlock.core.session;

import airlock.core.AirlockException;
import airlock.core.log.SignedNote;
import java.time.Instant;
import java.util.Optional;

/**
 * An open inspection session as the workstation's views use it, wherever its log is kept: in this
 * process ({@link ActiveSession}, the in-process composition and its tests) or in the keeper
 * ({@code airlock.keeper.client.KeeperSession}). The views ask for state and send events; only a
 * {@link #local()} session lets this process append entries itself — through the keeper, the
 * keeper writes each entry when it answers the read that the entry records.
 */
public interface ReviewSession {
    String id();

    String inspector();

    Instant started();

    /** The SHA-256 of the manifest of the bundle under review. */
    String bundleManifestSha256();

    int idleLockMinutes();

    /** Entries in the session's log so far, as last seen. */
    long entryCount();

    /** The chain head's first hex digits, or a dash when this process does not see the chain (the keeper keeps it). */
    String chainHeadShort();

    /** The current state; may lock (and log the lock) when the idle time has run out. */
    SessionState state() throws AirlockException;

    /** Input from the inspector that is not itself logged: resets the idle timer. */
    void touch() throws AirlockException;

    void lockNow() throws AirlockException;

    /** Unlocks an idle-locked session on behalf of the inspector. */
    void unlock() throws AirlockException;

    /** Whether unlocking needs the room PIN typed on the lock screen (the keeper's {@code pin} policy). */
    default boolean unlockNeedsPin() {
        return false;
    }

    /** Unlocks with the room PIN typed on the lock screen; the caller clears {@code pin} afterwards. */
    default void unlock(char[] pin) throws AirlockException {
        unlock();
    }

    /**
     * Records a refused copy, cut or drag ({@code copy.refused}) wherever the log is kept, also while
     * locked (issue 16, kseal: through the keeper as in this process); returns the entry's sequence number.
     */
    default long recordCopyRefused(String path, String kind, int selectedChars, String view) throws AirlockException {
        throw new AirlockException("session.refusal.unsupported", "This session cannot record refusals.");
    }

    // confirmation (issue 16/17, room): the idle unlock asks the credential the policy decides

    /** What the lock screen asks for to unlock. */
    enum UnlockCredential {
        /** nothing (policy {@code none}, no inspectors named) */
        NONE,
        /** the room PIN, typed by the supervisor (policy {@code pin}) */
        PIN,
        /** the session's inspector's own passphrase (policy {@code none} naming inspectors) */
        INSPECTOR_PASSPHRASE,
        /** a supervisor's key from their stick and its passphrase (policy {@code key}) */
        SUPERVISOR_KEY
    }

    /** What unlocking needs. */
    default UnlockCredential unlockCredential() {
        return unlockNeedsPin() ? UnlockCredential.PIN : UnlockCredential.NONE;
    }

    /** Unlocks with the session's inspector's passphrase; the caller clears it afterwards. */
    default void unlockWithPassphrase(char[] passphrase) throws AirlockException {
        unlock();
    }

    /** Unlocks with a supervisor's key (it signs the unlock; where the log is held elsewhere only the signature leaves). */
    default void unlockWithKey(java.security.PrivateKey key) throws AirlockException {
        throw new AirlockException("session.confirmation.refused", "This session does not unlock with a supervisor's key.");
    }

    /** Writes the summary and the end entry; the final checkpoint is signed by whoever holds the log. */
    Ended finish(int bundleFiles) throws AirlockException;

    /** The in-process session when this process holds the log, else empty. */
    Optional<ActiveSession> local();

    /**
     * What the end of a session gives back: counts, the signed final checkpoint and, for an
     * in-process session, its full {@link ActiveSession.Ending} (summary for the dialog, the seal).
     */
    record Ended(String id, long entries, int filesOpened, int searches, SignedNote finalCheckpoint,
                 ActiveSession.Ending local) {
    }
}
