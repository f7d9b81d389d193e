package airlock.core.export;

import java.io.IOException;
import java.io.OutputStream;

/** Writes one export format. Implementations never close {@code out}. */
public interface Exporter {
    ExportFormat format();

    void write(ExportDocument document, ExportPolicy policy, OutputStream out) throws IOException;
}
