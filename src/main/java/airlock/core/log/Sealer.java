package airlock.core.log;

import airlock.core.AirlockException;
import airlock.core.crypto.Ed25519;
import java.security.PrivateKey;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The supervisor's seal: a second signature line, with the SEAL purpose, on the final checkpoint
 * of an ended session. The key must verify as one of the workstation's pinned supervisor keys. The
 * seal is stored and recorded in the workstation ledger in one transaction.
 */
public final class Sealer {
    private final LogStore store;
    private final SessionLog ledger;
    private final List<PinnedKeys.Pinned> supervisors;

    public Sealer(LogStore store, SessionLog ledger, List<PinnedKeys.Pinned> supervisors) {
        this.store = store;
        this.ledger = ledger;
        this.supervisors = List.copyOf(supervisors);
    }

    /** Seals session {@code id} with {@code key}; returns the sealed note (workstation and supervisor lines). */
    public SignedNote seal(String id, PrivateKey key) throws AirlockException {
        return seal(id, bytes -> Ed25519.sign(key, bytes));
    }

    /**
     * Seals session {@code id} with a signature made elsewhere (issue 16: the supervisor's key signs in
     * the workstation process, over the bytes of {@link #statement}; the key never reaches the keeper).
     * The signature must verify as one of the pinned supervisor keys over this session's final
     * checkpoint, else nothing is written; a sealed session is refused, so a signature cannot be replayed.
     */
    public SignedNote sealWithSignature(String id, byte[] signature) throws AirlockException {
        byte[] copy = signature.clone();
        return seal(id, bytes -> copy);
    }

    /** The exact bytes a supervisor signs to seal ended session {@code id}: the seal context line and the final checkpoint. */
    public byte[] statement(String id) throws AirlockException {
        synchronized (store) {
            String status = LogState.status(store.connection(), id);
            if (!"ended".equals(status)) {
                throw new AirlockException("log.seal.state", "The session '" + id + "' cannot be sealed: it is "
                        + (status == null ? "unknown" : status) + " (only an ended, unsealed session can be sealed)");
            }
            return SignaturePurpose.SEAL.signedBytes(LogState.finalNote(store.connection(), id).body());
        }
    }

    private interface Signing {
        byte[] sign(byte[] statement) throws AirlockException;
    }

    private SignedNote seal(String id, Signing signing) throws AirlockException {
        synchronized (store) {
            String status = LogState.status(store.connection(), id);
            if (!"ended".equals(status)) {
                throw new AirlockException("log.seal.state", "The session '" + id + "' cannot be sealed: it is "
                        + (status == null ? "unknown" : status) + " (only an ended, unsealed session can be sealed)");
            }
            SignedNote finalNote = LogState.finalNote(store.connection(), id);
            byte[] signature = signing.sign(SignaturePurpose.SEAL.signedBytes(finalNote.body()));
            if (signature == null || signature.length != 64) {
                throw new AirlockException("log.seal.untrusted", "The seal signature is not an Ed25519 signature (64 bytes);"
                        + " the session was not sealed.");
            }
            PinnedKeys.Pinned signer = null;
            for (PinnedKeys.Pinned candidate : supervisors) {
                if (Ed25519.verify(candidate.key(), SignaturePurpose.SEAL.signedBytes(finalNote.body()), signature).isValid()) {
                    signer = candidate;
                    break;
                }
            }
            if (signer == null) {
                throw new AirlockException("log.seal.untrusted", "This key is not on the workstation's supervisor trust list;"
                        + " the session was not sealed. Use the supervisor key the room administrator pinned.");
            }
            String name = SignaturePurpose.SEAL.keyName();
            SignedNote sealed = finalNote.with(new NoteSignature(name, NoteKeys.keyHash(name, signer.key()), signature));
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("session", id);
            data.put("sealedBy", signer.label());
            data.put("seal", sealed.text());
            ledger.append("supervisor:" + signer.label(), EntryType.SEAL, data, connection -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE log_session SET state = 'sealed', seal_note = ? WHERE id = ? AND state = 'ended'")) {
                    update.setString(1, sealed.text());
                    update.setString(2, id);
                    if (update.executeUpdate() != 1) {
                        throw new SQLException("the session is no longer in the ended state");
                    }
                }
            });
            return sealed;
        }
    }
}
