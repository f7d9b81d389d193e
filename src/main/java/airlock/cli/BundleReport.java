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
        result.signer().ifPresent(k -> out.println("signed by: " + k.id().hex() + " (" + k.label() + ")"));
        for (BundleFlag flag : result.flags()) {
            out.println("flagged:   " + flag);
        }
        if (result.accepted()) {
            out.println("objects:   " + result.objects() + " checked, " + result.treeEntries() + " files in the review tree");
        }
        out.println("verdict:   " + result.summary());
    }

    private static void printManifest(BundleManifest m, PrintWriter out) {
        out.println("vendor:    " + m.vendor());
        out.println("product:   " + m.product());
        out.println("version:   " + m.version());
        out.println("sequence:  " + m.sequence());
        out.println("created:   " + m.created() + m.expires().map(e -> " (expires " + e + ")").orElse(""));
        out.println("key id:    " + m.keyId().hex());
        for (Map.Entry<String, String> ref : m.refs().entrySet()) {
            out.println("ref:       " + ref.getValue() + " " + ref.getKey()
                    + (ref.getKey().equals(m.reviewRef()) ? "  (under review)" : ""));
        }
        out.println("tree:      " + m.treeDigest() + " (SHA-256 tree digest of " + m.reviewRef() + ")");
    }
}
