package airlock.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import airlock.core.annotate.Annotation;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AnnotationsJsonTest {
    static final ObjectMapper MAPPER = new ObjectMapper();

    static String export(ExportDocument doc, ExportPolicy policy) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AnnotationsJsonExporter().write(doc, policy, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    static ImportedExport read(String json) throws ImportException {
        return new AnnotationsJsonReader().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void validatesAgainstItsOwnSchema() throws Exception {
        for (ExportPolicy policy : new ExportPolicy[] {ExportPolicy.none(), ExportPolicy.snippets(3)}) {
            assertEquals("", Schemas.errors(Schemas.annotations(), MAPPER.readTree(export(ExportFixtures.document(30), policy))));
        }
    }

    @Test
    void roundTripsExactlyWithoutCode() throws Exception {
        ExportDocument doc = ExportFixtures.document(12);
        ImportedExport back = read(export(doc, ExportPolicy.none()));
        assertEquals(doc.session(), back.session());
        assertEquals(doc.bundle(), back.bundle());
        for (int i = 0; i < doc.annotations().size(); i++) {
            Annotation original = doc.annotations().get(i);
            Annotation expected = original.withAnchor(original.anchor().withoutText(), original.anchorState());
            assertEquals(expected, back.annotations().get(i));
        }
    }

    @Test
    void fullSnippetsComeBackAsOriginalText() throws Exception {
        ExportDocument doc = ExportFixtures.document(3);
        ImportedExport back = read(export(doc, ExportPolicy.snippets(50)));
        assertEquals(doc.annotations().get(1), back.annotations().get(1));
    }

    @Test
    void suspiciousCharactersAreEscapedNotRaw() throws Exception {
        String json = export(ExportFixtures.document(4), ExportPolicy.none());
        assertFalse(json.indexOf('\u202e') >= 0);
        assertFalse(json.indexOf('\u200b') >= 0);
        assertTrue(json.contains("lib/evil\\u202Egnp.c"));
        assertFalse(json.contains("strcpy(buf"), "no code without a policy");
    }

    @Test
    void documentedFieldOrderIsStable() throws Exception {
        String json = export(ExportFixtures.document(1), ExportPolicy.none());
        assertTrue(json.startsWith("{\n  \"format\" : \"airlock-annotations\",\n  \"formatVersion\" : 1,"), json.substring(0, 80));
    }

    @Test
    void hostileInputIsRefusedWithAMessageNamingThePlace() throws Exception {
        String good = export(ExportFixtures.document(2), ExportPolicy.none());
        String[][] cases = {
            {"", "empty"},
            {"[]", "not an Airlock annotations export"},
            {"{\"format\":\"airlock-annotations\",\"format\":\"x\"}", "not valid JSON"},
            {good + " {}", "not valid JSON"},
            {good.substring(0, good.length() / 2), "not valid JSON"},
            {good.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2"), "format version 2"},
            {good.replace("\"severity\" : \"informational\"", "\"severity\" : \"catastrophic\""), "$.annotations[0].severity is invalid"},
            {good.replaceFirst("\"startLine\" : 3", "\"startLine\" : -3"), "$.annotations[0].location.ranges[0].startLine"},
            {good.replaceFirst("\"startOffset\" : \\d+", "\"startOffset\" : 99999999"), "is not a valid range"},
            {good.replaceFirst("\"title\" : \"[^\"]*\"", "\"title\" : \"" + "x".repeat(501) + "\""), "$.annotations[0].title is longer than 500"},
            {good.replaceFirst("\"title\" : \"[^\"]*\",", ""), "$.annotations[0].title is missing"},
            {good.replaceFirst("\"body\"", "\"evil\" : 1, \"body\""), "unknown field 'evil'"},
            {good.replaceFirst("\"commit\" : \"[0-9a-f]+\"", "\"commit\" : \"../../etc\""), "unexpected form"},
            {good.replaceFirst("\"text\" : \"[0-9a-f]+\"", "\"text\" : \"00\""), "fingerprint.text"},
            {good.replaceFirst("\"created\" : \"[^\"]+\"", "\"created\" : \"yesterday\""), "not a UTC time"},
            {good.replaceFirst("\"cwe\" : \"CWE-\\d+\"", "\"cwe\" : \"CWE-0\""), "cwe has an unexpected form"},
            {good.replaceFirst("\"tags\" : \\[", "\"tags\" : [ 5, "), "tags[0] must be a string"},
            {"{\"format\":\"airlock-annotations\",\"formatVersion\":1,\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}", "not valid JSON"},
            {"{\"format\":\"airlock-annotations\",\"formatVersion\":1e400}", "formatVersion must be an integer"},
        };
        for (String[] c : cases) {
            ImportException e = assertThrows(ImportException.class, () -> read(c[0]), c[1]);
            assertTrue(e.getMessage().contains(c[1]), "expected '" + c[1] + "' in: " + e.getMessage());
            assertEquals("annotations.import.invalid", e.code());
        }
    }

    @Test
    void oversizedInputStopsAtTheBudgetWithoutReadingItAll() {
        java.io.InputStream endless = new java.io.InputStream() {
            long served;

            @Override
            public int read() {
                return served++ == 0 ? '[' : ' ';
            }
        };
        ImportException e = assertThrows(ImportException.class, () -> new AnnotationsJsonReader().read(endless));
        assertTrue(e.getMessage().contains("larger than"), e.getMessage());
    }
}
