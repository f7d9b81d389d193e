package airlock.core.seal;

import airlock.core.AirlockException;
import airlock.core.media.WrittenFile;
import airlock.core.policy.SupervisorDecision;
import airlock.core.policy.Violation;
import airlock.core.progress.ProgressMonitor;
import airlock.core.quote.Quota;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One ended session as the supervisor's screen reviews, seals and writes it (issue 16's seam):
 * {@link LocalSupervisorReview} wraps {@link SealReview} in this process; through the keeper the
 * keeper builds the review, and the supervisor's key signs on this side only.
 */
public interface SupervisorReview {
    /** What the screen's headline and details say about the session. */
    record Summary(String inspector, String started, String ended, int findings, String policyName, String product,
                   String release, int minRunTokens) {
    }

    String session();

    Summary summary();

    /** Stored state of the session: ended, sealed or exported. */
    String status() throws AirlockException;

    /** What will leave the room, in writing order, with each file's exact bytes. */
    List<OutgoingFile> files();

    /** Every violation the export had before any decision. */
    List<Violation> violations();

    /** The violations still open after the decisions so far. */
    List<Violation> unresolved();

    Optional<SupervisorDecision> decisionOn(Violation violation);

    /** True when no check fails without a decision (or no finding leaves at all). */
    boolean canSeal();

    /** Each committed field of the log, and whether it leaves with the log. */
    List<DisclosurePlan.Field> logDisclosures();

    /** The cumulative quotas used by what leaves as decided so far, at most {@code maxFiles} file rows. */
    List<Quota> quotas(int maxFiles);

    /** Whether the texts were compared with the reviewed tree. */
    boolean quotesComparedWithTree();

    /** Records a decision (in the ledger), then applies it. */
    void decide(SupervisorDecision decision) throws AirlockException;

    /** Records a decision on one committed log field (issue 18; in the ledger like one on a finding), then applies it. */
    void decideField(SupervisorDecision decision) throws AirlockException;

    /**
     * Seals with the supervisor's key file read with {@code passphrase} (cleared here, whatever
     * happens). The key is read and used in this process only; what is signed and stored is up to
     * the holder of the log. A session already sealed is not sealed again.
     */
    void seal(Path keyFile, char[] passphrase, ProgressMonitor monitor) throws AirlockException;

    /** Writes every outgoing file to {@code folder}, each read back and checked, and records the export. */
    List<WrittenFile> write(Path folder, ProgressMonitor monitor) throws AirlockException;
}
