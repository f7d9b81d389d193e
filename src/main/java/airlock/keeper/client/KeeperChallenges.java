package airlock.keeper.client;

import airlock.core.AirlockException;
import airlock.core.crypto.Base64Strict;
import airlock.core.crypto.CanonicalJson;
import airlock.core.crypto.Ed25519;
import airlock.core.session.StartStatement;
import airlock.protocol.Answer;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Map;

/**
 * The workstation's half of a confirmation by the supervisor's key through the keeper (issue 16/17,
 * room): the keeper sends a one-use challenge, the statement is checked here to say what the
 * supervisor was asked to confirm (the start typed in the dialog, or the unlock of this session) and
 * only then signed with the key decrypted from the supervisor's stick. Only the signature is sent back.
 */
final class KeeperChallenges {
    private KeeperChallenges() {
    }

    /** Signs a start challenge after checking it names this inspector, organisation, badge and bundle. */
    static String signStart(Answer.Challenge c, PrivateKey key, String inspector, String organisation, String badge,
                            String bundle) throws AirlockException {
        Map<?, ?> m;
        try {
            m = (Map<?, ?>) CanonicalJson.parseStrict(c.statement().getBytes(StandardCharsets.UTF_8));
        } catch (AirlockException | ClassCastException e) {
            throw refused("the keeper's start statement is not canonical JSON");
        }
        if (!StartStatement.TYPE_CHALLENGED.equals(m.get("type")) || !c.challenge().equals(m.get("challenge"))
                || !organisation.equals(m.get("organisation")) || !java.util.Objects.equals(badge, m.get("badge"))
                || !bundle.equals(m.get("bundleManifestSha256")) || !(m.get("inspector") instanceof String named)
                || !named.equalsIgnoreCase(inspector.strip())) {
            throw refused("the keeper asked to sign a start other than the one typed here");
        }
        return sign(c, key);
    }

    /** Signs an unlock challenge after checking it names session {@code sessionId}. */
    static String signUnlock(Answer.Challenge c, PrivateKey key, String sessionId) throws AirlockException {
        String[] lines = c.statement().split("\n", -1);
        if (lines.length != 6 || !"airlock-unlock/2".equals(lines[0]) || !sessionId.equals(lines[2])
                || !c.challenge().equals(lines[4]) || !lines[5].isEmpty()) {
            throw refused("the keeper asked to sign an unlock other than this session's");
        }
        return sign(c, key);
    }

    private static String sign(Answer.Challenge c, PrivateKey key) {
        return Base64Strict.encode(Ed25519.sign(key, c.statement().getBytes(StandardCharsets.UTF_8)));
    }

    private static KeeperException refused(String why) {
        return new KeeperException("session.confirmation.refused", "Not signed: " + why + ".");
    }
}
