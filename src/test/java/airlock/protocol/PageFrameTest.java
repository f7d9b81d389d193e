package airlock.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.crypto.CanonicalJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The binary page frame of protocol version 2 (a file page as raw bytes after a canonical JSON header):
 * it round-trips, and a truncated, oversized, mislabelled or interleaved frame is refused with one
 * clear protocol error before any page byte is used.
 */
class PageFrameTest {
    private static final String MAIN = "refs/heads/main";

    private static byte[] page(byte[] bytes) {
        return Codec.encode(9, new Answer.Page(MAIN, "drivers/x.c", 4096, bytes, false));
    }

    /** A page payload built by hand: marker, the header's declared length, the header, the bytes. */
    private static byte[] frame(byte marker, long declaredHeader, byte[] header, byte[] bytes) {
        byte[] out = new byte[5 + header.length + bytes.length];
        out[0] = marker;
        out[1] = (byte) (declaredHeader >>> 24);
        out[2] = (byte) (declaredHeader >>> 16);
        out[3] = (byte) (declaredHeader >>> 8);
        out[4] = (byte) declaredHeader;
        System.arraycopy(header, 0, out, 5, header.length);
        System.arraycopy(bytes, 0, out, 5 + header.length, bytes.length);
        return out;
    }

    private static Map<String, Object> header(long length) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("answer", "file.page");
        m.put("end", true);
        m.put("id", 9L);
        m.put("length", length);
        m.put("offset", 0L);
        m.put("path", "a.c");
        m.put("ref", MAIN);
        m.put("v", (long) Limits.VERSION);
        return m;
    }

    private static String refusal(byte[] payload) {
        Codec.DecodeException e = assertThrows(Codec.DecodeException.class, () -> Codec.decodeAnswer(payload));
        assertTrue(e.code().startsWith("protocol."), e.code());
        return e.code() + ": " + e.getMessage();
    }

    @Test
    void aPageIsItsRawBytesAfterASmallHeader() throws Exception {
        byte[] bytes = new byte[Limits.MAX_PAGE_BYTES];
        new Random(7).nextBytes(bytes);
        byte[] payload = page(bytes);
        assertEquals(Codec.PAGE_MARKER, payload[0]);
        assertTrue(payload.length < bytes.length + 200, "no base64, no escaping: " + payload.length);
        assertArrayEquals(bytes, Arrays.copyOfRange(payload, payload.length - bytes.length, payload.length));
        Codec.Framed<Answer> back = Codec.decodeAnswer(payload);
        assertEquals(9, back.id());
        Answer.Page p = (Answer.Page) back.message();
        assertArrayEquals(bytes, p.bytes());
        assertEquals(4096, p.offset());
        assertArrayEquals(payload, Codec.encode(9, p));
        // an empty page (at the end of a file) is a header and nothing after it
        Answer.Page empty = (Answer.Page) Codec.decodeAnswer(page(new byte[0])).message();
        assertEquals(0, empty.length());
        // through the framing, as the socket carries it
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Frames.write(out, payload, Limits.MAX_ANSWER_FRAME);
        Frames.Frame frame = Frames.read(new ByteArrayInputStream(out.toByteArray()), Limits.MAX_ANSWER_FRAME);
        assertArrayEquals(payload, frame.payload());
    }

    @Test
    void truncatedPageFramesAreRefused() {
        byte[] payload = page("int main(void) { return 0; }\n".getBytes(StandardCharsets.UTF_8));
        int headerEnd = 5 + (((payload[3] & 0xff) << 8) | (payload[4] & 0xff));
        for (int cut : new int[] {1, 4, 5, 6, headerEnd - 1, headerEnd, payload.length - 1}) {
            String r = refusal(Arrays.copyOf(payload, cut));
            assertTrue(r.startsWith(Errors.FRAME_SIZE) || r.startsWith(Errors.JSON) || r.startsWith(Errors.FIELD), cut + ": " + r);
        }
        assertTrue(refusal(Arrays.copyOf(payload, payload.length - 1)).contains("answer.length says"));
        // a stream that ends inside the frame is an EOF for the reader, never a short page
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(EOFException.class, () -> {
            Frames.write(out, payload, Limits.MAX_ANSWER_FRAME);
            byte[] wire = out.toByteArray();
            Frames.read(new ByteArrayInputStream(Arrays.copyOf(wire, wire.length - 3)), Limits.MAX_ANSWER_FRAME);
        });
    }

    @Test
    void oversizedAndWrongLengthsAreRefusedBeforeTheBytesAreUsed() {
        byte[] h = CanonicalJson.write(header(3));
        byte[] three = {1, 2, 3};
        assertEquals(3, ((Answer.Page) assertDoesNotThrow(frame((byte) 0, h.length, h, three))).length());
        assertTrue(refusal(frame((byte) 0, 0xffffffffL, h, three)).startsWith(Errors.FRAME_SIZE), "header length beyond the frame");
        assertTrue(refusal(frame((byte) 0, h.length + 4, h, three)).startsWith(Errors.FRAME_SIZE), "header length past the bytes");
        assertTrue(refusal(frame((byte) 0, Limits.MAX_PAGE_HEADER + 1L, h, new byte[Limits.MAX_PAGE_HEADER]))
                .startsWith(Errors.FRAME_SIZE), "header above its limit");
        assertTrue(refusal(frame((byte) 0, 1, h, three)).startsWith(Errors.FRAME_SIZE), "header of one byte");
        assertTrue(refusal(frame((byte) 0, h.length - 1, h, three)).startsWith(Errors.JSON), "header cut short");
        assertTrue(refusal(frame((byte) 0, h.length, h, new byte[2])).contains("answer.length says 3 bytes, the frame holds 2"));
        assertTrue(refusal(frame((byte) 0, h.length, h, new byte[4])).contains("answer.length says 3 bytes, the frame holds 4"));
        byte[] big = CanonicalJson.write(header(Limits.MAX_PAGE_BYTES + 1L));
        assertTrue(refusal(frame((byte) 0, big.length, big, new byte[Limits.MAX_PAGE_BYTES + 1])).contains("answer.length is 0 to"));
        byte[] negative = CanonicalJson.write(header(-1));
        assertTrue(refusal(frame((byte) 0, negative.length, negative, new byte[0])).startsWith(Errors.FIELD));
        assertThrows(IllegalArgumentException.class, () -> new Answer.Page(MAIN, "a", 0, new byte[Limits.MAX_PAGE_BYTES + 1], true));
    }

    @Test
    void headersAreAsStrictAsAnyAnswer() {
        Map<String, Object> m = header(0);
        m.put("v", 1L);
        byte[] v1 = CanonicalJson.write(m);
        assertTrue(refusal(frame((byte) 0, v1.length, v1, new byte[0])).startsWith(Errors.VERSION));
        Map<String, Object> extra = header(0);
        extra.put("hash", "00");
        byte[] x = CanonicalJson.write(extra);
        assertTrue(refusal(frame((byte) 0, x.length, x, new byte[0])).contains("unknown member \"hash\""));
        byte[] spaced = "{\"answer\": \"file.page\"}".getBytes(StandardCharsets.UTF_8);
        assertTrue(refusal(frame((byte) 0, spaced.length, spaced, new byte[0])).startsWith(Errors.JSON), "not canonical");
        Map<String, Object> noLength = header(0);
        noLength.remove("length");
        byte[] n = CanonicalJson.write(noLength);
        assertTrue(refusal(frame((byte) 0, n.length, n, new byte[0])).contains("required"));
    }

    @Test
    void interleavedOrMislabelledFramesAreRefused() {
        // another answer's header in a binary frame: its bytes could be taken for a page
        byte[] status = Codec.encode(9, new Answer.Status("none", null, 0));
        assertTrue(refusal(frame((byte) 0, status.length, status, new byte[] {1})).contains("carries only a file.page"));
        // a page header inside a frame followed by a second frame's bytes: the length no longer matches
        byte[] one = page(new byte[] {1, 2});
        byte[] two = Codec.encode(10, new Answer.Failure("session.none", "No session."));
        byte[] glued = Arrays.copyOf(one, one.length + two.length);
        System.arraycopy(two, 0, glued, one.length, two.length);
        assertTrue(refusal(glued).contains("answer.length says 2 bytes"));
        // the version 1 page (JSON with base64 bytes) is refused: a page comes only as a binary frame
        Map<String, Object> v1 = header(0);
        v1.remove("length");
        v1.put("bytes", "AQI=");
        assertTrue(refusal(CanonicalJson.write(v1)).contains("binary page frame"));
        // a request never comes as a binary frame: the keeper's decoder refuses it as not JSON
        byte[] asRequest = frame((byte) 0, 2, "{}".getBytes(StandardCharsets.UTF_8), new byte[0]);
        Codec.DecodeException e = assertThrows(Codec.DecodeException.class, () -> Codec.decodeRequest(asRequest));
        assertEquals(Errors.JSON, e.code());
        // the listing marker (version 5) takes only a files header; any other first byte is parsed as JSON
        byte[] wrongMarker = Arrays.copyOf(one, one.length);
        wrongMarker[0] = Codec.LISTING_MARKER;
        assertTrue(refusal(wrongMarker).contains("only a files answer"));
        wrongMarker[0] = 2;
        assertTrue(refusal(wrongMarker).startsWith(Errors.JSON));
    }

    @Test
    void seededMutationsOfPageFramesAreRefusedOrDecodeToTheirLength() {
        Random random = new Random(20261205L);
        byte[] bytes = new byte[300];
        random.nextBytes(bytes);
        byte[] payload = page(bytes);
        for (int i = 0; i < 20_000; i++) {
            byte[] m = Arrays.copyOf(payload, random.nextInt(8) == 0 ? random.nextInt(payload.length + 1) : payload.length);
            if (m.length > 0) {
                m[random.nextInt(m.length)] = (byte) random.nextInt(256);
            }
            try {
                Answer a = Codec.decodeAnswer(m).message();
                // a mutation inside the page's bytes still decodes: to exactly the bytes after the header
                Answer.Page p = (Answer.Page) a;
                assertEquals(bytes.length, p.length());
                assertEquals(m.length, payload.length);
            } catch (Codec.DecodeException e) {
                assertTrue(e.code().startsWith("protocol."), e.code());
            }
        }
    }

    private static Answer assertDoesNotThrow(byte[] payload) {
        try {
            return Codec.decodeAnswer(payload).message();
        } catch (Codec.DecodeException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
