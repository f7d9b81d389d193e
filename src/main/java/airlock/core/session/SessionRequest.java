package airlock.core.session;

import airlock.core.log.SessionHeader;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who wants to start a session on which bundle.
 *
 * @param sessionId            the log id (letters, digits, '.', '_', '-'; 1..64)
 * @param inspector            the inspector's name as on their papers
 * @param organisation         whom they inspect for
 * @param badge                their room badge number, or null
 * @param bundleManifestSha256 the accepted bundle (SHA-256 of its signed manifest, lower-case hex)
 */
public record SessionRequest(String sessionId, String inspector, String organisation, String badge, String bundleManifestSha256) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    public static final int MAX_NAME = 100;

    public SessionRequest {
        Objects.requireNonNull(sessionId, "sessionId");
        if (!SessionHeader.ID.matcher(sessionId).matches()) {
            throw new IllegalArgumentException("a session id is 1 to 64 letters, digits, '.', '_' or '-'");
        }
        inspector = name(inspector, "inspector name", false);
        organisation = name(organisation, "organisation", false);
        badge = name(badge, "badge", true);
        if (bundleManifestSha256 == null || !HEX.matcher(bundleManifestSha256).matches()) {
            throw new IllegalArgumentException("the bundle is named by the SHA-256 of its manifest (64 lower-case hex digits)");
        }
    }

    private static String name(String value, String what, boolean optional) {
        if (value == null || value.isBlank()) {
            if (optional) {
                return null;
            }
            throw new IllegalArgumentException("the " + what + " is required");
        }
        String v = value.strip();
        if (v.length() > MAX_NAME || v.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw new IllegalArgumentException("the " + what + " must be at most " + MAX_NAME
                    + " characters without control or invisible formatting characters");
        }
        return v;
    }
}
