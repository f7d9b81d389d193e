package airlock.ui.code;

import java.util.BitSet;
import java.util.Collection;
import java.util.function.BiConsumer;
import javafx.animation.AnimationTimer;
import org.fxmisc.richtext.GenericStyledArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.TwoDimensional.Bias;

/**
 * Applies style spans to a code area without stalling it: setting the spans of a whole 1 MB file
 * takes a few hundred milliseconds on the FX thread, so spans over more than {@link #CHUNK_LINES}
 * lines are applied a chunk of lines at a time. The chunks on screen are applied at once; the others
 * one frame at a time, those nearest the screen first, within {@link #FRAME_BUDGET_NANOS} per frame;
 * a chunk scrolled into view jumps the queue on the next frame. New spans, or new text, replace what
 * is still pending.
 */
final class IncrementalStyles {
    /** Lines per chunk: small enough for a few milliseconds, big enough that a screen is one or two. */
    static final int CHUNK_LINES = 256;
    /** FX-thread time per frame spent on chunks off screen. */
    static final long FRAME_BUDGET_NANOS = 6_000_000;
    private final GenericStyledArea<?, ?, Collection<String>> area;
    private final BiConsumer<Integer, Integer> afterRange;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            step();
        }
    };
    private Pending pending;

    /**
     * @param afterRange called with [from, to) after styles were set there (to restyle what must stay
     *                   visible over syntax styles, such as hidden-character marks)
     */
    IncrementalStyles(GenericStyledArea<?, ?, Collection<String>> area, BiConsumer<Integer, Integer> afterRange) {
        this.area = area;
        this.afterRange = afterRange;
    }

    /** Spans for the text from offset {@code start}, cut to the text's length by the caller. */
    void apply(int start, StyleSpans<Collection<String>> spans) {
        cancel();
        int firstLine = area.offsetToPosition(start, Bias.Forward).getMajor();
        int endLine = area.offsetToPosition(start + spans.length(), Bias.Backward).getMajor() + 1;
        if (endLine - firstLine <= 2 * CHUNK_LINES) {
            set(start, spans, start, start + spans.length());
            return;
        }
        pending = new Pending(start, spans, firstLine, endLine);
        applyOnScreen();
        if (pending != null) {
            timer.start();
        }
    }

    /** Drops what is pending (the text was replaced). */
    void cancel() {
        pending = null;
        timer.stop();
    }

    boolean pending() {
        return pending != null;
    }

    private void step() {
        applyOnScreen();
        int firstOnScreen = visibleLines()[0];
        long deadline = System.nanoTime() + FRAME_BUDGET_NANOS;
        while (pending != null && System.nanoTime() < deadline) {
            applyChunk(pending.nearest(pending.chunkOf(firstOnScreen)));
        }
    }

    private void applyOnScreen() {
        if (pending == null || area.getParagraphs().isEmpty()) {
            return;
        }
        int[] lines = visibleLines();
        Pending p = pending;
        // the last chunk applied may finish the work: pending is then null, so the loop checks p, not pending
        for (int chunk = p.chunkOf(lines[0]); chunk <= p.chunkOf(lines[1]) && pending == p; chunk++) {
            if (!p.done.get(chunk)) {
                applyChunk(chunk);
            }
        }
    }

    /** The first and last line on screen. */
    private int[] visibleLines() {
        try {
            return new int[] {area.firstVisibleParToAllParIndex(), area.lastVisibleParToAllParIndex()};
        } catch (RuntimeException notLaidOut) {
            // before the first layout RichTextFX has no visible lines to report: the top of the text will be shown
            return new int[] {0, Math.min(area.getParagraphs().size() - 1, CHUNK_LINES)};
        }
    }

    private void applyChunk(int chunk) {
        Pending p = pending;
        int fromLine = p.firstLine + chunk * CHUNK_LINES;
        int toLine = Math.min(p.endLine, fromLine + CHUNK_LINES);
        int from = Math.max(p.start, area.getAbsolutePosition(fromLine, 0));
        int to = toLine >= area.getParagraphs().size() ? area.getLength() : area.getAbsolutePosition(toLine, 0);
        to = Math.min(to, p.start + p.spans.length());
        if (to > from) {
            set(from, p.spans.subView(from - p.start, to - p.start), from, to);
        }
        p.done.set(chunk);
        if (p.done.cardinality() == p.chunks) {
            cancel();
        }
    }

    private void set(int at, StyleSpans<Collection<String>> spans, int from, int to) {
        area.setStyleSpans(at, spans);
        afterRange.accept(from, to);
    }

    /** Spans not yet applied everywhere, and which chunks of lines have them. */
    private static final class Pending {
        final int start;
        final StyleSpans<Collection<String>> spans;
        final int firstLine;
        final int endLine;
        final int chunks;
        final BitSet done = new BitSet();

        Pending(int start, StyleSpans<Collection<String>> spans, int firstLine, int endLine) {
            this.start = start;
            this.spans = spans;
            this.firstLine = firstLine;
            this.endLine = endLine;
            this.chunks = (endLine - firstLine + CHUNK_LINES - 1) / CHUNK_LINES;
        }

        int chunkOf(int line) {
            return Math.max(0, Math.min(chunks - 1, (line - firstLine) / CHUNK_LINES));
        }

        /** The chunk not yet applied nearest to {@code around} (there is one: a finished Pending is dropped). */
        int nearest(int around) {
            if (!done.get(around)) {
                return around;
            }
            for (int d = 1; d < chunks; d++) {
                if (around + d < chunks && !done.get(around + d)) {
                    return around + d;
                }
                if (around - d >= 0 && !done.get(around - d)) {
                    return around - d;
                }
            }
            throw new IllegalStateException("every chunk is applied, yet the styles are still pending");
        }
    }
}
