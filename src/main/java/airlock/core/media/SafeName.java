package airlock.core.media;

import airlock.core.AirlockException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * File names for removable media, from a safe alphabet: lower-case ASCII letters, digits, '-' and
 * '_', one optional '.' extension of up to 11 characters ({@code .disclosures}), at most 64 characters, never a reserved DOS device name. Such
 * a name is legal on FAT32, exFAT, NTFS and ext4 and cannot clash by case with another.
 */
public final class SafeName {
    private static final Pattern SAFE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}(\\.[a-z0-9]{1,11})?");
    private static final int MAX_LENGTH = 64;
    private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4",
            "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private SafeName() {
    }

    /** Checks a name the program made; refuses anything outside the alphabet with the rule broken. */
    public static String check(String name) throws AirlockException {
        if (name.length() > MAX_LENGTH || !SAFE.matcher(name).matches()) {
            throw new AirlockException("media.name.unsafe", "The export file name '" + name.replaceAll("[^\\x20-\\x7e]", "?")
                    + "' is not from the safe alphabet (a-z, 0-9, '-', '_', one '.' extension, at most 64 characters)");
        }
        String base = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (RESERVED.contains(base)) {
            throw new AirlockException("media.name.reserved", "The export file name '" + name + "' is a reserved device name");
        }
        return name;
    }

    /** Derives a safe name stem from any text (for example a session id): other characters become '-'. */
    public static String stem(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-").replaceAll("^[-_]+", "");
        String cut = lower.length() > 40 ? lower.substring(0, 40) : lower;
        return cut.isEmpty() || RESERVED.contains(cut) ? "x-" + cut : cut;
    }
}
