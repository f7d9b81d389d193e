package airlock.ui.annotate;

import airlock.ui.code.HiddenCharacters;
import java.util.Arrays;

/**
 * Offsets between a file's text (as core anchors it: UTF-8 decoded, lines split at {@code \n}) and
 * what a code view shows of it: CRLF shown as a line feed, a leading BOM dropped, hidden characters
 * masked one for one ({@code ¤}) or replaced by visible tokens ({@code ⟨U+202E⟩}), and the view
 * possibly cut short. Built by walking both texts; where they stop agreeing (a UTF-16 file, a hex
 * dump) the map ends, and offsets past that point cannot be annotated. No toolkit; built off the
 * FX thread.
 */
final class ViewTextMap {
    private final int[] viewToFile;
    private final int[] fileToView;
    private final int viewLimit;
    private final int fileLimit;
    /** Where in the file the view's text begins (non-zero for the later pages of a large file). */
    private final int fileStart;

    private ViewTextMap(int[] viewToFile, int[] fileToView, int viewLimit, int fileLimit, int fileStart) {
        this.viewToFile = viewToFile;
        this.fileToView = fileToView;
        this.viewLimit = viewLimit;
        this.fileLimit = fileLimit;
        this.fileStart = fileStart;
    }

    /**
     * The map between a file (its first bytes, up to what the caller read) and a view of it that starts at
     * the file's start, or, for a page of a large file, at the page's first byte.
     */
    static ViewTextMap of(byte[] fileBytes, airlock.ui.code.DocumentContent shown, String view) {
        String file = new String(fileBytes, java.nio.charset.StandardCharsets.UTF_8);
        if (shown.page() == null || shown.page().startByte() == 0) {
            return align(file, view);
        }
        // pages begin before a character, so the bytes before one decode to the text before it
        long startByte = shown.page().startByte();
        int start = startByte >= fileBytes.length ? file.length()
                : new String(fileBytes, 0, (int) startByte, java.nio.charset.StandardCharsets.UTF_8).length();
        return align(file.substring(start), view, start);
    }

    static ViewTextMap align(String file, String view) {
        return align(file, view, 0);
    }

    /** Aligns {@code file}, the file's text from character {@code fileStart} on, with {@code view}. */
    private static ViewTextMap align(String file, String view, int fileStart) {
        int[] v2f = new int[view.length() + 1];
        int[] f2v = new int[file.length() + 1];
        Arrays.fill(v2f, -1);
        Arrays.fill(f2v, -1);
        int i = 0;
        int j = 0;
        if (!file.isEmpty() && file.charAt(0) == '\uFEFF' && (view.isEmpty() || view.charAt(0) != '\uFEFF')) {
            f2v[0] = 0;
            i = 1;
        }
        while (i < file.length() && j < view.length()) {
            char fc = file.charAt(i);
            char vc = view.charAt(j);
            if (fc == vc || vc == HiddenCharacters.MARK) {
                f2v[i] = j;
                v2f[j] = i;
                i++;
                j++;
            } else if (fc == '\r' && vc == '\n' && i + 1 < file.length() && file.charAt(i + 1) == '\n') {
                f2v[i] = j;
                i++;
            } else {
                int tokenEnd = tokenEnd(view, j, file.codePointAt(i));
                if (tokenEnd < 0) {
                    break;
                }
                int width = Character.charCount(file.codePointAt(i));
                for (int k = 0; k < width; k++) {
                    f2v[i + k] = j;
                }
                for (int k = j; k < tokenEnd; k++) {
                    v2f[k] = i;
                }
                i += width;
                j = tokenEnd;
            }
        }
        f2v[i] = j;
        v2f[j] = i;
        return new ViewTextMap(v2f, f2v, j, i, fileStart);
    }

    /** End (exclusive) of a {@code ⟨U+XXXX⟩} token at {@code at} standing for {@code codePoint}, or -1. */
    private static int tokenEnd(String view, int at, int codePoint) {
        String expected = "\u27E8" + String.format("U+%04X", codePoint) + "\u27E9";
        return view.startsWith(expected, at) ? at + expected.length() : -1;
    }

    /** How much of the view maps onto the file (all of it unless the texts stopped agreeing). */
    int viewLimit() {
        return viewLimit;
    }

    /** The file offset of a view offset, or -1 when it lies past the mapped part. */
    int toFile(int viewOffset) {
        if (viewOffset < 0 || viewOffset > viewLimit) {
            return -1;
        }
        int offset = viewToFile[viewOffset];
        return offset < 0 ? -1 : fileStart + offset;
    }

    /** The view offset of a file offset, or -1 when the view does not show it. */
    int toView(int fileOffset) {
        int inView = fileOffset - fileStart;
        if (inView < 0 || inView > fileLimit) {
            return -1;
        }
        return fileToView[inView];
    }
}
