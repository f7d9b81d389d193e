package airlock.core.policy;

import java.util.regex.Pattern;

/**
 * A repository path pattern: {@code *} matches within one folder name, {@code **} across folders,
 * {@code ?} one character; everything else is literal. Paths use {@code /} and never start with
 * one. Written here rather than taken from {@code FileSystem.getPathMatcher} so that matching
 * does not depend on the workstation's file system rules.
 */
public record PathGlob(String glob, Pattern pattern) {
    public static final int MAX_LENGTH = 512;

    public static PathGlob compile(String glob) {
        if (glob == null || glob.isEmpty() || glob.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a forbidden path pattern must be 1 to " + MAX_LENGTH + " characters");
        }
        if (glob.startsWith("/") || glob.contains("//") || glob.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("forbidden path pattern '" + glob
                    + "' must be a repository path without a leading '/', '//' or control characters");
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                i++;
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                    i++;
                    regex.append("(?:.*/)?");
                } else {
                    regex.append(".*");
                }
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new PathGlob(glob, Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    public boolean matches(String path) {
        return pattern.matcher(path).matches();
    }
}
