package airlock.core.symbols;

import java.util.List;

/**
 * One page of the references to a name.
 *
 * @param references the page, ordered by path then position
 * @param offset     index of the first one in the full list
 * @param total      number of references in the full list
 */
public record ReferencePage(List<Reference> references, long offset, long total) {

    public boolean hasMore() {
        return offset + references.size() < total;
    }
}
