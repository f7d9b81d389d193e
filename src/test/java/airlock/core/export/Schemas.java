package airlock.core.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/** The official SARIF 2.1.0 schema (draft-04) and Airlock's own annotations schema (draft-07). */
final class Schemas {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Schemas() {
    }

    static JsonSchema sarif() throws IOException {
        try (InputStream in = Schemas.class.getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(MAPPER.readTree(in));
        }
    }

    static JsonSchema annotations() throws IOException {
        Path schema = Path.of("docs/formats/annotations.schema.json");
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(MAPPER.readTree(Files.readString(schema)));
    }

    /** Validation errors, one per line, empty when valid. */
    static String errors(JsonSchema schema, JsonNode document) {
        Set<ValidationMessage> messages = schema.validate(document);
        return messages.stream().map(ValidationMessage::toString).sorted().collect(Collectors.joining("\n"));
    }
}
