package airlock.core.bundle;

import airlock.core.AirlockException;
import airlock.core.progress.ProgressMonitor;

/**
 * Intake where this process may not verify or import (issue 16, kwire): the keeper holds the trust
 * list, the rollback anchors and the store. The workstation reads the bundle folder from the medium
 * (its account mounts the stick) and hands the bytes over; the keeper verifies its own copy against
 * its own pinned keys and imports it. No verdict of this process is sent or believed.
 */
public interface BundleSubmission {
    /** A bundle the keeper accepted and lists in its store. */
    record Imported(String bundle, String label, String reviewRef, boolean already) {
    }

    /**
     * Sends {@code files}, waits for the keeper's verdict and reads the result back from the keeper's
     * list of bundles. A refusal is an {@link AirlockException} with the keeper's code
     * ({@code bundle.refused}) and reason; cancelling through {@code monitor} discards the keeper's copy.
     */
    Imported submit(BundleFiles files, ProgressMonitor monitor) throws AirlockException;
}
