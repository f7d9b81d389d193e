package airlock.core.annotate.store;

import airlock.core.AirlockException;
import airlock.core.annotate.Annotation;
import airlock.core.export.AnnotationCodec;
import airlock.core.export.ImportedExport;
import airlock.core.crypto.CanonicalJson;
import airlock.core.log.DisclosureVerification;
import airlock.core.log.DisclosureVerifier;
import airlock.core.log.EntryCodec;
import airlock.core.log.FieldCommitment;
import airlock.core.log.EntryType;
import airlock.core.log.LogEntry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks an {@code annotations.json} against the session log it came from (verify the log itself
 * first, with {@code LogVerifier}). Two ways to match: the log recorded this exact file
 * ({@code export.written} with its SHA-256), or replaying the log's annotation entries gives
 * exactly the exported findings, content for content (code aside, which the log never holds).
 */
public final class ExportLogCheck {
    /** Stands in the replay for a finding whose last entry is committed and not disclosed. */
    private static final JsonNode KEPT = com.fasterxml.jackson.databind.node.TextNode.valueOf("kept in the room");
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, Object> disclosed = new java.util.HashMap<>();

    /** The outcome, with the reason a person reads. */
    public record Result(boolean matches, String reason) {
    }

    public Result check(byte[] exportBytes, ImportedExport export, byte[] entriesFile) throws AirlockException {
        return check(exportBytes, export, entriesFile, null);
    }

    /**
     * As {@link #check(byte[], ImportedExport, byte[])}; a finding whose log entry holds it as a
     * commitment (issue 18) is read from {@code disclosuresFile} (the {@code .disclosures} next to the
     * log; null: none), after every disclosure there was checked against its commitment.
     */
    public Result check(byte[] exportBytes, ImportedExport export, byte[] entriesFile, byte[] disclosuresFile)
            throws AirlockException {
        disclosed.clear();
        if (disclosuresFile != null) {
            String logSession = sessionOf(entriesFile);
            DisclosureVerification opened = new DisclosureVerifier().verify(entriesFile, disclosuresFile, logSession);
            if (!opened.valid()) {
                return new Result(false, "the disclosures next to the log do not open its commitments: " + opened.describe());
            }
            int start = 0;
            for (int i = 0; i < disclosuresFile.length; i++) {
                if (disclosuresFile[i] == '\n') {
                    Map<?, ?> line = (Map<?, ?>) CanonicalJson.parseStrict(java.util.Arrays.copyOfRange(disclosuresFile, start, i));
                    disclosed.put(line.get("entry") + "/" + line.get("field"), line.get("value"));
                    start = i + 1;
                }
            }
        }
        EntryCodec codec = new EntryCodec();
        String sha256 = sha256(exportBytes);
        String session = null;
        Map<String, JsonNode> replay = new LinkedHashMap<>();
        int start = 0;
        for (int i = 0; i <= entriesFile.length; i++) {
            if (i < entriesFile.length && entriesFile[i] != '\n') {
                continue;
            }
            if (i > start) {
                LogEntry e = codec.decode(java.util.Arrays.copyOfRange(entriesFile, start, i));
                if (e.seq() == 0) {
                    session = String.valueOf(e.data().get("session"));
                }
                if (e.type() == EntryType.EXPORT_WRITTEN && sha256.equals(e.data().get("sha256"))) {
                    return sameSession(session, export) ? new Result(true, "the log recorded this exact file at entry " + e.seq())
                            : new Result(false, "the file was recorded by session " + session + ", not " + export.session().id());
                }
                apply(replay, e);
            }
            start = i + 1;
        }
        if (!sameSession(session, export)) {
            return new Result(false, "the export names session " + export.session().id() + " but the log is session " + session);
        }
        Map<String, JsonNode> exported = new LinkedHashMap<>();
        for (Annotation a : export.annotations()) {
            exported.put(a.id(), normalise(AnnotationCodec.withoutCode(a)));
        }
        for (Map.Entry<String, JsonNode> e : exported.entrySet()) {
            JsonNode logged = replay.get(e.getKey());
            if (logged == null) {
                return new Result(false, "finding " + e.getKey() + " is not in the log (or was deleted there)");
            }
            if (logged == KEPT) {
                return new Result(false, "finding " + e.getKey() + "'s last log entry is committed and its disclosure was kept"
                        + " in the room");
            }
            if (!logged.equals(e.getValue())) {
                return new Result(false, "finding " + e.getKey() + " differs from its last log entry");
            }
        }
        for (String id : replay.keySet()) {
            if (!exported.containsKey(id)) {
                return new Result(false, "finding " + id + " is in the log but missing from the export");
            }
        }
        return new Result(true, "all " + exported.size() + " findings match the log's last entry for each");
    }

    private void apply(Map<String, JsonNode> replay, LogEntry e) throws AirlockException {
        Object member = e.data().get("annotation");
        if (FieldCommitment.of(member) != null) {
            Object value = disclosed.get(e.seq() + "/annotation");
            if (value == null) {
                String id = String.valueOf(e.data().get("id"));
                if (e.type() == EntryType.ANNOTATION_DELETED) {
                    replay.remove(id);
                } else {
                    replay.put(id, KEPT);
                }
                return;
            }
            member = value;
        }
        if (!(member instanceof Map<?, ?> annotation)) {
            return;
        }
        String id = String.valueOf(annotation.get("id"));
        switch (e.type()) {
            case ANNOTATION_CREATED, ANNOTATION_EDITED, ANNOTATION_STATUS_CHANGED -> replay.put(id, normalise(annotation));
            case ANNOTATION_DELETED -> replay.remove(id);
            default -> {
            }
        }
    }

    private static String sessionOf(byte[] entriesFile) throws AirlockException {
        int end = 0;
        while (end < entriesFile.length && entriesFile[end] != '\n') {
            end++;
        }
        return String.valueOf(new EntryCodec().decode(java.util.Arrays.copyOf(entriesFile, end)).data().get("session"));
    }

    private static boolean sameSession(String logSession, ImportedExport export) {
        return export.session().id().equals(logSession);
    }

    /** Through JSON text, so integers compare equal whatever Java type held them. */
    private JsonNode normalise(Object value) throws AirlockException {
        try {
            return mapper.readTree(mapper.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new AirlockException("annotations.check.failed", "Cannot compare a finding with the log: " + e.getMessage(), e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
