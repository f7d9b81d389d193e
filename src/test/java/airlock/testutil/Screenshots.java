package airlock.testutil;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Saves PNG snapshots of scenes under {@code airlock.screenshots} (set by the pom). Call on the FX thread. */
public final class Screenshots {
    private Screenshots() {
    }

    public static Path directory() {
        String configured = System.getProperty("airlock.screenshots");
        return Path.of(configured != null ? configured : "target/screenshots");
    }

    /** {@link #save}, for lambdas run on the FX thread: an I/O failure fails the test unchecked. */
    public static void shot(Scene scene, String name) {
        try {
            save(scene, name);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Path save(Scene scene, String name) throws IOException {
        WritableImage image = scene.snapshot(null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Files.createDirectories(directory());
        Path file = directory().resolve(name);
        ImageIO.write(out, "png", file.toFile());
        return file;
    }
}
