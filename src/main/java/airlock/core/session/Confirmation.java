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

    /**
     * A supervisor's signature over a statement the keeper issued as a one-use challenge (issue 16/17,
     * room): the key stays on the supervisor's stick and in the workstation process that decrypted it;
     * only the signature crosses to the keeper, which checks it against its pinned supervisor keys.
     */
    record SignedChallenge(byte[] statement, byte[] signature) implements Confirmation {
        public SignedChallenge {
            Objects.requireNonNull(statement, "statement");
            Objects.requireNonNull(signature, "signature");
            statement = statement.clone();
            signature = signature.clone();
        }
    }
}
