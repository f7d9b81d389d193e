package airlock.core.log;

import java.security.PrivateKey;
import java.security.PublicKey;

/** The workstation's name and key pair, which sign every checkpoint of the logs it keeps. */
public record WorkstationSigner(String workstation, PrivateKey privateKey, PublicKey publicKey) {
    public WorkstationSigner {
        if (!SessionHeader.ID.matcher(workstation).matches()) {
            throw new IllegalArgumentException("a workstation name is 1 to 64 letters, digits, '.', '_' or '-'");
        }
    }

    public SignedNote sign(Checkpoint checkpoint) {
        String body = checkpoint.body();
        return new SignedNote(body, java.util.List.of(NoteKeys.sign(SignaturePurpose.CHECKPOINT, body, privateKey, publicKey)));
    }
}
