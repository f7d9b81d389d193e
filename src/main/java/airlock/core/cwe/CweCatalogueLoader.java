package airlock.core.cwe;

import airlock.core.AirlockException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the CWE catalogue shipped as SARIF taxonomies under {@code resources/airlock/cwe/}
 * (provenance and licence beside the files).
 */
public final class CweCatalogueLoader {
    static final String CATALOGUE = "/airlock/cwe/CWE_v4.8.sarif";
    static final String TOP25 = "/airlock/cwe/CWE_Top25_v2020.sarif";

    private final ObjectMapper mapper;

    public CweCatalogueLoader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The catalogue that ships with the application. */
    public CweCatalogue loadBundled() throws AirlockException {
        JsonNode top = taxonomy(TOP25);
        Set<Integer> top25 = new HashSet<>();
        for (JsonNode taxon : top.path("taxa")) {
            top25.add(parseId(taxon.path("id").asText(), TOP25));
        }
        JsonNode all = taxonomy(CATALOGUE);
        List<CweEntry> entries = new ArrayList<>();
        for (JsonNode taxon : all.path("taxa")) {
            int id = parseId(taxon.path("id").asText(), CATALOGUE);
            String description = taxon.path("shortDescription").path("text").asText(
                    taxon.path("fullDescription").path("text").asText(""));
            entries.add(new CweEntry(id, taxon.path("name").asText(""), description.strip().replaceAll("\\s+", " "), top25.contains(id)));
        }
        CweCatalogue.TaxonomyInfo info = new CweCatalogue.TaxonomyInfo("CWE", all.path("version").asText(),
                all.path("guid").asText(), all.path("organization").asText(), all.path("releaseDateUtc").asText());
        return new CweCatalogue(info, entries);
    }

    private JsonNode taxonomy(String resource) throws AirlockException {
        try (InputStream in = CweCatalogueLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AirlockException("cwe.catalogue.missing", "the CWE catalogue " + resource + " is missing from the application");
            }
            JsonNode taxonomy = mapper.readTree(in).path("runs").path(0).path("taxonomies").path(0);
            if (!taxonomy.path("taxa").isArray()) {
                throw new AirlockException("cwe.catalogue.invalid", "the CWE catalogue " + resource + " has no taxa");
            }
            return taxonomy;
        } catch (IOException e) {
            throw new AirlockException("cwe.catalogue.invalid", "cannot read the CWE catalogue " + resource + ": " + e.getMessage(), e);
        }
    }

    private static int parseId(String id, String resource) throws AirlockException {
        if (!id.matches("CWE-[0-9]{1,6}")) {
            throw new AirlockException("cwe.catalogue.invalid", "unexpected taxon id '" + id + "' in " + resource);
        }
        return Integer.parseInt(id.substring(4));
    }
}
