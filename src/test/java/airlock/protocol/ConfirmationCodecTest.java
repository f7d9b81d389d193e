package airlock.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Confirmation through the keeper (issues 16/17, room; protocol version 3): confirm.start,
 * confirm.unlock, the challenge answer, the new session.start and session.unlock members and the
 * policy answer's mediaRoots. Round trips, limits, hostile payloads refused with the rule they break.
 * Kept apart from {@link CodecTest} and {@link KeeperOpsCodecTest} so that branches merge without conflict.
 */
class ConfirmationCodecTest {
    static final String NONCE = "0123456789abcdef".repeat(4);
    static final String SIGNATURE = "A".repeat(86) + "==";

    static List<Request> requests() {
        return List.of(new Request.ConfirmStart("Ada", "Office", null, "b".repeat(64)),
                new Request.ConfirmStart("Ada", "Office", "B-7", "b"), new Request.ConfirmUnlock(),
                new Request.StartSession("Ada", "Office", null, "b", null, "analytical", NONCE, SIGNATURE),
                new Request.UnlockSession(null, null, NONCE, SIGNATURE), new Request.UnlockSession(null, "analytical", null, null));
    }

    static List<Answer> answers() {
        return List.of(new Answer.Challenge(NONCE, "airlock-unlock/2\nw\nS-1\nt\n" + NONCE + "\n"),
                new Answer.PolicyInfo("Room 5", "key", false, List.of("/mnt/sticks", "/srv/usb")),
                new Answer.PolicyInfo("Room 6", "none", true));
    }

    @Test
    void everyConfirmationMessageRoundTripsToOneCanonicalByteString() throws Exception {
        for (Request r : requests()) {
            byte[] bytes = Codec.encode(5, r);
            Codec.Framed<Request> back = Codec.decodeRequest(bytes);
            assertEquals(r, back.message(), r.op());
            assertArrayEquals(bytes, Codec.encode(5, back.message()));
        }
        for (Answer a : answers()) {
            byte[] bytes = Codec.encode(5, a);
            Codec.Framed<Answer> back = Codec.decodeAnswer(bytes);
            assertEquals(a, back.message(), a.kind());
            assertArrayEquals(bytes, Codec.encode(5, back.message()));
        }
        assertTrue(Limits.VERSION >= 3, "confirmation and media roots came with version 3");
    }

    private static String refusal(String json) {
        Codec.DecodeException e = assertThrows(Codec.DecodeException.class,
                () -> Codec.decodeRequest(json.getBytes(StandardCharsets.UTF_8)), json);
        return e.code() + ": " + e.getMessage();
    }

    private static String answerRefusal(String json) {
        Codec.DecodeException e = assertThrows(Codec.DecodeException.class,
                () -> Codec.decodeAnswer(json.getBytes(StandardCharsets.UTF_8)), json);
        return e.code() + ": " + e.getMessage();
    }

