package airlock.core.policy;

import java.util.Objects;

/**
 * How a supervisor confirms that a session may start: by signing the start with a pinned
 * supervisor key, or by typing the room PIN (stored only as a salted PBKDF2 hash), or not at all.
 */
public record SupervisorConfirmation(Mode mode, PinHash pin) {
    public enum Mode {
        NONE("none"), KEY("key"), PIN("pin");

        private final String wire;

        Mode(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public SupervisorConfirmation {
        Objects.requireNonNull(mode, "mode");
        if ((mode == Mode.PIN) != (pin != null)) {
            throw new IllegalArgumentException("a PIN hash is given exactly when the mode is pin");
        }
    }

    public static SupervisorConfirmation none() {
        return new SupervisorConfirmation(Mode.NONE, null);
    }

    public static SupervisorConfirmation key() {
        return new SupervisorConfirmation(Mode.KEY, null);
    }

    public static SupervisorConfirmation pin(PinHash hash) {
        return new SupervisorConfirmation(Mode.PIN, hash);
    }
}
