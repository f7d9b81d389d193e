package airlock.core.bundle;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The outcome of an import: the verification, and where the accepted bundle now lives.
 *
 * @param alreadyImported the same manifest was imported before; nothing was changed
 */
public record ImportResult(VerificationResult verification, Optional<Path> storeFolder, boolean alreadyImported) {
}
