package airlock.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Version and name of this build, from {@code airlock/build.properties} written by Maven. */
public final class BuildInfo {
    private BuildInfo() {
    }

    public static String version() {
        return load().getProperty("version", "unknown");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/airlock/build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read build.properties from the class path", e);
        }
        return properties;
    }
}
