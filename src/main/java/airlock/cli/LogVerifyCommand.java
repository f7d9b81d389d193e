package airlock.cli;

import airlock.core.AirlockException;
import airlock.core.log.LogFiles;
import airlock.core.log.LogSummary;
import airlock.core.log.LogVerification;
import airlock.core.log.PinnedKeys;
import airlock.core.progress.ProgressMonitor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code airlock log verify PATH [--seal FILE] [--trust DIR]}: exit 0 when valid and sealed, 1 naming the first failure. */
@Command(name = "verify", description = "Verify an exported session log and its supervisor seal.")
final class LogVerifyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HomeOption home;

    @Parameters(paramLabel = "PATH", description = "The .log file, or a folder holding exactly one.")
    Path path;

    @Option(names = "--seal", paramLabel = "FILE", description = "The seal (default: the .seal file next to the log).")
    Path seal;

    @Option(names = "--trust", paramLabel = "DIR",
            description = "Trust folder with workstation/ and supervisor/ public keys (default: the workstation home's).")
    Path trust;

    @Option(names = "--strict", description = "Also check that every entry is canonical JSON with valid fields (slower).")
    boolean strict;

    @Override
    public Integer call() throws AirlockException {
        Path entries = LogFiles.entriesFile(path);
        Path sealFile = seal != null ? seal : LogFiles.sealFor(entries);
        PinnedKeys keys = PinnedKeys.load(trust != null ? trust : home.open().trustRoot());
        LogVerification result = LogFiles.verify(entries, sealFile, keys, strict, ProgressMonitor.NONE);
        PrintWriter out = spec.commandLine().getOut();
        out.println(result.describe());
        LogSummary summary = result.summary();
        if (summary != null && summary.session() != null) {
            out.println("  session:     " + summary.session() + " on workstation " + summary.workstation());
            out.println("  inspectors:  " + String.join(", ", summary.inspectors()));
            out.println("  bundle:      manifest SHA-256 " + summary.bundleManifestSha256());
            out.println("  entries:     " + summary.entries() + " (" + summary.checkpoints() + " checkpoints)");
            out.println("  time span:   " + summary.firstTime() + " to " + summary.lastTime());
            out.println("  sealed by:   " + (summary.sealedBy() == null ? "-" : summary.sealedBy()));
        }
        return result.isValid() ? AirlockCommand.OK : AirlockCommand.CHECK_FAILED;
    }
}
