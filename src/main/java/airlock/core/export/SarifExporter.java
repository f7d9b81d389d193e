package airlock.core.export;

import airlock.core.annotate.AnchoredRange;
import airlock.core.annotate.Annotation;
import airlock.core.annotate.Reply;
import airlock.core.annotate.Status;
import airlock.core.annotate.TextRange;
import airlock.core.cwe.CweCatalogue;
import airlock.core.cwe.CweEntry;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SARIF 2.1.0: one run, {@code tool.driver} Airlock with one rule per CWE used (plus one for
 * uncategorised findings), one result per finding, CWE through {@code taxa} and the run's
 * {@code taxonomies}, status through {@code kind}/{@code suppressions} (see {@link SarifMapping}),
 * and the bundle commit in {@code versionControlProvenance}. Texts a viewer renders have
 * invisible and bidi characters replaced by visible tokens.
 */
public final class SarifExporter implements Exporter {
    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    static final String UNCATEGORISED = "AIRLOCK-UNCATEGORISED";
    static final String SRCROOT = "SRCROOT";
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}"); // as the schema's guid

    private final CweCatalogue catalogue;

    public SarifExporter(CweCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public ExportFormat format() {
        return ExportFormat.SARIF;
    }

    @Override
    public void write(ExportDocument doc, ExportPolicy policy, OutputStream out) throws IOException {
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        Map<Integer, Integer> taxonIndex = new LinkedHashMap<>();
        for (Annotation a : doc.annotations()) {
            ruleIndex.putIfAbsent(ruleId(a), ruleIndex.size());
            if (a.cweId() != null) {
                taxonIndex.putIfAbsent(a.cweId(), taxonIndex.size());
            }
        }
        try (JsonGenerator g = Json.generator(out)) {
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            writeTool(g, doc, ruleIndex, taxonIndex);
            writeInvocation(g, doc);
            writeProvenance(g, doc);
            g.writeStringField("columnKind", "utf16CodeUnits");
            writeTaxonomies(g, taxonIndex);
            g.writeArrayFieldStart("results");
            for (Annotation a : doc.annotations()) {
                writeResult(g, a, policy, ruleIndex, taxonIndex);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static String ruleId(Annotation a) {
        return a.cweId() == null ? UNCATEGORISED : a.cweLabel();
    }

    private String cweName(int id) {
        return catalogue.byId(id).map(CweEntry::name).orElse("CWE-" + id + " (not in CWE " + catalogue.info().version() + ")");
    }

    private void writeTool(JsonGenerator g, ExportDocument doc, Map<String, Integer> rules, Map<Integer, Integer> taxa) throws IOException {
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", "Airlock");
        g.writeStringField("fullName", "Airlock source review workstation (manual review findings)");
        g.writeStringField("version", doc.toolVersion());
        g.writeArrayFieldStart("rules");
        for (String id : rules.keySet()) {
            g.writeStartObject();
            g.writeStringField("id", id);
            boolean cwe = !id.equals(UNCATEGORISED);
            int number = cwe ? Integer.parseInt(id.substring(4)) : 0;
            g.writeObjectFieldStart("shortDescription");
            g.writeStringField("text", cwe ? VisibleText.escape(cweName(number)) : "Finding without a CWE category");
            g.writeEndObject();
            if (cwe) {
                g.writeArrayFieldStart("relationships");
                g.writeStartObject();
                g.writeObjectFieldStart("target");
                g.writeStringField("id", id);
                g.writeNumberField("index", taxa.get(number));
                writeCweComponent(g);
                g.writeEndObject();
                g.writeArrayFieldStart("kinds");
                g.writeString("equal");
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("supportedTaxonomies");
        g.writeStartObject();
        g.writeStringField("name", catalogue.info().name());
        g.writeNumberField("index", 0);
        g.writeStringField("guid", catalogue.info().guid());
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private void writeCweComponent(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("toolComponent");
        g.writeStringField("name", catalogue.info().name());
        g.writeNumberField("index", 0);
        g.writeStringField("guid", catalogue.info().guid());
        g.writeEndObject();
    }

    private static void writeInvocation(JsonGenerator g, ExportDocument doc) throws IOException {
        SessionInfo s = doc.session();
        g.writeArrayFieldStart("invocations");
        g.writeStartObject();
        g.writeBooleanField("executionSuccessful", true);
        g.writeStringField("startTimeUtc", s.started().toString());
        if (s.ended() != null) {
            g.writeStringField("endTimeUtc", s.ended().toString());
        }
        g.writeStringField("machine", VisibleText.escape(s.workstation()));
        g.writeStringField("account", VisibleText.escape(s.inspector()));
        g.writeObjectFieldStart("properties");
        g.writeStringField("sessionId", s.id());
        g.writeStringField("exportedAt", doc.exportedAt().toString());
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("automationDetails");
        g.writeStringField("id", "airlock-session/" + UriPaths.encode(s.id()));
        g.writeEndObject();
    }

    private static void writeProvenance(JsonGenerator g, ExportDocument doc) throws IOException {
        BundleIdentity b = doc.bundle();
        g.writeObjectFieldStart("originalUriBaseIds");
        g.writeObjectFieldStart(SRCROOT);
        g.writeObjectFieldStart("description");
        g.writeStringField("text", "Root of the reviewed source bundle " + VisibleText.escape(b.product() + " " + b.release()));
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeArrayFieldStart("versionControlProvenance");
        g.writeStartObject();
        g.writeStringField("repositoryUri", "urn:airlock:bundle:" + UriPaths.encode(b.id()));
        g.writeStringField("revisionId", b.commit());
        g.writeStringField("branch", VisibleText.escape(b.ref()));
        g.writeObjectFieldStart("mappedTo");
        g.writeStringField("uriBaseId", SRCROOT);
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeStringField("product", VisibleText.escape(b.product()));
        g.writeStringField("release", VisibleText.escape(b.release()));
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
    }

    private void writeTaxonomies(JsonGenerator g, Map<Integer, Integer> taxa) throws IOException {
        CweCatalogue.TaxonomyInfo info = catalogue.info();
        g.writeArrayFieldStart("taxonomies");
        g.writeStartObject();
        g.writeStringField("name", info.name());
        g.writeStringField("version", info.version());
        g.writeStringField("guid", info.guid());
        g.writeStringField("organization", info.organization());
        g.writeStringField("releaseDateUtc", info.releaseDate());
        g.writeObjectFieldStart("shortDescription");
        g.writeStringField("text", "The MITRE Common Weakness Enumeration. " + CweCatalogue.ACKNOWLEDGEMENT);
        g.writeEndObject();
        g.writeBooleanField("isComprehensive", false);
        g.writeArrayFieldStart("taxa");
        for (Integer id : taxa.keySet()) {
            g.writeStartObject();
            g.writeStringField("id", "CWE-" + id);
            g.writeStringField("name", VisibleText.escape(cweName(id)));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
    }

    private void writeResult(JsonGenerator g, Annotation a, ExportPolicy policy, Map<String, Integer> rules,
            Map<Integer, Integer> taxa) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", ruleId(a));
        g.writeNumberField("ruleIndex", rules.get(ruleId(a)));
        g.writeStringField("kind", SarifMapping.kind(a.status()));
        g.writeStringField("level", SarifMapping.level(a.severity(), a.status()));
        g.writeNumberField("rank", SarifMapping.rank(a.severity()));
        g.writeObjectFieldStart("message");
        g.writeStringField("text", VisibleText.escape(a.body().isBlank() ? a.title() : a.title() + "\n\n" + a.body()));
        g.writeEndObject();
        if (GUID.matcher(a.id()).matches()) {
            g.writeStringField("guid", a.id());
        }
        g.writeArrayFieldStart("locations");
        for (AnchoredRange r : a.anchor().ranges()) {
            writeLocation(g, a.anchor().path(), r, policy);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField("airlockLines/v1", a.anchor().primary().fingerprint().linesHash());
        g.writeStringField("airlockContext/v1", a.anchor().primary().fingerprint().contextDigest());
        g.writeEndObject();
        if (a.cweId() != null) {
            g.writeArrayFieldStart("taxa");
            g.writeStartObject();
            g.writeStringField("id", a.cweLabel());
            g.writeNumberField("index", taxa.get(a.cweId()));
            writeCweComponent(g);
            g.writeEndObject();
            g.writeEndArray();
        }
        writeSuppressions(g, a.status());
        g.writeObjectFieldStart("provenance");
        g.writeStringField("firstDetectionTimeUtc", a.created().toString());
        g.writeStringField("lastDetectionTimeUtc", a.updated().toString());
        g.writeEndObject();
        writeProperties(g, a);
        g.writeEndObject();
    }

    private static void writeLocation(JsonGenerator g, String path, AnchoredRange r, ExportPolicy policy) throws IOException {
        TextRange t = r.range();
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", UriPaths.encode(path));
        g.writeStringField("uriBaseId", SRCROOT);
        g.writeEndObject();
        g.writeObjectFieldStart("region");
        g.writeNumberField("startLine", t.startLine());
        g.writeNumberField("startColumn", t.startColumn());
        g.writeNumberField("endLine", t.endLine());
        g.writeNumberField("endColumn", t.endColumn());
        g.writeNumberField("charOffset", t.startOffset());
        g.writeNumberField("charLength", t.length());
        String snippet = policy.snippet(r.originalText());
        if (snippet != null) {
            g.writeObjectFieldStart("snippet");
            g.writeStringField("text", VisibleText.escape(snippet));
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeSuppressions(JsonGenerator g, Status status) throws IOException {
        g.writeArrayFieldStart("suppressions");
        String suppression = SarifMapping.suppressionStatus(status);
        if (suppression != null) {
            g.writeStartObject();
            g.writeStringField("kind", "external");
            g.writeStringField("status", suppression);
            g.writeStringField("justification", SarifMapping.suppressionJustification(status));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeProperties(JsonGenerator g, Annotation a) throws IOException {
        g.writeObjectFieldStart("properties");
        List<String> tags = new ArrayList<>();
        for (String tag : a.tags()) {
            tags.add(VisibleText.escape(tag));
        }
        g.writeArrayFieldStart("tags");
        for (String tag : tags.stream().distinct().toList()) {
            g.writeString(tag);
        }
        g.writeEndArray();
        g.writeStringField("severity", a.severity().id());
        g.writeStringField("confidence", a.confidence().id());
        g.writeStringField("status", a.status().id());
        g.writeStringField("anchorState", a.anchorState().id());
        g.writeStringField("author", VisibleText.escape(a.author()));
        g.writeStringField("ref", VisibleText.escape(a.anchor().ref()));
        g.writeStringField("blobId", a.anchor().blobId());
        g.writeArrayFieldStart("replies");
        for (Reply reply : a.replies()) {
            g.writeStartObject();
            g.writeStringField("author", VisibleText.escape(reply.author()));
            g.writeStringField("created", reply.created().toString());
            g.writeStringField("text", VisibleText.escape(reply.body()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
