package airlock.core.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.AirlockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The room policy's optional {@code mediaRoots} (issue 17): defaults, round trip, hostile values. */
class MediaRootsPolicyTest {
    private static String withRoots(String rootsJson) {
        String json = PolicyCodecTest.sampleJson();
        // canonical order: "maxSessionMinutes" < "mediaRoots" < "name"
        return json.replace(",\"name\":", ",\"mediaRoots\":" + rootsJson + ",\"name\":");
    }

    @Test
    void absentMeansTheDefaultsAndKeepsTheBytesOfOlderPolicies() throws AirlockException {
        RoomPolicy p = PolicyCodec.parse(PolicyCodec.write(PolicyCodecTest.sample()));
        assertEquals(List.of(Path.of("/media"), Path.of("/run/media")), p.mediaRoots());
        assertFalse(PolicyCodecTest.sampleJson().contains("mediaRoots"), "defaults are not written: the hash stays");
        assertTrue(PolicyDescription.lines(p).contains("removable media under:   /media, /run/media (the defaults)"),
                String.join("\n", PolicyDescription.lines(p)));
    }

    @Test
    void otherRootsRoundTripAndAreShown() throws AirlockException {
        byte[] bytes = withRoots("[\"/mnt/sticks\",\"/srv/usb\"]").getBytes(StandardCharsets.UTF_8);
        RoomPolicy p = PolicyCodec.parse(bytes);
        assertEquals(List.of(Path.of("/mnt/sticks"), Path.of("/srv/usb")), p.mediaRoots());
        assertArrayEquals(bytes, PolicyCodec.write(p), "canonical: written back byte for byte");
        assertEquals(p, PolicyCodec.parse(PolicyCodec.write(PolicyCodecTest.sample().withMediaRoots(p.mediaRoots()))));
        assertTrue(PolicyDescription.lines(p).contains("removable media under:   /mnt/sticks, /srv/usb"),
                String.join("\n", PolicyDescription.lines(p)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty list | [] | policy.field.invalid | mediaRoots is empty",
        "not a list | \"/media\" | policy.field.type | mediaRoots",
        "item not a string | [7] | policy.field.type | mediaRoots[0]",
        "null item | [null] | policy.field.type | mediaRoots[0]",
        "relative | [\"media\"] | policy.field.invalid | absolute",
        "empty string | [\"\"] | policy.field.invalid | not empty",
        "the root | [\"/\"] | policy.field.invalid | / is not a media root",
        "dot dot | [\"/media/../etc\"] | policy.field.invalid | plain form",
        "dot | [\"/media/./x\"] | policy.field.invalid | plain form",
        "doubled slash | [\"/media//x\"] | policy.field.invalid | plain form",
        "trailing slash | [\"/media/\"] | policy.field.invalid | plain form",
        "control character | [\"/media\\u0001\"] | policy.field.invalid | U+0001",
        "newline | [\"/me\\ndia\"] | policy.field.invalid | U+000A",
        "bidi override | [\"/media/\u202Eusb\"] | policy.field.invalid | U+202E",
        "twice | [\"/media\",\"/media\"] | policy.field.invalid | given twice",
    })
    void hostileRootsAreRefusedNamingTheField(String name, String roots, String code, String mention) {
        byte[] bytes = withRoots(roots).getBytes(StandardCharsets.UTF_8);
        AirlockException e = assertThrows(AirlockException.class, () -> PolicyCodec.parse(bytes), name);
        assertEquals(code, e.code(), name + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(mention), name + ": " + e.getMessage());
        assertTrue(e.getMessage().contains("mediaRoots"), name + ": names the field: " + e.getMessage());
    }

    @Test
    void tooManyAndTooLongRootsAreRefused() {
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < MediaRoots.MAX_ROOTS + 1; i++) {
            many.append(i == 0 ? "" : ",").append("\"/m").append(i).append('"');
        }
        AirlockException e = assertThrows(AirlockException.class,
                () -> PolicyCodec.parse(withRoots(many + "]").getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("at most " + MediaRoots.MAX_ROOTS), e.getMessage());
        String longRoot = "/" + "a".repeat(MediaRoots.MAX_LENGTH);
        AirlockException e2 = assertThrows(AirlockException.class,
                () -> PolicyCodec.parse(withRoots("[\"" + longRoot + "\"]").getBytes(StandardCharsets.UTF_8)));
        assertTrue(e2.getMessage().contains("at most " + MediaRoots.MAX_LENGTH + " characters"), e2.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PolicyCodecTest.sample().withMediaRoots(List.of()));
        assertThrows(IllegalArgumentException.class, () -> PolicyCodecTest.sample().withMediaRoots(List.of(Path.of("rel"))));
    }
}
