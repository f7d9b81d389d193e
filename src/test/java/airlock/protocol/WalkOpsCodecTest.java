package airlock.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ops of issue 16 added for the window's walk through the keeper (k4walk): {@code policy} (the
 * start dialog learns the room policy's name and confirmation mode) and {@code symbols.search} (go to
 * symbol). Round trips, limits and hostile payloads; kept apart from the other codec tests so that
 * ops added elsewhere merge without conflict.
 */
class WalkOpsCodecTest {
    private static final List<Answer> ANSWERS = List.of(new Answer.PolicyInfo("Airlock demo room", "pin"),
            new Answer.PolicyInfo("", "none"), new Answer.PolicyInfo("Room 4 \u202e", "key"),
            new Answer.PolicyInfo("x".repeat(Limits.MAX_MESSAGE), "pin"), new Answer.PolicyInfo("Room 5", "pin", true));

    @Test
    void theRequestAndEveryAnswerRoundTripToOneCanonicalByteString() throws Exception {
        byte[] request = Codec.encode(3, new Request.Policy());
        assertEquals(new Request.Policy(), Codec.decodeRequest(request).message());
        assertArrayEquals(request, Codec.encode(3, Codec.decodeRequest(request).message()));
        for (Answer a : ANSWERS) {
            byte[] bytes = Codec.encode(3, a);
            Answer back = Codec.decodeAnswer(bytes).message();
            assertEquals(a, back);
            assertArrayEquals(bytes, Codec.encode(3, back));
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
    void aRequestCarriesNothingAndAnythingElseIsRefused() {
        // the UI cannot choose the policy, a mode or a name
        assertTrue(refusal("{\"confirmation\":\"none\",\"id\":1,\"op\":\"policy\",\"v\":5}").contains("unknown member \"confirmation\""));
        assertTrue(refusal("{\"id\":1,\"name\":\"x\",\"op\":\"policy\",\"v\":5}").contains("unknown member \"name\""));
        assertTrue(refusal("{\"id\":1,\"op\":\"policy\",\"v\":6}").startsWith(Errors.VERSION));
        assertTrue(refusal("{\"id\":1,\"op\":\"Policy\",\"v\":5}").startsWith(Errors.UNKNOWN_OP));
    }

    @Test
    void hostileAnswersAreRefusedWithTheRuleTheyBreak() {
        assertTrue(answerRefusal("{\"answer\":\"policy\",\"confirmation\":\"maybe\",\"id\":1,\"name\":\"r\",\"v\":5}")
                .startsWith(Errors.FIELD), "only none, pin or key");
        assertTrue(answerRefusal("{\"answer\":\"policy\",\"confirmation\":\"PIN\",\"id\":1,\"name\":\"r\",\"v\":5}")
                .startsWith(Errors.FIELD), "the wire names are lower case");
        assertTrue(answerRefusal("{\"answer\":\"policy\",\"id\":1,\"name\":\"r\",\"v\":5}").startsWith(Errors.FIELD));
        assertTrue(answerRefusal("{\"answer\":\"policy\",\"confirmation\":\"pin\",\"id\":1,\"v\":5}").startsWith(Errors.FIELD));
        assertTrue(answerRefusal("{\"answer\":\"policy\",\"confirmation\":1,\"id\":1,\"name\":\"r\",\"v\":5}").startsWith(Errors.FIELD));
        assertTrue(answerRefusal("{\"answer\":\"policy\",\"confirmation\":\"pin\",\"id\":1,\"name\":\"r\\u0000\",\"v\":5}")
                .startsWith(Errors.FIELD), "no NUL");
        assertTrue(answerRefusal("{\"answer\":\"policy\",\"confirmation\":\"pin\",\"id\":1,\"name\":\""
                + "x".repeat(Limits.MAX_MESSAGE + 1) + "\",\"v\":5}").startsWith(Errors.FIELD), "at most 2000");
        assertTrue(answerRefusal("{\"answer\":\"policy\",\"confirmation\":\"pin\",\"id\":1,\"inspectors\":false,\"mediaRoots\":[\"/media\"],"
                + "\"name\":\"r\",\"pinHash\":\"00\",\"v\":5}").contains("unknown member \"pinHash\""), "nothing of the verifier crosses");
        assertTrue(answerRefusal("{\"answer\":\"policy\",\"confirmation\":\"pin\",\"id\":1,\"name\":\"r\",\"v\":5}")
                .contains("inspectors is required"), "whether the policy names inspectors is always said");
        assertTrue(answerRefusal("{\"answer\":\"policy\",\"confirmation\":\"pin\",\"id\":1,\"inspectors\":\"yes\",\"name\":\"r\","
                + "\"v\":5}").contains("true or false"));
        assertTrue(answerRefusal("{\"answer\":\"policy\",\"confirmation\":\"pin\",\"id\":1,\"inspectors\":[\"Ada\"],"
                + "\"name\":\"r\",\"v\":5}").contains("true or false"), "no names of inspectors cross");
    }

    @Test
    void aSymbolSearchRoundTripsAndItsLimitsHold() throws Exception {
        for (Request r : List.of(new Request.SymbolSearch("mtxlck", 1), new Request.SymbolSearch("x".repeat(Limits.MAX_SYMBOL),
                Limits.MAX_SYMBOL_RESULTS), new Request.SymbolSearch("std::vector<int>::push_back", 50))) {
            byte[] bytes = Codec.encode(4, r);
            assertEquals(r, Codec.decodeRequest(bytes).message());
            assertArrayEquals(bytes, Codec.encode(4, Codec.decodeRequest(bytes).message()));
        }
        assertThrows(IllegalArgumentException.class, () -> new Request.SymbolSearch("", 1));
        assertThrows(IllegalArgumentException.class, () -> new Request.SymbolSearch("a", 0));
        assertThrows(IllegalArgumentException.class, () -> new Request.SymbolSearch("a", Limits.MAX_SYMBOL_RESULTS + 1));
    }

    @Test
    void hostileSymbolSearchesAreRefusedWithTheRuleTheyBreak() {
        assertTrue(refusal("{\"id\":1,\"limit\":5,\"op\":\"symbols.search\",\"v\":5}").startsWith(Errors.FIELD), "no query");
        assertTrue(refusal("{\"id\":1,\"op\":\"symbols.search\",\"query\":\"a\",\"v\":5}").startsWith(Errors.FIELD), "no limit");
        assertTrue(refusal("{\"id\":1,\"limit\":5,\"op\":\"symbols.search\",\"query\":\"\",\"v\":5}").startsWith(Errors.FIELD),
                "an empty query");
        assertTrue(refusal("{\"id\":1,\"limit\":5,\"op\":\"symbols.search\",\"query\":\"a\\nb\",\"v\":5}")
                .startsWith(Errors.FIELD), "a control character");
        assertTrue(refusal("{\"id\":1,\"limit\":5,\"op\":\"symbols.search\",\"query\":\"a\u202eb\",\"v\":5}")
                .startsWith(Errors.FIELD), "a bidi control");
        assertTrue(refusal("{\"id\":1,\"limit\":5,\"op\":\"symbols.search\",\"query\":\"" + "a".repeat(Limits.MAX_SYMBOL + 1)
                + "\",\"v\":5}").startsWith(Errors.FIELD), "longer than a symbol name");
        assertTrue(refusal("{\"id\":1,\"limit\":201,\"op\":\"symbols.search\",\"query\":\"a\",\"v\":5}").startsWith(Errors.FIELD));
        assertTrue(refusal("{\"id\":1,\"limit\":0,\"op\":\"symbols.search\",\"query\":\"a\",\"v\":5}").startsWith(Errors.FIELD));
        assertTrue(refusal("{\"id\":1,\"limit\":\"5\",\"op\":\"symbols.search\",\"query\":\"a\",\"v\":5}").startsWith(Errors.FIELD));
        assertTrue(refusal("{\"id\":1,\"limit\":5,\"op\":\"symbols.search\",\"query\":\"a\",\"ref\":\"x\",\"v\":5}")
                .contains("unknown member \"ref\""));
    }

    @Test
    void seededMutationsNeverEscapeAsAnythingButARefusal() {
        Random random = new Random(16_0004L);
        for (int i = 0; i < 10_000; i++) {
            int what = random.nextInt(3);
            boolean request = what < 2;
            byte[] bytes = what == 0 ? Codec.encode(i, new Request.Policy())
                    : what == 1 ? Codec.encode(i, new Request.SymbolSearch("mutex_lock", 1 + random.nextInt(200)))
                    : Codec.encode(i, ANSWERS.get(random.nextInt(ANSWERS.size())));
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            try {
                if (request) {
                    Codec.decodeRequest(bytes);
                } else {
                    Codec.decodeAnswer(bytes);
                }
            } catch (Codec.DecodeException e) {
                assertTrue(e.code().startsWith("protocol."), e.code());
            }
        }
    }
}