    /** A session.unlock request with {@code members} ("name":value pairs, each followed by a comma), in canonical order. */
    private static String unlock(String members) {
        java.util.TreeMap<String, String> sorted = new java.util.TreeMap<>();
        sorted.put("id", "1");
        sorted.put("op", "\"session.unlock\"");
        sorted.put("v", String.valueOf(Limits.VERSION));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([a-z]+)\":(\"[^\"]*\"|[0-9]+),").matcher(members);
        while (m.find()) {
            sorted.put(m.group(1), m.group(2));
        }
        StringBuilder out = new StringBuilder("{");
        sorted.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return out.append('}').toString();
    }

    @Test
    void hostileConfirmationRequestsAreRefusedWithTheRuleTheyBreak() {
        // the client never sends a key, a statement, a time or the session id the challenge names
        assertTrue(refusal("{\"bundle\":\"b\",\"id\":1,\"inspector\":\"A\",\"key\":\"-----BEGIN\",\"op\":\"confirm.start\","
                + "\"organisation\":\"O\",\"v\":5}").contains("unknown member \"key\""));
        assertTrue(refusal("{\"id\":1,\"op\":\"confirm.unlock\",\"statement\":\"x\",\"v\":5}").contains("unknown member \"statement\""));
        assertTrue(refusal("{\"id\":1,\"op\":\"confirm.unlock\",\"session\":\"S-1\",\"v\":5}").contains("unknown member \"session\""));
        assertTrue(refusal("{\"bundle\":\"b\",\"id\":1,\"inspector\":\"A\",\"op\":\"confirm.start\",\"organisation\":\"O\","
                + "\"time\":\"2026\",\"v\":5}").contains("unknown member \"time\""));
        // confirm.start: the same limits as session.start
        assertTrue(refusal("{\"bundle\":\"b\",\"id\":1,\"op\":\"confirm.start\",\"organisation\":\"O\",\"v\":5}").startsWith(Errors.FIELD));
        assertTrue(refusal("{\"bundle\":\"b\",\"id\":1,\"inspector\":\"A\u202e\",\"op\":\"confirm.start\",\"organisation\":\"O\","
                + "\"v\":5}").startsWith(Errors.FIELD));
        assertTrue(refusal("{\"bundle\":\"" + "b".repeat(Limits.MAX_BUNDLE_ID + 1) + "\",\"id\":1,\"inspector\":\"A\","
                + "\"op\":\"confirm.start\",\"organisation\":\"O\",\"v\":5}").startsWith(Errors.FIELD));
        // challenge and signature: exact shapes, together or not at all, one credential per unlock
        assertTrue(refusal(unlock("\"challenge\":\"" + NONCE.toUpperCase() + "\",\"signature\":\"" + SIGNATURE + "\","))
                .contains("lowercase hex"));
        assertTrue(refusal(unlock("\"challenge\":\"" + NONCE.substring(1) + "\",\"signature\":\"" + SIGNATURE + "\","))
                .contains("lowercase hex"));
        assertTrue(refusal(unlock("\"challenge\":\"" + NONCE + "\",\"signature\":\"" + SIGNATURE.substring(2) + "\","))
                .contains("64-byte"));
        assertTrue(refusal(unlock("\"challenge\":\"" + NONCE + "\",\"signature\":\"" + "A".repeat(87) + "=\","))
                .contains("64-byte"));
        assertTrue(refusal(unlock("\"challenge\":\"" + NONCE + "\",\"signature\":\"" + "A".repeat(84) + "-_==\","))
                .contains("64-byte"), "base64url is not strict Base64");
        assertTrue(refusal(unlock("\"challenge\":\"" + NONCE + "\",")).contains("together"));
        assertTrue(refusal(unlock("\"signature\":\"" + SIGNATURE + "\",")).contains("together"));
        assertTrue(refusal(unlock("\"challenge\":\"" + NONCE + "\",\"pin\":\"246810\",\"signature\":\"" + SIGNATURE + "\","))
                .contains("one credential"));
        assertTrue(refusal(unlock("\"passphrase\":\"p\",\"pin\":\"246810\",")).contains("one credential"));
        assertTrue(refusal(unlock("\"passphrase\":\"" + "p".repeat(Limits.MAX_PASSPHRASE + 1) + "\",")).startsWith(Errors.FIELD));
        assertTrue(refusal(unlock("\"challenge\":7,\"signature\":\"" + SIGNATURE + "\",")).startsWith(Errors.FIELD));
        assertTrue(refusal("{\"badge\":null,\"bundle\":\"b\",\"challenge\":\"" + NONCE + "\",\"id\":1,\"inspector\":\"A\","
                + "\"op\":\"session.start\",\"organisation\":\"O\",\"passphrase\":null,\"pin\":\"246810\",\"signature\":\""
                + SIGNATURE + "\",\"v\":5}").contains("no pin"));
    }

    @Test
    void hostileConfirmationAnswersAreRefusedToo() {
        assertTrue(answerRefusal("{\"answer\":\"confirm.challenge\",\"challenge\":\"" + NONCE + "\",\"id\":1,"
                + "\"statement\":\"does not name it\",\"v\":5}").contains("names its challenge"));
        assertTrue(answerRefusal("{\"answer\":\"confirm.challenge\",\"challenge\":\"xyz\",\"id\":1,\"statement\":\"xyz\",\"v\":5}")
                .startsWith(Errors.FIELD));
        assertTrue(answerRefusal("{\"answer\":\"confirm.challenge\",\"challenge\":\"" + NONCE + "\",\"id\":1,\"statement\":\""
                + NONCE + "x".repeat(Limits.MAX_STATEMENT) + "\",\"v\":5}").startsWith(Errors.FIELD));
        String policy = "{\"answer\":\"policy\",\"confirmation\":\"key\",\"id\":1,\"inspectors\":false,\"mediaRoots\":%s,"
                + "\"name\":\"R\",\"v\":5}";
        for (String roots : List.of("[]", "[\"media\"]", "[\"/\"]", "[\"/media/../etc\"]", "[\"/media/\"]", "[\"/a//b\"]",
                "[\"/me\\ndia\"]", "[7]", "\"/media\"", "null")) {
            assertTrue(answerRefusal(String.format(policy, roots)).startsWith(Errors.FIELD), roots);
        }
        assertTrue(answerRefusal("{\"answer\":\"policy\",\"confirmation\":\"key\",\"id\":1,\"inspectors\":false,\"name\":\"R\","
                + "\"v\":5}").startsWith(Errors.FIELD), "version 3's policy answer names its media roots");
    }

    @Test
    void credentialsAreNeverPrinted() {
        String text = new Request.UnlockSession(null, "analytical engine", null, null).toString();
        assertFalse(text.contains("analytical"), text);
        assertTrue(text.contains("(17 characters)"), text);
    }

    @Test
    void seededMutationsNeverEscapeAsAnythingButARefusal() {
        Random random = new Random(17_2026L);
        List<Request> requests = requests();
        for (int i = 0; i < 10_000; i++) {
            byte[] bytes = Codec.encode(i, requests.get(random.nextInt(requests.size())));
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            try {
                Codec.decodeRequest(bytes);
            } catch (Codec.DecodeException e) {
                assertTrue(e.code().startsWith("protocol."), e.code());
            }
        }
    }
}
