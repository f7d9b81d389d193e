package airlock.core.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;

/** JSON generators for exports: UTF-8, pretty, suspicious characters escaped, stream left open. */
final class Json {
    private Json() {
    }

    static JsonGenerator generator(OutputStream out) throws IOException {
        JsonFactory factory = JsonFactory.builder().build();
        JsonGenerator g = factory.createGenerator(out);
        g.setCodec(new ObjectMapper(factory));
        g.setCharacterEscapes(new VisibleJsonEscapes());
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        g.setPrettyPrinter(pretty);
        return g;
    }

    static void stringOrNull(JsonGenerator g, String field, String value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, value);
        }
    }
}
