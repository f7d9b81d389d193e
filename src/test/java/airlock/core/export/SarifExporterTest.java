package airlock.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.cwe.CweCatalogue;
import airlock.core.cwe.CweCatalogueLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SarifExporterTest {
    static CweCatalogue catalogue;
    static final ObjectMapper MAPPER = new ObjectMapper();

    @BeforeAll
    static void load() throws Exception {
        catalogue = new CweCatalogueLoader(MAPPER).loadBundled();
    }

    static String export(ExportDocument doc, ExportPolicy policy) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SarifExporter(catalogue).write(doc, policy, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void validatesAgainstTheOfficialSchema() throws Exception {
        for (ExportPolicy policy : new ExportPolicy[] {ExportPolicy.none(), ExportPolicy.snippets(1)}) {
            JsonNode sarif = MAPPER.readTree(export(ExportFixtures.document(25), policy));
            assertEquals("", Schemas.errors(Schemas.sarif(), sarif));
        }
        assertEquals("", Schemas.errors(Schemas.sarif(), MAPPER.readTree(export(ExportFixtures.document(0), ExportPolicy.none()))));
    }

    @Test
    void hasTheStructureViewersExpect() throws Exception {
        JsonNode sarif = MAPPER.readTree(export(ExportFixtures.document(10), ExportPolicy.none()));
        assertEquals("2.1.0", sarif.path("version").asText());
        assertEquals(1, sarif.path("runs").size());
        JsonNode run = sarif.path("runs").path(0);
        assertEquals("Airlock", run.at("/tool/driver/name").asText());
        assertEquals(10, run.path("results").size());
        assertEquals(ExportFixtures.COMMIT, run.at("/versionControlProvenance/0/revisionId").asText());
        JsonNode taxonomy = run.at("/taxonomies/0");
        assertEquals("CWE", taxonomy.path("name").asText());
        assertEquals("4.8", taxonomy.path("version").asText());
        JsonNode rules = run.at("/tool/driver/rules");
        for (JsonNode result : run.path("results")) {
            assertEquals(result.path("ruleId").asText(), rules.path(result.path("ruleIndex").asInt()).path("id").asText());
            if (result.has("taxa")) {
                JsonNode taxonRef = result.at("/taxa/0");
                assertEquals(taxonRef.path("id").asText(), taxonomy.path("taxa").path(taxonRef.path("index").asInt()).path("id").asText());
                assertEquals(result.path("ruleId").asText(), taxonRef.path("id").asText());
            }
            assertTrue(result.path("guid").asText().matches("[0-9a-f-]{36}"));
            assertTrue(result.at("/partialFingerprints/airlockLines~1v1").asText().matches("[0-9a-f]{64}"));
            assertEquals("SRCROOT", result.at("/locations/0/physicalLocation/artifactLocation/uriBaseId").asText());
        }
        JsonNode xssTaxon = null;
        for (JsonNode t : taxonomy.path("taxa")) {
            if (t.path("id").asText().equals("CWE-79")) {
                xssTaxon = t;
            }
        }
        assertTrue(xssTaxon.path("name").asText().contains("Cross-site Scripting"));
    }

    @Test
    void statusMapsToKindAndSuppressions() throws Exception {
        JsonNode results = MAPPER.readTree(export(ExportFixtures.document(5), ExportPolicy.none())).at("/runs/0/results");
        // fixture i has status values()[i]: open, confirmed, disputed, resolved, false_positive
        assertEquals(0, results.at("/0/suppressions").size());
        assertEquals("fail", results.at("/1/kind").asText());
        assertEquals("underReview", results.at("/2/suppressions/0/status").asText());
        assertEquals("external", results.at("/2/suppressions/0/kind").asText());
        assertEquals("pass", results.at("/3/kind").asText());
        assertEquals("none", results.at("/3/level").asText());
        assertEquals("accepted", results.at("/4/suppressions/0/status").asText());
        assertEquals("false_positive", results.at("/4/properties/status").asText());
    }

    @Test
    void regionsAndUrisAreExact() throws Exception {
        JsonNode results = MAPPER.readTree(export(ExportFixtures.document(4), ExportPolicy.none())).at("/runs/0/results");
        JsonNode region = results.at("/0/locations/0/physicalLocation/region");
        assertEquals(3, region.path("startLine").asInt());
        assertEquals(5, region.path("startColumn").asInt());
        assertEquals(4, region.path("endLine").asInt());
        assertEquals(5, region.path("endColumn").asInt());
        assertEquals(2, results.at("/0/locations").size());
        assertEquals("src/dir%20with%20space/%C3%BCn%C3%AFcode%20%231%3F.c", results.at("/1/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals("lib/evil%E2%80%AEgnp.c", results.at("/2/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals("x%3A/100%25/a.c", results.at("/3/locations/0/physicalLocation/artifactLocation/uri").asText());
    }

    @Test
    void noCodeWithoutPolicyAndVisibleEscapesEverywhere() throws Exception {
        String none = export(ExportFixtures.document(8), ExportPolicy.none());
        assertFalse(none.contains("snippet"));
        assertFalse(none.contains("strcpy(buf"), "code must not leave without a policy");
        for (char c : new char[] {'\u202e', '\u2066', '\u200b'}) {
            assertFalse(none.indexOf(c) >= 0, "raw U+" + Integer.toHexString(c));
        }
        assertTrue(none.contains("<U+202E>"));
        String with = export(ExportFixtures.document(3), ExportPolicy.snippets(1));
        JsonNode snippet = MAPPER.readTree(with).at("/runs/0/results/0/locations/0/physicalLocation/region/snippet/text");
        assertTrue(snippet.asText().startsWith("strcpy(buf, p); /* <U+202E> } <U+2066> */\n[... 1 more lines cut"), snippet.asText());
    }
}
