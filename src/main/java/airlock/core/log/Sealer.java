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
        synchronized (store) {
            String status = LogState.status(store.connection(), id);
            if (!"ended".equals(status)) {
                throw new AirlockException("log.seal.state", "The session '" + id + "' cannot be sealed: it is "
                        + (status == null ? "unknown" : status) + " (only an ended, unsealed session can be sealed)");
            }
            SignedNote finalNote = LogState.finalNote(store.connection(), id);
            byte[] signature = Ed25519.sign(key, SignaturePurpose.SEAL.signedBytes(finalNote.body()));
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
