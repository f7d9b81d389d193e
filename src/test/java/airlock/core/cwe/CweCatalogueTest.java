package airlock.core.cwe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CweCatalogueTest {
    static CweCatalogue catalogue;

    @BeforeAll
    static void load() throws Exception {
        catalogue = new CweCatalogueLoader(new ObjectMapper()).loadBundled();
    }

    @Test
    void loadsTheFullCatalogueWithItsIdentity() {
        assertEquals(1389, catalogue.size());
        assertEquals("4.8", catalogue.info().version());
        assertEquals("A70FCFF4-F2E9-4210-9D2A-BF50D7D64D5D", catalogue.info().guid());
        CweEntry xss = catalogue.byId(79).orElseThrow();
        assertTrue(xss.name().contains("Cross-site Scripting"));
        assertTrue(xss.top25());
        assertFalse(catalogue.byId(1).orElseThrow().top25());
        assertTrue(catalogue.byId(999_999).isEmpty());
    }

    @Test
    void theTopTwentyFiveAreOfferedBeforeAnythingIsTyped() {
        var top = catalogue.topTwentyFive();
        assertTrue(top.size() >= 20 && top.size() <= 30, "Top 25 (the catalogue marks " + top.size() + ")");
        assertTrue(top.stream().allMatch(e -> e.top25()));
        assertTrue(top.stream().anyMatch(e -> e.id() == 79), "CWE-79 is in the Top 25");
    }

    @Test
    void searchByIdInEveryUsualSpelling() {
        for (String q : List.of("79", "CWE-79", "cwe79", " cwe 79 ")) {
            assertEquals(79, catalogue.search(q, 5).get(0).id(), q);
        }
        assertTrue(catalogue.search("12", 50).stream().allMatch(e -> Integer.toString(e.id()).startsWith("12")));
    }

    @Test
    void searchByNameWordsPutsTop25AndLiveEntriesFirst() {
        List<CweEntry> hits = catalogue.search("buffer overflow", 10);
        assertFalse(hits.isEmpty());
        assertTrue(hits.stream().allMatch(e -> e.name().toLowerCase().contains("buffer")));
        assertFalse(hits.get(0).deprecated());
        List<CweEntry> sql = catalogue.search("sql injection", 3);
        assertEquals(89, sql.get(0).id());
    }

    @Test
    void oddQueriesReturnNothingOrEverythingWithoutFailing() {
        assertTrue(catalogue.search("zzzz-no-such-weakness", 10).isEmpty());
        assertEquals(10, catalogue.search("", 10).size());
        assertTrue(catalogue.search("99999999999999999999", 10).isEmpty());
        assertEquals(0, catalogue.search("a", 0).size());
    }
}
