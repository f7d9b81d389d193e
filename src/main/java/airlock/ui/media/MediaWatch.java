package airlock.ui.media;

import airlock.core.bundle.BundleFiles;
import airlock.core.bundle.MediaLocations;
import airlock.core.bundle.MediaLocations.Medium;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Watches the removable media: every {@code period} (2 s on the workstation) a daemon thread asks
 * {@link MediaLocations} again - a read of {@code /proc/self/mountinfo} and a few sysfs files, no
 * scan of the media - and only when the list changed hands it to the FX thread. A medium that
 * appears after the first look (a stick just inserted) is searched for bundles on the same thread,
 * and when it holds one, {@link #setOnBundleInserted} is told, so intake can be offered at once.
 */
public final class MediaWatch implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MediaWatch.class);
    private volatile MediaLocations locations;
    private final Duration period;
    private final ObservableList<Medium> media = FXCollections.observableArrayList();
    private final Set<Path> seen = new HashSet<>();
    private ScheduledExecutorService timer;
    private volatile boolean first = true;
    private volatile List<Medium> last = List.of();
    private volatile Consumer<Medium> onBundleInserted = m -> { };

    public MediaWatch(MediaLocations locations, Duration period) {
        this.locations = Objects.requireNonNull(locations);
        this.period = Objects.requireNonNull(period);
    }

    /**
     * Looks under other roots from now on (the room policy's {@code mediaRoots}, learnt after the
     * window opened); the next look uses them.
     */
    public void useLocations(MediaLocations value) {
        this.locations = Objects.requireNonNull(value);
        lookNow();
    }

    /** The media mounted now, updated on the FX thread. */
    public ObservableList<Medium> media() {
        return media;
    }

    /** Told (on the FX thread) of a medium inserted while watching that holds at least one bundle. */
    public void setOnBundleInserted(Consumer<Medium> listener) {
        onBundleInserted = Objects.requireNonNull(listener);
    }

    /** Starts looking (first look at once); calling it again does nothing. */
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "media-watch");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::look, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Looks once more now, off the FX thread (the Refresh button). */
    public synchronized void lookNow() {
        if (timer != null) {
            timer.execute(this::look);
        }
    }

    private void look() {
        try {
            List<Medium> now = locations.list();
            boolean wasFirst = first;
            first = false;
            if (!now.equals(last)) {
                last = now;
                Platform.runLater(() -> media.setAll(now));
            }
            for (Medium m : now) {
                if (seen.add(m.root()) && !wasFirst && holdsBundle(m.root())) {
                    Platform.runLater(() -> onBundleInserted.accept(m));
                }
            }
            seen.retainAll(now.stream().map(Medium::root).toList());
        } catch (RuntimeException e) {
            LOG.warn("looking for removable media failed: {}", e.toString());
        }
    }

    private static boolean holdsBundle(Path root) {
        try {
            return !BundleFiles.find(root).isEmpty();
        } catch (IOException | RuntimeException e) {
            LOG.info("cannot look for bundles on {}: {}", root, e.toString());
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
