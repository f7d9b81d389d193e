package airlock.core.session;

import airlock.core.policy.Inspector;
import airlock.core.policy.RoomPolicy;
import java.util.Optional;

/**
 * Checks that the person starting a session is an inspector the room policy names, by their
 * passphrase. UI-free and stateless, so whichever process holds the policy (the workstation today,
 * the keeper next) calls it the same way; the lockout and the ledger entries for refusals are the
 * {@link SessionManager}'s, shared with the supervisor's confirmation. A policy that names no
 * inspectors accepts the name as typed, and says so in the result.
 */
public final class InspectorCheck {
    /**
     * The outcome.
     *
     * @param accepted  whether the session may go on to the supervisor's confirmation
     * @param inspector the name to record: the policy's spelling when named, else the name as typed
     * @param checked   whether a credential was checked ({@code false} only when the policy names no inspectors)
     * @param reason    for a person; never contains what was typed as the passphrase
     */
    public record Result(boolean accepted, String inspector, boolean checked, String reason) {
    }

    private InspectorCheck() {
    }

    /** Checks {@code name} and {@code passphrase} (null when none was typed) against {@code policy}; clears nothing. */
    public static Result check(RoomPolicy policy, String name, char[] passphrase) {
        if (policy.inspectors().isEmpty()) {
            return new Result(true, name, false, "the room policy names no inspectors; the name is taken as typed");
        }
        Optional<Inspector> named = policy.inspector(name);
        if (named.isEmpty()) {
            return new Result(false, name, true, "the room policy does not name an inspector '" + name + "'");
        }
        if (passphrase == null || passphrase.length == 0) {
            return new Result(false, named.get().name(), true, "inspector " + named.get().name() + " must type their passphrase");
        }
        if (!named.get().passphrase().matches(passphrase)) {
            return new Result(false, named.get().name(), true, "the passphrase of inspector " + named.get().name() + " is wrong");
        }
        return new Result(true, named.get().name(), true, "inspector " + named.get().name() + " checked by passphrase");
    }
}
