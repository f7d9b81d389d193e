package airlock.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every text a user reads, from the one bundle {@code airlock/messages.properties}. Keys are
 * dotted by feature. A test checks that each literal key passed to {@link #get} or
 * {@link #format} exists, so a missing key is a build failure rather than a blank label.
 */
public final class Texts {
    public static final String BUNDLE = "airlock.messages";
    private final ResourceBundle bundle;
    private final Locale locale;

    public Texts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** The application bundle for {@code locale}. */
    public static Texts load(Locale locale) {
        return new Texts(ResourceBundle.getBundle(BUNDLE, locale), locale);
    }

    /**
     * The text for {@code key}; an unknown key is a programming error and throws. Every text goes
     * through {@link MessageFormat}, so the bundle has one quoting rule: an apostrophe is written
     * {@code ''}.
     */
    public String get(String key) {
        return format(key);
    }

    /** The text for {@code key} with {@code {0}}-style arguments filled in. */
    public String format(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    /** True when the bundle has {@code key} (for keys built at run time, e.g. error codes). */
    public boolean has(String key) {
        try {
            bundle.getString(key);
            return true;
        } catch (MissingResourceException e) {
            return false;
        }
    }
}
