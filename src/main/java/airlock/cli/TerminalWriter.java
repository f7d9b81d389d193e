package airlock.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * The last guard between the command line and the terminal: every character a command prints
 * passes through here, and control, bidi, invisible and separator characters are written as
 * {@code ⟨U+XXXX⟩} ({@link TerminalText#needsEscape}), except the line feed and the tab that the
 * commands' own layout uses (and U+27E8, which opens the tokens {@link TerminalText} already made).
 * Commands still escape each field that comes from outside with {@link TerminalText#escape}, which
 * also makes a line feed inside a field visible; this catches whatever a command forgot, so an
 * escape sequence in a log, a label, bundle metadata or a path never reaches the terminal raw.
 */
final class TerminalWriter extends Writer {
    private final Writer target;
    /** A high surrogate whose low half has not been written yet, or 0. */
    private char pendingHigh;

    private TerminalWriter(Writer target) {
        this.target = target;
    }

    /** {@code out} behind the guard, flushing on every line like the streams the commands get. */
    static PrintWriter guard(PrintWriter out) {
        return new PrintWriter(new TerminalWriter(out), true);
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        if (pendingHigh == 0 && clean(chars, offset, length)) {
            target.write(chars, offset, length); // the usual case: nothing to escape, nothing copied
            return;
        }
        StringBuilder out = new StringBuilder(length + 8);
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            if (pendingHigh != 0) {
                char high = pendingHigh;
                pendingHigh = 0;
                if (Character.isLowSurrogate(c)) {
                    append(out, Character.toCodePoint(high, c));
                    continue;
                }
                append(out, high);
            }
            if (Character.isHighSurrogate(c)) {
                pendingHigh = c;
                continue;
            }
            append(out, c);
        }
        target.write(out.toString());
    }

    private static boolean clean(char[] chars, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            if (c < 0x20 ? c != '\n' && c != '\t' : c >= 0x7f && (Character.isSurrogate(c) || TerminalText.needsEscape(c))) {
                return false;
            }
        }
        return true;
    }

    private static void append(StringBuilder out, int cp) {
        if (cp == '\n' || cp == '\t' || cp == 0x27E8 || !TerminalText.needsEscape(cp)) {
            out.appendCodePoint(cp);
        } else {
            out.append(String.format("⟨U+%04X⟩", cp));
        }
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }

    @Override
    public void close() throws IOException {
        if (pendingHigh != 0) {
            target.write(String.format("⟨U+%04X⟩", (int) pendingHigh));
            pendingHigh = 0;
        }
        target.close();
    }
}
