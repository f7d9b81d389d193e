package airlock.core.session;

import java.security.PrivateKey;
import java.util.Objects;

/** What the supervisor gives to confirm a session start; which one is needed is set by the room policy. */
public sealed interface Confirmation {
    /** No confirmation offered (enough only when the policy asks for none). */
    record None() implements Confirmation {
    }

    /** The supervisor's private key, which signs the start statement; its public key must be pinned as a supervisor key. */
    record SupervisorKey(PrivateKey key) implements Confirmation {
        public SupervisorKey {
            Objects.requireNonNull(key, "key");
        }
    }

    /** The room PIN as typed by the supervisor. */
    record RoomPin(char[] pin) implements Confirmation {
        public RoomPin {
            Objects.requireNonNull(pin, "pin");
        }
    }
}
