package airlock.core.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Repository text as it is put on screen: every flagged character ({@link InvisibleChars}) replaced by a
 * visible token such as {@code ⟨U+202E⟩}, CRLF shown as a plain line break and a leading BOM dropped, with
 * a two-way mapping between original and display offsets so that highlighting, search hits and
 * annotations computed on the original text land on the right place on screen.
 */
public final class DisplayText {
    private final String original;
    private final String display;
    private final List<TextFinding> findings;
    private final int[] origPos;
    private final int[] origLen;
    private final int[] dispPos;
    private final int[] dispLen;

    private DisplayText(String original, String display, List<TextFinding> findings, int[] origPos, int[] origLen,
            int[] dispPos, int[] dispLen) {
        this.original = original;
        this.display = display;
        this.findings = findings;
        this.origPos = origPos;
        this.origLen = origLen;
        this.dispPos = dispPos;
        this.dispLen = dispLen;
    }

    /** Builds the display form of a whole file's text. */
    public static DisplayText of(String original) {
        List<TextFinding> findings = InvisibleChars.scan(original);
        int n = original.length();
        // Replacements: findings (tokens) plus the silent ones (CR of CRLF, BOM at offset 0).
        int cap = findings.size() + 16;
        int[] oPos = new int[cap];
        int[] oLen = new int[cap];
        int[] dPos = new int[cap];
        int[] dLen = new int[cap];
        StringBuilder out = new StringBuilder(n + findings.size() * 10);
        int count = 0;
        int copied = 0;
        int f = 0;
        for (int i = 0; i < n; i++) {
            char c = original.charAt(i);
            boolean silentCr = c == '\r' && i + 1 < n && original.charAt(i + 1) == '\n';
            boolean leadingBom = c == '\uFEFF' && i == 0;
            boolean flagged = f < findings.size() && findings.get(f).offset() == i;
            if (!silentCr && !leadingBom && !flagged) {
                continue;
            }
            out.append(original, copied, i);
            String replacement = flagged ? findings.get(f).token() : "";
            int len = flagged ? findings.get(f).length() : 1;
            if (count == oPos.length) {
                int grow = oPos.length * 2;
                oPos = Arrays.copyOf(oPos, grow);
                oLen = Arrays.copyOf(oLen, grow);
                dPos = Arrays.copyOf(dPos, grow);
                dLen = Arrays.copyOf(dLen, grow);
            }
            oPos[count] = i;
            oLen[count] = len;
            dPos[count] = out.length();
            dLen[count] = replacement.length();
            count++;
            out.append(replacement);
            copied = i + len;
            i += len - 1;
            if (flagged) {
                f++;
            }
        }
        out.append(original, copied, n);
        return new DisplayText(original, out.toString(), List.copyOf(findings), Arrays.copyOf(oPos, count),
                Arrays.copyOf(oLen, count), Arrays.copyOf(dPos, count), Arrays.copyOf(dLen, count));
    }

    /**
     * One line of repository text (a path, a tab title, a search hit) made safe to show inline: the
     * shell's name rule ({@link VisibleText#escape}), which escapes everything {@link InvisibleChars}
     * flags plus line feeds, tabs, unusual spaces and the token brackets themselves.
     */
    public static String inline(String text) {
        return VisibleText.escape(text);
    }

    public String original() {
        return original;
    }

    /** The text to put on screen. */
    public String display() {
        return display;
    }

    /** Every flagged character, in original order. */
    public List<TextFinding> findings() {
        return findings;
    }

    public boolean hasFindings() {
        return !findings.isEmpty();
    }

    /** Display ranges {@code [start, end)} of the visible tokens, one per finding, for styling. */
    public List<int[]> tokenRanges() {
        List<int[]> out = new ArrayList<>(findings.size());
        for (int k = 0; k < dispPos.length; k++) {
            if (dispLen[k] > 0) {
                out.add(new int[] {dispPos[k], dispPos[k] + dispLen[k]});
            }
        }
        return out;
    }

    /** Display offset of original offset {@code orig}; an offset inside a replaced character maps to its token start. */
    public int toDisplay(int orig) {
        int k = upperBound(origPos, orig) - 1; // last replacement starting at or before orig
        if (k < 0) {
            return orig;
        }
        if (orig < origPos[k] + origLen[k]) {
            return dispPos[k];
        }
        return dispPos[k] + dispLen[k] + (orig - origPos[k] - origLen[k]);
    }

    /** Original offset of display offset {@code disp}; an offset inside a token maps to the character it stands for. */
    public int toOriginal(int disp) {
        int k = upperBound(dispPos, disp) - 1;
        if (k < 0) {
            return disp;
        }
        if (disp < dispPos[k] + dispLen[k]) {
            return origPos[k];
        }
        return origPos[k] + origLen[k] + (disp - dispPos[k] - dispLen[k]);
    }

    private static int upperBound(int[] sorted, int key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
