package airlock.core.session;

import airlock.core.crypto.CanonicalJson;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bytes a supervisor signs to confirm a session start: canonical JSON with its own type, so
 * the signature cannot be replayed as a seal, a policy or a bundle signature, and naming the
 * session, workstation, inspector, bundle, policy and time so it cannot be replayed for another
 * session either. The statement and signature go into the {@code session.confirmed} entry, where
 * an auditor can check them.
 */
public final class StartStatement {
    public static final String TYPE = "airlock-session-start/1";

    private StartStatement() {
    }

    /**
     * The statement of a start confirmed through the keeper (issue 16/17, room): the same members and
     * the keeper's one-use {@code challenge} nonce, under its own type so neither form passes for the other.
     */
    public static final String TYPE_CHALLENGED = "airlock-session-start/2";

    public static byte[] bytes(SessionRequest request, String workstation, String policySha256, Instant time, String challenge) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", TYPE_CHALLENGED);
        m.put("challenge", challenge);
        m.put("session", request.sessionId());
        m.put("workstation", workstation);
        m.put("inspector", request.inspector());
        m.put("organisation", request.organisation());
        m.put("badge", request.badge());
        m.put("bundleManifestSha256", request.bundleManifestSha256());
        m.put("policySha256", policySha256);
        m.put("time", time.toString());
        return CanonicalJson.write(m);
    }

    public static byte[] bytes(SessionRequest request, String workstation, String policySha256, Instant time) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", TYPE);
        m.put("session", request.sessionId());
        m.put("workstation", workstation);
        m.put("inspector", request.inspector());
        m.put("organisation", request.organisation());
        m.put("badge", request.badge());
        m.put("bundleManifestSha256", request.bundleManifestSha256());
        m.put("policySha256", policySha256);
        m.put("time", time.toString());
        return CanonicalJson.write(m);
    }
}
