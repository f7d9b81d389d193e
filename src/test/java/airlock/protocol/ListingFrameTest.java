package airlock.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.crypto.CanonicalJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The binary listing frame of protocol version 5 (issue 20: a {@code files} page as front-coded entries
 * after a canonical JSON header): it round-trips, is the one encoding of its page, and a truncated,
 * flipped, miscounted, over-long, non-UTF-8 or non-canonical frame is refused with one protocol error.
 */
class ListingFrameTest {
    private static final String MAIN = "refs/heads/main";
    private static final String COMMIT = "c".repeat(40);

    private static List<Answer.FileInfo> sample() {
        return List.of(new Answer.FileInfo("Makefile", "file", 12), new Answer.FileInfo("arch/x86/Kconfig", "file", 0),
                new Answer.FileInfo("arch/x86/boot/build.sh", "executable", 1L << 40),
                new Answer.FileInfo("docs/\u00e9t\u00e9/\u202Egnp.exe", "file", 300),
                new Answer.FileInfo("docs/\uD83D\uDE00", "symlink", 5), new Answer.FileInfo("lib", "submodule", 0));
    }

    private static byte[] listing(List<Answer.FileInfo> files) {
        return Codec.encode(9, new Answer.Files(MAIN, COMMIT, 10, 10 + files.size(), 100 + files.size(), files));
    }

    private static Answer.Files decoded(byte[] payload) throws Exception {
        return (Answer.Files) Codec.decodeAnswer(payload).message();
    }

    private static String refusal(byte[] payload) {
        Codec.DecodeException e = assertThrows(Codec.DecodeException.class, () -> Codec.decodeAnswer(payload));
        assertTrue(e.code().startsWith("protocol."), e.code());
        return e.code() + ": " + e.getMessage();
    }

