package airlock.core.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PolicyCodecTest {
    static RoomPolicy sample() {
        return new RoomPolicy("Room 2", new RoomPolicy.ExportRules(true, true, 5, 20, 100, false, List.of("secrets/**", "*.pem")),
                false, 10, true, 480, SupervisorConfirmation.key());
    }

    static String sampleJson() {
        return new String(PolicyCodec.write(sample()), StandardCharsets.UTF_8);
    }

    @Test
    void roundTripsThroughCanonicalBytes() throws AirlockException {
        byte[] bytes = PolicyCodec.write(sample());
        assertEquals(sample(), PolicyCodec.parse(bytes));
        assertArrayEquals(bytes, PolicyCodec.write(PolicyCodec.parse(bytes)));
        assertTrue(sampleJson().startsWith("{\"clipboard\":false,\"confirmation\":{\"mode\":\"key\"}"), sampleJson());
    }

    @Test
    void aPinConfirmationRoundTrips() throws AirlockException {
        PinHash pin = PinHash.of("246810".toCharArray(), new SecureRandom());
        RoomPolicy p = new RoomPolicy("r", RoomPolicy.ExportRules.strictest(), false, 5, false, 60, SupervisorConfirmation.pin(pin));
        RoomPolicy back = PolicyCodec.parse(PolicyCodec.write(p));
        assertEquals(p, back);
        assertTrue(back.confirmation().pin().matches("246810".toCharArray()));
        assertFalse(back.confirmation().pin().matches("246811".toCharArray()));
    }

    @Test
    void theStrictestDefaultsAllowNoCodeAndNeedASupervisorKey() {
        RoomPolicy p = RoomPolicy.strictest();
        assertFalse(p.export().snippets());
        assertFalse(p.clipboard());
        assertFalse(p.inspectorsSeeEachOther());
        assertFalse(p.export().searchStrings());
        assertEquals(SupervisorConfirmation.Mode.KEY, p.confirmation().mode());
        assertFalse(p.exportPolicy().snippetsAllowed());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown top-level field | \"clipboard\":false, | \"clipboard\":false,\"colour\":\"red\", | policy.field.unknown | colour",
        "unknown nested field | \"maxSnippetLinesPerFile\" | \"images\":true,\"maxSnippetLinesPerFile\" | policy.field.unknown | export.images",
        "wrong type boolean | \"clipboard\":false | \"clipboard\":\"no\" | policy.field.type | clipboard",
        "wrong type integer | \"idleLockMinutes\":10 | \"idleLockMinutes\":\"10\" | policy.field.type | idleLockMinutes",
        "null value | \"maxSessionMinutes\":480 | \"maxSessionMinutes\":null | policy.field.type | maxSessionMinutes",
        "out of range | \"idleLockMinutes\":10 | \"idleLockMinutes\":0 | policy.field.invalid | idleLockMinutes",
        "negative limit | \"maxSnippetLinesPerFile\":20 | \"maxSnippetLinesPerFile\":-1 | policy.field.invalid | export.maxSnippetLinesPerFile",
        "missing field | \"inspectorsSeeEachOther\":true, | '' | policy.field.missing | inspectorsSeeEachOther",
        "wrong type string | \"airlock-room-policy/1\" | \"airlock-bundle-manifest/1\" | policy.type | not a room policy",
        "unknown mode | \"mode\":\"key\" | \"mode\":\"wave\" | policy.field.invalid | confirmation.mode",
        "pin without hash | \"mode\":\"key\" | \"mode\":\"pin\" | policy.field.missing | confirmation.pin",
        "bad glob | \"*.pem\" | \"/etc/passwd\" | policy.field.invalid | forbiddenPaths[1]",
        "list item not string | \"*.pem\" | 7 | policy.field.type | forbiddenPaths[1]",
        "float | \"idleLockMinutes\":10 | \"idleLockMinutes\":10.5 | policy.json | fractions",
        "duplicate key | \"clipboard\":false, | \"clipboard\":false,\"clipboard\":true, | policy.json | duplicate",
        "whitespace | \"clipboard\":false | \"clipboard\": false | policy.json | canonical",
        "snippets with zero limit | \"maxSnippetLinesPerFinding\":5 | \"maxSnippetLinesPerFinding\":0 | policy.field.invalid | positive",
        "document is a list | {\"clipboard\" | [{\"clipboard\" | policy.field.type | (the document)",
    })
    void hostileOrMistakenPoliciesAreRefusedNamingTheField(String name, String from, String to, String code, String mention) {
        String json = sampleJson();
        assertTrue(json.contains(from), name + ": sample lacks " + from);
        String bad = json.replace(from, to);
        if (name.equals("document is a list")) {
            bad = bad + "]";
        }
        byte[] bytes = bad.getBytes(StandardCharsets.UTF_8);
        AirlockException e = assertThrows(AirlockException.class, () -> PolicyCodec.parse(bytes), name);
        assertEquals(code, e.code(), name + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(mention), name + ": " + e.getMessage());
    }

    @Test
    void garbageAndHugeInputsGiveAClearError() {
        for (byte[] bytes : new byte[][] {new byte[0], {(byte) 0xff, (byte) 0xfe}, "null".getBytes(StandardCharsets.UTF_8),
                "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]".getBytes(StandardCharsets.UTF_8)}) {
            AirlockException e = assertThrows(AirlockException.class, () -> PolicyCodec.parse(bytes));
            assertTrue(e.getMessage().startsWith("The policy") || e.getMessage().startsWith("Policy field"), e.getMessage());
        }
        AirlockException big = assertThrows(AirlockException.class, () -> PolicyCodec.parse(new byte[PolicyCodec.MAX_BYTES + 1]));
        assertEquals("policy.too.large", big.code());
    }
}
