package airlock.core.seal;

import airlock.core.AirlockException;
import airlock.core.annotate.Annotation;
import airlock.core.crypto.CanonicalJson;
import airlock.core.export.AnnotationCodec;
import airlock.core.log.Disclosure;
import airlock.core.log.Disclosures;
import airlock.core.log.EntryCodec;
import airlock.core.log.EntryType;
import airlock.core.log.LogEntry;
import airlock.core.log.LogStore;
import airlock.core.log.SessionLog;
import airlock.core.policy.ExportResolution;
import airlock.core.policy.RoomPolicy;
import airlock.core.policy.SupervisorAction;
import airlock.core.policy.SupervisorDecision;
import airlock.core.policy.Violation;
import airlock.core.policy.ViolationKind;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which committed fields of a sealed session's log leave the room with it: the room policy and the
 * supervisor's decisions on the findings decide, exactly as for the findings export. A finding's
 * text leaves only in the version the findings export carries (a refused or redacted finding, or an
 * earlier draft of one, stays); search strings leave only when the policy lets them; a forbidden
 * path only where the supervisor overrode the forbidden-path check for it. The room's archive keeps
 * every disclosure.
 */
public final class DisclosurePlan {
    /** Why a committed field leaves or stays; the screen shows it from the message bundle, by {@link #key()}. */
    public enum Why {
        FINDING_LEAVES("this version of the finding leaves in the findings export"),
        FINDINGS_STAY("the findings stay in the room"),
        FINDING_OTHER_VERSION("the finding does not leave in this version (refused, redacted, deleted or edited later)"),
        SEARCH_STRINGS_LEAVE("the room policy lets search strings leave"),
        SEARCH_STRINGS_STAY("the room policy keeps search strings in the room"),
        QUOTES_CODE("the text quotes the reviewed code or carries encoded text (the content check)"),
        PATH_OVERRIDDEN("the supervisor overrode the forbidden-path check for this path"),
        PATH_FORBIDDEN("the path is under the policy's forbidden paths"),
        NO_RULE("no rule lets this field leave"),
        SUPERVISOR_KEPT("the supervisor kept this field in the room"),
        SUPERVISOR_OVERRODE("the supervisor overrode the hold on this field: it leaves");

        private final String text;

        Why(String text) {
            this.text = text;
        }

        /** The English sentence (command line, logs). */
        public String text() {
            return text;
        }

