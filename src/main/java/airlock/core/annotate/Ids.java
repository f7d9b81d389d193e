package airlock.core.annotate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses the lower-case stable names of the annotation enums, naming the allowed values on failure. */
final class Ids {
    private Ids() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String id) {
        if (id != null && id.equals(id.toLowerCase(Locale.ROOT))) {
            for (E value : type.getEnumConstants()) {
                if (value.name().toLowerCase(Locale.ROOT).equals(id)) {
                    return value;
                }
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("unknown " + type.getSimpleName().toLowerCase(Locale.ROOT)
                + " '" + id + "' (allowed: " + allowed + ")");
    }
}