    /** A listing payload built by hand: marker, the header (count, length) and the given entry bytes. */
    private static byte[] frame(long count, byte[] entries) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("answer", "files");
        m.put("commit", COMMIT);
        m.put("count", count);
        m.put("id", 9L);
        m.put("length", (long) entries.length);
        m.put("next", 10L + Math.max(count, 1));
        m.put("offset", 10L);
        m.put("ref", MAIN);
        m.put("total", 1000L);
        m.put("v", (long) Limits.VERSION);
        return withHeader(CanonicalJson.write(m), entries);
    }

    private static byte[] withHeader(byte[] header, byte[] entries) {
        byte[] out = new byte[5 + header.length + entries.length];
        out[0] = Codec.LISTING_MARKER;
        out[3] = (byte) (header.length >>> 8);
        out[4] = (byte) header.length;
        System.arraycopy(header, 0, out, 5, header.length);
        System.arraycopy(entries, 0, out, 5 + header.length, entries.length);
        return out;
    }

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void aListingRoundTripsCompactlyAndIsItsOneEncoding() throws Exception {
        byte[] payload = listing(sample());
        assertEquals(Codec.LISTING_MARKER, payload[0]);
        Answer.Files back = decoded(payload);
        assertEquals(sample(), back.files());
        assertEquals(List.of(MAIN, COMMIT, 10, 16, 106).toString(), List.of(back.ref(), back.commit(), back.offset(), back.next(), back.total()).toString());
        assertArrayEquals(payload, Codec.encode(9, back));
        // front coding: a kernel-like tree costs a few bytes per entry, far under JSON's
        List<Answer.FileInfo> many = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            many.add(new Answer.FileInfo("drivers/net/ethernet/vendor" + i / 100 + "/file" + i + ".c", "file", i));
        }
        byte[] big = listing(many);
        assertTrue(big.length < many.size() * 16, "front-coded: " + big.length);
        assertEquals(many, decoded(big).files());
        // an empty page (past the end)
        assertEquals(List.of(), ((Answer.Files) Codec.decodeAnswer(Codec.encode(3, new Answer.Files(MAIN, COMMIT, 5, 5, 5,
                List.of()))).message()).files());
    }

    @Test
    void everyTruncationAndEveryByteFlipIsRefusedOrDecodesToAValidPage() throws Exception {
        byte[] payload = listing(sample());
        for (int cut = 0; cut < payload.length; cut++) {
            byte[] shorter = Arrays.copyOf(payload, cut);
            if (cut == 0) {
                assertThrows(Codec.DecodeException.class, () -> Codec.decodeAnswer(shorter));
            } else {
                refusal(shorter);
            }
        }
        refusal(Arrays.copyOf(payload, payload.length + 1)); // a byte glued after the entries
        int headerEnd = 5 + (((payload[3] & 0xff) << 8) | (payload[4] & 0xff));
        for (int at = headerEnd; at < payload.length; at++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] flipped = payload.clone();
                flipped[at] ^= (byte) (1 << bit);
                try {
                    Answer.Files f = decoded(flipped);
                    // a flip inside a name or a size can give another valid page: then it is canonical too
                    assertEquals(sample().size(), f.files().size());
                    assertArrayEquals(flipped, Codec.encode(9, f), "byte " + at + " bit " + bit);
                } catch (Codec.DecodeException e) {
                    assertTrue(e.code().startsWith("protocol."), e.code());
                }
            }
        }
        Random random = new Random(20);
        for (int i = 0; i < 2000; i++) {
            byte[] mutated = payload.clone();
            int n = 1 + random.nextInt(4);
            for (int k = 0; k < n; k++) {
                mutated[headerEnd + random.nextInt(payload.length - headerEnd)] = (byte) random.nextInt(256);
            }
            try {
                assertArrayEquals(mutated, Codec.encode(9, decoded(mutated)));
            } catch (Codec.DecodeException e) {
                assertTrue(e.code().startsWith("protocol."), e.code());
            }
        }
    }

    @Test
    void craftedCountsLengthsAndEntriesAreRefused() throws Exception {
        byte[] one = bytes(0, 3, 'a', '.', 'c', 0, 3); // "a.c", file, 3 bytes
        assertEquals(List.of(new Answer.FileInfo("a.c", "file", 3)), decoded(frame(1, one)).files());
        assertTrue(refusal(frame(2, one)).contains("count"), "more entries than the bytes can hold");
        assertTrue(refusal(frame(Limits.MAX_LISTING_PAGE + 1L, new byte[8])).contains("count"));
        assertTrue(refusal(frame(-1, one)).startsWith(Errors.FIELD));
        assertTrue(refusal(frame(1, concat(one, bytes(0)))).contains("after its 1 entries"));
        assertTrue(refusal(frame(0, new byte[4])).contains("after its 0 entries"));
        // shared past the previous path, or less than the paths have in common
        assertTrue(refusal(frame(1, bytes(1, 1, 'a', 0, 0))).contains("shares 1 bytes"));
        assertTrue(refusal(frame(2, concat(one, bytes(4, 1, 'x', 0, 0)))).contains("shares 4 bytes"));
        assertTrue(refusal(frame(2, concat(one, bytes(1, 2, '.', 'h', 0, 0)))).contains("not canonical"));
        assertEquals("a.h", decoded(frame(2, concat(one, bytes(2, 1, 'h', 0, 0)))).files().get(1).path());
        // a suffix past the frame, an empty path, a path over 4096
        assertTrue(refusal(frame(1, bytes(0, 0x7f, 'a', 0, 0))).contains("within the frame"));
        assertTrue(refusal(frame(1, bytes(0, 0, 0, 0))).contains("1 to"));
        byte[] longPath = new byte[4097];
        Arrays.fill(longPath, (byte) 'a');
        assertTrue(refusal(frame(1, concat(bytes(0, 0x81, 0x20), longPath, bytes(0, 0)))).contains("4096"));
        byte[] fits = new byte[4096];
        Arrays.fill(fits, (byte) 'a');
        assertEquals(4096, decoded(frame(1, concat(bytes(0, 0x80, 0x20), fits, bytes(0, 0)))).files().get(0).path().length());
        byte[] tooManyBytes = new byte[Limits.MAX_PATH * 3 + 1];
        Arrays.fill(tooManyBytes, (byte) 'a');
        assertTrue(refusal(frame(1, concat(bytes(0, 0x81, 0x60), tooManyBytes, bytes(0, 0)))).contains("bytes (1 to"));
        // invalid UTF-8: a lone continuation byte, an overlong '/', an encoded surrogate, a cut sequence
        for (byte[] bad : List.of(bytes(0x80), bytes(0xc0, 0xaf), bytes(0xed, 0xa0, 0x80), bytes('a', 0xe2, 0x82))) {
            assertTrue(refusal(frame(1, concat(bytes(0, bad.length), bad, bytes(0, 0)))).contains("not UTF-8"));
        }
        assertTrue(refusal(frame(1, bytes(0, 1, 0, 0, 0))).contains("NUL"), "a NUL in a path");
        // kind above 3, a kind or size cut at the end
        assertTrue(refusal(frame(1, bytes(0, 1, 'a', 4, 0))).contains("kind 4"));
        assertTrue(refusal(frame(1, bytes(0, 1, 'a', 0, 0x80))).contains("cut"));
        // numbers: padded, longer than 9 bytes
        assertTrue(refusal(frame(1, bytes(0, 0x81, 0x00, 'a', 0, 0))).contains("padded"));
        assertTrue(refusal(frame(1, bytes(0, 1, 'a', 0, 0x80, 0))).contains("padded"));
        assertTrue(refusal(frame(1, concat(bytes(0, 1, 'a', 0), bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01))))
                .contains("longer than 9 bytes"));
    }

    /**
     * The decoder keeps one path buffer and checks for non-ASCII bytes only past the shared part when that
     * part was ASCII (issue 20): a shared part holding half of a multi-byte character, or a suffix that
     * breaks one, is still refused; the buffer's old bytes past the shared part never leak into a path.
     */
    @Test
    void sharedPartsAreCheckedAsUtf8WithTheirSuffixAndTheBufferNeverLeaks() throws Exception {
        byte[] eAcute = bytes(0, 3, 0xc3, 0xa9, 'x', 0, 0); // "éx"
        // share the first byte of "é" only, then a byte that cannot continue it
        assertTrue(refusal(frame(2, concat(eAcute, bytes(1, 1, '(', 0, 0)))).contains("entry 1 is not UTF-8"));
        // share "é" whole, then a lone continuation byte after it
        assertTrue(refusal(frame(2, concat(eAcute, bytes(2, 1, 0x80, 0, 0)))).contains("entry 1 is not UTF-8"));
        // share "é" and complete it properly: decodes
        assertEquals("\u00e9y", decoded(frame(2, concat(eAcute, bytes(2, 1, 'y', 0, 0)))).files().get(1).path());
        // an ASCII path, then a longer one sharing part of it and adding a non-ASCII suffix, then a short one
        byte[] three = concat(bytes(0, 5, 'a', 'b', 'c', 'd', 'e', 0, 1), bytes(2, 3, 0xe2, 0x82, 0xac, 0, 2),
                bytes(1, 1, 'z', 0, 3));
        List<Answer.FileInfo> files = decoded(frame(3, three)).files();
        assertEquals(List.of("abcde", "ab\u20ac", "az"), files.stream().map(Answer.FileInfo::path).toList());
        // a long path then a short one sharing little: nothing of the long path's tail is carried over
        byte[] longThenShort = concat(bytes(0, 0x82, 0x02), "q".repeat(258).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                bytes(0, 0), bytes(1, 1, 'r', 0, 0));
        assertEquals("qr", decoded(frame(2, longThenShort)).files().get(1).path());
        // an ASCII path followed by one sharing all of it and adding a cut sequence
        assertTrue(refusal(frame(2, concat(bytes(0, 1, 'a', 0, 0), bytes(1, 2, 0xe2, 0x82, 0, 0)))).contains("entry 1 is not UTF-8"));
    }

    /** Only the four constant kind strings skip the name check; an equal copy is checked, a bad kind refused. */
    @Test
    void aFileInfosKindIsCheckedUnlessItIsOneOfTheFourConstants() {
        assertEquals("file", new Answer.FileInfo("a", new String("file".toCharArray()), 1).kind());
        assertThrows(IllegalArgumentException.class, () -> new Answer.FileInfo("a", "fi\u0007le", 1));
        assertThrows(IllegalArgumentException.class, () -> new Answer.FileInfo("a", "\u202Efile", 1));
        assertThrows(IllegalArgumentException.class, () -> new Answer.FileInfo("a", "", 1));
        assertThrows(IllegalArgumentException.class, () -> new Answer.FileInfo("a", "x".repeat(17), 1));
        assertThrows(IllegalArgumentException.class, () -> new Answer.FileInfo("a\u0000b", Answer.KIND_FILE, 1));
    }

    @Test
    void headersAreAsStrictAsAnyAnswerAndFilesNeverComeAsJson() {
        byte[] payload = listing(sample());
        int headerLength = ((payload[3] & 0xff) << 8) | (payload[4] & 0xff);
        byte[] header = Arrays.copyOfRange(payload, 5, 5 + headerLength);
        String text = new String(header, StandardCharsets.UTF_8);
        // another answer's header in a listing frame, a listing header in a page frame
        byte[] asPage = payload.clone();
        asPage[0] = Codec.PAGE_MARKER;
        assertTrue(refusal(asPage).contains("only a file.page"));
        byte[] pageHeader = text.replace("\"answer\":\"files\"", "\"answer\":\"file.page\"").getBytes(StandardCharsets.UTF_8);
        byte[] wrongKind = withHeader(pageHeader, Arrays.copyOfRange(payload, 5 + headerLength, payload.length));
        assertTrue(refusal(wrongKind).contains("only a files answer"));
        // an unknown member, the old JSON form
        byte[] extra = text.replace("\"commit\"", "\"blob\":\"00\",\"commit\"").getBytes(StandardCharsets.UTF_8);
        extra = withHeader(extra, Arrays.copyOfRange(payload, 5 + headerLength, payload.length));
        assertTrue(refusal(extra).contains("unknown member \"blob\""));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("answer", "files");
        json.put("id", 1L);
        json.put("v", (long) Limits.VERSION);
        assertTrue(refusal(CanonicalJson.write(json)).contains("binary listing frame"));
        assertThrows(IllegalArgumentException.class, () -> new Answer.Files(MAIN, COMMIT, 0, 0, 5, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Answer.Files(MAIN, COMMIT, 0, 1, 5, sample()));
    }
}
