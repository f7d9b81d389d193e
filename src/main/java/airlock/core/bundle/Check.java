package airlock.core.bundle;

/**
 * The checks of bundle verification, in the order they run. A refusal names the first that
 * failed; its {@link #code()} is the stable error code and the resource-bundle key suffix.
 */
public enum Check {
    /** The bundle folder holds exactly the expected regular files, each under its size cap. */
    FILES("bundle.files"),
    /** The detached signature is an Ed25519 signature over the exact manifest bytes by a pinned vendor key. */
    SIGNATURE("bundle.signature"),
    /** The manifest is canonical JSON with exactly the documented fields, and names the signing key. */
    MANIFEST("bundle.manifest"),
    /** Created not in the future, not expired, the expected product. */
    FRESHNESS("bundle.freshness"),
    /** The git bundle file has the size and SHA-256 the manifest names. */
    BUNDLE_HASH("bundle.hash"),
    /** The git bundle header: v2, no prerequisites, the manifest's refs exactly. */
    BUNDLE_HEADER("bundle.header"),
    /** Every object parsed into a fresh store and checked, within the budgets; every ref complete. */
    OBJECTS("bundle.objects"),
    /** The review tree's SHA-256 digest equals the manifest's. */
    TREE_DIGEST("bundle.tree"),
    /** Not older than, nor conflicting with, what this workstation accepted for the product. */
    ROLLBACK("bundle.rollback");

    private final String code;

    Check(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
