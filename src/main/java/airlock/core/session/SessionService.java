package airlock.core.session;

import airlock.core.AirlockException;
import airlock.core.policy.SupervisorConfirmation;
import airlock.core.source.SourceTree;
import java.util.List;
import java.util.Optional;

/**
 * What the session view model needs to start, resume and show sessions, independent of where the
 * log is kept: {@link LocalSessionService} on this process's own {@link SessionManager}, or the
 * keeper's ({@code airlock.keeper.client.KeeperSessionService}), where the keeper makes the session
 * id, checks the PIN, writes the entries and serves the bundle's code.
 */
public interface SessionService {
    /** One bundle a session may be started on. */
    record BundleChoice(String id, String label) {
    }

    SupervisorConfirmation.Mode confirmationMode();

    /** The room policy's name (the demo room's hint depends on it), or empty when unknown. */
    String policyName();

    /** Whether the room policy names its inspectors, so a start needs the inspector's passphrase. */
    boolean inspectorsNamed();

    List<BundleChoice> bundles() throws AirlockException;

    /**
     * Starts a session. {@code request.id()} is this process's proposal; a keeper makes its own.
     * The confirmation's secrets are cleared by the caller after this returns.
     */
    ReviewSession start(SessionRequest request, Confirmation confirmation) throws AirlockException;

    /**
     * Starts a session for a named inspector: {@code inspectorPassphrase} is checked against the
     * policy's list of inspectors (null when the policy names none). The caller clears it afterwards.
     */
    default ReviewSession start(SessionRequest request, Confirmation confirmation, char[] inspectorPassphrase)
            throws AirlockException {
        if (inspectorPassphrase != null && inspectorPassphrase.length > 0) {
            throw new AirlockException("session.inspector.refused",
                    "This workstation cannot check an inspector's passphrase; start the session where the room's policy is kept.");
        }
        return start(request, confirmation);
    }

    /** The session left open when the workstation stopped, resumed (with its recovery entry), if any. */
    Optional<ReviewSession> resumeOpen() throws AirlockException;

    /** The code of the session's bundle, read the way this service allows (through the keeper: one entry per file). */
    SourceTree openBundle(ReviewSession session) throws AirlockException;
}
