package airlock.keeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.demo.DemoRoom;
import airlock.keeper.client.KeeperClient;
import airlock.protocol.Answer;
import airlock.protocol.Codec;
import airlock.protocol.Errors;
import airlock.protocol.Limits;
import airlock.protocol.Request;
import airlock.testutil.TestRepository;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile workstation: 10,000 seeded malformed, oversized, out-of-order and interleaved frames on
 * three connections at once. Every frame gets exactly one answer, every bad one a failure with a
 * stable code; the keeper stays up, the session goes on, and its log verifies at the end.
 */
class KeeperHostileClientTest {
    private static final long SEED = 16_2026L;
    private static final int FRAMES = 10_000;
    private static final String MAIN = "refs/heads/main";
    private static final Set<String> CODES = Set.of(Errors.FRAME_SIZE, Errors.JSON, Errors.VERSION, Errors.UNKNOWN_OP,
            Errors.FIELD, Errors.ORDER, Errors.NOT_OPENED, Errors.NOT_FOUND, Errors.UNKNOWN_SEARCH, "annotations.unknown",
            "session.already.open", "search.invalid");
    @TempDir
    java.nio.file.Path tmp;
    private KeeperFixture keeper;

    @BeforeEach
    void start() throws Exception {
        keeper = KeeperFixture.start(tmp);
    }

    @AfterEach
    void stop() {
        keeper.close();
    }

    @Test
    void tenThousandHostileFramesGetOneClearAnswerEachAndTheLogStillVerifies() throws Exception {
        Random random = new Random(SEED);
        String session;
        Map<String, Integer> codes = new TreeMap<>();
        try (KeeperClient inspector = keeper.client();
             RawClient a = RawClient.connect(keeper.socket); RawClient b = RawClient.connect(keeper.socket);
             RawClient fresh = RawClient.connect(keeper.socket)) {
            session = inspector.startSession("Ada Inspector", "Test Office", null, keeper.bundle, DemoRoom.PIN).id();
            inspector.open(MAIN, "README.md");
            a.hello();
            b.hello();
            List<byte[]> valid = validPayloads();
            int answered = 0;
            for (int i = 0; i < FRAMES; i++) {
                int kind = random.nextInt(100);
                RawClient to = random.nextBoolean() ? a : b;
                Answer answer;
                boolean mustFail = true;
                if (kind < 15) {
                    byte[] junk = new byte[1 + random.nextInt(300)];
                    random.nextBytes(junk);
                    answer = to.send(junk);
                } else if (kind < 40) {
                    answer = to.send(mutate(valid.get(random.nextInt(valid.size())), random));
                    mustFail = false;
                } else if (kind < 65) {
                    answer = to.send(wrong(random));
                } else if (kind < 66) {
                    // oversized: declared and sent, then skipped by the keeper
                    int length = Limits.MAX_REQUEST_FRAME + 1 + random.nextInt(4096);
                    to.sendFrame(new byte[length]);
                    answer = to.read();
                    assertTrue(answer instanceof Answer.Failure f && f.code().equals(Errors.FRAME_SIZE), "oversized: " + answer);
                } else if (kind < 70) {
                    to.sendBytes(new byte[4]);
                    answer = to.read();
                } else if (kind < 85) {
                    RawClient ungreeted = random.nextBoolean() ? fresh : to;
                    answer = ungreeted.send(outOfOrder(ungreeted == fresh, random));
                } else {
                    // interleaved real work on the same session from the other connections
                    answer = to.send(Codec.encode(i, harmless(random)));
                    mustFail = false;
                }
                assertNotNull(answer, "frame " + i + " (kind " + kind + ") got no answer: the keeper closed the connection");
                answered++;
                if (answer instanceof Answer.Failure f) {
                    assertTrue(CODES.contains(f.code()) || f.code().startsWith("session."), "frame " + i + ": unexpected code "
                            + f.code() + ": " + f.message());
                    assertFalse(f.message().isBlank(), "frame " + i + ": a failure says why");
                    assertFalse(f.message().contains("Exception") && f.message().contains("\tat "), "no stack trace");
                    codes.merge(f.code(), 1, Integer::sum);
                } else {
                    assertFalse(mustFail, "frame " + i + " (kind " + kind + ") was accepted: " + answer);
                }
            }
            assertEquals(FRAMES, answered);
            assertTrue(codes.keySet().containsAll(List.of(Errors.JSON, Errors.FIELD, Errors.VERSION, Errors.UNKNOWN_OP,
                    Errors.ORDER, Errors.FRAME_SIZE, Errors.NOT_OPENED)), "every kind of refusal was exercised: " + codes);
            // still up, and the session is still the inspector's
            assertEquals("active", inspector.status().state());
            assertEquals(session, inspector.status().session().id());
            inspector.endSession();
        }
        keeper.stopKeeper();
        var verification = keeper.verify(session);
        assertTrue(verification.isValid(), verification.describe());
    }

