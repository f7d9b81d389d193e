package airlock.core.seal;

import airlock.core.AirlockException;
import airlock.core.media.WrittenFile;
import airlock.core.policy.SupervisorDecision;
import airlock.core.policy.Violation;
import airlock.core.progress.ProgressMonitor;
import airlock.core.quote.Quota;
import airlock.core.trust.TrustStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The seal screen's review in this process: {@link SealReview} on the workstation's own log, key checked against {@code trust}. */
public final class LocalSupervisorReview implements SupervisorReview {
    private final SealReview review;
    private final TrustStore trust;
    private final SealAttempts attempts;

    public LocalSupervisorReview(SealReview review, TrustStore trust) {
        this(review, trust, null);
    }

    /** {@code attempts}: a refused key counted and recorded under the workstation's lockout, or null (the answer only). */
    public LocalSupervisorReview(SealReview review, TrustStore trust, SealAttempts attempts) {
        this.review = Objects.requireNonNull(review, "review");
        this.trust = Objects.requireNonNull(trust, "trust");
        this.attempts = attempts;
    }

    /** The wrapped review (tests). */
    public SealReview review() {
        return review;
    }

    @Override
    public String session() {
        return review.session();
    }

    @Override
    public Summary summary() {
        var d = review.document();
        return new Summary(d.session().inspector(), String.valueOf(d.session().started()), String.valueOf(d.session().ended()),
                d.annotations().size(), review.policy().name(), d.bundle().product(), d.bundle().release(),
                review.policy().quotes().minRunTokens());
    }

    @Override
    public String status() throws AirlockException {
        return review.status();
    }

    @Override
    public List<OutgoingFile> files() {
        return review.files();
    }

    @Override
    public List<Violation> violations() {
        return review.violations();
    }

    @Override
    public List<Violation> unresolved() {
        return review.resolution().unresolved();
    }

    @Override
    public Optional<SupervisorDecision> decisionOn(Violation violation) {
        return review.decisionOn(violation);
    }

    @Override
    public boolean canSeal() {
        return review.canSeal();
    }

    @Override
    public List<DisclosurePlan.Field> logDisclosures() {
        return review.logDisclosures();
    }

    @Override
    public List<Quota> quotas(int maxFiles) {
        return review.quotas(maxFiles);
    }

    @Override
    public boolean quotesComparedWithTree() {
        return review.quotesComparedWithTree();
    }

    @Override
    public void decide(SupervisorDecision decision) throws AirlockException {
        review.decide(decision);
    }

    @Override
    public void decideField(SupervisorDecision decision) throws AirlockException {
        review.decideField(decision);
    }

    @Override
    public void seal(Path keyFile, char[] passphrase, ProgressMonitor monitor) throws AirlockException {
        if (attempts != null) {
            attempts.withKeyFile(review, keyFile, passphrase, trust);
            return;
        }
        SupervisorKey loaded = SupervisorKey.load(keyFile, passphrase, trust);
        review.seal(loaded, SupervisorKey.pinned(trust));
    }

    @Override
    public List<WrittenFile> write(Path folder, ProgressMonitor monitor) throws AirlockException {
        return review.write(folder, monitor);
    }
}
