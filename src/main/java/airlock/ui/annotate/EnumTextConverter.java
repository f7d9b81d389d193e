package airlock.ui.annotate;

import airlock.ui.Texts;
import java.util.List;
import javafx.util.StringConverter;

/**
 * Shows enum values by their bundle text ({@link EnumTexts}) and reads such a text back to its value, so the
 * conversion is whole in both directions. {@code null} is shown as {@code nullText} (an "any" entry of a filter).
 */
final class EnumTextConverter<E extends Enum<E>> extends StringConverter<E> {
    private final Texts texts;
    private final String prefix;
    private final List<E> values;
    private final String nullText;

    EnumTextConverter(Texts texts, String prefix, E[] values, String nullText) {
        this.texts = texts;
        this.prefix = prefix;
        this.values = List.of(values);
        this.nullText = nullText;
    }

    @Override
    public String toString(E value) {
        return value == null ? nullText : EnumTexts.of(texts, prefix, value);
    }

    /** The value shown as {@code text}; {@code null} for the null text or a text no value has. */
    @Override
    public E fromString(String text) {
        for (E value : values) {
            if (EnumTexts.of(texts, prefix, value).equals(text)) {
                return value;
            }
        }
        return null;
    }
}
