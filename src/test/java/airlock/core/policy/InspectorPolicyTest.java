package airlock.core.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 17: inspectors named in the policy, each with a passphrase verifier; the format's hostile cases. */
class InspectorPolicyTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    static RoomPolicy withInspectors(List<Inspector> inspectors) {
        RoomPolicy strict = RoomPolicy.strictest();
        return new RoomPolicy("Room 4", strict.export(), false, 10, false, 240, SupervisorConfirmation.key(), inspectors);
    }

    @Test
    void inspectorsRoundTripAndAPolicyWithoutThemKeepsItsBytes() throws AirlockException {
        RoomPolicy p = withInspectors(List.of(Inspector.of("Ada Lovelace", "analytical engine".toCharArray(), RANDOM),
                Inspector.of("Zoë Example", "another passphrase".toCharArray(), RANDOM)));
        byte[] bytes = PolicyCodec.write(p);
        RoomPolicy back = PolicyCodec.parse(bytes);
        assertEquals(p, back);
        assertArrayEquals(bytes, PolicyCodec.write(back));
        assertTrue(back.inspector("ada lovelace").orElseThrow().passphrase().matches("analytical engine".toCharArray()));
        assertFalse(new String(bytes, StandardCharsets.UTF_8).contains("analytical"), "only the verifier is stored");
        byte[] none = PolicyCodec.write(withInspectors(List.of()));
        assertFalse(new String(none, StandardCharsets.UTF_8).contains("inspectors\""), "absent, not empty");
        assertEquals(List.of(), PolicyCodec.parse(none).inspectors());
        assertTrue(PolicyDescription.lines(back).contains("inspectors:              2 named, each with a passphrase: Ada Lovelace, Zoë Example"));
    }

    @Test
    void hostileInspectorListsAreRefusedNamingTheField() throws AirlockException {
        String base = new String(PolicyCodec.write(withInspectors(List.of(Inspector.of("Ada Lovelace",
                "analytical engine".toCharArray(), RANDOM)))), StandardCharsets.UTF_8);
        String entry = base.substring(base.indexOf("\"inspectors\":[") + 14, base.indexOf("],\"inspectorsSeeEachOther\""));
        record Case(String text, String code, String mention) {
        }
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(base.replace("\"inspectors\":[" + entry + "]", "\"inspectors\":[]"), "policy.field.invalid",
                "inspectors is empty"));
        cases.add(new Case(base.replace("\"inspectors\":[" + entry + "]", "\"inspectors\":{}"), "policy.field.type", "inspectors"));
        cases.add(new Case(base.replace("\"inspectors\":[" + entry + "]", "\"inspectors\":[" + entry + "," + entry + "]"),
                "policy.field.invalid", "given twice"));
        cases.add(new Case(base.replace("\"name\":\"Ada Lovelace\"", "\"name\":\"Ada \u202ELovelace\""), "policy.field.invalid",
                "inspectors[0].name"));
        cases.add(new Case(base.replace("\"name\":\"Ada Lovelace\"", "\"name\":\" Ada\""), "policy.field.invalid",
                "inspectors[0].name"));
        cases.add(new Case(base.replace(entry, entry.substring(0, entry.length() - 1) + ",\"role\":\"admin\"}"),
                "policy.field.unknown", "inspectors[0].role"));
        cases.add(new Case(base.replace("\"name\":\"Ada Lovelace\",", ""), "policy.field.missing", "inspectors[0].name"));
        cases.add(new Case(base.replace("pbkdf2-hmac-sha256", "md5"), "policy.field.invalid", "algorithm"));
        cases.add(new Case(base.replace("\"inspectors\":[" + entry + "]", "\"inspectors\":[\"Ada\"]"), "policy.field.type",
                "inspectors[0]"));
        String many = String.join(",", java.util.Collections.nCopies(RoomPolicy.MAX_INSPECTORS + 1, entry));
        cases.add(new Case(base.replace("\"inspectors\":[" + entry + "]", "\"inspectors\":[" + many + "]"), null, ""));
        for (Case c : cases) {
            byte[] bytes = c.text().getBytes(StandardCharsets.UTF_8);
            AirlockException e = assertThrows(AirlockException.class, () -> PolicyCodec.parse(bytes), c.text());
            if (c.code() != null) {
                assertEquals(c.code(), e.code(), e.getMessage());
                assertTrue(e.getMessage().contains(c.mention()), e.getMessage());
            }
        }
    }

    @Test
    void aShortPassphraseOrDuplicateNameIsRefusedWhenMade() {
        assertThrows(IllegalArgumentException.class, () -> Inspector.of("Ada", "short".toCharArray(), RANDOM));
        Inspector a = Inspector.of("Ada", "analytical engine".toCharArray(), RANDOM);
        Inspector b = Inspector.of("ADA", "analytical engine".toCharArray(), RANDOM);
        assertThrows(IllegalArgumentException.class, () -> withInspectors(List.of(a, b)));
    }
}
