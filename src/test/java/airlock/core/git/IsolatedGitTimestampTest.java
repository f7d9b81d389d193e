package airlock.core.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.Test;

/**
 * JGit would measure each file system's timestamp resolution once per process by writing probe
 * files beside a repository and waiting for their times to tick (seconds, on every intake). The
 * isolated configuration answers with JGit's own coarsest fallback instead. (JGit reads exactly this
 * key of the user configuration before it measures; what it measured is cached per file store for
 * the whole JVM, so a test of the measurement itself would depend on the tests run before it.)
 */
class IsolatedGitTimestampTest {
    @Test
    void theIsolatedConfigurationAnswersTheCoarsestResolution() throws Exception {
        IsolatedGit.install();
        assertEquals(FS.FileStoreAttributes.FALLBACK_TIMESTAMP_RESOLUTION.toMillis(), SystemReader.getInstance().getUserConfig()
                .getTimeUnit("filesystem", "any-file-store", "timestampResolution", -1, TimeUnit.MILLISECONDS));
        assertEquals(-1, SystemReader.getInstance().getUserConfig()
                .getTimeUnit("core", null, "timestampResolution", -1, TimeUnit.MILLISECONDS), "other keys stay unset");
    }
}
