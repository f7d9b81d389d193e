package airlock.core.policy;

/**
 * What a supervisor does about a violation. REDACT removes the offending part (quoted code, the
 * code-like lines, the search string); REFUSE keeps the finding (or, for a whole-export
 * violation, the export) in the room; OVERRIDE lets it out as it is, with a written reason.
 */
public enum SupervisorAction {
    REDACT, REFUSE, OVERRIDE;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The action named {@code wire} ({@code redact}, {@code refuse}, {@code override}), or empty. */
    public static java.util.Optional<SupervisorAction> fromWire(String wire) {
        for (SupervisorAction a : values()) {
            if (a.wire().equals(wire)) {
                return java.util.Optional.of(a);
            }
        }
        return java.util.Optional.empty();
    }
}
