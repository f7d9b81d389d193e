package airlock.airgap;

import java.io.PrintWriter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs {@code airlock.e2e.EndToEndTest} in this one JVM, for {@code .ci/airgap-check.sh} to trace with
 * {@code strace -f} inside {@code unshare -rn}: Maven would fork a second JVM, which the trace
 * forbids. Exits 0 only when the test ran and passed (a skipped test is a failure here). The
 * Python verifier step is left to the script (no child process may start under the trace).
 */
public final class EndToEndUnderTrace {
    private EndToEndUnderTrace() {
    }

    public static void main(String[] args) {
        System.setProperty("airlock.e2e.python", "false");
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectClass("airlock.e2e.EndToEndTest")).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        summary.printTo(new PrintWriter(System.out, true));
        summary.printFailuresTo(new PrintWriter(System.err, true), 40);
        // every test of the class, and at least the mission itself, must have run and passed
        boolean passed = summary.getTestsFoundCount() >= 1
                && summary.getTestsSucceededCount() == summary.getTestsFoundCount() && summary.getTotalFailureCount() == 0
                && summary.getTestsSkippedCount() == 0 && summary.getTestsAbortedCount() == 0;
        System.out.println(passed ? "airgap-e2e: the end-to-end tests passed" : "airgap-e2e: the end-to-end tests did NOT pass");
        System.exit(passed ? 0 : 1);
    }
}
