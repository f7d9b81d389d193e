package airlock.protocol;

import airlock.core.AirlockException;
import airlock.core.crypto.CanonicalJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages to and from frame payloads. A payload is one JSON object in canonical form (RFC 8785,
 * restricted to strings, integers, booleans, null, objects and arrays: {@link CanonicalJson}), so
 * every message has exactly one byte string. A request is
 * {@code {"id":N,"op":"file.open","v":3,...fields}}, an answer {@code {"answer":"file.opened","id":N,"v":3,...}}; a
 * {@code file.page} answer is a binary page frame (see {@link #decodeAnswer}).
 * Decoding refuses, with a {@link ProtocolException} naming the problem: a non-canonical payload,
 * another version, an unknown op, a missing, mistyped, unknown or out-of-limit field.
 */
public final class Codec {
    private Codec() {
    }

    /** A decoded message and the client's correlation number (-1 when the payload had none). */
    public record Framed<T>(long id, T message) {
    }

    // ----- requests -----

    public static byte[] encode(long id, Request r) {
        Map<String, Object> m = envelope(id);
        m.put("op", r.op());
        if (r instanceof Request.Hello h) {
            m.put("version", h.version());
            m.put("client", h.client());
        } else if (r instanceof Request.ListBundles) {
            // no fields
        } else if (r instanceof Request.StartSession s) {
            m.put("inspector", s.inspector());
            m.put("organisation", s.organisation());
            m.put("badge", s.badge());
            m.put("bundle", s.bundle());
            m.put("pin", s.pin());
            m.put("passphrase", s.passphrase());
            m.put("challenge", s.challenge()); // confirmation (room)
            m.put("signature", s.signature());
        } else if (r instanceof Request.Status) {
            // no fields
        } else if (r instanceof Request.ListFiles l) {
            m.put("ref", l.ref());
            m.put("offset", l.offset());
            m.put("limit", l.limit());
        } else if (r instanceof Request.OpenFile o) {
            m.put("ref", o.ref());
            m.put("path", o.path());
        } else if (r instanceof Request.ReadPage p) {
            m.put("ref", p.ref());
            m.put("path", p.path());
            m.put("offset", p.offset());
            m.put("length", p.length());
        } else if (r instanceof Request.Search s) {
            m.put("pattern", s.pattern());
            m.put("regex", s.regex());
            m.put("ignoreCase", s.ignoreCase());
            m.put("wholeWord", s.wholeWord());
            m.put("include", s.include());
            m.put("exclude", s.exclude());
            m.put("languages", s.languages());
            m.put("ref", s.ref());
            m.put("limit", s.limit());
        } else if (r instanceof Request.SearchPage p) {
            m.put("search", p.search());
            m.put("offset", p.offset());
            m.put("limit", p.limit());
        } else if (r instanceof Request.Definitions d) {
            m.put("name", d.name());
            m.put("limit", d.limit());
        } else if (r instanceof Request.References x) {
            m.put("name", x.name());
            m.put("offset", x.offset());
            m.put("limit", x.limit());
        } else if (r instanceof Request.CreateAnnotation c) {
            m.put("ref", c.ref());
            m.put("path", c.path());
            List<Object> ranges = new ArrayList<>();
            for (Request.Range g : c.ranges()) {
                ranges.add(Map.of("startLine", g.startLine(), "startColumn", g.startColumn(), "endLine", g.endLine(),
                        "endColumn", g.endColumn()));
            }
            m.put("ranges", ranges);
            m.put("content", content(c.content()));
        } else if (r instanceof Request.EditAnnotation e) {
            m.put("annotation", e.id());
            m.put("content", content(e.content()));
        } else if (r instanceof Request.SetAnnotationStatus t) {
            m.put("annotation", t.id());
            m.put("status", t.status());
        } else if (r instanceof Request.ReplyToAnnotation y) {
            m.put("annotation", y.id());
            m.put("body", y.body());
        } else if (r instanceof Request.MarkReviewed k) {
            m.put("ref", k.ref());
            m.put("path", k.path());
            m.put("firstLine", k.firstLine());
            m.put("lastLine", k.lastLine());
        } else if (r instanceof Request.EndSession) {
            // no fields
        } else if (r instanceof Request.UnlockSession u) { // keeper-side ops of issue 16 (k2keeper)
            m.put("pin", u.pin());
            m.put("passphrase", u.passphrase()); // confirmation (room)
            m.put("challenge", u.challenge());
            m.put("signature", u.signature());
        } else if (r instanceof Request.ConfirmStart c) { // confirmation (issue 16/17, room)
            m.put("inspector", c.inspector());
            m.put("organisation", c.organisation());
            m.put("badge", c.badge());
            m.put("bundle", c.bundle());
        } else if (r instanceof Request.ImportBundle b) {
            m.put("path", b.path());
        } else if (r instanceof Request.SymbolSearch y) { // issue 16 (k4walk)
            m.put("query", y.query());
            m.put("limit", y.limit());
        }
        // session.lock, indexes.status, policy and confirm.unlock have no fields
        return CanonicalJson.write(m);
    }

    private static Map<String, Object> content(Request.Content c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", c.title());
        m.put("body", c.body());
        m.put("severity", c.severity());
        m.put("confidence", c.confidence());
        m.put("cweId", c.cweId());
        m.put("tags", c.tags());
        return m;
    }

    /** Decodes a request payload; the id is recovered whenever the envelope is readable, for the error answer. */
    public static Framed<Request> decodeRequest(byte[] payload) throws DecodeException {
        Map<?, ?> top = parse(payload, Limits.MAX_REQUEST_FRAME);
        long id = idOf(top);
        try {
            Fields f = new Fields(top, "request");
            checkVersion(f);
            f.integer("id");
            String op = f.text("op");
            Request r = switch (op) {
                case "hello" -> new Request.Hello(f.small("version"), f.text("client"));
                case "bundles.list" -> new Request.ListBundles();
                case "session.start" -> new Request.StartSession(f.text("inspector"), f.text("organisation"),
                        f.optionalText("badge"), f.text("bundle"), f.optionalText("pin"), f.optionalText("passphrase"),
                        f.optionalText("challenge"), f.optionalText("signature"));
                case "status" -> new Request.Status();
                case "files.list" -> new Request.ListFiles(f.text("ref"), f.small("offset"), f.small("limit"));
                case "file.open" -> new Request.OpenFile(f.text("ref"), f.text("path"));
                case "file.page" -> new Request.ReadPage(f.text("ref"), f.text("path"), f.integer("offset"), f.small("length"));
                case "search.run" -> new Request.Search(f.text("pattern"), f.bool("regex"), f.bool("ignoreCase"),
                        f.bool("wholeWord"), f.texts("include", Limits.MAX_GLOBS), f.texts("exclude", Limits.MAX_GLOBS),
                        f.texts("languages", Limits.MAX_LANGUAGES), f.optionalText("ref"), f.small("limit"));
                case "search.page" -> new Request.SearchPage(f.integer("search"), f.small("offset"), f.small("limit"));
                case "symbols.definitions" -> new Request.Definitions(f.text("name"), f.small("limit"));
                case "symbols.references" -> new Request.References(f.text("name"), f.integer("offset"), f.small("limit"));
                case "annotation.create" -> {
                    String ref = f.text("ref");
                    String path = f.text("path");
                    List<Request.Range> ranges = new ArrayList<>();
                    for (Object item : f.list("ranges", Limits.MAX_RANGES)) {
                        Fields g = new Fields(item, "request.ranges[]");
                        ranges.add(new Request.Range(g.small("startLine"), g.small("startColumn"), g.small("endLine"),
                                g.small("endColumn")));
                        g.finish();
                    }
                    yield new Request.CreateAnnotation(ref, path, ranges, content(f.object("content")));
                }
                case "annotation.edit" -> new Request.EditAnnotation(f.text("annotation"), content(f.object("content")));
                case "annotation.status" -> new Request.SetAnnotationStatus(f.text("annotation"), f.text("status"));
                case "annotation.reply" -> new Request.ReplyToAnnotation(f.text("annotation"), f.text("body"));
                case "review.mark" -> new Request.MarkReviewed(f.text("ref"), f.text("path"), f.small("firstLine"),
                        f.small("lastLine"));
                case "session.end" -> new Request.EndSession();
                // keeper-side ops of issue 16 (k2keeper)
                case "session.lock" -> new Request.LockSession();
                case "session.unlock" -> new Request.UnlockSession(f.optionalText("pin"), f.optionalText("passphrase"),
                        f.optionalText("challenge"), f.optionalText("signature"));
                // confirmation (issue 16/17, room)
                case "confirm.start" -> new Request.ConfirmStart(f.text("inspector"), f.text("organisation"),
                        f.optionalText("badge"), f.text("bundle"));
                case "confirm.unlock" -> new Request.ConfirmUnlock();
                case "bundle.import" -> new Request.ImportBundle(f.text("path"));
                case "indexes.status" -> new Request.IndexStatus();
                case "policy" -> new Request.Policy(); // issue 16 (k4walk)
                case "symbols.search" -> new Request.SymbolSearch(f.text("query"), f.small("limit")); // issue 16 (k4walk)
                default -> throw new ProtocolException(Errors.UNKNOWN_OP, "unknown op \"" + Fields.clip(op) + "\"");
            };
            f.finish();
            return new Framed<>(id, r);
        } catch (ProtocolException e) {
            throw new DecodeException(id, e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DecodeException(id, new ProtocolException(Errors.FIELD, String.valueOf(e.getMessage())));
        }
    }

    private static Request.Content content(Fields c) throws ProtocolException {
        Request.Content content = new Request.Content(c.text("title"), c.text("body"), c.text("severity"), c.text("confidence"),
                c.optionalSmall("cweId"), c.texts("tags", Limits.MAX_TAGS));
        c.finish();
        return content;
    }

    // ----- answers -----

    public static byte[] encode(long id, Answer a) {
        Map<String, Object> m = envelope(id);
        m.put("answer", a.kind());
        if (a instanceof Answer.Welcome w) {
            m.put("version", w.version());
            m.put("keeper", w.keeper());
            m.put("maxRequestFrame", w.maxRequestFrame());
            m.put("maxAnswerFrame", w.maxAnswerFrame());
        } else if (a instanceof Answer.Bundles b) {
            List<Object> list = new ArrayList<>();
            for (Answer.BundleInfo i : b.bundles()) {
                list.add(Map.of("id", i.id(), "label", i.label(), "reviewRef", i.reviewRef()));
            }
            m.put("bundles", list);
        } else if (a instanceof Answer.SessionStarted s) {
            m.put("session", session(s.session()));
        } else if (a instanceof Answer.Status s) {
            m.put("state", s.state());
            m.put("session", s.session() == null ? null : session(s.session()));
            m.put("entries", s.entries());
        } else if (a instanceof Answer.Files f) {
            m.put("ref", f.ref());
            m.put("offset", f.offset());
            m.put("total", f.total());
            List<Object> list = new ArrayList<>();
            for (Answer.FileInfo i : f.files()) {
                list.add(Map.of("path", i.path(), "kind", i.kind(), "size", i.size()));
            }
            m.put("files", list);
        } else if (a instanceof Answer.FileOpened o) {
            m.put("ref", o.ref());
            m.put("commit", o.commit());
            m.put("path", o.path());
            m.put("fileKind", o.fileKind());
            m.put("size", o.size());
            m.put("blob", o.blob());
            m.put("entry", o.entry());
        } else if (a instanceof Answer.Page p) {
            m.put("ref", p.ref());
            m.put("path", p.path());
            m.put("offset", p.offset());
            m.put("length", (long) p.length());
            m.put("end", p.end());
            return pageFrame(CanonicalJson.write(m), p);
        } else if (a instanceof Answer.SearchResults s) {
            m.put("search", s.search());
            m.put("entry", s.entry());
            m.put("filesMatched", s.filesMatched());
            m.put("linesMatched", s.linesMatched());
            m.put("coverage", s.coverage());
            m.put("complete", s.complete());
            m.put("offset", s.offset());
            m.put("total", s.total());
            m.put("truncated", s.truncated());
            m.put("finished", s.finished());
            List<Object> hits = new ArrayList<>();
            for (Answer.Hit h : s.hits()) {
                List<Object> spans = new ArrayList<>();
                for (Answer.Span sp : h.spans()) {
                    spans.add(List.of(sp.start(), sp.end()));
                }
                hits.add(Map.of("ref", h.ref(), "path", h.path(), "line", h.line(), "text", h.text(), "spans", spans));
            }
            m.put("hits", hits);
        } else if (a instanceof Answer.Definitions d) {
            m.put("name", d.name());
            m.put("entry", d.entry());
            m.put("index", d.index());
            List<Object> list = new ArrayList<>();
            for (Answer.Definition x : d.definitions()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("path", x.path());
                e.put("name", x.name());
                e.put("symbolKind", x.symbolKind());
                e.put("line", x.line());
                e.put("column", x.column());
                e.put("scope", x.scope());
                e.put("text", x.text());
                list.add(e);
            }
            m.put("definitions", list);
        } else if (a instanceof Answer.References r) {
            m.put("name", r.name());
            m.put("entry", r.entry());
            m.put("index", r.index());
            m.put("offset", r.offset());
            m.put("total", r.total());
            List<Object> list = new ArrayList<>();
            for (Answer.Reference x : r.references()) {
                list.add(Map.of("path", x.path(), "line", x.line(), "column", x.column(), "call", x.call(), "text", x.text()));
            }
            m.put("references", list);
        } else if (a instanceof Answer.AnnotationSaved s) {
            m.put("annotation", s.id());
            m.put("ref", s.ref());
            m.put("commit", s.commit());
            m.put("path", s.path());
            m.put("blob", s.blob());
            m.put("firstLine", s.firstLine());
            m.put("lastLine", s.lastLine());
            m.put("title", s.title());
            m.put("severity", s.severity());
            m.put("status", s.status());
            m.put("entry", s.entry());
        } else if (a instanceof Answer.Reviewed r) {
            m.put("mark", r.id());
            m.put("ref", r.ref());
            m.put("path", r.path());
            m.put("blob", r.blob());
            m.put("firstLine", r.firstLine());
            m.put("lastLine", r.lastLine());
            m.put("entry", r.entry());
        } else if (a instanceof Answer.SessionEnded e) {
            m.put("session", e.id());
            m.put("entries", e.entries());
            m.put("filesOpened", e.filesOpened());
            m.put("searches", e.searches());
            m.put("finalCheckpoint", e.finalCheckpoint());
        } else if (a instanceof Answer.Failure f) {
            m.put("code", f.code());
            m.put("message", f.message());        } else if (a instanceof Answer.BundleImported b) { // keeper-side answers of issue 16 (k2keeper)
            m.put("bundle", b.bundle());
            m.put("label", b.label());
            m.put("reviewRef", b.reviewRef());
            m.put("already", b.already());
        } else if (a instanceof Answer.Indexes x) {
            List<Object> list = new ArrayList<>();
            for (Answer.IndexInfo i : x.indexes()) {
                list.add(Map.of("bundle", i.bundle(), "state", i.state(), "message", i.message()));
            }
            m.put("indexes", list);
        } else if (a instanceof Answer.PolicyInfo p) { // issue 16 (k4walk)
            m.put("name", p.name());
            m.put("confirmation", p.confirmation());
            m.put("inspectors", p.inspectors());
            m.put("mediaRoots", p.mediaRoots()); // media roots (issue 17, room)
        } else if (a instanceof Answer.Challenge c) { // confirmation (issue 16/17, room)
            m.put("challenge", c.challenge());
            m.put("statement", c.statement());
        }
        return CanonicalJson.write(m);
    }

    /**
     * A page answer's payload (version 2): the marker byte {@code 0x00} (no JSON payload starts with it),
     * the header's length (4 bytes, unsigned big-endian), the header (canonical JSON, the
     * {@code file.page} answer with {@code length} in place of the bytes), then exactly {@code length}
     * raw bytes of the file. No base64, no JSON over the content: the bytes are copied once.
     */
    private static byte[] pageFrame(byte[] header, Answer.Page p) {
        int n = p.length();
        byte[] out = new byte[PAGE_PREFIX + header.length + n];
        out[0] = PAGE_MARKER;
        out[1] = (byte) (header.length >>> 24);
        out[2] = (byte) (header.length >>> 16);
        out[3] = (byte) (header.length >>> 8);
        out[4] = (byte) header.length;
        System.arraycopy(header, 0, out, PAGE_PREFIX, header.length);
        p.copyTo(out, PAGE_PREFIX + header.length);
        return out;
    }

    /** The first byte of a binary page payload. */
    public static final byte PAGE_MARKER = 0;
    /** The marker and the header's 4-byte length. */
    static final int PAGE_PREFIX = 5;

    /**
     * Decodes a binary page payload: every length is checked against the limits and against the
     * payload's real size before anything is copied; the header is as strict as any answer (canonical,
     * version, no unknown member) and must be a {@code file.page} whose {@code length} is exactly the
     * number of bytes after it.
     */
    private static Framed<Answer> decodePage(byte[] payload) throws DecodeException {
        if (payload.length < PAGE_PREFIX + 2) {
            throw new DecodeException(-1, new ProtocolException(Errors.FRAME_SIZE, "a page frame of " + payload.length
                    + " bytes is shorter than its header"));
        }
        long headerLength = ((long) (payload[1] & 0xff) << 24) | ((payload[2] & 0xff) << 16) | ((payload[3] & 0xff) << 8)
                | (payload[4] & 0xff);
        if (headerLength < 2 || headerLength > Limits.MAX_PAGE_HEADER || headerLength > payload.length - PAGE_PREFIX) {
            throw new DecodeException(-1, new ProtocolException(Errors.FRAME_SIZE, "a page header is 2 to "
                    + Limits.MAX_PAGE_HEADER + " bytes within its frame, not " + headerLength + " of " + (payload.length - PAGE_PREFIX)));
        }
        int start = PAGE_PREFIX + (int) headerLength;
        Map<?, ?> top = parse(java.util.Arrays.copyOfRange(payload, PAGE_PREFIX, start), Limits.MAX_PAGE_HEADER);
        long id = idOf(top);
        try {
            Fields f = new Fields(top, "answer");
            checkVersion(f);
            f.integer("id");
            String kind = f.text("answer");
            if (!"file.page".equals(kind)) {
                throw Fields.field("a binary frame carries only a file.page answer, not \"" + Fields.clip(kind) + "\"");
            }
            long length = f.integer("length");
            if (length < 0 || length > Limits.MAX_PAGE_BYTES) {
                throw Fields.field("answer.length is 0 to " + Limits.MAX_PAGE_BYTES + ", not " + length);
            }
            if (length != payload.length - start) {
                throw Fields.field("answer.length says " + length + " bytes, the frame holds " + (payload.length - start));
            }
            Answer.Page page = new Answer.Page(f.text("ref"), f.text("path"), f.integer("offset"),
                    java.util.Arrays.copyOfRange(payload, start, payload.length), f.bool("end"));
            f.finish();
            return new Framed<>(id, page);
        } catch (ProtocolException e) {
            throw new DecodeException(id, e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DecodeException(id, new ProtocolException(Errors.FIELD, String.valueOf(e.getMessage())));
        }
    }

    private static Map<String, Object> session(Answer.SessionInfo s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("inspector", s.inspector());
        m.put("bundle", s.bundle());
        m.put("label", s.label());
        m.put("reviewRef", s.reviewRef());
        m.put("refs", s.refs());
        m.put("started", s.started());
        m.put("idleLockMinutes", s.idleLockMinutes());
        m.put("maxSessionMinutes", s.maxSessionMinutes());
        return m;
    }

    private static Answer.SessionInfo session(Fields f) throws ProtocolException {
        Answer.SessionInfo s = new Answer.SessionInfo(f.text("id"), f.text("inspector"), f.text("bundle"), f.text("label"),
                f.text("reviewRef"), f.texts("refs", Limits.MAX_REFS), f.text("started"), f.small("idleLockMinutes"),
                f.small("maxSessionMinutes"));
        f.finish();
        return s;
    }

    /** Decodes an answer payload (the client side: a keeper's answer is checked as strictly as a request). */
    public static Framed<Answer> decodeAnswer(byte[] payload) throws DecodeException {
        if (payload.length > 0 && payload[0] == PAGE_MARKER) {
            return decodePage(payload);
        }
        Map<?, ?> top = parse(payload, Limits.MAX_ANSWER_FRAME);
        long id = idOf(top);
        try {
            Fields f = new Fields(top, "answer");
            checkVersion(f);
            f.integer("id");
            String kind = f.text("answer");
            Answer a = switch (kind) {
                case "welcome" -> new Answer.Welcome(f.small("version"), f.text("keeper"), f.small("maxRequestFrame"),
                        f.small("maxAnswerFrame"));
                case "bundles" -> {
                    List<Answer.BundleInfo> list = new ArrayList<>();
                    for (Object item : f.list("bundles", Limits.MAX_BUNDLES)) {
                        Fields b = new Fields(item, "answer.bundles[]");
                        list.add(new Answer.BundleInfo(b.text("id"), b.text("label"), b.text("reviewRef")));
                        b.finish();
                    }
                    yield new Answer.Bundles(list);
                }
                case "session.started" -> new Answer.SessionStarted(session(f.object("session")));
                case "status" -> {
                    String state = f.text("state");
                    Fields session = f.optionalObject("session");
                    Answer.SessionInfo s = session == null ? null : session(session);
                    yield new Answer.Status(state, s, f.integer("entries"));
                }
                case "files" -> {
                    String ref = f.text("ref");
                    List<Answer.FileInfo> list = new ArrayList<>();
                    for (Object item : f.list("files", Limits.MAX_LIST)) {
                        Fields i = new Fields(item, "answer.files[]");
                        list.add(new Answer.FileInfo(i.text("path"), i.text("kind"), i.integer("size")));
                        i.finish();
                    }
                    yield new Answer.Files(ref, f.small("offset"), f.small("total"), list);
                }
                case "file.opened" -> new Answer.FileOpened(f.text("ref"), f.text("commit"), f.text("path"), f.text("fileKind"),
                        f.integer("size"), f.text("blob"), f.integer("entry"));
                case "file.page" -> throw Fields.field("a file.page answer comes in a binary page frame (version "
                        + Limits.VERSION + "), never as JSON");
                case "search.results" -> {
                    List<Answer.Hit> hits = new ArrayList<>();
                    for (Object item : f.list("hits", Limits.MAX_HITS_PAGE)) {
                        Fields h = new Fields(item, "answer.hits[]");
                        List<Answer.Span> spans = new ArrayList<>();
                        for (Object sp : h.list("spans", 64)) {
                            if (!(sp instanceof List<?> pair) || pair.size() != 2 || !(pair.get(0) instanceof Long s)
                                    || !(pair.get(1) instanceof Long e) || s > Limits.MAX_LINE_TEXT || e > Limits.MAX_LINE_TEXT) {
                                throw Fields.field("answer.hits[].spans holds pairs of small integers");
                            }
                            spans.add(new Answer.Span(s.intValue(), e.intValue()));
                        }
                        hits.add(new Answer.Hit(h.text("ref"), h.text("path"), h.small("line"), h.text("text"), spans));
                        h.finish();
                    }
                    yield new Answer.SearchResults(f.integer("search"), f.integer("entry"), f.small("filesMatched"),
                            f.integer("linesMatched"), f.text("coverage"), f.bool("complete"), f.small("offset"), f.small("total"),
                            f.bool("truncated"), f.bool("finished"), hits);
                }
                case "symbols.definitions" -> {
                    List<Answer.Definition> list = new ArrayList<>();
                    for (Object item : f.list("definitions", Limits.MAX_SYMBOL_RESULTS)) {
                        Fields d = new Fields(item, "answer.definitions[]");
                        list.add(new Answer.Definition(d.text("path"), d.text("name"), d.text("symbolKind"), d.small("line"),
                                d.small("column"), d.text("scope"), d.text("text")));
                        d.finish();
                    }
                    yield new Answer.Definitions(f.text("name"), f.integer("entry"), f.text("index"), list);
                }
                case "symbols.references" -> {
                    List<Answer.Reference> list = new ArrayList<>();
                    for (Object item : f.list("references", Limits.MAX_SYMBOL_RESULTS)) {
                        Fields d = new Fields(item, "answer.references[]");
                        list.add(new Answer.Reference(d.text("path"), d.small("line"), d.small("column"), d.bool("call"),
                                d.text("text")));
                        d.finish();
                    }
                    yield new Answer.References(f.text("name"), f.integer("entry"), f.text("index"), f.integer("offset"),
                            f.integer("total"), list);
                }
                case "annotation.saved" -> new Answer.AnnotationSaved(f.text("annotation"), f.text("ref"), f.text("commit"),
                        f.text("path"), f.text("blob"), f.small("firstLine"), f.small("lastLine"), f.text("title"),
                        f.text("severity"), f.text("status"), f.integer("entry"));
                case "review.marked" -> new Answer.Reviewed(f.text("mark"), f.text("ref"), f.text("path"), f.text("blob"),
                        f.small("firstLine"), f.small("lastLine"), f.integer("entry"));
                case "session.ended" -> new Answer.SessionEnded(f.text("session"), f.integer("entries"), f.small("filesOpened"),
                        f.small("searches"), f.text("finalCheckpoint"));
                case "error" -> new Answer.Failure(f.text("code"), f.text("message"));
                // keeper-side answers of issue 16 (k2keeper)
                case "bundle.imported" -> new Answer.BundleImported(f.text("bundle"), f.text("label"), f.text("reviewRef"),
                        f.bool("already"));
                case "indexes" -> {
                    List<Answer.IndexInfo> list = new ArrayList<>();
                    for (Object item : f.list("indexes", Limits.MAX_BUNDLES)) {
                        Fields g = new Fields(item, "answer.indexes[]");
                        list.add(new Answer.IndexInfo(g.text("bundle"), g.text("state"), g.text("message")));
                        g.finish();
                    }
                    yield new Answer.Indexes(list);
                }
                case "policy" -> new Answer.PolicyInfo(f.text("name"), f.text("confirmation"), f.bool("inspectors"),
                        f.texts("mediaRoots", Limits.MAX_MEDIA_ROOTS)); // issue 16 (k4walk); mediaRoots: issue 17 (room)
                case "confirm.challenge" -> new Answer.Challenge(f.text("challenge"), f.text("statement")); // confirmation (room)
                default -> throw new ProtocolException(Errors.UNKNOWN_OP, "unknown answer \"" + Fields.clip(kind) + "\"");
            };
            f.finish();
            return new Framed<>(id, a);
        } catch (ProtocolException e) {
            throw new DecodeException(id, e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DecodeException(id, new ProtocolException(Errors.FIELD, String.valueOf(e.getMessage())));
        }
    }

    // ----- envelope -----

    private static Map<String, Object> envelope(long id) {
        if (id < 0 && id != -1 || id > Limits.MAX_REQUEST_ID) {
            throw new IllegalArgumentException("a request id is between 0 and " + Limits.MAX_REQUEST_ID + " (or -1 when unknown)");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("v", (long) Limits.VERSION);
        m.put("id", id);
        return m;
    }

    private static Map<?, ?> parse(byte[] payload, int max) throws DecodeException {
        if (payload.length == 0 || payload.length > max) {
            throw new DecodeException(-1, new ProtocolException(Errors.FRAME_SIZE, "a payload is 1 to " + max + " bytes, not "
                    + payload.length));
        }
        Object value;
        try {
            value = CanonicalJson.parseStrict(payload);
        } catch (AirlockException e) {
            throw new DecodeException(-1, new ProtocolException(Errors.JSON, e.getMessage()));
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new DecodeException(-1, new ProtocolException(Errors.JSON, "a message is a JSON object"));
        }
        return map;
    }

    private static long idOf(Map<?, ?> top) {
        return top.get("id") instanceof Long n && n >= 0 && n <= Limits.MAX_REQUEST_ID ? n : -1;
    }

    private static void checkVersion(Fields f) throws ProtocolException {
        long v = f.integer("v");
        if (v != Limits.VERSION) {
            throw new ProtocolException(Errors.VERSION, "this keeper speaks protocol version " + Limits.VERSION + ", not " + v);
        }
    }

    /** A payload that could not be decoded, with the request id when the envelope was readable. */
    public static final class DecodeException extends Exception {
        private static final long serialVersionUID = 1L;
        private final long id;
        private final String code;

        DecodeException(long id, ProtocolException cause) {
            super(cause.getMessage(), cause);
            this.id = id;
            this.code = cause.code();
        }

        public long id() {
            return id;
        }

        public String code() {
            return code;
        }
    }
}
