package airlock.core.bundle;

import airlock.core.AirlockException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The text header of a git bundle, parsed by Airlock rather than by JGit so that exactly one
 * shape is accepted: {@code # v2 git bundle}, then one {@code <40 hex> <refname>} line per ref,
 * then an empty line; the pack follows. Prerequisite lines ({@code -<id>}), v3 headers and
 * capabilities (such as a SHA-256 object format) are refused as an incomplete or unsupported bundle.
 *
 * @param refs     the refs in header order (duplicates kept, so the caller can refuse them)
 * @param length   bytes of header, i.e. where the pack starts
 */
public record GitBundleHeader(List<Ref> refs, int length) {
    public record Ref(String name, String objectId) {
    }

    static final String V2 = "# v2 git bundle";
    private static final Pattern REF_LINE = Pattern.compile("([0-9a-f]{40}) (\\S+)");
    private static final int MAX_LINE = 1024;

    /** Reads the header from {@code in}, leaving it positioned at the first byte of the pack. */
    public static GitBundleHeader read(InputStream in, int maxHeaderBytes) throws AirlockException, IOException {
        int[] consumed = {0};
        String first = line(in, consumed, maxHeaderBytes);
        if (first.startsWith("# v3 git bundle")) {
            throw refuse("this is a v3 git bundle (capabilities or a SHA-256 object format); only v2 is accepted");
        }
        if (!first.equals(V2)) {
            throw refuse("the file does not start with '" + V2 + "'");
        }
        List<Ref> refs = new ArrayList<>();
        while (true) {
            String line = line(in, consumed, maxHeaderBytes);
            if (line.isEmpty()) {
                return new GitBundleHeader(List.copyOf(refs), consumed[0]);
            }
            if (line.startsWith("-")) {
                throw refuse("it needs prerequisite commits the workstation does not have (" + abbreviate(line) + ")");
            }
            if (line.startsWith("@")) {
                throw refuse("it declares capabilities (" + abbreviate(line) + "), which v2 bundles do not have");
            }
            var m = REF_LINE.matcher(line);
            if (!m.matches()) {
                throw refuse("header line '" + abbreviate(line) + "' is not '<commit> <ref>'");
            }
            refs.add(new Ref(m.group(2), m.group(1)));
        }
    }

    private static String line(InputStream in, int[] consumed, int max) throws AirlockException, IOException {
        byte[] buffer = new byte[MAX_LINE];
        int n = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw refuse("the header ends before its closing empty line (truncated file)");
            }
            consumed[0]++;
            if (consumed[0] > max) {
                throw refuse("the header is larger than " + max + " bytes");
            }
            if (b == '\n') {
                return new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
            }
            if (n == MAX_LINE) {
                throw refuse("a header line is longer than " + MAX_LINE + " bytes");
            }
            buffer[n++] = (byte) b;
        }
    }

    private static String abbreviate(String line) {
        String printable = line.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 100 ? printable.substring(0, 100) + "..." : printable;
    }

    private static AirlockException refuse(String why) {
        return new AirlockException(Check.BUNDLE_HEADER.code(), "Incomplete or unsupported bundle: " + why);
    }
}
