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
 * The ops issue 16 added on the keeper side (session.lock, session.unlock, bundle.import,
 * indexes.status) and their answers: round trips, limits, and hostile payloads, each refused with the
 * rule it breaks. Kept apart from {@link CodecTest} so that ops added elsewhere merge without conflict.
 */
class KeeperOpsCodecTest {
    static List<Request> requests() {
        return List.of(new Request.LockSession(), new Request.UnlockSession(null), new Request.UnlockSession("246810"),
                new Request.ImportBundle("/media/stick/acme-1.2.airlock"), new Request.IndexStatus());
    }

    static List<Answer> answers() {
        return List.of(new Answer.BundleImported("a".repeat(64), "Acme / router 1.2", "refs/heads/main", false),
                new Answer.Indexes(List.of(new Answer.IndexInfo("b", "ready", ""), new Answer.IndexInfo("c", "failed", "disk full"))),
                new Answer.Indexes(List.of()));
    }

    @Test
    void everyNewMessageRoundTripsToOneCanonicalByteString() throws Exception {
        for (Request r : requests()) {
            byte[] bytes = Codec.encode(9, r);
            Codec.Framed<Request> back = Codec.decodeRequest(bytes);
            assertEquals(r, back.message(), r.op());
            assertArrayEquals(bytes, Codec.encode(9, back.message()));
        }
        for (Answer a : answers()) {
            byte[] bytes = Codec.encode(9, a);
            Codec.Framed<Answer> back = Codec.decodeAnswer(bytes);
            assertEquals(a, back.message(), a.kind());
            assertArrayEquals(bytes, Codec.encode(9, back.message()));
        }
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

    @Test
    void hostileRequestsAreRefusedWithTheRuleTheyBreak() {
        // no field may carry what the keeper decides: a verdict, a hash, a store id, an actor
        assertTrue(refusal("{\"id\":1,\"op\":\"bundle.import\",\"path\":\"/m/b\",\"sha256\":\"00\",\"v\":5}")
                .contains("unknown member \"sha256\""));
        assertTrue(refusal("{\"accepted\":true,\"id\":1,\"op\":\"bundle.import\",\"path\":\"/m/b\",\"v\":5}")
                .contains("unknown member \"accepted\""));
        assertTrue(refusal("{\"actor\":\"supervisor\",\"id\":1,\"op\":\"session.unlock\",\"pin\":null,\"v\":5}")
                .contains("unknown member \"actor\""));
        assertTrue(refusal("{\"id\":1,\"op\":\"session.lock\",\"reason\":\"x\",\"v\":5}").contains("unknown member \"reason\""));
        assertTrue(refusal("{\"bundle\":\"b\",\"id\":1,\"op\":\"indexes.status\",\"v\":5}").contains("unknown member \"bundle\""));
        // missing, mistyped, outside limits
        assertTrue(refusal("{\"id\":1,\"op\":\"bundle.import\",\"v\":5}").startsWith(Errors.FIELD));
        assertTrue(refusal("{\"id\":1,\"op\":\"bundle.import\",\"path\":7,\"v\":5}").startsWith(Errors.FIELD));
        assertTrue(refusal("{\"id\":1,\"op\":\"bundle.import\",\"path\":\"relative/b\",\"v\":5}").contains("absolute"));
        assertTrue(refusal("{\"id\":1,\"op\":\"bundle.import\",\"path\":\"/m/\\u0000b\",\"v\":5}").startsWith(Errors.FIELD));
        assertTrue(refusal("{\"id\":1,\"op\":\"bundle.import\",\"path\":\"/m/\\nb\",\"v\":5}").contains("control character"));
        assertTrue(refusal("{\"id\":1,\"op\":\"bundle.import\",\"path\":\"/" + "a".repeat(Limits.MAX_PATH) + "\",\"v\":5}")
                .startsWith(Errors.FIELD));
        assertTrue(refusal("{\"id\":1,\"op\":\"session.unlock\",\"pin\":\"" + "1".repeat(Limits.MAX_PIN + 1) + "\",\"v\":5}")
                .startsWith(Errors.FIELD));
        assertTrue(refusal("{\"id\":1,\"op\":\"session.unlock\",\"pin\":\"12\u202e34\",\"v\":5}").startsWith(Errors.FIELD),
                "a PIN is a name: no invisible formatting");
        assertTrue(refusal("{\"id\":1,\"op\":\"session.unlock\",\"pin\":123456,\"v\":5}").startsWith(Errors.FIELD));
        assertTrue(refusal("{\"id\":1,\"op\":\"session.lock\",\"v\":6}").startsWith(Errors.VERSION));
    }

    @Test
    void hostileAnswersAreRefusedToo() {
        assertTrue(answerRefusal("{\"answer\":\"indexes\",\"id\":1,\"indexes\":[{\"bundle\":\"b\",\"message\":\"\",\"state\":\"done\"}],"
                + "\"v\":5}").startsWith(Errors.FIELD), "only the four states");
        assertTrue(answerRefusal("{\"already\":\"no\",\"answer\":\"bundle.imported\",\"bundle\":\"b\",\"id\":1,\"label\":\"l\","
                + "\"reviewRef\":\"r\",\"v\":5}").startsWith(Errors.FIELD));
        assertTrue(answerRefusal("{\"answer\":\"indexes\",\"id\":1,\"indexes\":[{\"bundle\":\"b\",\"extra\":1,\"message\":\"\","
                + "\"state\":\"ready\"}],\"v\":5}").contains("unknown member \"extra\""));
    }

    @Test
    void anAbsentPinIsNoPinAsInSessionStart() throws Exception {
        assertEquals(new Request.UnlockSession(null),
                Codec.decodeRequest("{\"id\":1,\"op\":\"session.unlock\",\"v\":5}".getBytes(StandardCharsets.UTF_8)).message());
    }

    @Test
    void thePinIsNeverPrinted() {
        assertFalse(new Request.UnlockSession("246810").toString().contains("246810"));
        assertTrue(new Request.UnlockSession("246810").toString().contains("(6 characters)"));
    }

    @Test
    void seededMutationsOfTheNewRequestsNeverEscapeAsAnythingButARefusal() {
        Random random = new Random(16_2026L);
        List<Request> requests = requests();
        for (int i = 0; i < 10_000; i++) {
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
}
