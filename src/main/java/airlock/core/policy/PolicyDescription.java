package airlock.core.policy;

import java.util.ArrayList;
import java.util.List;

/** The rules of a policy as lines a supervisor reads (shown by {@code airlock policy show} and the UI). */
public final class PolicyDescription {
    private PolicyDescription() {
    }

    public static List<String> lines(RoomPolicy p) {
        List<String> lines = new ArrayList<>();
        RoomPolicy.ExportRules e = p.export();
        lines.add("room:                    " + p.name());
        lines.add("findings may leave:      " + yesNo(e.annotations()));
        lines.add("quoted code in exports:  " + (e.snippets() ? "yes, at most " + e.maxSnippetLinesPerFinding()
                + " lines per finding, " + e.maxSnippetLinesPerFile() + " per file, " + e.maxSnippetLinesPerSession()
                + " per session" : "no"));
        lines.add("search strings exported: " + yesNo(e.searchStrings()));
        lines.add("forbidden export paths:  " + (e.forbiddenPaths().isEmpty() ? "none" : String.join(", ", e.forbiddenPaths())));
        // issue 18: the content check's limits (the policy's quotes block, or its defaults when it has none)
        airlock.core.quote.QuoteRules q = p.quotes();
        lines.add("quoted code caught from: " + q.minRunTokens() + " consecutive tokens of the reviewed tree, in any text that leaves");
        lines.add("quoted lines at most:    " + q.maxQuotedLinesPerFile() + " per source file, " + q.maxQuotedLinesPerSession()
                + " per session, over all findings");
        lines.add("encoded text at most:    " + q.maxEncodedBytesPerSession() + " bytes per session (Base64, hex and the like)");
        // end issue 18
        lines.add("clipboard:               " + (p.clipboard() ? "allowed" : "off"));
        lines.add("idle lock after:         " + p.idleLockMinutes() + " min");
        lines.add("session length at most:  " + p.maxSessionMinutes() + " min");
        lines.add("inspectors see each other's findings: " + yesNo(p.inspectorsSeeEachOther()));
        lines.add("supervisor confirms start: " + switch (p.confirmation().mode()) {
            case NONE -> "no";
            case KEY -> "yes, with a pinned supervisor key";
            case PIN -> "yes, with the room PIN";
        });
        lines.add("inspectors:              " + (p.inspectors().isEmpty() ? "not named (the name is taken as typed)"
                : p.inspectors().size() + " named, each with a passphrase: "
                + String.join(", ", p.inspectors().stream().map(Inspector::name).toList())));
        // media roots (issue 17, room)
        lines.add("removable media under:   " + String.join(", ", p.mediaRoots().stream().map(java.nio.file.Path::toString).toList())
                + (p.mediaRoots().equals(MediaRoots.DEFAULTS) ? " (the defaults)" : ""));
        return lines;
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
