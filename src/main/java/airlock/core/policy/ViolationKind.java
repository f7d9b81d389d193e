package airlock.core.policy;

import java.util.EnumSet;
import java.util.Set;

/** What an export does against the room policy, and what a supervisor may do about it. */
public enum ViolationKind {
    /** The policy lets no findings leave the room. */
    ANNOTATIONS_FORBIDDEN(Scope.SESSION, EnumSet.of(SupervisorAction.REFUSE, SupervisorAction.OVERRIDE)),
    /** A finding names a path the policy forbids in exports. */
    FORBIDDEN_PATH(Scope.FINDING, EnumSet.of(SupervisorAction.REFUSE, SupervisorAction.OVERRIDE)),
    /** A finding quotes more code lines than the per-finding limit. */
    SNIPPET_PER_FINDING(Scope.FINDING, EnumSet.allOf(SupervisorAction.class)),
    /** The findings on one file quote more lines than the per-file limit. */
    SNIPPET_PER_FILE(Scope.FILE, EnumSet.allOf(SupervisorAction.class)),
    /** The whole export quotes more lines than the per-session limit. */
    SNIPPET_PER_SESSION(Scope.SESSION, EnumSet.allOf(SupervisorAction.class)),
    /** A finding's text has lines that look like code (or encoded, or reversed code). */
    CODE_IN_TEXT(Scope.FINDING, EnumSet.allOf(SupervisorAction.class)),
    /** A finding's text repeats a search string typed in the session. */
    SEARCH_STRING(Scope.FINDING, EnumSet.allOf(SupervisorAction.class)),
    // issue 18: quoted code caught by content, and cumulative quotas (airlock.core.quote)
    /** A finding's text holds a run of tokens of the reviewed tree (plain or decoded), or could not be checked. */
    QUOTED_CODE(Scope.FINDING, EnumSet.allOf(SupervisorAction.class)),
    /** All texts together quote more lines of one source file than the policy allows (the path is the quoted file). */
    QUOTE_PER_FILE(Scope.FILE, EnumSet.allOf(SupervisorAction.class)),
    /** All texts together quote more lines of the tree than the policy allows. */
    QUOTE_PER_SESSION(Scope.SESSION, EnumSet.allOf(SupervisorAction.class)),
    /** All texts together carry more encoded bytes (Base64, hex, …) than the policy allows. */
    ENCODED_BUDGET(Scope.SESSION, EnumSet.allOf(SupervisorAction.class)),
    // issue 18: the supervisor's decision on one committed field of the session log (never an export check:
    // refuse keeps a field the plan would disclose in the room, override lets out one a check held back)
    /** One committed field of the session log, which the supervisor keeps in the room or lets out (DisclosurePlan). */
    LOG_FIELD(Scope.FIELD, EnumSet.of(SupervisorAction.REFUSE, SupervisorAction.OVERRIDE));

    /** What a violation is about: one finding, every finding on one file, the whole export, or one committed log field. */
    public enum Scope { FINDING, FILE, SESSION, FIELD }

    private final Scope scope;
    private final Set<SupervisorAction> actions;

    ViolationKind(Scope scope, Set<SupervisorAction> actions) {
        this.scope = scope;
        this.actions = actions;
    }

    public Scope scope() {
        return scope;
    }

    public Set<SupervisorAction> allowedActions() {
        return EnumSet.copyOf(actions);
    }

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
