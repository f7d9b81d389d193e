package airlock.core.policy;

import airlock.core.log.EntryType;
import airlock.core.log.FieldCommitter;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The room policy's answer to "which fields of this entry are sensitive": they go into the log as
 * commitments, their values stay in the room's disclosure table until the seal decides what leaves
 * (docs/formats/session-log.md, <em>Committed fields</em>).
 * <ul>
 * <li>finding and reply text: the {@code annotation} member of every annotation entry, always (the
 *     supervisor may redact or refuse a finding after the session, so it must not be in clear);</li>
 * <li>search strings: {@code query} and {@code paths} of {@code search.run}, always: when the policy
 *     lets search strings leave ({@code searchStrings: true}) they are disclosed at the seal unless the
 *     content check finds quoted code or encoded text in them, so a query cannot carry code out in
 *     clear inside the log;</li>
 * <li>paths under {@code forbiddenPaths}: a top-level {@code path} member that matches one.</li>
 * </ul>
 * Quoted code is never logged at all (annotation entries hold findings without their snippets).
 */
public final class LogSensitivity implements FieldCommitter {
    private final RoomPolicy policy;
    private final java.util.List<PathGlob> forbidden;

    public LogSensitivity(RoomPolicy policy) {
        this.policy = policy;
        this.forbidden = policy.export().forbiddenPaths().stream().map(PathGlob::compile).toList();
    }

    @Override
    public Set<String> sensitive(EntryType type, Map<String, Object> data) {
        Set<String> out = new TreeSet<>();
        switch (type) {
            case ANNOTATION_CREATED, ANNOTATION_EDITED, ANNOTATION_DELETED, ANNOTATION_STATUS_CHANGED -> out.add("annotation");
            case SEARCH_RUN -> {
                out.add("query");
                out.add("paths");
            }
            default -> { }
        }
        if (data.get("path") instanceof String path && forbidden(path)) {
            out.add("path");
        }
        return out;
    }

    /** True when {@code path} lies under one of the policy's forbidden paths. */
    public boolean forbidden(String path) {
        return forbidden.stream().anyMatch(g -> g.matches(path));
    }
}
