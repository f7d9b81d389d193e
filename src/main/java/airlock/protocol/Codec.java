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
 * {@code {"id":N,"op":"file.open","v":4,...fields}}, an answer {@code {"answer":"file.opened","id":N,"v":4,...}}; a
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
            m.put("diffFrom", s.diffFrom()); // history/diff (issue 16, kread)
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
        } else if (r instanceof Request.Compare c) { // history/diff (issue 16, kread)
            m.put("from", c.from());
            m.put("to", c.to());
            m.put("offset", c.offset());
            m.put("limit", c.limit());
        } else if (r instanceof Request.Diff d) {
            m.put("from", d.from());
            m.put("to", d.to());
            m.put("path", d.path());
            m.put("offset", d.offset());
            m.put("limit", d.limit());
        } else if (r instanceof Request.History h) {
            m.put("path", h.path());
            m.put("offset", h.offset());
            m.put("limit", h.limit());
        } else if (r instanceof Request.BlameFile b) {
            m.put("path", b.path());
            m.put("offset", b.offset());
            m.put("limit", b.limit());
        } else if (r instanceof Request.Callers c) {
            m.put("name", c.name());
            m.put("limit", c.limit());
        } else if (r instanceof Request.LineCounts l) {
            m.put("ref", l.ref());
            m.put("offset", l.offset());
            m.put("limit", l.limit());
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
        } else if (r instanceof Request.ListFindings l) { // findings (issue 16, kwire)
            m.put("kind", l.kind());
            m.put("offset", l.offset());
            m.put("limit", l.limit());
        } else if (r instanceof Request.DeleteAnnotation d) {
            m.put("annotation", d.id());
        } else if (r instanceof Request.UnmarkReviewed u) {
            m.put("mark", u.id());
        } else if (r instanceof Request.AddBookmark b) {
            m.put("ref", b.ref());
            m.put("path", b.path());
            m.put("line", b.line());
            m.put("label", b.label());
        } else if (r instanceof Request.MarkReviewed k) {
            m.put("ref", k.ref());
            m.put("path", k.path());
            m.put("firstLine", k.firstLine());
            m.put("lastLine", k.lastLine());
        } else if (r instanceof Request.EndSession) {
            // no fields
        } else if (r instanceof Request.SealSessions) { // seal (issue 16, kseal)
            // no fields
        } else if (r instanceof Request.ReviewSeal q) {
            m.put("session", q.session());
        } else if (r instanceof Request.DecideSeal d) {
            m.put("session", d.session());
            m.put("violation", d.violation());
            m.put("action", d.action());
            m.put("supervisor", d.supervisor());
            m.put("reason", d.reason());
        } else if (r instanceof Request.SealStatement q) {
            m.put("session", q.session());
        } else if (r instanceof Request.SignSeal g) {
            m.put("session", g.session());
            m.put("signature", g.signature());
        } else if (r instanceof Request.SealFile q) {
            m.put("session", q.session());
            m.put("name", q.name());
            m.put("offset", q.offset());
            m.put("length", q.length());
        } else if (r instanceof Request.SealExported x) {
            m.put("session", x.session());
            List<Object> files = new ArrayList<>();
            for (Request.WrittenFile w : x.files()) {
                files.add(Map.of("name", w.name(), "size", w.size(), "sha256", w.sha256()));
            }
            m.put("files", files);
        } else if (r instanceof Request.FindingsExport x) { // findings export/import (issue 16, kexport)
            m.put("formats", x.formats());
        } else if (r instanceof Request.FindingsFile q) {
            m.put("name", q.name());
            m.put("offset", q.offset());
            m.put("length", q.length());
        } else if (r instanceof Request.FindingsExported x) {
            List<Object> files = new ArrayList<>();
            for (Request.WrittenFile w : x.files()) {
                files.add(Map.of("name", w.name(), "size", w.size(), "sha256", w.sha256()));
            }
            m.put("files", files);
        } else if (r instanceof Request.FindingsImportBegin b) {
            m.put("name", b.name());
            m.put("size", b.size());
        } else if (r instanceof Request.FindingsImportChunk c) {
            m.put("upload", c.upload());
            m.put("offset", c.offset());
            m.put("data", java.util.Base64.getEncoder().encodeToString(c.data()));
        } else if (r instanceof Request.FindingsImportAttach t) {
            m.put("upload", t.upload());
            m.put("part", t.part());
            m.put("size", t.size());
        } else if (r instanceof Request.FindingsImportFinish f) {
            m.put("upload", f.upload());
        } else if (r instanceof Request.FindingsImportCancel c) {
            m.put("upload", c.upload());
        } else if (r instanceof Request.CopyRefused c) { // refusals (issue 16, kseal)
            m.put("path", c.path());
            m.put("kind", c.kind());
            m.put("selectedChars", c.selectedChars());
            m.put("view", c.view());
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
        } else if (r instanceof Request.UploadBegin u) { // intake (issue 16, kwire)
            m.put("name", u.name());
            m.put("manifestSize", u.manifestSize());
            m.put("signatureSize", u.signatureSize());
            m.put("bundleSize", u.bundleSize());
        } else if (r instanceof Request.UploadChunk c) {
            m.put("upload", c.upload());
            m.put("file", c.file());
            m.put("offset", c.offset());
            m.put("data", java.util.Base64.getEncoder().encodeToString(c.data()));
        } else if (r instanceof Request.UploadFinish u) {
            m.put("upload", u.upload());
        } else if (r instanceof Request.UploadCancel u) {
            m.put("upload", u.upload());
        } else if (r instanceof Request.SymbolSearch y) { // issue 16 (k4walk)
            m.put("query", y.query());
            m.put("limit", y.limit());
        }
        // session.lock, session.activity, indexes.status, policy and confirm.unlock have no fields
        return CanonicalJson.write(m);
    }

    private static Map<String, Object> definition(Answer.Definition x) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("path", x.path());
        e.put("name", x.name());
        e.put("symbolKind", x.symbolKind());
        e.put("line", x.line());
        e.put("column", x.column());
        e.put("scope", x.scope());
        e.put("text", x.text());
        e.put("condition", x.condition());
        return e;
    }

    private static Answer.Definition definition(Fields d) throws ProtocolException {
        Answer.Definition def = new Answer.Definition(d.text("path"), d.text("name"), d.text("symbolKind"), d.small("line"),
                d.small("column"), d.text("scope"), d.text("text"), d.text("condition"));
        d.finish();
        return def;
    }

    // ----- history/diff (issue 16, kread) -----

    private static Map<String, Object> change(Answer.Change x) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("changeKind", x.changeKind());
        c.put("oldPath", x.oldPath());
        c.put("newPath", x.newPath());
        c.put("oldBlob", x.oldBlob());
        c.put("newBlob", x.newBlob());
        c.put("added", x.added());
        c.put("removed", x.removed());
        c.put("verdict", x.verdict());
        return c;
    }

    private static Answer.Change change(Fields c) throws ProtocolException {
        Answer.Change change = new Answer.Change(c.text("changeKind"), c.optionalText("oldPath"), c.optionalText("newPath"),
                c.optionalText("oldBlob"), c.optionalText("newBlob"), signed(c, "added"), signed(c, "removed"), c.text("verdict"));
        c.finish();
        return change;
    }

    /** A line count that is -1 when not counted (binary or too large). */
    private static int signed(Fields f, String name) throws ProtocolException {
        long v = f.integer(name);
        if (v < -1 || v > Limits.MAX_LINE) {
            throw Fields.field(name + " is -1 to " + Limits.MAX_LINE + ", not " + v);
        }
        return (int) v;
    }

    private static List<Object> spans(List<Answer.RowSpan> spans) {
        List<Object> out = new ArrayList<>();
        for (Answer.RowSpan sp : spans) {
            out.add(List.of(sp.start(), sp.end()));
        }
        return out;
    }

    private static List<Answer.RowSpan> spans(Fields f, String name) throws ProtocolException {
        List<Answer.RowSpan> out = new ArrayList<>();
        for (Object sp : f.list(name, Limits.MAX_ROW_SPANS)) {
            if (!(sp instanceof List<?> pair) || pair.size() != 2 || !(pair.get(0) instanceof Long s)
                    || !(pair.get(1) instanceof Long e) || s < 0 || e < s || e > Limits.MAX_ROW_TEXT) {
                throw Fields.field("answer.rows[]." + name + " holds pairs of offsets within a row's text");
            }
            out.add(new Answer.RowSpan(s.intValue(), e.intValue()));
        }
        return out;
    }

    private static List<Object> commits(List<Answer.Commit> commits) {
        List<Object> list = new ArrayList<>();
        for (Answer.Commit x : commits) {
            list.add(Map.of("id", x.id(), "author", x.author(), "email", x.email(), "when", x.when(), "summary", x.summary()));
        }
        return list;
    }

    private static List<Answer.Commit> commits(Fields f, int max) throws ProtocolException {
        List<Answer.Commit> out = new ArrayList<>();
        for (Object item : f.list("commits", max)) {
            Fields c = new Fields(item, "answer.commits[]");
            out.add(new Answer.Commit(c.text("id"), c.text("author"), c.text("email"), c.text("when"), c.text("summary")));
            c.finish();
        }
        return out;
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
                        f.texts("languages", Limits.MAX_LANGUAGES), f.optionalText("ref"), f.small("limit"),
                        f.optionalText("diffFrom"));
                case "search.page" -> new Request.SearchPage(f.integer("search"), f.small("offset"), f.small("limit"));
                case "symbols.definitions" -> new Request.Definitions(f.text("name"), f.small("limit"));
                case "symbols.references" -> new Request.References(f.text("name"), f.integer("offset"), f.small("limit"));
                // history/diff (issue 16, kread)
                case "history.compare" -> new Request.Compare(f.text("from"), f.text("to"), f.small("offset"), f.small("limit"));
                case "history.diff" -> new Request.Diff(f.optionalText("from"), f.text("to"), f.text("path"), f.small("offset"),
                        f.small("limit"));
                case "history.file" -> new Request.History(f.text("path"), f.small("offset"), f.small("limit"));
                case "history.blame" -> new Request.BlameFile(f.text("path"), f.small("offset"), f.small("limit"));
                case "symbols.callers" -> new Request.Callers(f.text("name"), f.small("limit"));
                case "files.lines" -> new Request.LineCounts(f.text("ref"), f.small("offset"), f.small("limit"));
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
                // findings (issue 16, kwire)
                case "findings.list" -> new Request.ListFindings(f.text("kind"), f.small("offset"), f.small("limit"));
                case "annotation.delete" -> new Request.DeleteAnnotation(f.text("annotation"));
                case "review.unmark" -> new Request.UnmarkReviewed(f.text("mark"));
                case "bookmark.add" -> new Request.AddBookmark(f.text("ref"), f.text("path"), f.small("line"), f.text("label"));
                case "review.mark" -> new Request.MarkReviewed(f.text("ref"), f.text("path"), f.small("firstLine"),
                        f.small("lastLine"));
                case "session.end" -> new Request.EndSession();
                // seal (issue 16, kseal)
                case "seal.sessions" -> new Request.SealSessions();
                case "seal.review" -> new Request.ReviewSeal(f.text("session"));
                case "seal.decide" -> new Request.DecideSeal(f.text("session"), f.text("violation"), f.text("action"),
                        f.text("supervisor"), f.text("reason"));
                case "seal.statement" -> new Request.SealStatement(f.text("session"));
                case "seal.sign" -> new Request.SignSeal(f.text("session"), f.text("signature"));
                case "seal.file" -> new Request.SealFile(f.text("session"), f.text("name"), f.integer("offset"), f.small("length"));
                case "seal.exported" -> {
                    String session = f.text("session");
                    List<Request.WrittenFile> files = new ArrayList<>();
                    for (Object item : f.list("files", Limits.MAX_SEAL_FILES)) {
                        Fields w = new Fields(item, "request.files[]");
                        files.add(new Request.WrittenFile(w.text("name"), w.integer("size"), w.text("sha256")));
                        w.finish();
                    }
                    yield new Request.SealExported(session, files);
                }
                // findings export/import (issue 16, kexport)
                case "findings.export" -> new Request.FindingsExport(f.texts("formats", Limits.MAX_EXPORT_FORMATS));
                case "findings.file" -> new Request.FindingsFile(f.text("name"), f.integer("offset"), f.small("length"));
                case "findings.exported" -> {
                    List<Request.WrittenFile> files = new ArrayList<>();
                    for (Object item : f.list("files", Limits.MAX_EXPORT_FORMATS)) {
                        Fields w = new Fields(item, "request.files[]");
                        files.add(new Request.WrittenFile(w.text("name"), w.integer("size"), w.text("sha256")));
                        w.finish();
                    }
                    yield new Request.FindingsExported(files);
                }
                case "findings.import.begin" -> new Request.FindingsImportBegin(f.text("name"), f.integer("size"));
                case "findings.import.chunk" -> new Request.FindingsImportChunk(f.integer("upload"), f.integer("offset"),
                        base64(f.text("data")));
                case "findings.import.attach" -> new Request.FindingsImportAttach(f.integer("upload"), f.text("part"),
                        f.integer("size"));
                case "findings.import.finish" -> new Request.FindingsImportFinish(f.integer("upload"));
                case "findings.import.cancel" -> new Request.FindingsImportCancel(f.integer("upload"));
                case "refusal.copy" -> new Request.CopyRefused(f.text("path"), f.text("kind"), f.small("selectedChars"),
                        f.text("view"));
                // keeper-side ops of issue 16 (k2keeper)
                case "session.lock" -> new Request.LockSession();
                case "session.unlock" -> new Request.UnlockSession(f.optionalText("pin"), f.optionalText("passphrase"),
                        f.optionalText("challenge"), f.optionalText("signature"));
                case "session.activity" -> new Request.Activity(); // activity (issue 16, kwire)
                // confirmation (issue 16/17, room)
                case "confirm.start" -> new Request.ConfirmStart(f.text("inspector"), f.text("organisation"),
                        f.optionalText("badge"), f.text("bundle"));
                case "confirm.unlock" -> new Request.ConfirmUnlock();
                case "bundle.import" -> new Request.ImportBundle(f.text("path"));
                // intake (issue 16, kwire)
                case "bundle.upload.begin" -> new Request.UploadBegin(f.text("name"), f.integer("manifestSize"),
                        f.integer("signatureSize"), f.integer("bundleSize"));
                case "bundle.upload.chunk" -> new Request.UploadChunk(f.integer("upload"), f.text("file"), f.integer("offset"),
                        base64(f.text("data")));
                case "bundle.upload.finish" -> new Request.UploadFinish(f.integer("upload"));
                case "bundle.upload.cancel" -> new Request.UploadCancel(f.integer("upload"));
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

    /**
     * Strict base64 (intake, issue 16, kwire): at most the chunk limit, and only the one padded
     * encoding of the bytes (re-encoded and compared), so a chunk has one byte string like every message.
     */
    private static byte[] base64(String text) throws ProtocolException {
        if (text.length() > (Limits.MAX_UPLOAD_CHUNK + 2) / 3 * 4) {
            throw Fields.field("request.data is longer than " + Limits.MAX_UPLOAD_CHUNK + " bytes in base64");
        }
        byte[] bytes;
        try {
            bytes = java.util.Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw Fields.field("request.data is not base64");
        }
        if (!java.util.Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw Fields.field("request.data is not in canonical base64 (padded, no other encoding of the same bytes)");
        }
        return bytes;
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
            return listingFrame(id, f);
        } else if (a instanceof Answer.FileOpened o) {
            m.put("ref", o.ref());
            m.put("commit", o.commit());
            m.put("path", o.path());
            m.put("fileKind", o.fileKind());
            m.put("size", o.size());
            m.put("blob", o.blob());
            m.put("entry", o.entry());
        } else if (a instanceof Answer.Page p) {
            byte[] head = pageHead(id, p);
            byte[] out = java.util.Arrays.copyOf(head, head.length + p.length());
            p.copyTo(out, head.length);
            return out;
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
                list.add(definition(x));
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
        } else if (a instanceof Answer.Changes c) { // history/diff (issue 16, kread)
            m.put("from", c.from());
            m.put("to", c.to());
            m.put("offset", c.offset());
            m.put("total", c.total());
            List<Object> list = new ArrayList<>();
            for (Answer.Change x : c.changes()) {
                list.add(change(x));
            }
            m.put("changes", list);
        } else if (a instanceof Answer.DiffPage d) {
            m.put("from", d.from());
            m.put("to", d.to());
            m.put("path", d.path());
            m.put("change", d.change() == null ? null : change(d.change()));
            m.put("verdict", d.verdict());
            m.put("oldSize", d.oldSize());
            m.put("newSize", d.newSize());
            m.put("entries", d.entries());
            m.put("offset", d.offset());
            m.put("total", d.total());
            List<Object> rows = new ArrayList<>();
            for (Answer.Row x : d.rows()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("rowKind", x.rowKind());
                row.put("leftLine", x.leftLine());
                row.put("leftText", x.leftText());
                row.put("rightLine", x.rightLine());
                row.put("rightText", x.rightText());
                row.put("leftSpans", spans(x.leftSpans()));
                row.put("rightSpans", spans(x.rightSpans()));
                row.put("skipped", x.skipped());
                rows.add(row);
            }
            m.put("rows", rows);
        } else if (a instanceof Answer.Commits c) {
            m.put("ref", c.ref());
            m.put("path", c.path());
            m.put("entry", c.entry());
            m.put("truncated", c.truncated());
            m.put("offset", c.offset());
            m.put("total", c.total());
            m.put("commits", commits(c.commits()));
        } else if (a instanceof Answer.BlamePage b) {
            m.put("ref", b.ref());
            m.put("path", b.path());
            m.put("verdict", b.verdict());
            m.put("entry", b.entry());
            m.put("offset", b.offset());
            m.put("total", b.total());
            m.put("commits", commits(b.commits()));
            List<Object> lines = new ArrayList<>();
            for (Answer.BlameRow x : b.lines()) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("line", x.line());
                line.put("text", x.text());
                line.put("commit", x.commit());
                line.put("sourcePath", x.sourcePath());
                lines.add(line);
            }
            m.put("lines", lines);
        } else if (a instanceof Answer.Callers c) {
            m.put("name", c.name());
            m.put("entry", c.entry());
            m.put("index", c.index());
            List<Object> list = new ArrayList<>();
            for (Answer.Caller x : c.callers()) {
                list.add(Map.of("caller", definition(x.caller()), "path", x.path(), "line", x.line(), "column", x.column(),
                        "text", x.text()));
            }
            m.put("callers", list);
        } else if (a instanceof Answer.LineCounts l) {
            m.put("ref", l.ref());
            m.put("offset", l.offset());
            m.put("total", l.total());
            List<Object> list = new ArrayList<>();
            for (Answer.LineCount x : l.files()) {
                list.add(Map.of("path", x.path(), "blob", x.blob(), "lines", x.lines()));
            }
            m.put("files", list);
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
        } else if (a instanceof Answer.SealSessions w) { // seal (issue 16, kseal)
            List<Object> list = new ArrayList<>();
            for (Answer.SealWaiting x : w.sessions()) {
                list.add(Map.of("session", x.session(), "status", x.status()));
            }
            m.put("sessions", list);
        } else if (a instanceof Answer.SealReviewed r) {
            sealReview(m, r);
        } else if (a instanceof Answer.SealStatement t) {
            m.put("session", t.session());
            m.put("statement", t.statement());
        } else if (a instanceof Answer.SealSealed t) {
            m.put("session", t.session());
            m.put("sealedBy", t.sealedBy());
            m.put("seal", t.seal());
        } else if (a instanceof Answer.SealFileData d) {
            m.put("session", d.session());
            m.put("name", d.name());
            m.put("offset", d.offset());
            m.put("data", java.util.Base64.getEncoder().encodeToString(d.data()));
            m.put("size", d.size());
            m.put("sha256", d.sha256());
            m.put("end", d.end());
        } else if (a instanceof Answer.FindingsExport x) { // findings export/import (issue 16, kexport)
            List<Object> files = new ArrayList<>();
            for (Answer.ExportFileInfo i : x.files()) {
                files.add(Map.of("name", i.name(), "format", i.format(), "size", i.size(), "sha256", i.sha256()));
            }
            m.put("files", files);
        } else if (a instanceof Answer.FindingsFileData d) {
            m.put("name", d.name());
            m.put("offset", d.offset());
            m.put("data", java.util.Base64.getEncoder().encodeToString(d.data()));
            m.put("size", d.size());
            m.put("sha256", d.sha256());
            m.put("end", d.end());
        } else if (a instanceof Answer.FindingsImportProgress p) {
            m.put("upload", p.upload());
            m.put("received", p.received());
            m.put("expected", p.expected());
        } else if (a instanceof Answer.FindingsImported i) {
            m.put("added", i.added());
            m.put("moved", i.moved());
            m.put("outdated", i.outdated());
            m.put("entry", i.entry());
            m.put("logCheck", i.logCheck());
        } else if (a instanceof Answer.Recorded d) {
            m.put("what", d.what());
            m.put("status", d.status());
            m.put("entry", d.entry());
        } else if (a instanceof Answer.Reviewed r) {
            m.put("mark", r.id());
            m.put("ref", r.ref());
            m.put("path", r.path());
            m.put("blob", r.blob());
            m.put("firstLine", r.firstLine());
            m.put("lastLine", r.lastLine());
            m.put("entry", r.entry());
        } else if (a instanceof Answer.FindingsPage p) { // findings (issue 16, kwire)
            m.put("list", p.list());
            m.put("offset", p.offset());
            m.put("total", p.total());
            List<Object> annotations = new ArrayList<>();
            for (Answer.FindingInfo x : p.annotations()) {
                annotations.add(finding(x));
            }
            m.put("annotations", annotations);
            List<Object> marks = new ArrayList<>();
            for (Answer.MarkInfo x : p.marks()) {
                marks.add(Map.of("mark", x.id(), "ref", x.ref(), "path", x.path(), "blob", x.blob(), "firstLine", x.firstLine(),
                        "lastLine", x.lastLine(), "author", x.author(), "created", x.created()));
            }
            m.put("marks", marks);
            List<Object> bookmarks = new ArrayList<>();
            for (Answer.BookmarkInfo x : p.bookmarks()) {
                bookmarks.add(Map.of("bookmark", x.id(), "ref", x.ref(), "path", x.path(), "line", x.line(), "label", x.label(),
                        "author", x.author(), "created", x.created()));
            }
            m.put("bookmarks", bookmarks);
        } else if (a instanceof Answer.FindingChanged c) {
            m.put("changed", c.id());
            m.put("entry", c.entry());
        } else if (a instanceof Answer.BookmarkAdded b) {
            m.put("bookmark", b.id());
            m.put("ref", b.ref());
            m.put("path", b.path());
            m.put("line", b.line());
            m.put("label", b.label());
            m.put("entry", b.entry());
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
        } else if (a instanceof Answer.Upload u) { // intake (issue 16, kwire)
            m.put("upload", u.upload());
            m.put("received", u.received());
            m.put("expected", u.expected());
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
     * raw bytes of the file. No base64, no JSON over the content. This is the payload up to the
     * content: the keeper writes it and then the page's bytes straight from where it holds them
     * ({@link Frames#writePage}), {@link #encode} appends them for a whole payload.
     */
    public static byte[] pageHead(long id, Answer.Page p) {
        Map<String, Object> m = envelope(id);
        m.put("answer", p.kind());
        m.put("ref", p.ref());
        m.put("path", p.path());
        m.put("offset", p.offset());
        m.put("length", (long) p.length());
        m.put("end", p.end());
        byte[] header = CanonicalJson.write(m);
        byte[] out = new byte[PAGE_PREFIX + header.length];
        out[0] = PAGE_MARKER;
        out[1] = (byte) (header.length >>> 24);
        out[2] = (byte) (header.length >>> 16);
        out[3] = (byte) (header.length >>> 8);
        out[4] = (byte) header.length;
        System.arraycopy(header, 0, out, PAGE_PREFIX, header.length);
        return out;
    }

    /** The first byte of a binary page payload. */
    public static final byte PAGE_MARKER = 0;
    /** The marker and the header's 4-byte length. */
    static final int PAGE_PREFIX = 5;

    /** A binary frame's header, checked; its bytes start at {@code start} of the payload. */
    private record BinaryHeader(long id, Fields fields, int start) {
    }

    /**
     * The canonical JSON header of a binary frame (a page or a listing): its length is checked against the
     * limit and the payload's real size before anything is copied; the header is as strict as any answer
     * (canonical, version, no unknown member), names {@code answer} and says in {@code length} exactly the
     * number of bytes after it (at most {@code maxBytes}).
     */
    private static BinaryHeader binaryHeader(byte[] payload, String frame, String answer, long maxBytes) throws DecodeException {
        if (payload.length < PAGE_PREFIX + 2) {
            throw new DecodeException(-1, new ProtocolException(Errors.FRAME_SIZE, "a " + frame + " frame of " + payload.length
                    + " bytes is shorter than its header"));
        }
        long headerLength = ((long) (payload[1] & 0xff) << 24) | ((payload[2] & 0xff) << 16) | ((payload[3] & 0xff) << 8)
                | (payload[4] & 0xff);
        if (headerLength < 2 || headerLength > Limits.MAX_PAGE_HEADER || headerLength > payload.length - PAGE_PREFIX) {
            throw new DecodeException(-1, new ProtocolException(Errors.FRAME_SIZE, "a " + frame + " header is 2 to "
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
            if (!answer.equals(kind)) {
                throw Fields.field("a " + frame + " frame carries only a " + answer + " answer, not \"" + Fields.clip(kind) + "\"");
            }
            long length = f.integer("length");
            if (length < 0 || length > maxBytes) {
                throw Fields.field("answer.length is 0 to " + maxBytes + ", not " + length);
            }
            if (length != payload.length - start) {
                throw Fields.field("answer.length says " + length + " bytes, the frame holds " + (payload.length - start));
            }
            return new BinaryHeader(id, f, start);
        } catch (ProtocolException e) {
            throw new DecodeException(id, e);
        }
    }

    /**
     * Decodes a binary page payload: every length is checked against the limits and against the
     * payload's real size before anything is copied; the header is as strict as any answer (canonical,
     * version, no unknown member) and must be a {@code file.page} whose {@code length} is exactly the
     * number of bytes after it.
     */
    private static Framed<Answer> decodePage(byte[] payload) throws DecodeException {
        BinaryHeader h = binaryHeader(payload, "page", "file.page", Limits.MAX_PAGE_BYTES);
        long id = h.id();
        int start = h.start();
        try {
            Fields f = h.fields();
            // the payload was read for this page alone: the page is a view of it, not another copy
            Answer.Page page = Answer.Page.view(f.text("ref"), f.text("path"), f.integer("offset"), payload, start,
                    payload.length - start, f.bool("end"));
            f.finish();
            return new Framed<>(id, page);
        } catch (ProtocolException e) {
            throw new DecodeException(id, e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DecodeException(id, new ProtocolException(Errors.FIELD, String.valueOf(e.getMessage())));
        }
    }

    // ----- listing frames (version 5, issue 20) -----

    /** The first byte of a binary listing payload (a page frame starts with 0x00, JSON with "{"). */
    public static final byte LISTING_MARKER = 1;
    private static final String[] KINDS = {Answer.KIND_FILE, Answer.KIND_EXECUTABLE, Answer.KIND_SYMLINK, Answer.KIND_SUBMODULE};
    /** The fewest bytes an entry takes: shared, suffix length, kind and size, one byte each. */
    private static final int MIN_ENTRY = 4;

    /**
     * A {@code files} answer as a listing frame: the marker {@code 0x01}, the header's length (4 bytes,
     * unsigned big-endian), the header (canonical JSON: the answer with {@code count} and {@code length}
     * in place of {@code files}), then {@code length} bytes of {@code count} front-coded entries (see
     * docs/formats/keeper-protocol.md, "Listing frames"). Canonical: one byte string per answer.
     */
    static byte[] listingFrame(long id, Answer.Files f) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(Math.max(64, f.files().size() * 24));
        byte[] previous = new byte[0];
        for (Answer.FileInfo i : f.files()) {
            byte[] path = i.path().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (path.length == 0) {
                throw new IllegalArgumentException("a listed path is never empty");
            }
            int shared = sharedPrefix(previous, previous.length, path, path.length);
            writeVar(body, shared);
            writeVar(body, path.length - shared);
            body.write(path, shared, path.length - shared);
            body.write(kindCode(i.kind()));
            writeVar(body, i.size());
            previous = path;
        }
        if (body.size() > Limits.MAX_LISTING_BYTES) {
            throw new IllegalArgumentException("a listing page of " + body.size() + " bytes is over "
                    + Limits.MAX_LISTING_BYTES);
        }
        Map<String, Object> m = envelope(id);
        m.put("answer", f.kind());
        m.put("ref", f.ref());
        m.put("commit", f.commit());
        m.put("offset", f.offset());
        m.put("next", f.next());
        m.put("total", f.total());
        m.put("count", f.files().size());
        m.put("length", body.size());
        byte[] header = CanonicalJson.write(m);
        byte[] out = new byte[PAGE_PREFIX + header.length + body.size()];
        out[0] = LISTING_MARKER;
        out[1] = (byte) (header.length >>> 24);
        out[2] = (byte) (header.length >>> 16);
        out[3] = (byte) (header.length >>> 8);
        out[4] = (byte) header.length;
        System.arraycopy(header, 0, out, PAGE_PREFIX, header.length);
        byte[] entries = body.toByteArray();
        System.arraycopy(entries, 0, out, PAGE_PREFIX + header.length, entries.length);
        return out;
    }

    /** How many bytes {@code a[0..aLength)} and {@code b[0..bLength)} have in common at the start. */
    static int sharedPrefix(byte[] a, int aLength, byte[] b, int bLength) {
        int at = java.util.Arrays.mismatch(a, 0, aLength, b, 0, bLength);
        return at < 0 ? aLength : at; // -1: equal (then aLength == bLength)
    }

    /** The bytes an entry of this path takes at most in a listing frame (for the keeper's page budget). */
    public static int listingEntryBound(String path) {
        int bytes = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3; // a surrogate pair is 4 bytes, two units of 3 bound it
        }
        return bytes + 3 + 3 + 1 + 9; // shared and suffix length (≤ 3 bytes each for ≤ 2^21), kind, size
    }

    private static int kindCode(String kind) {
        for (int k = 0; k < KINDS.length; k++) {
            if (KINDS[k].equals(kind)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no listing code for the kind \"" + Fields.clip(kind) + "\"");
    }

    private static void writeVar(java.io.ByteArrayOutputStream out, long value) {
        while ((value & ~0x7fL) != 0) {
            out.write((int) ((value & 0x7f) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    /**
     * Decodes a listing payload. Every length and count is checked against the limits and the payload's
     * real size before anything is allocated; each entry is bounded (numbers at most 9 bytes, 63 bits, not
     * padded; shared within the previous path and the longest common prefix, so one encoding per page;
     * path 1 .. 4096 UTF-16 units of strict UTF-8 without NUL; kind 0..3); the entries end exactly at the
     * payload's end.
     */
    private static Framed<Answer> decodeListing(byte[] payload) throws DecodeException {
        BinaryHeader h = binaryHeader(payload, "listing", "files", Limits.MAX_LISTING_BYTES);
        long id = h.id();
        int start = h.start();
        try {
            Fields f = h.fields();
            long length = payload.length - start;
            long count = f.integer("count");
            if (count < 0 || count > Limits.MAX_LISTING_PAGE || count > length / MIN_ENTRY) {
                throw Fields.field("answer.count " + count + " is over " + Limits.MAX_LISTING_PAGE + " or more than "
                        + length + " bytes hold");
            }
            List<Answer.FileInfo> files = listingEntries(payload, start, (int) count);
            Answer.Files answer = new Answer.Files(f.text("ref"), f.text("commit"), f.small("offset"), f.small("next"),
                    f.small("total"), files);
            f.finish();
            return new Framed<>(id, answer);
        } catch (ProtocolException e) {
            throw new DecodeException(id, e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DecodeException(id, new ProtocolException(Errors.FIELD, String.valueOf(e.getMessage())));
        }
    }

    /**
     * The entries of a listing payload. One path buffer for the whole page (each entry's path is the previous
     * path's first {@code shared} bytes and its own suffix, decoded into a String once); only the suffix is
     * looked at for non-ASCII bytes when the shared part was ASCII; the kind's name is one of four constants.
     */
    private static List<Answer.FileInfo> listingEntries(byte[] b, int start, int count) throws ProtocolException {
        java.nio.charset.CharsetDecoder utf8 = null;
        List<Answer.FileInfo> files = new ArrayList<>(count);
        int[] at = {start};
        byte[] path = new byte[256];
        int pathLength = 0;
        int asciiUpTo = 0; // path[0 .. asciiUpTo) is known to be ASCII
        int maxBytes = Limits.MAX_PATH * 3;
        for (int n = 0; n < count; n++) {
            long shared = readVar(b, at);
            long suffix = readVar(b, at);
            if (shared > pathLength) {
                throw Fields.field("listing entry " + n + " shares " + shared + " bytes of a " + pathLength + "-byte path");
            }
            if (suffix > b.length - at[0] || shared + suffix > maxBytes || shared + suffix == 0) {
                throw Fields.field("listing entry " + n + " has a path of " + (shared + suffix)
                        + " bytes (1 to " + maxBytes + " within the frame)");
            }
            int s = (int) shared;
            int x = (int) suffix;
            if (x > 0 && s < pathLength && b[at[0]] == path[s]) {
                throw Fields.field("listing entry " + n + " shares fewer bytes than it has in common (not canonical)");
            }
            int length = s + x;
            if (length > path.length) {
                path = java.util.Arrays.copyOf(path, Math.max(length, path.length * 2));
            }
            System.arraycopy(b, at[0], path, s, x);
            at[0] += x;
            pathLength = length;
            int ascii = Math.min(asciiUpTo, s);
            while (ascii < length && path[ascii] >= 0) {
                ascii++;
            }
            asciiUpTo = ascii;
            String text;
            if (ascii == length) { // most paths: every byte < 0x80 is its own character, nothing to check
                text = new String(path, 0, length, java.nio.charset.StandardCharsets.ISO_8859_1);
            } else {
                if (utf8 == null) {
                    utf8 = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
                }
                try {
                    text = utf8.reset().decode(java.nio.ByteBuffer.wrap(path, 0, length)).toString();
                } catch (java.nio.charset.CharacterCodingException e) {
                    throw Fields.field("listing entry " + n + " is not UTF-8");
                }
            }
            if (at[0] >= b.length) {
                throw Fields.field("listing entry " + n + " is cut before its kind");
            }
            int kind = b[at[0]++] & 0xff;
            if (kind >= KINDS.length) {
                throw Fields.field("listing entry " + n + " has the kind " + kind + " (0 to 3)");
            }
            long size = readVar(b, at);
            files.add(new Answer.FileInfo(text, KINDS[kind], size)); // checks ≤ 4096 units and no NUL
        }
        if (at[0] != b.length) {
            throw Fields.field("a listing frame holds " + (b.length - at[0]) + " bytes after its " + count + " entries");
        }
        return files;
    }

    /** An unsigned LEB128 number: at most 9 bytes (63 bits), not padded, within the payload. */
    private static long readVar(byte[] b, int[] at) throws ProtocolException {
        long value = 0;
        for (int i = 0; i < 9; i++) {
            if (at[0] >= b.length) {
                throw Fields.field("a listing number is cut at the frame's end");
            }
            int x = b[at[0]++] & 0xff;
            value |= (long) (x & 0x7f) << (7 * i);
            if ((x & 0x80) == 0) {
                if (x == 0 && i > 0) {
                    throw Fields.field("a listing number is padded (not canonical)");
                }
                return value;
            }
        }
        throw Fields.field("a listing number is longer than 9 bytes");
    }

    // ----- seal (issue 16, kseal) -----

    private static void sealReview(Map<String, Object> m, Answer.SealReviewed r) {
        m.put("session", r.session());
        m.put("status", r.status());
        m.put("inspector", r.inspector());
        m.put("started", r.started());
        m.put("ended", r.ended());
        m.put("findings", r.findings());
        m.put("policyName", r.policyName());
        m.put("product", r.product());
        m.put("release", r.release());
        m.put("minRunTokens", r.minRunTokens());
        m.put("canSeal", r.canSeal());
        m.put("comparedWithTree", r.comparedWithTree());
        List<Object> files = new ArrayList<>();
        for (Answer.SealFileInfo x : r.files()) {
            files.add(Map.of("name", x.name(), "fileKind", x.fileKind(), "size", x.size(), "sha256", x.sha256(),
                    "pending", x.pending()));
        }
        m.put("files", files);
        List<Object> checks = new ArrayList<>();
        for (Answer.SealCheck c : r.checks()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", c.id());
            e.put("violationKind", c.violationKind());
            e.put("annotation", c.annotation());
            e.put("path", c.path());
            e.put("reason", c.reason());
            e.put("open", c.open());
            e.put("decision", c.decision() == null ? null : Map.of("action", c.decision().action(), "supervisor",
                    c.decision().supervisor(), "reason", c.decision().reason()));
            checks.add(e);
        }
        m.put("checks", checks);
        List<Object> disclosures = new ArrayList<>();
        for (Answer.SealDisclosure d : r.disclosures()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("entry", d.entry());
            e.put("field", d.field());
            e.put("entryType", d.entryType());
            e.put("time", d.time());
            e.put("disclosed", d.disclosed());
            e.put("why", d.why());
            e.put("salt", d.salt());
            e.put("value", d.value());
            e.put("decision", d.decision() == null ? null : Map.of("action", d.decision().action(), "supervisor",
                    d.decision().supervisor(), "reason", d.decision().reason()));
            e.put("actions", d.actions());
            disclosures.add(e);
        }
        m.put("disclosures", disclosures);
        List<Object> quotas = new ArrayList<>();
        for (Answer.SealQuota q : r.quotas()) {
            quotas.add(Map.of("perFile", q.perFile(), "subject", q.subject(), "measure", q.measure(), "used", q.used(),
                    "allowed", q.allowed()));
        }
        m.put("quotas", quotas);
    }

    private static Answer.SealReviewed sealReview(Fields f) throws ProtocolException {
        String session = f.text("session");
        String status = f.text("status");
        List<Answer.SealFileInfo> files = new ArrayList<>();
        for (Object item : f.list("files", Limits.MAX_SEAL_FILES)) {
            Fields x = new Fields(item, "answer.files[]");
            files.add(new Answer.SealFileInfo(x.text("name"), x.text("fileKind"), x.integer("size"), x.text("sha256"),
                    x.bool("pending")));
            x.finish();
        }
        List<Answer.SealCheck> checks = new ArrayList<>();
        for (Object item : f.list("checks", Limits.MAX_SEAL_ROWS)) {
            Fields c = new Fields(item, "answer.checks[]");
            Fields d = c.optionalObject("decision");
            Answer.SealDecision decision = null;
            if (d != null) {
                decision = new Answer.SealDecision(d.text("action"), d.text("supervisor"), d.text("reason"));
                d.finish();
            }
            checks.add(new Answer.SealCheck(c.text("id"), c.text("violationKind"), c.optionalText("annotation"),
                    c.optionalText("path"), c.text("reason"), c.bool("open"), decision));
            c.finish();
        }
        List<Answer.SealDisclosure> disclosures = new ArrayList<>();
        for (Object item : f.list("disclosures", Limits.MAX_SEAL_ROWS)) {
            Fields d = new Fields(item, "answer.disclosures[]");
            Fields decided = d.optionalObject("decision");
            Answer.SealDecision fieldDecision = null;
            if (decided != null) {
                fieldDecision = new Answer.SealDecision(decided.text("action"), decided.text("supervisor"), decided.text("reason"));
                decided.finish();
            }
            List<String> actions = new ArrayList<>();
            for (Object action : d.list("actions", 3)) {
                if (!(action instanceof String a)) {
                    throw Fields.field("answer.disclosures[].actions[] is not text");
                }
                actions.add(a);
            }
            disclosures.add(new Answer.SealDisclosure(d.integer("entry"), d.text("field"), d.optionalText("entryType"),
                    d.text("time"), d.bool("disclosed"), d.text("why"), d.text("salt"), d.optionalValue("value"),
                    fieldDecision, actions));
            d.finish();
        }
        List<Answer.SealQuota> quotas = new ArrayList<>();
        for (Object item : f.list("quotas", Limits.MAX_SEAL_ROWS)) {
            Fields q = new Fields(item, "answer.quotas[]");
            quotas.add(new Answer.SealQuota(q.bool("perFile"), q.text("subject"), q.text("measure"), q.integer("used"),
                    q.integer("allowed")));
            q.finish();
        }
        return new Answer.SealReviewed(session, status, f.text("inspector"), f.text("started"), f.text("ended"),
                f.small("findings"), f.text("policyName"), f.text("product"), f.text("release"), f.small("minRunTokens"),
                f.bool("canSeal"), f.bool("comparedWithTree"), files, checks, disclosures, quotas);
    }

    /** Strict Base64 (the standard alphabet with padding, nothing else) of at most {@code max} bytes. */
    private static byte[] base64(String text, int max, String where) throws ProtocolException {
        if (text.length() > (max + 2) / 3 * 4 || text.length() % 4 != 0 || !text.matches("[A-Za-z0-9+/]*={0,2}")) {
            throw Fields.field(where + " is not Base64 of at most " + max + " bytes");
        }
        byte[] bytes;
        try {
            bytes = java.util.Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw Fields.field(where + " is not Base64: " + e.getMessage());
        }
        if (!java.util.Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw Fields.field(where + " is not canonical Base64");
        }
        return bytes;
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

    // ----- findings (issue 16, kwire) -----

    private static Map<String, Object> finding(Answer.FindingInfo x) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("annotation", x.id());
        e.put("ref", x.ref());
        e.put("commit", x.commit());
        e.put("path", x.path());
        e.put("blob", x.blob());
        e.put("anchorState", x.anchorState());
        List<Object> ranges = new ArrayList<>();
        for (Answer.RangeInfo r : x.ranges()) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("startLine", r.startLine());
            g.put("startColumn", r.startColumn());
            g.put("endLine", r.endLine());
            g.put("endColumn", r.endColumn());
            g.put("startOffset", r.startOffset());
            g.put("endOffset", r.endOffset());
            g.put("textHash", r.textHash());
            g.put("linesHash", r.linesHash());
            g.put("headHash", r.headHash());
            g.put("beforeHash", r.beforeHash());
            g.put("afterHash", r.afterHash());
            g.put("lineCount", r.lineCount());
            ranges.add(g);
        }
        e.put("ranges", ranges);
        e.put("title", x.title());
        e.put("body", x.body());
        e.put("severity", x.severity());
        e.put("confidence", x.confidence());
        e.put("cweId", x.cweId());
        e.put("tags", x.tags());
        e.put("status", x.status());
        e.put("author", x.author());
        e.put("created", x.created());
        e.put("updated", x.updated());
        e.put("replies", x.replies());
        return e;
    }

    private static Answer.FindingInfo finding(Fields f) throws ProtocolException {
        List<Answer.RangeInfo> ranges = new ArrayList<>();
        for (Object item : f.list("ranges", Limits.MAX_RANGES)) {
            Fields g = new Fields(item, "answer.annotations[].ranges[]");
            ranges.add(new Answer.RangeInfo(g.small("startLine"), g.small("startColumn"), g.small("endLine"), g.small("endColumn"),
                    g.small("startOffset"), g.small("endOffset"), g.text("textHash"), g.text("linesHash"), g.text("headHash"),
                    g.text("beforeHash"), g.text("afterHash"), g.small("lineCount")));
            g.finish();
        }
        Answer.FindingInfo x = new Answer.FindingInfo(f.text("annotation"), f.text("ref"), f.text("commit"), f.text("path"),
                f.text("blob"), f.text("anchorState"), ranges, f.text("title"), f.text("body"), f.text("severity"),
                f.text("confidence"), f.optionalSmall("cweId"), f.texts("tags", Limits.MAX_TAGS), f.text("status"),
                f.text("author"), f.text("created"), f.text("updated"), f.small("replies"));
        f.finish();
        return x;
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
        if (payload.length > 0 && payload[0] == LISTING_MARKER) {
            return decodeListing(payload);
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
                case "files" -> throw Fields.field("a files answer comes in a binary listing frame (version "
                        + Limits.VERSION + "), never as JSON");
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
                        list.add(definition(new Fields(item, "answer.definitions[]")));
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
                // history/diff (issue 16, kread)
                case "history.changes" -> {
                    List<Answer.Change> list = new ArrayList<>();
                    for (Object item : f.list("changes", Limits.MAX_CHANGES_PAGE)) {
                        list.add(change(new Fields(item, "answer.changes[]")));
                    }
                    yield new Answer.Changes(f.text("from"), f.text("to"), f.small("offset"), f.small("total"), list);
                }
                case "history.diff" -> {
                    Fields change = f.optionalObject("change");
                    Answer.Change c = change == null ? null : change(change);
                    List<Long> entries = new ArrayList<>();
                    for (Object e : f.list("entries", 2)) {
                        if (!(e instanceof Long n) || n < 0) {
                            throw Fields.field("answer.entries holds sequence numbers");
                        }
                        entries.add(n);
                    }
                    List<Answer.Row> rows = new ArrayList<>();
                    for (Object item : f.list("rows", Limits.MAX_DIFF_ROWS)) {
                        Fields r = new Fields(item, "answer.rows[]");
                        rows.add(new Answer.Row(r.text("rowKind"), r.small("leftLine"), r.optionalText("leftText"),
                                r.small("rightLine"), r.optionalText("rightText"), spans(r, "leftSpans"), spans(r, "rightSpans"),
                                r.small("skipped")));
                        r.finish();
                    }
                    yield new Answer.DiffPage(f.optionalText("from"), f.text("to"), f.text("path"), c, f.text("verdict"),
                            f.integer("oldSize"), f.integer("newSize"), entries, f.small("offset"), f.small("total"), rows);
                }
                case "history.commits" -> new Answer.Commits(f.text("ref"), f.text("path"), f.integer("entry"), f.bool("truncated"),
                        f.small("offset"), f.small("total"), commits(f, Limits.MAX_COMMITS_PAGE));
                case "history.blame" -> {
                    List<Answer.BlameRow> lines = new ArrayList<>();
                    for (Object item : f.list("lines", Limits.MAX_DIFF_ROWS)) {
                        Fields l = new Fields(item, "answer.lines[]");
                        lines.add(new Answer.BlameRow(l.small("line"), l.text("text"), l.optionalText("commit"),
                                l.optionalText("sourcePath")));
                        l.finish();
                    }
                    yield new Answer.BlamePage(f.text("ref"), f.text("path"), f.text("verdict"), f.integer("entry"),
                            f.small("offset"), f.small("total"), commits(f, Limits.MAX_DIFF_ROWS), lines);
                }
                case "symbols.callers" -> {
                    List<Answer.Caller> list = new ArrayList<>();
                    for (Object item : f.list("callers", Limits.MAX_SYMBOL_RESULTS)) {
                        Fields c = new Fields(item, "answer.callers[]");
                        list.add(new Answer.Caller(definition(c.object("caller")), c.text("path"), c.small("line"),
                                c.small("column"), c.text("text")));
                        c.finish();
                    }
                    yield new Answer.Callers(f.text("name"), f.integer("entry"), f.text("index"), list);
                }
                case "files.lines" -> {
                    List<Answer.LineCount> list = new ArrayList<>();
                    for (Object item : f.list("files", Limits.MAX_LIST)) {
                        Fields l = new Fields(item, "answer.files[]");
                        list.add(new Answer.LineCount(l.text("path"), l.text("blob"), l.small("lines")));
                        l.finish();
                    }
                    yield new Answer.LineCounts(f.text("ref"), f.small("offset"), f.small("total"), list);
                }
                case "annotation.saved" -> new Answer.AnnotationSaved(f.text("annotation"), f.text("ref"), f.text("commit"),
                        f.text("path"), f.text("blob"), f.small("firstLine"), f.small("lastLine"), f.text("title"),
                        f.text("severity"), f.text("status"), f.integer("entry"));
                case "review.marked" -> new Answer.Reviewed(f.text("mark"), f.text("ref"), f.text("path"), f.text("blob"),
                        f.small("firstLine"), f.small("lastLine"), f.integer("entry"));
                // findings (issue 16, kwire)
                case "findings" -> {
                    String k = f.text("list");
                    List<Answer.FindingInfo> annotations = new ArrayList<>();
                    for (Object item : f.list("annotations", Limits.MAX_FINDINGS_PAGE)) {
                        annotations.add(finding(new Fields(item, "answer.annotations[]")));
                    }
                    List<Answer.MarkInfo> marks = new ArrayList<>();
                    for (Object item : f.list("marks", Limits.MAX_LIST)) {
                        Fields x = new Fields(item, "answer.marks[]");
                        marks.add(new Answer.MarkInfo(x.text("mark"), x.text("ref"), x.text("path"), x.text("blob"),
                                x.small("firstLine"), x.small("lastLine"), x.text("author"), x.text("created")));
                        x.finish();
                    }
                    List<Answer.BookmarkInfo> bookmarks = new ArrayList<>();
                    for (Object item : f.list("bookmarks", Limits.MAX_LIST)) {
                        Fields x = new Fields(item, "answer.bookmarks[]");
                        bookmarks.add(new Answer.BookmarkInfo(x.text("bookmark"), x.text("ref"), x.text("path"), x.small("line"),
                                x.text("label"), x.text("author"), x.text("created")));
                        x.finish();
                    }
                    yield new Answer.FindingsPage(k, f.small("offset"), f.small("total"), annotations, marks, bookmarks);
                }
                case "findings.changed" -> new Answer.FindingChanged(f.text("changed"), f.integer("entry"));
                case "bookmark.added" -> new Answer.BookmarkAdded(f.text("bookmark"), f.text("ref"), f.text("path"), f.small("line"),
                        f.text("label"), f.integer("entry"));
                case "session.ended" -> new Answer.SessionEnded(f.text("session"), f.integer("entries"), f.small("filesOpened"),
                        f.small("searches"), f.text("finalCheckpoint"));
                // seal (issue 16, kseal)
                case "seal.sessions" -> {
                    List<Answer.SealWaiting> list = new ArrayList<>();
                    for (Object item : f.list("sessions", Limits.MAX_LIST)) {
                        Fields w = new Fields(item, "answer.sessions[]");
                        list.add(new Answer.SealWaiting(w.text("session"), w.text("status")));
                        w.finish();
                    }
                    yield new Answer.SealSessions(list);
                }
                case "seal.review" -> sealReview(f);
                case "seal.statement" -> new Answer.SealStatement(f.text("session"), f.text("statement"));
                case "seal.sealed" -> new Answer.SealSealed(f.text("session"), f.text("sealedBy"), f.text("seal"));
                case "seal.file" -> new Answer.SealFileData(f.text("session"), f.text("name"), f.integer("offset"),
                        base64(f.text("data"), Limits.MAX_SEAL_CHUNK, "answer.data"), f.integer("size"), f.text("sha256"),
                        f.bool("end"));
                // findings export/import (issue 16, kexport)
                case "findings.export" -> {
                    List<Answer.ExportFileInfo> files = new ArrayList<>();
                    for (Object item : f.list("files", Limits.MAX_EXPORT_FORMATS)) {
                        Fields x = new Fields(item, "answer.files[]");
                        files.add(new Answer.ExportFileInfo(x.text("name"), x.text("format"), x.integer("size"), x.text("sha256")));
                        x.finish();
                    }
                    yield new Answer.FindingsExport(files);
                }
                case "findings.file" -> new Answer.FindingsFileData(f.text("name"), f.integer("offset"),
                        base64(f.text("data"), Limits.MAX_SEAL_CHUNK, "answer.data"), f.integer("size"), f.text("sha256"),
                        f.bool("end"));
                case "findings.import" -> new Answer.FindingsImportProgress(f.integer("upload"), f.integer("received"),
                        f.integer("expected"));
                case "findings.imported" -> new Answer.FindingsImported(f.small("added"), f.small("moved"), f.small("outdated"),
                        f.integer("entry"), f.optionalText("logCheck"));
                case "recorded" -> new Answer.Recorded(f.text("what"), f.text("status"), f.integer("entry"));
                case "error" -> new Answer.Failure(f.text("code"), f.text("message"));
                // keeper-side answers of issue 16 (k2keeper)
                case "bundle.imported" -> new Answer.BundleImported(f.text("bundle"), f.text("label"), f.text("reviewRef"),
                        f.bool("already"));
                case "bundle.upload" -> new Answer.Upload(f.integer("upload"), f.integer("received"), f.integer("expected")); // intake (kwire)
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
