package airlock.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The codec on its own: every message round-trips to one byte string, and hostile payloads get one clear refusal. */
class CodecTest {
    private static final String MAIN = "refs/heads/main";

    static List<Request> everyRequest() {
        Request.Content content = new Request.Content("t", "b", "high", "low", null, List.of("x"));
        return List.of(new Request.Hello(1, "ws"), new Request.ListBundles(),
                new Request.StartSession("Ada", "Office", null, "a".repeat(64), "246810"), new Request.Status(),
                new Request.ListFiles(MAIN, 0, 10), new Request.OpenFile(MAIN, "docs/evil\u202Egnp.exe"),
                new Request.ReadPage(MAIN, "a.c", 5, 100),
                new Request.Search("x(", true, true, false, List.of("*.c"), List.of(), List.of("c"), null, 20),
                new Request.SearchPage(2, 10, 10), new Request.Definitions("main", 5), new Request.References("main", 3, 5),
                new Request.CreateAnnotation(MAIN, "a.c", List.of(new Request.Range(1, 1, 2, 3)), content),
                new Request.EditAnnotation("id-1", content), new Request.MarkReviewed(MAIN, "a.c", 1, 9), new Request.EndSession(),
                new Request.SetAnnotationStatus("id-1", "false_positive"), new Request.ReplyToAnnotation("id-1", "Fixed in 2.1?\n\u202Eyes"));
    }

    static List<Answer> everyAnswer() {
        Answer.SessionInfo info = new Answer.SessionInfo("S-1", "Ada", "b".repeat(64), "label", MAIN, List.of(MAIN),
                "2026-12-05T10:00:00Z", 10, 480);
        return List.of(new Answer.Welcome(1, "k", 10, 20), new Answer.Bundles(List.of(new Answer.BundleInfo("b", "l", MAIN))),
                new Answer.SessionStarted(info), new Answer.Status("none", null, 0), new Answer.Status("active", info, 4),
                new Answer.Files(MAIN, "c".repeat(40), 0, 1, 1, List.of(new Answer.FileInfo("a.c", "file", 3))),
                new Answer.FileOpened(MAIN, "c".repeat(40), "a.c", "file", 3, "d".repeat(40), 7),
                new Answer.Page(MAIN, "a.c", 0, new byte[] {0, 1, (byte) 0xff}, true),
                new Answer.SearchResults(1, 8, 1, 1, "indexed", true, 0, 1, false, true,
                        List.of(new Answer.Hit(MAIN, "a.c", 1, "int x;", List.of(new Answer.Span(4, 5))))),
                new Answer.Definitions("x", 9, "complete", List.of(new Answer.Definition("a.c", "x", "variable", 1, 5, "", "int x;", ""))),
                new Answer.References("x", 10, "partial", 0, 1, List.of(new Answer.Reference("a.c", 1, 5, false, "int x;"))),
                new Answer.AnnotationSaved("n", MAIN, "c", "a.c", "d", 1, 2, "t", "high", "open", 11),
                new Answer.Reviewed("m", MAIN, "a.c", "d", 1, 2, 12), new Answer.SessionEnded("S-1", 13, 1, 1, "note"),
                new Answer.Failure("session.none", "No session is open."));
    }

    @Test
    void everyMessageRoundTripsToOneCanonicalByteString() throws Exception {
        for (Request r : everyRequest()) {
            byte[] bytes = Codec.encode(42, r);
            Codec.Framed<Request> back = Codec.decodeRequest(bytes);
            assertEquals(42, back.id());
            assertEquals(r, back.message(), r.op());
            assertArrayEquals(bytes, Codec.encode(42, back.message()));
        }
        for (Answer a : everyAnswer()) {
            byte[] bytes = Codec.encode(42, a);
            Codec.Framed<Answer> back = Codec.decodeAnswer(bytes);
            assertEquals(a, back.message(), a.kind());
            assertArrayEquals(bytes, Codec.encode(42, back.message()));
        }
    }

    private static String refusal(String json) {
        Codec.DecodeException e = assertThrows(Codec.DecodeException.class,
                () -> Codec.decodeRequest(json.getBytes(StandardCharsets.UTF_8)), json);
        return e.code() + ": " + e.getMessage();
    }

