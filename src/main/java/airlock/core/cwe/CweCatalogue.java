package airlock.core.cwe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The CWE catalogue shipped with Airlock, searchable by id or name for the category picker.
 *
 * @see CweCatalogueLoader
 */
public final class CweCatalogue {
    /** The acknowledgement the CWE Terms of Use ask for, shown in the About box and in reports. */
    public static final String ACKNOWLEDGEMENT = "CWE\u2122 is a trademark of The MITRE Corporation.";

    private final TaxonomyInfo info;
    private final Map<Integer, CweEntry> byId;
    private final List<CweEntry> entries;
    private final List<String> lowerNames;

    /** Identity of the taxonomy, as SARIF {@code taxonomies} need it. */
    public record TaxonomyInfo(String name, String version, String guid, String organization, String releaseDate) {
    }

    public CweCatalogue(TaxonomyInfo info, List<CweEntry> entries) {
        this.info = info;
        this.byId = new TreeMap<>();
        entries.forEach(e -> byId.put(e.id(), e));
        this.entries = List.copyOf(byId.values());
        this.lowerNames = this.entries.stream().map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
    }

    public TaxonomyInfo info() {
        return info;
    }

    public int size() {
        return entries.size();
    }

    public Optional<CweEntry> byId(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The Top 25 entries, by id: what the picker offers before anything is typed. */
    public List<CweEntry> topTwentyFive() {
        return entries.stream().filter(CweEntry::top25).toList();
    }

    /**
     * Entries matching {@code query}, best first: an exact id ({@code 79}, {@code CWE-79},
     * {@code cwe79}), then ids starting with the digits, then names where every word of the query
     * appears (Top 25 first, then names starting with the query, deprecated last).
     */
    public List<CweEntry> search(String query, int limit) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        String digits = q.replaceFirst("^cwe[- ]?", "");
        List<CweEntry> out = new ArrayList<>();
        if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit) && digits.length() <= 9) {
            int id = Integer.parseInt(digits);
            byId(id).ifPresent(out::add);
            for (CweEntry e : entries) {
                if (out.size() >= limit) {
                    break;
                }
                if (e.id() != id && Integer.toString(e.id()).startsWith(digits)) {
                    out.add(e);
                }
            }
            return out.subList(0, Math.min(limit, out.size()));
        }
        String[] words = q.split("\\s+");
        List<Integer> hits = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String name = lowerNames.get(i);
            boolean all = true;
            for (String w : words) {
                all &= name.contains(w);
            }
            if (all) {
                hits.add(i);
            }
        }
        hits.sort(Comparator.<Integer>comparingInt(i -> entries.get(i).deprecated() ? 1 : 0)
                .thenComparingInt(i -> entries.get(i).top25() ? 0 : 1)
                .thenComparingInt(i -> lowerNames.get(i).startsWith(q) ? 0 : 1)
                .thenComparingInt(i -> entries.get(i).id()));
        for (int i = 0; i < hits.size() && out.size() < limit; i++) {
            out.add(entries.get(hits.get(i)));
        }
        return out;
    }
}
