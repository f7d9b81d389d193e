package airlock.ui.annotate;

import airlock.ui.Texts;
import java.util.Locale;

/** The bundle text of an enum value: {@code prefix} + its lower-case name (every value has a key; TextsTest checks the literal ones). */
final class EnumTexts {
    private EnumTexts() {
    }

    static String of(Texts texts, String prefix, Enum<?> value) {
        String key = prefix + value.name().toLowerCase(Locale.ROOT);
        return texts.get(key);
    }
}
