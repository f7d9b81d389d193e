package airlock.core.log;

/** Why a log did not verify; the verifier names the first failure it finds. */
public enum FailureKind {
    /** An entry or the seal file is not in the documented format. */
    MALFORMED("malformed"),
    /** An entry's bytes do not match the hash the log recorded for them. */
    HASH_MISMATCH("hash mismatch"),
    /** An entry is missing, duplicated or out of order. */
    SEQUENCE_GAP("sequence gap"),
    /** A checkpoint's tree does not match the entries it claims to cover. */
    CHECKPOINT_INCONSISTENT("checkpoint inconsistent"),
    /** A checkpoint or seal signature does not verify. */
    SIGNATURE_INVALID("signature invalid"),
    /** A signature is by a key that is not on the trust list for its purpose. */
    UNKNOWN_KEY("unknown key"),
    /** The final checkpoint carries no supervisor seal, or there is no seal file. */
    SEAL_MISSING("seal missing"),
    /** Entries the seal covers are missing from the end. */
    TRUNCATED("truncated"),
    /** The seal belongs to another session or workstation. */
    SESSION_MISMATCH("seal from another session");

    private final String label;

    FailureKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
