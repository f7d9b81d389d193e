package airlock.core.demo;

import airlock.core.AirlockException;
import airlock.core.crypto.Ed25519;
import airlock.core.home.AirlockHome;
import airlock.core.home.TrustPurpose;
import airlock.core.policy.PinHash;
import airlock.core.policy.PolicyFiles;
import airlock.core.policy.PolicySigner;
import airlock.core.policy.RoomPolicy;
import airlock.core.policy.SupervisorConfirmation;
import airlock.core.trust.TrustStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.security.KeyPair;
import java.security.SecureRandom;

/**
 * The demo's room: a signed room policy in the demo home whose supervisor confirms a session start
 * with a PIN that the demo shows on screen ({@link #PIN}), so a newcomer walks through the same
 * confirmation step a real room uses. The policy is signed by a demo room-administrator key made
 * for the purpose and pinned in the demo home only; it is written once and kept on later runs.
 * Apart from the PIN the rules are the strict defaults (no clipboard, findings leave without code)
 * with a ten-minute idle lock.
 */
public final class DemoRoom {
    /** The demo room's supervisor PIN, shown on the demo's start dialog. Never used outside the demo home. */
    public static final String PIN = "246810";
    public static final int IDLE_LOCK_MINUTES = 10;
    /** The demo policy's room name; the demo shows its PIN only while this policy is in force. */
    public static final String NAME = "Airlock demo room";

    private DemoRoom() {
    }

    /** Installs the demo room policy in {@code home} unless a policy is installed already. */
    public static void install(AirlockHome home, SecureRandom random) throws AirlockException {
        if (Files.exists(PolicyFiles.installed(home), LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        KeyPair admin = Ed25519.generate();
        new TrustStore(home).add(TrustPurpose.ROOM_ADMIN, admin.getPublic(), "Airlock demo room administrator");
        RoomPolicy strict = RoomPolicy.strictest();
        RoomPolicy demo = new RoomPolicy(NAME, strict.export(), false, IDLE_LOCK_MINUTES, false,
                strict.maxSessionMinutes(), SupervisorConfirmation.pin(PinHash.of(PIN.toCharArray(), random)));
        PolicySigner.Result signed = PolicySigner.sign(demo, admin.getPrivate());
        PolicyFiles.write(PolicyFiles.installed(home), signed.bytes(), signed.signature());
    }
}
