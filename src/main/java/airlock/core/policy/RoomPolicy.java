package airlock.core.policy;

import airlock.core.export.ExportPolicy;
import java.util.List;
import java.util.Objects;

/**
 * The rules of one room, as signed by the room administrator. A workstation without a policy
 * applies {@link #strictest()}.
 *
 * @param name                  the room's name, for people
 * @param export                what may leave the room
 * @param clipboard             whether code may be copied to the clipboard
 * @param idleLockMinutes       the screen locks after this many minutes without input (1..240)
 * @param inspectorsSeeEachOther whether inspectors see findings made by other inspectors
 * @param maxSessionMinutes     a session ends after this many minutes (1..1440)
 * @param confirmation          how the supervisor confirms a session start
 * @param inspectors            the inspectors who may start a session, each with a passphrase verifier;
 *                              empty: the policy names none and the inspector's name is taken as typed
 * @param quotes                code that may leave inside text, cumulatively (issue 18; the {@code quotes} block)
 * @param mediaRoots            where removable media are mounted on this room's workstations (issue 17; the
 *                              optional {@code mediaRoots} list, default {@code /media} and {@code /run/media}):
 *                              the media choosers offer removable devices mounted below these folders only
 */
public record RoomPolicy(String name, ExportRules export, boolean clipboard, int idleLockMinutes,
                         boolean inspectorsSeeEachOther, int maxSessionMinutes, SupervisorConfirmation confirmation,
                         List<Inspector> inspectors, airlock.core.quote.QuoteRules quotes,
                         List<java.nio.file.Path> mediaRoots) {
    public static final String TYPE = "airlock-room-policy/1";
    public static final int MAX_INSPECTORS = 256;
    public static final int MAX_IDLE_LOCK_MINUTES = 240;
    public static final int MAX_SESSION_MINUTES = 1440;

    public RoomPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(confirmation, "confirmation");
        inspectors = List.copyOf(inspectors);
        if (inspectors.size() > MAX_INSPECTORS) {
            throw new IllegalArgumentException("at most " + MAX_INSPECTORS + " inspectors, not " + inspectors.size());
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Inspector inspector : inspectors) {
            if (!names.add(inspector.name().toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("the inspector name '" + inspector.name() + "' is given twice");
            }
        }
        Objects.requireNonNull(quotes, "quotes");
        mediaRoots = MediaRoots.check(mediaRoots); // media roots (issue 17, room)
        if (idleLockMinutes < 1 || idleLockMinutes > MAX_IDLE_LOCK_MINUTES) {
            throw new IllegalArgumentException("idleLockMinutes must be 1.." + MAX_IDLE_LOCK_MINUTES + ", not " + idleLockMinutes);
        }
        if (maxSessionMinutes < 1 || maxSessionMinutes > MAX_SESSION_MINUTES) {
            throw new IllegalArgumentException("maxSessionMinutes must be 1.." + MAX_SESSION_MINUTES + ", not " + maxSessionMinutes);
        }
    }

    /** A policy with the default media roots ({@link MediaRoots#DEFAULTS}). */
    public RoomPolicy(String name, ExportRules export, boolean clipboard, int idleLockMinutes,
                      boolean inspectorsSeeEachOther, int maxSessionMinutes, SupervisorConfirmation confirmation,
                      List<Inspector> inspectors, airlock.core.quote.QuoteRules quotes) {
        this(name, export, clipboard, idleLockMinutes, inspectorsSeeEachOther, maxSessionMinutes, confirmation, inspectors,
                quotes, MediaRoots.DEFAULTS);
    }

    /** This policy with other media roots. */
    public RoomPolicy withMediaRoots(List<java.nio.file.Path> roots) {
        return new RoomPolicy(name, export, clipboard, idleLockMinutes, inspectorsSeeEachOther, maxSessionMinutes, confirmation,
                inspectors, quotes, roots);
    }

    /** A policy that names no inspectors (the name is taken as typed), with the default quote limits. */
    public RoomPolicy(String name, ExportRules export, boolean clipboard, int idleLockMinutes,
                      boolean inspectorsSeeEachOther, int maxSessionMinutes, SupervisorConfirmation confirmation) {
        this(name, export, clipboard, idleLockMinutes, inspectorsSeeEachOther, maxSessionMinutes, confirmation, List.of(),
                airlock.core.quote.QuoteRules.defaults());
    }

    /** A policy naming {@code inspectors}, with the default quote limits ({@link airlock.core.quote.QuoteRules#defaults()}). */
    public RoomPolicy(String name, ExportRules export, boolean clipboard, int idleLockMinutes,
                      boolean inspectorsSeeEachOther, int maxSessionMinutes, SupervisorConfirmation confirmation,
                      List<Inspector> inspectors) {
        this(name, export, clipboard, idleLockMinutes, inspectorsSeeEachOther, maxSessionMinutes, confirmation, inspectors,
                airlock.core.quote.QuoteRules.defaults());
    }

    /** A policy that names no inspectors, with the quote limits {@code quotes}. */
    public RoomPolicy(String name, ExportRules export, boolean clipboard, int idleLockMinutes, boolean inspectorsSeeEachOther,
                      int maxSessionMinutes, SupervisorConfirmation confirmation, airlock.core.quote.QuoteRules quotes) {
        this(name, export, clipboard, idleLockMinutes, inspectorsSeeEachOther, maxSessionMinutes, confirmation, List.of(), quotes);
    }

    /** The inspector the policy names {@code name} (case-insensitively), if any. */
    public java.util.Optional<Inspector> inspector(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT);
        return inspectors.stream().filter(i -> i.name().toLowerCase(java.util.Locale.ROOT).equals(wanted)).findFirst();
    }

    /**
     * What applies when no signed policy is installed: findings may leave without any code, no
     * clipboard, lock after 5 idle minutes, sessions of at most 4 hours, inspectors do not see each
     * other's findings, and a supervisor key must confirm each session start.
     */
    public static RoomPolicy strictest() {
        return new RoomPolicy("default (no room policy installed)", ExportRules.strictest(), false, 5, false, 240,
                SupervisorConfirmation.key());
    }

    /** The export limits in the shape the exporters take. */
    public ExportPolicy exportPolicy() {
        return export.snippets() ? ExportPolicy.snippets(export.maxSnippetLinesPerFinding()) : ExportPolicy.none();
    }

    /**
     * Export limits.
     *
     * @param annotations               whether findings may leave the room at all
     * @param snippets                  whether findings may quote code
     * @param maxSnippetLinesPerFinding quoted lines per finding (0 when snippets are off)
     * @param maxSnippetLinesPerFile    quoted lines over all findings on one file
     * @param maxSnippetLinesPerSession quoted lines over the whole export
     * @param searchStrings             whether search strings typed in the session may appear in the export
     * @param forbiddenPaths            path globs ({@code *} within a folder, {@code **} across folders) no finding may name
     */
    public record ExportRules(boolean annotations, boolean snippets, int maxSnippetLinesPerFinding,
                              int maxSnippetLinesPerFile, int maxSnippetLinesPerSession, boolean searchStrings,
                              List<String> forbiddenPaths) {
        public ExportRules {
            forbiddenPaths = List.copyOf(forbiddenPaths);
            if (maxSnippetLinesPerFinding < 0 || maxSnippetLinesPerFile < 0 || maxSnippetLinesPerSession < 0) {
                throw new IllegalArgumentException("snippet line limits must not be negative");
            }
            if (!snippets && (maxSnippetLinesPerFinding | maxSnippetLinesPerFile | maxSnippetLinesPerSession) != 0) {
                throw new IllegalArgumentException("snippets are off, so every snippet line limit must be 0");
            }
            if (snippets && (maxSnippetLinesPerFinding == 0 || maxSnippetLinesPerFile == 0 || maxSnippetLinesPerSession == 0)) {
                throw new IllegalArgumentException("snippets are on: give positive line limits (or turn snippets off)");
            }
            if (snippets && !annotations) {
                throw new IllegalArgumentException("snippets are on but annotations may not leave the room");
            }
            for (String glob : forbiddenPaths) {
                PathGlob.compile(glob);
            }
        }

        public static ExportRules strictest() {
            return new ExportRules(true, false, 0, 0, 0, false, List.of());
        }
    }
}
