package airlock.cli;

import airlock.core.bundle.BundleFlag;
import airlock.core.bundle.BundleManifest;
import airlock.core.bundle.VerificationResult;
import java.io.PrintWriter;
import java.util.Map;

/** Prints what verification learnt about a bundle, then the verdict, for `bundle verify` and `bundle import`. */
final class BundleReport {
    private BundleReport() {
    }

    static void print(VerificationResult result, PrintWriter out) {
        result.manifest().ifPresent(m -> printManifest(m, out));
        result.signer().ifPresent(k -> out.println("signed by: " + k.id().hex() + " (" + TerminalText.of(k.label()) + ")"));
        for (BundleFlag flag : result.flags()) {
            out.println("flagged:   " + TerminalText.of(flag));
        }
        if (result.accepted()) {
            out.println("objects:   " + result.objects() + " checked, " + result.treeEntries() + " files in the review tree");
        }
        out.println("verdict:   " + TerminalText.of(result.summary()));
    }

    private static void printManifest(BundleManifest m, PrintWriter out) {
        out.println("vendor:    " + TerminalText.of(m.vendor()));
        out.println("product:   " + TerminalText.of(m.product()));
        out.println("version:   " + TerminalText.of(m.version()));
        out.println("sequence:  " + m.sequence());
        out.println("created:   " + TerminalText.of(m.created()) + m.expires().map(e -> " (expires " + TerminalText.of(e) + ")").orElse(""));
        out.println("key id:    " + m.keyId().hex());
        for (Map.Entry<String, String> ref : m.refs().entrySet()) {
            out.println("ref:       " + TerminalText.of(ref.getValue()) + " " + TerminalText.of(ref.getKey())
                    + (ref.getKey().equals(m.reviewRef()) ? "  (under review)" : ""));
        }
        out.println("tree:      " + m.treeDigest() + " (SHA-256 tree digest of " + TerminalText.of(m.reviewRef()) + ")");
    }
}