    @Test
    void framesThatBreakTheFramingCloseOnlyTheirConnection() throws Exception {
        try (RawClient huge = RawClient.connect(keeper.socket)) {
            huge.hello();
            huge.sendBytes(new byte[] {(byte) 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff});
            Answer answer = huge.read();
            assertTrue(answer instanceof Answer.Failure f && f.code().equals(Errors.FRAME_SIZE)
                    && f.message().contains("closed"), String.valueOf(answer));
            assertNull(huge.read(), "the connection is closed: a 2 GiB frame cannot be skipped");
        }
        try (RawClient cut = RawClient.connect(keeper.socket)) {
            cut.hello();
            cut.sendBytes(new byte[] {0, 0, 1, 0, '{', '"'});
        }
        try (RawClient late = RawClient.connect(keeper.socket)) {
            late.sendBytes(new byte[] {0, 0});
        }
        try (KeeperClient client = keeper.client()) {
            assertEquals("none", client.status().state(), "the keeper serves the next connection");
        }
    }

    private static List<byte[]> validPayloads() {
        List<byte[]> out = new ArrayList<>();
        for (Request r : List.of(new Request.Status(), new Request.ReadPage(MAIN, "README.md", 0, 64),
                new Request.ListFiles(MAIN, 0, 5), new Request.SearchPage(3, 0, 5))) {
            out.add(Codec.encode(7, r));
        }
        return out;
    }

    private static byte[] mutate(byte[] payload, Random random) {
        byte[] copy = payload.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(copy.length);
            switch (random.nextInt(3)) {
                case 0 -> copy[at] = (byte) random.nextInt(256);
                case 1 -> copy = splice(copy, at, new byte[] {INSERTS[random.nextInt(INSERTS.length)]});
                default -> copy = copy.length > 1 ? splice(java.util.Arrays.copyOfRange(copy, 0, at), at,
                        java.util.Arrays.copyOfRange(copy, Math.min(copy.length, at + 1), copy.length)) : copy;
            }
        }
        return copy.length == 0 ? new byte[] {'{'} : copy;
    }

    private static final byte[] INSERTS = {'{', '}', '[', ']', '"', ',', ':', '0', 'a', '\\', (byte) 0xff, 0};

    private static byte[] splice(byte[] a, int at, byte[] insert) {
        int cut = Math.min(at, a.length);
        byte[] out = new byte[a.length + insert.length];
        System.arraycopy(a, 0, out, 0, cut);
        System.arraycopy(insert, 0, out, cut, insert.length);
        System.arraycopy(a, cut, out, cut + insert.length, a.length - cut);
        return out;
    }

    /** Canonical JSON that breaks one rule of the protocol. */
    private static byte[] wrong(Random random) {
        String json = switch (random.nextInt(10)) {
            case 0 -> "{\"id\":1,\"op\":\"status\",\"v\":6}";
            case 1 -> "{\"id\":1,\"op\":\"log.append\",\"v\":5}";
            case 2 -> "{\"id\":1,\"op\":\"status\",\"seq\":3,\"v\":5}";
            case 3 -> "{\"id\":1,\"op\":\"file.open\",\"path\":\"" + "a".repeat(Limits.MAX_PATH + 1) + "\",\"ref\":\"x\",\"v\":5}";
            case 4 -> "{\"id\":1,\"op\":\"file.page\",\"length\":999999999,\"offset\":0,\"path\":\"a\",\"ref\":\"x\",\"v\":5}";
            case 5 -> "{\"id\":1,\"op\":\"file.open\",\"path\":7,\"ref\":\"x\",\"v\":5}";
            case 6 -> "{\"exclude\":[],\"id\":1,\"ignoreCase\":false,\"include\":[" + "\"a\",".repeat(Limits.MAX_GLOBS) + "\"a\"],"
                    + "\"languages\":[],\"limit\":5,\"op\":\"search.run\",\"pattern\":\"x\",\"ref\":null,\"regex\":false,"
                    + "\"v\":5,\"wholeWord\":false}";
            case 7 -> "{\"id\":1,\"op\":\"file.open\",\"path\":\"a\",\"ref\":\"x\",\"v\":5} ";
            case 8 -> "{\"id\":1,\"op\":\"status\",\"op\":\"status\",\"v\":5}";
            default -> "{\"id\":1.5,\"op\":\"status\",\"v\":5}";
        };
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] outOfOrder(boolean ungreeted, Random random) {
        if (ungreeted) {
            return Codec.encode(2, new Request.Status());
        }
        Request r = switch (random.nextInt(4)) {
            case 0 -> new Request.Hello(Limits.VERSION, "again");
            case 1 -> new Request.ReadPage(MAIN, TestRepository.MAIN, 0, 100);
            case 2 -> new Request.SearchPage(999, 0, 5);
            default -> new Request.StartSession("Eve", "Elsewhere", null, "0".repeat(64), DemoRoom.PIN);
        };
        return Codec.encode(3, r);
    }

    private static Request harmless(Random random) {
        return switch (random.nextInt(50)) {
            case 0 -> new Request.Definitions("Hello", 3);
            case 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 -> new Request.Status();
            case 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 ->
                    new Request.ReadPage(MAIN, "README.md", random.nextInt(40), 1 + random.nextInt(64));
            default -> new Request.ListFiles(MAIN, 0, 3);
        };
    }
}
