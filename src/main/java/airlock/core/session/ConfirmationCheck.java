package airlock.core.session;

import airlock.core.AirlockException;
import airlock.core.crypto.Base64Strict;
import airlock.core.crypto.Ed25519;
import airlock.core.crypto.KeyId;
import airlock.core.home.TrustPurpose;
import airlock.core.policy.SupervisorConfirmation;
import airlock.core.trust.TrustStore;
import airlock.core.trust.TrustedKey;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a supervisor's confirmation against what the policy asks for. The result is a value:
 * accepted with what to record in the log, or refused with a reason.
 */
final class ConfirmationCheck {
    private final TrustStore trust;

    ConfirmationCheck(TrustStore trust) {
        this.trust = trust;
    }

    record Result(boolean accepted, String reason, Map<String, Object> logData) {
    }

    Result check(SupervisorConfirmation required, Confirmation given, byte[] statement) throws AirlockException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("mode", required.mode().wire());
        switch (required.mode()) {
            case NONE -> {
                return new Result(true, "the room policy needs no supervisor confirmation", data);
            }
            case PIN -> {
                if (!(given instanceof Confirmation.RoomPin pin)) {
                    return refused("the room policy needs the supervisor to type the room PIN");
                }
                if (!required.pin().matches(pin.pin())) {
                    return refused("the room PIN is wrong");
                }
                return new Result(true, "confirmed with the room PIN", data);
            }
            case KEY -> {
                if (given instanceof Confirmation.SignedChallenge signed) { // confirmation through the keeper (room)
                    return checkSigned(signed, statement, data);
                }
                if (!(given instanceof Confirmation.SupervisorKey key)) {
                    return refused("the room policy needs a supervisor to confirm with their key");
                }
                PublicKey pub = Ed25519.publicKeyOf(key.key());
                KeyId id = Ed25519.keyId(pub);
                Optional<TrustedKey> pinned = trust.find(TrustPurpose.SUPERVISOR, id);
                if (pinned.isEmpty()) {
                    return refused("key " + id.hex() + " is not pinned as a supervisor key on this workstation");
                }
                byte[] signature = Ed25519.sign(key.key(), statement);
                if (!Ed25519.verify(pinned.get().key(), statement, signature).isValid()) {
                    return refused("the supervisor key's signature does not verify");
                }
                data.put("supervisorKey", id.hex());
                data.put("supervisor", pinned.get().label());
                data.put("statement", new String(statement, StandardCharsets.UTF_8));
                data.put("signature", Base64Strict.encode(signature));
                return new Result(true, "confirmed by supervisor key " + id.hex(), data);
            }
            default -> throw new IllegalStateException("unknown confirmation mode " + required.mode());
        }
    }

    /**
     * A signature made elsewhere over the statement this workstation issued: it must be over exactly
     * {@code statement} and verify with one of the pinned supervisor keys (each tried; a handful).
     */
    private Result checkSigned(Confirmation.SignedChallenge signed, byte[] statement, Map<String, Object> data)
            throws AirlockException {
        if (!java.util.Arrays.equals(signed.statement(), statement)) {
            return refused("the signed statement is not the one issued for this confirmation");
        }
        for (TrustedKey pinned : trust.list(TrustPurpose.SUPERVISOR)) {
            if (signed.signature().length == 64 && Ed25519.verify(pinned.key(), statement, signed.signature()).isValid()) {
                KeyId id = Ed25519.keyId(pinned.key());
                data.put("supervisorKey", id.hex());
                data.put("supervisor", pinned.label());
                data.put("statement", new String(statement, StandardCharsets.UTF_8));
                data.put("signature", Base64Strict.encode(signed.signature()));
                data.put("challenge", "keeper"); // the statement was the keeper's one-use challenge
                return new Result(true, "confirmed by supervisor key " + id.hex(), data);
            }
        }
        return refused("the signature does not verify with any supervisor key pinned on this workstation");
    }

    private static Result refused(String reason) {
        return new Result(false, reason, Map.of());
    }
}
