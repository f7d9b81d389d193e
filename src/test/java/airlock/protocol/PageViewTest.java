package airlock.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A page as a view of bytes the keeper already holds, written into its frame without a copy (issue 16,
 * kfast): the frame is byte for byte the one {@link Codec#encode} makes, a view never reaches past its
 * bounds or the limits, and what a reader gets is a copy.
 */
class PageViewTest {
    private static final String MAIN = "refs/heads/main";

    @Test
    void aViewWrittenStraightIntoItsFrameIsTheEncodedFrameAndDecodesBack() throws Exception {
        byte[] file = new byte[300_000];
        new Random(16).nextBytes(file);
        Answer.Page view = Answer.Page.view(MAIN, "drivers/x.c", 1000, file, 1000, 200_000, false);
        Answer.Page copy = new Answer.Page(MAIN, "drivers/x.c", 1000, Arrays.copyOfRange(file, 1000, 201_000), false);
        assertEquals(copy, view);
        assertEquals(copy.hashCode(), view.hashCode());

        ByteArrayOutputStream written = new ByteArrayOutputStream();
        Frames.writePage(written, Codec.pageHead(7, view), view, Limits.MAX_ANSWER_FRAME);
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        Frames.write(encoded, Codec.encode(7, copy), Limits.MAX_ANSWER_FRAME);
        assertArrayEquals(encoded.toByteArray(), written.toByteArray());

        Frames.Frame frame = Frames.read(new ByteArrayInputStream(written.toByteArray()), Limits.MAX_ANSWER_FRAME);
        Answer.Page back = (Answer.Page) Codec.decodeAnswer(frame.payload()).message();
        assertEquals(copy, back);
        assertEquals(200_000, back.length());
        byte[] out = back.bytes();
        assertArrayEquals(Arrays.copyOfRange(file, 1000, 201_000), out);
        out[0] ^= 1; // a reader's copy: the page does not change
        assertEquals(copy, back);
        assertNotSame(back.bytes(), back.bytes());
    }

    @Test
    void aViewOutsideItsArrayOrAboveThePageLimitIsRefused() {
        byte[] file = new byte[10];
        assertThrows(IndexOutOfBoundsException.class, () -> Answer.Page.view(MAIN, "a", 0, file, 5, 6, true));
        assertThrows(IndexOutOfBoundsException.class, () -> Answer.Page.view(MAIN, "a", 0, file, -1, 2, true));
        assertThrows(IllegalArgumentException.class, () -> Answer.Page.view(MAIN, "a", 0, file, 0, -1, true));
        assertThrows(IllegalArgumentException.class,
                () -> Answer.Page.view(MAIN, "a", 0, new byte[Limits.MAX_PAGE_BYTES + 1], 0, Limits.MAX_PAGE_BYTES + 1, true));
        assertThrows(IllegalArgumentException.class, () -> Answer.Page.view(MAIN, "a", -1, file, 0, 1, true));
        assertThrows(NullPointerException.class, () -> Answer.Page.view(MAIN, "a", 0, null, 0, 0, true));
        // a frame above the answer limit is not written
        Answer.Page big = Answer.Page.view(MAIN, "a", 0, new byte[Limits.MAX_PAGE_BYTES], 0, Limits.MAX_PAGE_BYTES, true);
        assertThrows(java.io.IOException.class, () -> Frames.writePage(new ByteArrayOutputStream(),
                new byte[Limits.MAX_ANSWER_FRAME - Limits.MAX_PAGE_BYTES + 1], big, Limits.MAX_ANSWER_FRAME));
    }
}
