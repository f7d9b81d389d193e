package airlock.core.symbols;

import java.util.List;
import java.util.Map;

/**
 * What the tags extractor found in one file.
 *
 * @param definitions definitions in source order
 * @param occurrences for each referenced name, its positions packed as {@link Occurrences} ints
 */
public record FileSymbols(List<Tag> definitions, Map<String, int[]> occurrences) {
}
