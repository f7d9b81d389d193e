package airlock.core.log;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a signature on a note means. The purpose is part of the signed bytes (a fixed context line
 * before the note text), so a workstation's checkpoint signature can never be replayed as a
 * supervisor's seal, nor the other way round, even if one key were pinned for both.
 */
public enum SignaturePurpose {
    /** The workstation vouches for a checkpoint of the log it keeps. */
    CHECKPOINT("airlock-workstation", "airlock checkpoint signature v1\n"),
    /** The supervisor seals the final checkpoint of a session. */
    SEAL("airlock-supervisor", "airlock seal signature v1\n");

    private final String keyName;
    private final String context;

    SignaturePurpose(String keyName, String context) {
        this.keyName = keyName;
        this.context = context;
    }

    /** The signer name written on the signature line. */
    public String keyName() {
        return keyName;
    }

    /** The exact bytes signed: context line followed by the note text. */
    public byte[] signedBytes(String noteBody) {
        return (context + noteBody).getBytes(StandardCharsets.UTF_8);
    }

    public static Optional<SignaturePurpose> byKeyName(String name) {
        for (SignaturePurpose purpose : values()) {
            if (purpose.keyName.equals(name)) {
                return Optional.of(purpose);
            }
        }
        return Optional.empty();
    }
}