    @Test
    void hostilePayloadsAreRefusedWithTheRuleTheyBreak() throws Exception {
        assertTrue(refusal("{\"id\":1,\"op\":\"status\",\"v\":5,\"hash\":\"00\"}").startsWith(Errors.JSON), "not canonical");
        assertTrue(refusal("{\"hash\":\"00\",\"id\":1,\"op\":\"status\",\"v\":5}").contains("unknown member \"hash\""));
        assertTrue(refusal("{\"id\":1,\"op\":\"status\",\"time\":\"x\",\"v\":5}").contains("unknown member \"time\""));
        assertTrue(refusal("{\"id\":1,\"op\":\"status\",\"seq\":1,\"v\":5}").contains("unknown member \"seq\""));
        assertTrue(refusal("{\"id\":1,\"op\":\"status\",\"v\":6}").startsWith(Errors.VERSION));
        assertTrue(refusal("{\"id\":1,\"op\":\"log.append\",\"v\":5}").startsWith(Errors.UNKNOWN_OP));
        assertTrue(refusal("{\"id\":1,\"op\":\"status\",\"op\":\"status\",\"v\":5}").startsWith(Errors.JSON), "duplicate");
        assertTrue(refusal("{\"id\":1,\"op\":\"status\",\"v\":5} ").startsWith(Errors.JSON), "trailing");
        assertTrue(refusal("[1]").startsWith(Errors.JSON));
        assertTrue(refusal("{\"id\":1,\"op\":\"file.open\",\"path\":7,\"ref\":\"x\",\"v\":5}").startsWith(Errors.FIELD));
        assertTrue(refusal("{\"id\":1,\"op\":\"file.open\",\"path\":\"" + "a".repeat(Limits.MAX_PATH + 1)
                + "\",\"ref\":\"x\",\"v\":5}").contains("longer than"));
        assertTrue(refusal("{\"id\":1,\"length\":0,\"offset\":0,\"op\":\"file.page\",\"path\":\"a\",\"ref\":\"x\",\"v\":5}")
                .contains("length must be between"));
        assertTrue(refusal("{\"id\":1,\"op\":\"file.open\",\"path\":\"a\",\"ref\":\"x\\u202e\",\"v\":5}").startsWith(Errors.JSON),
                "escapes JCS does not use are not canonical");
        assertTrue(refusal("{\"id\":1,\"op\":\"file.open\",\"path\":\"a\",\"ref\":\"x\u202e\",\"v\":5}").contains("ref contains"));
        assertTrue(refusal("{\"id\":1,\"op\":\"session.start\",\"v\":5}").contains("required"));
        // an inspector's passphrase is bounded and never shown in a request's text
        assertThrows(IllegalArgumentException.class, () -> new Request.StartSession("Ada", "Office", null, "b", null, "p".repeat(Limits.MAX_PASSPHRASE + 1)));
        Request.StartSession named = new Request.StartSession("Ada", "Office", null, "b", "246810", "analytical engine");
        assertFalse(named.toString().contains("analytical"), named.toString());
        assertEquals(named, Codec.decodeRequest(Codec.encode(7, named)).message());
        String deep = "[".repeat(200) + "]".repeat(200);
        assertTrue(refusal("{\"id\":1,\"op\":\"status\",\"v\":5,\"x\":" + deep + "}").startsWith(Errors.JSON));
        Codec.DecodeException utf8 = assertThrows(Codec.DecodeException.class,
                () -> Codec.decodeRequest(new byte[] {'{', '"', (byte) 0xc3, '"', ':', '1', '}'}));
        assertEquals(Errors.JSON, utf8.code());
        assertEquals(Errors.FRAME_SIZE, assertThrows(Codec.DecodeException.class, () -> Codec.decodeRequest(new byte[0])).code());
    }

