package airlock.ui;

import airlock.ui.main.MainView;
import airlock.ui.main.MainViewModel;
import java.util.function.LongSupplier;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FX thread's handler of uncaught exceptions (issue 19). Before it, an exception thrown inside
 * Flowless during a layout pass was printed and thrown again on every later pulse: the tree garbled,
 * files no longer appeared and the session clock stopped until restart. Now every such exception is
 * logged with its stack; when it comes from the code view's libraries (Flowless, RichTextFX, ReactFX)
 * the code views are rebuilt on the next turn of the FX thread and the status bar says so once per
 * failure; any other is said in the status bar. Failures that keep coming back right after a rebuild
 * are not rebuilt in a loop: after {@link #MAX_REBUILDS} within {@link #WINDOW_NANOS} the banner asks
 * to close and reopen the files.
 */
public final class FxFailureRecovery implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FxFailureRecovery.class);
    static final int MAX_REBUILDS = 3;
    static final long WINDOW_NANOS = 10_000_000_000L;
    private final MainView view;
    private final MainViewModel model;
    private final Texts texts;
    private final LongSupplier nanoTime;
    private final long[] rebuilds = new long[MAX_REBUILDS];
    private int rebuildCount;
    private boolean scheduled;
    private int recovered;

    public FxFailureRecovery(MainView view, MainViewModel model, Texts texts, LongSupplier nanoTime) {
        this.view = view;
        this.model = model;
        this.texts = texts;
        this.nanoTime = nanoTime;
    }

    /** Installs this handler on the calling thread, which must be the FX thread. */
    public void install() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("install on the FX thread");
        }
        Thread.currentThread().setUncaughtExceptionHandler(this);
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.error("uncaught exception on the FX thread", error);
        if (!fromCodeViewLibrary(error)) {
            model.showStatus(texts.format("app.failure.other", airlock.core.text.VisibleText.escape(String.valueOf(error))));
            return;
        }
        if (scheduled) {
            return;
        }
        scheduled = true;
        Platform.runLater(this::rebuild);
    }

    private void rebuild() {
        scheduled = false;
        long now = nanoTime.getAsLong();
        int recent = 0;
        for (int i = 0; i < Math.min(rebuildCount, MAX_REBUILDS); i++) {
            if (now - rebuilds[i] < WINDOW_NANOS) {
                recent++;
            }
        }
        if (recent >= MAX_REBUILDS) {
            model.showBanner(texts.get("app.failure.view.repeated"));
            return;
        }
        rebuilds[rebuildCount++ % MAX_REBUILDS] = now;
        view.recoverCodeViews();
        recovered++;
        model.showStatus(texts.get("app.failure.view.rebuilt"));
    }

    /** How many times the code views were rebuilt (for tests). */
    public int recoveries() {
        return recovered;
    }

    static boolean fromCodeViewLibrary(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                String name = frame.getClassName();
                if (name.startsWith("org.fxmisc.") || name.startsWith("org.reactfx.")) {
                    return true;
                }
            }
        }
        return false;
    }
}
