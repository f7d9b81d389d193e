package airlock.keeper.client;

import airlock.core.AirlockException;
import airlock.core.seal.SealDesk;
import airlock.core.seal.SupervisorReview;
import airlock.protocol.Answer;
import airlock.protocol.Request;
import java.util.List;

/**
 * The seal screen's desk through the keeper (issue 16, kseal): sessions, reviews, decisions, the seal
 * and the export go through {@link KeeperClient}; this process holds no log and no trust list. The
 * supervisor's key is read here only, to sign the statement the keeper sends.
 */
public final class KeeperSealDesk implements SealDesk {
    private final KeeperClient client;

    public KeeperSealDesk(KeeperClient client) {
        this.client = client;
    }

    @Override
    public List<String> awaitingSupervisor() throws AirlockException {
        return client.call(new Request.SealSessions(), Answer.SealSessions.class).sessions().stream()
                .map(Answer.SealWaiting::session).toList();
    }

    /** {@code ended} or {@code sealed} for a session awaiting the supervisor; null for any other (exported, open, unknown). */
    @Override
    public String status(String session) throws AirlockException {
        for (Answer.SealWaiting w : client.call(new Request.SealSessions(), Answer.SealSessions.class).sessions()) {
            if (w.session().equals(session)) {
                return w.status();
            }
        }
        return null;
    }

    @Override
    public SupervisorReview open(String session) throws AirlockException {
        return KeeperSupervisorReview.open(client, session);
    }
}