    @Test
    void triageRequestsAreRefusedOutsideTheirLimits() {
        assertTrue(refusal("{\"annotation\":\"n\",\"id\":1,\"op\":\"annotation.status\",\"status\":\"wontfix\",\"v\":5}")
                .startsWith(Errors.FIELD), "a status that is not a triage state");
        assertTrue(refusal("{\"annotation\":\"n\",\"id\":1,\"op\":\"annotation.status\",\"status\":\"open\",\"time\":\"x\",\"v\":5}")
                .contains("unknown member \"time\""), "no time from the UI");
        assertTrue(refusal("{\"annotation\":\"n\u0007\",\"id\":1,\"op\":\"annotation.status\",\"status\":\"open\",\"v\":5}")
                .startsWith(Errors.JSON), "a raw control character is not JSON");
        assertTrue(refusal("{\"annotation\":\"n\\u0007\",\"id\":1,\"op\":\"annotation.status\",\"status\":\"open\",\"v\":5}")
                .startsWith(Errors.FIELD), "an escaped control character is no finding id");
        assertTrue(refusal("{\"annotation\":\"n\",\"body\":\"   \",\"id\":1,\"op\":\"annotation.reply\",\"v\":5}")
                .contains("blank"));
        assertTrue(refusal("{\"annotation\":\"n\",\"body\":\"" + "b".repeat(Limits.MAX_BODY + 1)
                + "\",\"id\":1,\"op\":\"annotation.reply\",\"v\":5}").contains("longer than"));
        assertTrue(refusal("{\"annotation\":\"n\",\"id\":1,\"op\":\"annotation.reply\",\"v\":5}").contains("required"));
        assertTrue(refusal("{\"annotation\":\"n\",\"body\":\"b\",\"id\":1,\"op\":\"annotation.reply\",\"reply\":\"r-1\",\"v\":5}")
                .contains("unknown member \"reply\""), "the keeper makes the reply's id");
        assertThrows(IllegalArgumentException.class, () -> new Request.SetAnnotationStatus("n\u202E", "open"));
        assertThrows(IllegalArgumentException.class, () -> new Request.ReplyToAnnotation("n", "a\0b"));
    }

    @Test
    void theIdOfABadRequestIsKeptForItsAnswer() {
        Codec.DecodeException e = assertThrows(Codec.DecodeException.class,
                () -> Codec.decodeRequest("{\"id\":77,\"op\":\"nope\",\"v\":5}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(77, e.id());
    }

    @Test
    void recordsRefuseValuesOutsideTheirLimits() {
        assertThrows(IllegalArgumentException.class, () -> new Request.ReadPage(MAIN, "a", -1, 10));
        assertThrows(IllegalArgumentException.class, () -> new Request.ReadPage(MAIN, "a", 0, Limits.MAX_PAGE_BYTES + 1));
        assertThrows(IllegalArgumentException.class, () -> new Request.StartSession("A\u0007", "O", null, "b", null));
        assertThrows(IllegalArgumentException.class, () -> new Request.Range(5, 1, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> new Request.Search("", false, false, false, List.of(), List.of(),
                List.of(), null, 1));
        assertTrue(new Request.StartSession("A", "O", null, "b", "246810").toString().contains("(6 characters)"),
                "the PIN is never printed");
    }

    @Test
    void seededMutationsOfValidPayloadsNeverEscapeAsAnythingButARefusal() {
        Random random = new Random(20261205L);
        List<Request> requests = everyRequest();
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = Codec.encode(i, requests.get(random.nextInt(requests.size())));
            int at = random.nextInt(bytes.length);
            bytes[at] = (byte) random.nextInt(256);
            try {
                Codec.decodeRequest(bytes);
            } catch (Codec.DecodeException e) {
                assertTrue(e.code().startsWith("protocol."), e.code());
            }
        }
    }

    @Test
    void framesRefuseZeroAndOversizedLengthsBeforeReadingThePayload() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Frames.write(out, new byte[] {'{', '}'}, 10);
        Frames.Frame frame = Frames.read(new ByteArrayInputStream(out.toByteArray()), 10);
        assertArrayEquals(new byte[] {'{', '}'}, frame.payload());
        assertEquals(0xffffffffL, Frames.read(new ByteArrayInputStream(new byte[] {-1, -1, -1, -1}), 10).refusedLength());
        assertTrue(Frames.read(new ByteArrayInputStream(new byte[] {0, 0, 0, 0}), 10).refused());
        assertEquals(null, Frames.read(new ByteArrayInputStream(new byte[0]), 10));
        assertThrows(EOFException.class, () -> Frames.read(new ByteArrayInputStream(new byte[] {0, 0}), 10));
        assertThrows(EOFException.class, () -> Frames.read(new ByteArrayInputStream(new byte[] {0, 0, 0, 5, 1}), 10));
        assertThrows(java.io.IOException.class, () -> Frames.write(new ByteArrayOutputStream(), new byte[11], 10));
    }
}
