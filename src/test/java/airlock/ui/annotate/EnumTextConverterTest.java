package airlock.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import airlock.core.annotate.Severity;
import airlock.ui.Texts;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class EnumTextConverterTest {
    private final Texts texts = Texts.load(Locale.ENGLISH);

    @Test
    void everyValueReadsBackFromItsText() {
        EnumTextConverter<Severity> converter = new EnumTextConverter<>(texts, "annot.severity.", Severity.values(), "Any");
        for (Severity value : Severity.values()) {
            String shown = converter.toString(value);
            assertEquals(texts.get("annot.severity." + value.name().toLowerCase(Locale.ROOT)), shown);
            assertEquals(value, converter.fromString(shown));
        }
    }

    @Test
    void theNullTextAndUnknownTextsReadAsNoValue() {
        EnumTextConverter<Severity> converter = new EnumTextConverter<>(texts, "annot.severity.", Severity.values(), "Any");
        assertEquals("Any", converter.toString(null));
        assertNull(converter.fromString("Any"));
        assertNull(converter.fromString("no such severity"));
        assertNull(converter.fromString(null));
    }
}
