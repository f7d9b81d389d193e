package airlock.core.log;

import java.util.List;

/** What a verified log is about: shown by {@code airlock log verify} and the verify screen. */
public record LogSummary(String session, String workstation, List<String> inspectors, String bundleManifestSha256,
                         long entries, String firstTime, String lastTime, int checkpoints, String sealedBy,
                         String rootBase64) {
    public LogSummary {
        inspectors = List.copyOf(inspectors);
    }
}
