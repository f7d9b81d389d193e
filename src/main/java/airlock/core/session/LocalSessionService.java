package airlock.core.session;

import airlock.core.AirlockException;
import airlock.core.bundle.BundleStore;
import airlock.core.policy.SupervisorConfirmation;
import airlock.core.source.SourceTree;
import java.util.List;
import java.util.Optional;

/**
 * Sessions kept by this process: its own {@link SessionManager} and bundle store. Used by the
 * in-process composition and tests; the two-process workstation uses the keeper's service instead.
 */
public final class LocalSessionService implements SessionService {
    private final SessionManager manager;
    private final BundleStore bundles;

    public LocalSessionService(SessionManager manager, BundleStore bundles) {
        this.manager = manager;
        this.bundles = bundles;
    }

    @Override
    public SupervisorConfirmation.Mode confirmationMode() {
        return manager.policy().policy().confirmation().mode();
    }

    @Override
    public String policyName() {
        return manager.policy().policy().name();
    }

    @Override
    public boolean inspectorsNamed() {
        return !manager.policy().policy().inspectors().isEmpty();
    }

    @Override
    public List<BundleChoice> bundles() throws AirlockException {
        return bundles.list().stream().map(b -> new BundleChoice(b.id(), b.label())).toList();
    }

    @Override
    public ReviewSession start(SessionRequest request, Confirmation confirmation) throws AirlockException {
        return manager.start(request, confirmation);
    }

    @Override
    public ReviewSession start(SessionRequest request, Confirmation confirmation, char[] inspectorPassphrase)
            throws AirlockException {
        return manager.start(request, confirmation, inspectorPassphrase);
    }

    @Override
    public Optional<ReviewSession> resumeOpen() throws AirlockException {
        Optional<String> open = manager.openSession();
        return open.isPresent() ? Optional.of(manager.resume(open.get())) : Optional.empty();
    }

    @Override
    public SourceTree openBundle(ReviewSession session) throws AirlockException {
        return bundles.open(bundles.get(session.bundleManifestSha256()));
    }
}
