package airlock.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import airlock.core.AirlockException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class Base64StrictTest {
    @Test
    void decodesCanonicalText() throws AirlockException {
        assertArrayEquals(new byte[] {'A'}, Base64Strict.decode("QQ=="));
        assertArrayEquals(new byte[0], Base64Strict.decode(""));
        assertEquals("QUJD", Base64Strict.encode("ABC".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    @ParameterizedTest
    @CsvSource({"QR==,base64.noncanonical", "QQ,base64.noncanonical", "QUI,base64.noncanonical",
        "Q,base64.invalid", "QQ=,base64.invalid", "Q Q==,base64.invalid", "-_8=,base64.invalid",
        "QQ===,base64.invalid"})
    void refusesEverySecondSpelling(String text, String code) {
        assertEquals(code, assertThrows(AirlockException.class, () -> Base64Strict.decode(text)).code());
    }

    @Test
    void refusesWhitespace() {
        for (String text : new String[] {"QQ==\n", " QQ==", "QQ\r\n=="}) {
            assertEquals("base64.invalid", assertThrows(AirlockException.class, () -> Base64Strict.decode(text)).code());
        }
    }
}
