package airlock.core.log;

import java.util.Optional;

/** Every kind of event the session log records; the wire name is what appears in the entry's "type". */
public enum EntryType {
    SESSION_START("session.start"),
    SESSION_END("session.end"),
    BUNDLE_VERIFIED("bundle.verified"),
    BUNDLE_IMPORTED("bundle.imported"),
    FILE_OPENED("file.opened"),
    SEARCH_RUN("search.run"),
    ANNOTATION_CREATED("annotation.created"),
    ANNOTATION_EDITED("annotation.edited"),
    ANNOTATION_DELETED("annotation.deleted"),
    ANNOTATION_STATUS_CHANGED("annotation.status"),
    REVIEWED_MARKED("review.marked"),
    /** A "reviewed" mark taken back by the inspector (the mark's id and place). */
    REVIEW_UNMARKED("review.unmarked"),
    /** A bookmark: a line of a file at a ref, with a label. */
    BOOKMARK_ADDED("bookmark.added"),
    EXPORT_WRITTEN("export.written"),
    COPY_REFUSED("copy.refused"),
    PRINT_REFUSED("print.refused"),
    POLICY_VIOLATION("policy.violation"),
    /** Right after the start: who the inspector is and how the supervisor confirmed the start (core.session). */
    SESSION_CONFIRMED("session.confirmed"),
    /** The screen locked (idle, or asked for); actions are refused until unlocked. */
    SESSION_LOCKED("session.locked"),
    SESSION_UNLOCKED("session.unlocked"),
    /** A supervisor's redact / refuse / override decision on an export policy violation (core.policy). */
    EXPORT_DECISION("export.decision"),
    CHECKPOINT("checkpoint"),
    RECOVERY("recovery"),
    /** Workstation ledger only: the first entry of the ledger. */
    LEDGER_START("ledger.start"),
    /** Workstation ledger only: a session was sealed; carries its final checkpoint and seal. */
    SEAL("seal"),
    /**
     * Workstation ledger only: a supervisor confirmation was refused (who was being confirmed, for
     * which action, the reason and the failures in a row; never what was typed). The PIN lockout
     * is computed from these entries (core.session).
     */
    CONFIRMATION_FAILED("confirmation.failed"),
    /** Workstation ledger only: a confirmation held after refused ones; the failures in a row start again from 0. */
    CONFIRMATION_ACCEPTED("confirmation.accepted");

    private final String wireName;

    EntryType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EntryType> fromWire(String name) {
        for (EntryType type : values()) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
