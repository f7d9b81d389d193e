package airlock.keeper.client;

import airlock.core.AirlockException;
import airlock.core.policy.SupervisorConfirmation;
import airlock.core.session.Confirmation;
import airlock.core.session.ReviewSession;
import airlock.core.session.SessionRequest;
import airlock.core.session.SessionService;
import airlock.core.session.SessionState;
import airlock.core.source.SourceTree;
import airlock.protocol.Answer;
import java.util.List;
import java.util.Optional;

/**
 * Sessions kept by the keeper. The keeper makes the session id, checks the room PIN against the
 * policy only it can read, and writes {@code session.start} and {@code session.confirmed}; this
 * process sends the inspector's details and the PIN typed, nothing else.
 */
public final class KeeperSessionService implements SessionService {
    private final KeeperClient client;
    private final KeeperClient statusClient;
    private final SupervisorConfirmation.Mode mode;
    private final String policyName;
    private final boolean inspectorsNamed;

    /**
     * @param statusClient a second connection to the same keeper, for the once-a-second state question
     * @param policy       what the keeper said of its room policy ({@link KeeperClient#policy()}), asked once
     *                     when the window connects: the start dialog asks for it on the FX thread
     */
    public KeeperSessionService(KeeperClient client, KeeperClient statusClient, Answer.PolicyInfo policy) {
        this.client = client;
        this.statusClient = statusClient;
        this.mode = switch (policy.confirmation()) {
            case "none" -> SupervisorConfirmation.Mode.NONE;
            case "key" -> SupervisorConfirmation.Mode.KEY;
            default -> SupervisorConfirmation.Mode.PIN;
        };
        // the policy file is the administrator's, but its name is shown: never interpreted
        this.policyName = airlock.core.text.VisibleText.escape(policy.name());
        this.inspectorsNamed = policy.inspectors();
    }

    /**
     * The keeper's policy's mode. Under {@code key} the dialog reads the supervisor's key from their
     * stick; the start answers the keeper's challenge with the key's signature (the key never crosses).
     */
    @Override
    public SupervisorConfirmation.Mode confirmationMode() {
        return mode;
    }

    @Override
    public String policyName() {
        return policyName;
    }

    /** Whether the keeper's policy names its inspectors (the start dialog then asks for the inspector's passphrase). */
    @Override
    public boolean inspectorsNamed() {
        return inspectorsNamed;
    }

    @Override
    public List<BundleChoice> bundles() throws AirlockException {
        return client.bundles().stream().map(b -> new BundleChoice(b.id(), b.label())).toList();
    }

    @Override
    public ReviewSession start(SessionRequest request, Confirmation confirmation) throws AirlockException {
        return start(request, confirmation, null);
    }

    /** Sends the inspector's passphrase (when the policy names inspectors) with the start; the keeper checks it. */
    @Override
    public ReviewSession start(SessionRequest request, Confirmation confirmation, char[] inspectorPassphrase)
            throws AirlockException {
        String passphrase = inspectorPassphrase == null || inspectorPassphrase.length == 0 ? null : new String(inspectorPassphrase);
        String pin = null;
        if (confirmation instanceof Confirmation.RoomPin roomPin && roomPin.pin() != null && roomPin.pin().length > 0) {
            pin = new String(roomPin.pin());
        } else if (confirmation instanceof Confirmation.SupervisorKey key) {
            // confirmation (room): the keeper issues a one-use challenge, the key signs it here, only the signature is sent
            Answer.Challenge challenge = client.call(new airlock.protocol.Request.ConfirmStart(request.inspector(),
                    request.organisation(), request.badge(), request.bundleManifestSha256()), Answer.Challenge.class);
            String signature = KeeperChallenges.signStart(challenge, key.key(), request.inspector(), request.organisation(),
                    request.badge(), request.bundleManifestSha256());
            Answer.SessionInfo info = client.call(new airlock.protocol.Request.StartSession(request.inspector(),
                    request.organisation(), request.badge(), request.bundleManifestSha256(), null, passphrase,
                    challenge.challenge(), signature), Answer.SessionStarted.class).session();
            return new KeeperSession(client, statusClient, info, SessionState.ACTIVE, 0, unlockCredential());
        }
        Answer.SessionInfo info = client.startSession(request.inspector(), request.organisation(), request.badge(),
                request.bundleManifestSha256(), pin, passphrase);
        return new KeeperSession(client, statusClient, info, SessionState.ACTIVE, 0, unlockCredential());
    }

    /** What the lock screen asks for, as the keeper's policy decides (room). */
    private ReviewSession.UnlockCredential unlockCredential() {
        return switch (mode) {
            case PIN -> ReviewSession.UnlockCredential.PIN;
            case KEY -> ReviewSession.UnlockCredential.SUPERVISOR_KEY;
            case NONE -> inspectorsNamed ? ReviewSession.UnlockCredential.INSPECTOR_PASSPHRASE : ReviewSession.UnlockCredential.NONE;
        };
    }

    /** The keeper resumed a session left open when it started; this picks it up if it is still open. */
    @Override
    public Optional<ReviewSession> resumeOpen() throws AirlockException {
        Answer.Status status = client.status();
        if (status.session() == null) {
            return Optional.empty();
        }
        SessionState state = KeeperSession.stateOf(status.state());
        if (state == SessionState.ENDED) {
            return Optional.empty();
        }
        return Optional.of(new KeeperSession(client, statusClient, status.session(), state, status.entries(),
                unlockCredential()));
    }

    /** The bundle's code through the keeper: listing is free, every file's content comes after its {@code file.opened}. */
    @Override
    public SourceTree openBundle(ReviewSession session) throws AirlockException {
        if (!(session instanceof KeeperSession k)) {
            throw new IllegalArgumentException("not a session of the keeper");
        }
        return new KeeperSourceTree(client, k.info());
    }
}