        /** The message key of the sentence ({@code seal.disclosures.why.<name>}). */
        public String key() {
            return "seal.disclosures.why." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One committed field and whether it leaves, with why; {@code decision} the supervisor's on it
     * (null: none), {@code actions} what the supervisor may still decide on it.
     */
    public record Field(Disclosure disclosure, EntryType type, String time, boolean disclosed, Why why,
                        SupervisorDecision decision, Set<SupervisorAction> actions) {
        public Field {
            actions = Set.copyOf(actions);
        }

        public String reason() {
            return why.text();
        }

        /** The subject of a supervisor's decision on this field, recorded in the ledger like one on a finding. */
        public Violation violation() {
            String annotation = "annotation".equals(disclosure.field()) && disclosure.value() instanceof Map<?, ?> m
                    && m.get("id") instanceof String id ? id : null;
            String path = "path".equals(disclosure.field()) && disclosure.value() instanceof String p ? p : null;
            return Violation.ofLogField(disclosure.entry(), disclosure.field(), annotation, path, "Committed field '"
                    + disclosure.field() + "' of entry " + disclosure.entry() + " (" + (type == null ? "?" : type.wireName())
                    + "): " + why.text() + ".");
        }
    }

    /**
     * The holds a supervisor may override on one field, as for findings: the content check
     * (QUOTED_CODE may be overridden) and a forbidden path (FORBIDDEN_PATH may be). The policy's own
     * rules (search strings stay, the findings stay) and a finding's other version are not holds.
     */
    private static final Set<Why> OVERRIDABLE = Set.of(Why.QUOTES_CODE, Why.PATH_FORBIDDEN);

    private final List<Disclosure> all;
    private final Map<Long, LogEntry> entries;

    private DisclosurePlan(List<Disclosure> all, Map<Long, LogEntry> entries) {
        this.all = List.copyOf(all);
        this.entries = entries;
    }

    /** Reads the committed fields of log {@code session} from the store. */
    public static DisclosurePlan load(LogStore store, String session) throws AirlockException {
        List<Disclosure> all = Disclosures.list(store, session);
        Set<Long> wanted = new HashSet<>();
        all.forEach(d -> wanted.add(d.entry()));
        Map<Long, LogEntry> entries = new HashMap<>();
        EntryCodec codec = new EntryCodec();
        long[] seq = {0};
        SessionLog.readEntries(store, session, bytes -> {
            if (wanted.contains(seq[0])) {
                entries.put(seq[0], codec.decode(bytes));
            }
            seq[0]++;
        });
        return new DisclosurePlan(all, entries);
    }

    /** Every disclosure (what the room's archive keeps). */
    public List<Disclosure> all() {
        return all;
    }

    /** The search strings of the session, committed or not ({@code clear}: those the log holds in clear). */
    public List<String> searchStrings(List<String> clear) {
        Set<String> out = new LinkedHashSet<>(clear);
        for (Disclosure d : all) {
            if (typeOf(d) == EntryType.SEARCH_RUN && "query".equals(d.field()) && d.value() instanceof String q) {
                out.add(q);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The decision on each committed field. {@code findingsLeave}: the findings export leaves at all;
     * {@code resolution}: the findings as they leave after the supervisor's decisions.
     */
    public List<Field> decide(RoomPolicy policy, boolean findingsLeave, ExportResolution resolution,
                              List<SupervisorDecision> decisions) {
        return decide(policy, findingsLeave, resolution, decisions, text -> false);
    }

    /**
     * As above, with {@code quotesCode} the content check of a text that would leave as a search
     * string: one that quotes the reviewed tree or carries encoded text stays in the room, whatever the
     * policy says about search strings (a finding's text went through the same check as a finding).
     */
    public List<Field> decide(RoomPolicy policy, boolean findingsLeave, ExportResolution resolution,
                              List<SupervisorDecision> decisions, java.util.function.Predicate<String> quotesCode) {
        Set<ByteBuffer> leaving = new HashSet<>();
        if (findingsLeave) {
            for (Annotation a : resolution.annotations()) {
                leaving.add(ByteBuffer.wrap(CanonicalJson.write(AnnotationCodec.withoutCode(a))));
            }
        }
        Set<String> overriddenPaths = new HashSet<>();
        for (SupervisorDecision d : decisions) {
            if (d.violation().kind() == ViolationKind.FORBIDDEN_PATH && d.action() == SupervisorAction.OVERRIDE
                    && d.violation().path() != null) {
                overriddenPaths.add(d.violation().path());
            }
        }
        List<Field> out = new ArrayList<>();
        for (Disclosure d : all) {
            EntryType type = typeOf(d);
            String time = entries.containsKey(d.entry()) ? entries.get(d.entry()).time() : "";
            boolean leaves;
            Why why;
            if ("annotation".equals(d.field())) {
                leaves = leaving.contains(ByteBuffer.wrap(CanonicalJson.write(d.value())));
                why = leaves ? Why.FINDING_LEAVES : !findingsLeave ? Why.FINDINGS_STAY : Why.FINDING_OTHER_VERSION;
            } else if (type == EntryType.SEARCH_RUN && ("query".equals(d.field()) || "paths".equals(d.field()))) {
                leaves = policy.export().searchStrings();
                why = leaves ? Why.SEARCH_STRINGS_LEAVE : Why.SEARCH_STRINGS_STAY;
                if (leaves && quotesCode.test(String.valueOf(d.value()))) {
                    leaves = false;
                    why = Why.QUOTES_CODE;
                }
            } else if ("path".equals(d.field()) && d.value() instanceof String path) {
                leaves = overriddenPaths.contains(path);
                why = leaves ? Why.PATH_OVERRIDDEN : Why.PATH_FORBIDDEN;
            } else {
                leaves = false;
                why = Why.NO_RULE;
            }
            SupervisorDecision decided = null;
            for (SupervisorDecision f : decisions) {
                if (f.violation().kind() == ViolationKind.LOG_FIELD
                        && f.violation().id().equals(Violation.ofLogField(d.entry(), d.field(), null, null, "-").id())) {
                    decided = f;
                }
            }
            Set<SupervisorAction> actions;
            if (decided != null) {
                actions = Set.of();
                if (decided.action() == SupervisorAction.REFUSE) {
                    leaves = false;
                    why = Why.SUPERVISOR_KEPT;
                } else if (decided.action() == SupervisorAction.OVERRIDE && OVERRIDABLE.contains(why)) {
                    leaves = true;
                    why = Why.SUPERVISOR_OVERRODE;
                }
            } else if (leaves) {
                actions = Set.of(SupervisorAction.REFUSE);
            } else {
                actions = OVERRIDABLE.contains(why) ? Set.of(SupervisorAction.OVERRIDE) : Set.of();
            }
            out.add(new Field(d, type, time, leaves, why, decided, actions));
        }
        return List.copyOf(out);
    }

    private EntryType typeOf(Disclosure d) {
        LogEntry e = entries.get(d.entry());
        return e == null ? null : e.type();
    }
}
