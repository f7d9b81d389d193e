package airlock.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the keeper answers: one answer per request, or a {@link Failure}. Code (page bytes, hit
 * lines, definition and reference lines) appears only in answers given after the entry that
 * records the read was committed.
 */
public sealed interface Answer {

    /** The wire name of the answer, e.g. {@code file.opened}. */
    String kind();

    record Welcome(int version, String keeper, int maxRequestFrame, int maxAnswerFrame) implements Answer {
        public Welcome {
            Check.range(version, "version", 0, 65_535);
            Check.name(keeper, "keeper", Limits.MAX_CLIENT_NAME);
            Check.range(maxRequestFrame, "maxRequestFrame", 1, Limits.MAX_ANSWER_FRAME);
            Check.range(maxAnswerFrame, "maxAnswerFrame", 1, Limits.MAX_ANSWER_FRAME);
        }

        public String kind() {
            return "welcome";
        }
    }

    record BundleInfo(String id, String label, String reviewRef) {
        public BundleInfo {
            Check.name(id, "id", Limits.MAX_BUNDLE_ID);
            Check.text(label, "label", Limits.MAX_MESSAGE);
            Check.text(reviewRef, "reviewRef", Limits.MAX_REF);
        }
    }

    record Bundles(List<BundleInfo> bundles) implements Answer {
        public Bundles {
            bundles = Check.list(bundles, "bundles", Limits.MAX_BUNDLES);
        }

        public String kind() {
            return "bundles";
        }
    }

    /** The open session as the keeper holds it. */
    record SessionInfo(String id, String inspector, String bundle, String label, String reviewRef, List<String> refs,
                       String started, int idleLockMinutes, int maxSessionMinutes) {
        public SessionInfo {
            Check.name(id, "id", Limits.MAX_ID);
            Check.text(inspector, "inspector", Limits.MAX_NAME);
            Check.text(bundle, "bundle", Limits.MAX_BUNDLE_ID);
            Check.text(label, "label", Limits.MAX_MESSAGE);
            Check.text(reviewRef, "reviewRef", Limits.MAX_REF);
            refs = Check.texts(refs, "refs", Limits.MAX_REFS, Limits.MAX_REF);
            Check.text(started, "started", 64);
            Check.range(idleLockMinutes, "idleLockMinutes", 0, 1_000_000);
            Check.range(maxSessionMinutes, "maxSessionMinutes", 0, 1_000_000);
        }
    }

    record SessionStarted(SessionInfo session) implements Answer {
        public SessionStarted {
            Objects.requireNonNull(session, "session");
        }

        public String kind() {
            return "session.started";
        }
    }

    /**
     * @param state   {@code none}, {@code active}, {@code locked}, {@code expired} or {@code ended}
     * @param session the open session, null when none
     * @param entries entries in the session's log so far (0 when none)
     */
    record Status(String state, SessionInfo session, long entries) implements Answer {
        public Status {
            Check.name(state, "state", 16);
            Check.range(entries, "entries", 0, Long.MAX_VALUE);
        }

        public String kind() {
            return "status";
        }
    }

    record FileInfo(String path, String kind, long size) {
        public FileInfo {
            Check.text(path, "path", Limits.MAX_PATH);
            // the four kinds a listing frame carries are the same constant strings every time (issue 20: a
            // fresh process spent a sixth of its listing in checking "file" 315,000 times); any other string
            // is checked in full
            if (kind != KIND_FILE && kind != KIND_EXECUTABLE && kind != KIND_SYMLINK && kind != KIND_SUBMODULE) {
                Check.name(kind, "kind", 16);
            }
            Check.range(size, "size", 0, Long.MAX_VALUE);
        }
    }

    /**
     * A page of a ref's listing and the commit the ref names (version 5: the window knows it before a file is
     * opened). The page covers the listing's entries {@code offset .. next} of {@code total} ({@code files}
     * leaves out a path longer than the protocol carries); the next page starts at {@code next}. Sent in a
     * binary listing frame (version 5, issue 20).
     */
    record Files(String ref, String commit, int offset, int next, int total, List<FileInfo> files) implements Answer {
        public Files {
            Check.text(ref, "ref", Limits.MAX_REF);
            Check.text(commit, "commit", 64);
            Check.range(offset, "offset", 0, Integer.MAX_VALUE);
            Check.range(total, "total", 0, Integer.MAX_VALUE);
            Check.range(next, "next", offset, Math.max(offset, total));
            if (next == offset && offset < total) {
                throw new IllegalArgumentException("a files page within the listing covers at least one entry");
            }
            files = Check.list(files, "files", Limits.MAX_LISTING_PAGE);
            if (files.size() > next - offset) {
                throw new IllegalArgumentException("a files page holds at most next - offset files");
            }
        }

        public String kind() {
            return "files";
        }
    }

    /** The kind names of listed files (valid names, so a {@link FileInfo} of one of these very strings needs no check). */
    String KIND_FILE = "file";
    String KIND_EXECUTABLE = "executable";
    String KIND_SYMLINK = "symlink";
    String KIND_SUBMODULE = "submodule";

    /** A file's metadata, after {@code file.opened} (entry {@code entry} of the log) was committed. */
    record FileOpened(String ref, String commit, String path, String fileKind, long size, String blob, long entry)
            implements Answer {
        public FileOpened {
            Check.text(ref, "ref", Limits.MAX_REF);
            Check.text(commit, "commit", 64);
            Check.text(path, "path", Limits.MAX_PATH);
            Check.name(fileKind, "fileKind", 16);
            Check.range(size, "size", 0, Long.MAX_VALUE);
            Check.text(blob, "blob", 64);
            Check.range(entry, "entry", 0, Long.MAX_VALUE);
        }

        public String kind() {
            return "file.opened";
        }
    }

    /**
     * Bytes {@code offset ..} of an opened file; {@code end} when the file ends within them. A class
     * rather than a record (issue 16, kfast): a page is up to 2 MiB, and the keeper's answer and the
     * client's decoded frame each hold it as a view of an array they already have ({@link #view})
     * instead of copying it twice more on each side; the accessors, equality and the checked public
     * constructor (which copies) are those the record had.
     */
    final class Page implements Answer {
        private final String ref;
        private final String path;
        private final long offset;
        private final byte[] array;
        private final int from;
        private final int length;
        private final boolean end;

        public Page(String ref, String path, long offset, byte[] bytes, boolean end) {
            this(ref, path, offset, Objects.requireNonNull(bytes, "bytes").clone(), 0, bytes.length, end);
        }

        private Page(String ref, String path, long offset, byte[] array, int from, int length, boolean end) {
            Check.text(ref, "ref", Limits.MAX_REF);
            Check.text(path, "path", Limits.MAX_PATH);
            Check.range(offset, "offset", 0, Limits.MAX_OFFSET);
            Objects.requireNonNull(array, "bytes");
            Check.range(length, "bytes", 0, Limits.MAX_PAGE_BYTES);
            Objects.checkFromIndexSize(from, length, array.length);
            this.ref = ref;
            this.path = path;
            this.offset = offset;
            this.array = array;
            this.from = from;
            this.length = length;
            this.end = end;
        }

        /**
         * A page over bytes {@code from .. from+length} of {@code array}, not copied: the caller
         * promises never to change them (the keeper's bytes of the file last paged are replaced, never
         * written; a decoded frame's payload belongs to the page).
         */
        public static Page view(String ref, String path, long offset, byte[] array, int from, int length, boolean end) {
            return new Page(ref, path, offset, array, from, length, end);
        }

        public String ref() {
            return ref;
        }

        public String path() {
            return path;
        }

        public long offset() {
            return offset;
        }

        public boolean end() {
            return end;
        }

        /** A copy of the bytes. */
        public byte[] bytes() {
            return java.util.Arrays.copyOfRange(array, from, from + length);
        }

        /** The number of bytes, without copying them. */
        public int length() {
            return length;
        }

        /** Copies the bytes into {@code target} at {@code at}. */
        public void copyTo(byte[] target, int at) {
            System.arraycopy(array, from, target, at, length);
        }

        /** Writes the bytes to {@code out} without copying them first (the keeper's page frame). */
        void writeTo(java.io.OutputStream out) throws java.io.IOException {
            out.write(array, from, length);
        }

        public String kind() {
            return "file.page";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Page p && p.ref.equals(ref) && p.path.equals(path) && p.offset == offset && p.end == end
                    && java.util.Arrays.equals(p.array, p.from, p.from + p.length, array, from, from + length);
        }

        @Override
        public int hashCode() {
            int h = 1;
            for (int i = from; i < from + length; i++) {
                h = 31 * h + array[i];
            }
            return Objects.hash(ref, path, offset, end, h);
        }

        @Override
        public String toString() {
            return "Page[ref=" + ref + ", path=" + path + ", offset=" + offset + ", bytes=" + length + ", end=" + end + "]";
        }
    }

    /** A match within a hit's text: UTF-16 offsets, end exclusive. */
    record Span(int start, int end) {
        public Span {
            Check.range(start, "start", 0, Limits.MAX_LINE_TEXT);
            Check.range(end, "end", start, Limits.MAX_LINE_TEXT);
        }
    }

    /** One matching line; {@code text} is cut at {@link Limits#MAX_LINE_TEXT} characters. */
    record Hit(String ref, String path, int line, String text, List<Span> spans) {
        public Hit {
            Check.text(ref, "ref", Limits.MAX_REF);
            Check.text(path, "path", Limits.MAX_PATH);
            Check.range(line, "line", 1, Limits.MAX_LINE);
            Check.text(text, "text", Limits.MAX_LINE_TEXT);
            spans = Check.list(spans, "spans", 64);
        }
    }

    /**
     * A page of a search's hits.
     *
     * @param search    the search's number in this session (for {@link Request.SearchPage})
     * @param entry     the {@code search.run} entry that recorded it
     * @param total     hits kept for paging
     * @param truncated more lines matched than {@link Limits#MAX_SEARCH_HITS}
     * @param finished  the search ended: the counts and coverage are final (while it runs: the hits found
     *                  so far, coverage {@code running}, complete false)
     */
    record SearchResults(long search, long entry, int filesMatched, long linesMatched, String coverage, boolean complete,
                         int offset, int total, boolean truncated, boolean finished, List<Hit> hits) implements Answer {
        public SearchResults {
            Check.range(search, "search", 1, Integer.MAX_VALUE);
            Check.range(entry, "entry", 0, Long.MAX_VALUE);
            Check.range(filesMatched, "filesMatched", 0, Integer.MAX_VALUE);
            Check.range(linesMatched, "linesMatched", 0, Long.MAX_VALUE);
            Check.name(coverage, "coverage", 32);
            Check.range(offset, "offset", 0, Limits.MAX_SEARCH_HITS);
            Check.range(total, "total", 0, Limits.MAX_SEARCH_HITS);
            hits = Check.list(hits, "hits", Limits.MAX_HITS_PAGE);
        }

        public String kind() {
            return "search.results";
        }
    }

    /**
     * A definition with its source line ({@code line} text cut at {@link Limits#MAX_LINE_TEXT}) and the
     * preprocessor branch it sits in ({@code condition}, "" when none; version 4).
     */
    record Definition(String path, String name, String symbolKind, int line, int column, String scope, String text,
            String condition) {
        public Definition {
            Check.text(path, "path", Limits.MAX_PATH);
            Check.text(name, "name", Limits.MAX_SYMBOL);
            Check.text(symbolKind, "symbolKind", 32);
            Check.range(line, "line", 0, Limits.MAX_LINE);
            Check.range(column, "column", 0, Limits.MAX_LINE);
            Check.text(scope, "scope", Limits.MAX_MESSAGE);
            Check.text(text, "text", Limits.MAX_LINE_TEXT);
            Check.text(condition, "condition", Limits.MAX_CONDITION);
        }
    }

    /**
     * @param index {@code complete}, {@code partial} or {@code absent}: how much of the bundle the symbol index covers
     */
    record Definitions(String name, long entry, String index, List<Definition> definitions) implements Answer {
        public Definitions {
            Check.text(name, "name", Limits.MAX_SYMBOL);
            Check.range(entry, "entry", 0, Long.MAX_VALUE);
            Check.name(index, "index", 16);
            definitions = Check.list(definitions, "definitions", Limits.MAX_SYMBOL_RESULTS);
        }

        public String kind() {
            return "symbols.definitions";
        }
    }

    record Reference(String path, int line, int column, boolean call, String text) {
        public Reference {
            Check.text(path, "path", Limits.MAX_PATH);
            Check.range(line, "line", 0, Limits.MAX_LINE);
            Check.range(column, "column", 0, Limits.MAX_LINE);
            Check.text(text, "text", Limits.MAX_LINE_TEXT);
        }
    }

    record References(String name, long entry, String index, long offset, long total, List<Reference> references)
            implements Answer {
        public References {
            Check.text(name, "name", Limits.MAX_SYMBOL);
            Check.range(entry, "entry", 0, Long.MAX_VALUE);
            Check.name(index, "index", 16);
            Check.range(offset, "offset", 0, Long.MAX_VALUE);
            Check.range(total, "total", 0, Long.MAX_VALUE);
            references = Check.list(references, "references", Limits.MAX_SYMBOL_RESULTS);
        }

        public String kind() {
            return "symbols.references";
        }
    }

    // ----- history/diff (issue 16, kread) -----

    /** One file changed between two versions; a path or blob is null on the side where the file does not exist. */
    record Change(String changeKind, String oldPath, String newPath, String oldBlob, String newBlob, int added, int removed,
                  String verdict) {
        public Change {
            if (!List.of("added", "deleted", "modified", "renamed", "copied").contains(changeKind)) {
                throw new IllegalArgumentException("changeKind must be added, deleted, modified, renamed or copied");
            }
            Check.optionalText(oldPath, "oldPath", Limits.MAX_PATH);
            Check.optionalText(newPath, "newPath", Limits.MAX_PATH);
            if (oldPath == null && newPath == null) {
                throw new IllegalArgumentException("a change has an old or a new path");
            }
            Check.optionalName(oldBlob, "oldBlob", 64);
            Check.optionalName(newBlob, "newBlob", 64);
            Check.range(added, "added", -1, Limits.MAX_LINE);
            Check.range(removed, "removed", -1, Limits.MAX_LINE);
            Check.verdict(verdict);
        }
    }

    /** A page of the files changed from {@code from} to {@code to}. */
    record Changes(String from, String to, int offset, int total, List<Change> changes) implements Answer {
        public Changes {
            Check.text(from, "from", Limits.MAX_REF);
            Check.text(to, "to", Limits.MAX_REF);
            Check.range(offset, "offset", 0, Integer.MAX_VALUE);
            Check.range(total, "total", 0, Integer.MAX_VALUE);
            changes = Check.list(changes, "changes", Limits.MAX_CHANGES_PAGE);
        }

        public String kind() {
            return "history.changes";
        }
    }

    /** A differing part of a diff row's side: UTF-16 offsets, end exclusive. */
    record RowSpan(int start, int end) {
        public RowSpan {
            Check.range(start, "start", 0, Limits.MAX_ROW_TEXT);
            Check.range(end, "end", start, Limits.MAX_ROW_TEXT);
        }
    }

    /** One aligned row of a side-by-side diff (as core's DiffRow): a side without a line has 0 and null text. */
    record Row(String rowKind, int leftLine, String leftText, int rightLine, String rightText, List<RowSpan> leftSpans,
               List<RowSpan> rightSpans, int skipped) {
        public Row {
            if (!List.of("same", "added", "removed", "changed", "skipped").contains(rowKind)) {
                throw new IllegalArgumentException("rowKind must be same, added, removed, changed or skipped");
            }
            Check.range(leftLine, "leftLine", 0, Limits.MAX_LINE);
            Check.range(rightLine, "rightLine", 0, Limits.MAX_LINE);
            Check.optionalText(leftText, "leftText", Limits.MAX_ROW_TEXT);
            Check.optionalText(rightText, "rightText", Limits.MAX_ROW_TEXT);
            leftSpans = Check.list(leftSpans, "leftSpans", Limits.MAX_ROW_SPANS);
            rightSpans = Check.list(rightSpans, "rightSpans", Limits.MAX_ROW_SPANS);
            Check.range(skipped, "skipped", 0, Limits.MAX_LINE);
        }
    }

    /**
     * A page of a file's diff, after the {@code file.opened} entries (view {@code diff}) of its sides were
     * committed ({@code entries}: their sequence numbers, empty for a later page of a diff already
     * recorded in this session, or when {@code change} is null: the commit did not change the file).
     *
     * @param from the base: the compare's ref, or the commit's first parent (null for a root commit)
     */
    record DiffPage(String from, String to, String path, Change change, String verdict, long oldSize, long newSize,
                    List<Long> entries, int offset, int total, List<Row> rows) implements Answer {
        public DiffPage {
            Check.optionalText(from, "from", Limits.MAX_REF);
            Check.text(to, "to", Limits.MAX_REF);
            Check.text(path, "path", Limits.MAX_PATH);
            Check.verdict(verdict);
            Check.range(oldSize, "oldSize", 0, Long.MAX_VALUE);
            Check.range(newSize, "newSize", 0, Long.MAX_VALUE);
            entries = Check.list(entries, "entries", 2);
            for (Long e : entries) {
                Check.range(e, "entries item", 0, Long.MAX_VALUE);
            }
            Check.range(offset, "offset", 0, Limits.MAX_LINE);
            Check.range(total, "total", 0, Limits.MAX_LINE);
            rows = Check.list(rows, "rows", Limits.MAX_DIFF_ROWS);
        }

        public String kind() {
            return "history.diff";
        }
    }

    /** A commit as history and blame show it; {@code when} is ISO-8601 (UTC). */
    record Commit(String id, String author, String email, String when, String summary) {
        public Commit {
            Check.name(id, "id", 64);
            Check.text(author, "author", Limits.MAX_AUTHOR);
            Check.text(email, "email", Limits.MAX_AUTHOR);
            Check.text(when, "when", 64);
            Check.text(summary, "summary", Limits.MAX_SUMMARY);
        }
    }

    /** A page of a file's history (newest first), after the {@code search.run} entry (kind history) was committed. */
    record Commits(String ref, String path, long entry, boolean truncated, int offset, int total, List<Commit> commits)
            implements Answer {
        public Commits {
            Check.text(ref, "ref", Limits.MAX_REF);
            Check.text(path, "path", Limits.MAX_PATH);
            Check.range(entry, "entry", 0, Long.MAX_VALUE);
            Check.range(offset, "offset", 0, Limits.MAX_HISTORY);
            Check.range(total, "total", 0, Limits.MAX_HISTORY);
            commits = Check.list(commits, "commits", Limits.MAX_COMMITS_PAGE);
        }

        public String kind() {
            return "history.commits";
        }
    }

    /** One blamed line: its text, the commit that last changed it (an id of this page's {@code commits}, or null). */
    record BlameRow(int line, String text, String commit, String sourcePath) {
        public BlameRow {
            Check.range(line, "line", 1, Limits.MAX_LINE);
            Check.text(text, "text", Limits.MAX_ROW_TEXT);
            Check.optionalName(commit, "commit", 64);
            Check.optionalText(sourcePath, "sourcePath", Limits.MAX_PATH);
        }
    }

    /**
     * A page of a file's blame, after its {@code file.opened} entry (view blame) was committed; {@code entry}
     * -1 and no lines when the file is not blamed (binary, too large, a link).
     */
    record BlamePage(String ref, String path, String verdict, long entry, int offset, int total, List<Commit> commits,
                     List<BlameRow> lines) implements Answer {
        public BlamePage {
            Check.text(ref, "ref", Limits.MAX_REF);
            Check.text(path, "path", Limits.MAX_PATH);
            Check.verdict(verdict);
            Check.range(entry, "entry", -1, Long.MAX_VALUE);
            Check.range(offset, "offset", 0, Limits.MAX_LINE);
            Check.range(total, "total", 0, Limits.MAX_LINE);
            commits = Check.list(commits, "commits", Limits.MAX_DIFF_ROWS);
            lines = Check.list(lines, "lines", Limits.MAX_DIFF_ROWS);
        }

        public String kind() {
            return "history.blame";
        }
    }

    /** A call of the asked name: the enclosing function (a definition) and where the call is, with its line. */
    record Caller(Definition caller, String path, int line, int column, String text) {
        public Caller {
            java.util.Objects.requireNonNull(caller, "caller");
            Check.text(path, "path", Limits.MAX_PATH);
            Check.range(line, "line", 0, Limits.MAX_LINE);
            Check.range(column, "column", 0, Limits.MAX_LINE);
            Check.text(text, "text", Limits.MAX_LINE_TEXT);
        }
    }

    record Callers(String name, long entry, String index, List<Caller> callers) implements Answer {
        public Callers {
            Check.text(name, "name", Limits.MAX_SYMBOL);
            Check.range(entry, "entry", 0, Long.MAX_VALUE);
            Check.name(index, "index", 16);
            callers = Check.list(callers, "callers", Limits.MAX_SYMBOL_RESULTS);
        }

        public String kind() {
            return "symbols.callers";
        }
    }

    record LineCount(String path, String blob, int lines) {
        public LineCount {
            Check.text(path, "path", Limits.MAX_PATH);
            Check.name(blob, "blob", 64);
            Check.range(lines, "lines", 0, Limits.MAX_LINE);
        }
    }

    /** A page of the line counts of every file at {@code ref} (counts, no content). */
    record LineCounts(String ref, int offset, int total, List<LineCount> files) implements Answer {
        public LineCounts {
            Check.text(ref, "ref", Limits.MAX_REF);
            Check.range(offset, "offset", 0, Integer.MAX_VALUE);
            Check.range(total, "total", 0, Integer.MAX_VALUE);
            files = Check.list(files, "files", Limits.MAX_LIST);
        }

        public String kind() {
            return "files.lines";
        }
    }

    /** A finding as saved, with what the keeper computed (blob, commit) and the entry that recorded it. */
    record AnnotationSaved(String id, String ref, String commit, String path, String blob, int firstLine, int lastLine,
                           String title, String severity, String status, long entry) implements Answer {
        public AnnotationSaved {
            Check.name(id, "id", Limits.MAX_ID);
            Check.text(ref, "ref", Limits.MAX_REF);
            Check.text(commit, "commit", 64);
            Check.text(path, "path", Limits.MAX_PATH);
            Check.text(blob, "blob", 64);
            Check.range(firstLine, "firstLine", 1, Limits.MAX_LINE);
            Check.range(lastLine, "lastLine", 1, Limits.MAX_LINE);
            Check.text(title, "title", Limits.MAX_TITLE);
            Check.name(severity, "severity", 32);
            Check.name(status, "status", 32);
            Check.range(entry, "entry", 0, Long.MAX_VALUE);
        }

        public String kind() {
            return "annotation.saved";
        }
    }

    record Reviewed(String id, String ref, String path, String blob, int firstLine, int lastLine, long entry) implements Answer {
        public Reviewed {
            Check.name(id, "id", Limits.MAX_ID);
            Check.text(ref, "ref", Limits.MAX_REF);
            Check.text(path, "path", Limits.MAX_PATH);
            Check.text(blob, "blob", 64);
            Check.range(firstLine, "firstLine", 1, Limits.MAX_LINE);
            Check.range(lastLine, "lastLine", 1, Limits.MAX_LINE);
            Check.range(entry, "entry", 0, Long.MAX_VALUE);
        }

        public String kind() {
            return "review.marked";
        }
    }

    /** The session ended: its entry count and the final checkpoint (a signed note) ready for the supervisor's seal. */
    // ----- findings through the keeper (issue 16, kwire) -----

    /** One range of a listed finding: where it is, and its fingerprint (hashes only: the kept text is not sent). */
    record RangeInfo(int startLine, int startColumn, int endLine, int endColumn, int startOffset, int endOffset,
                     String textHash, String linesHash, String headHash, String beforeHash, String afterHash, int lineCount) {
        public RangeInfo {
            Check.range(startLine, "startLine", 1, Limits.MAX_LINE);
            Check.range(startColumn, "startColumn", 1, Limits.MAX_LINE);
            Check.range(endLine, "endLine", 1, Limits.MAX_LINE);
            Check.range(endColumn, "endColumn", 1, Limits.MAX_LINE);
            Check.range(startOffset, "startOffset", 0, Integer.MAX_VALUE);
            Check.range(endOffset, "endOffset", startOffset, Integer.MAX_VALUE);
            for (String h : new String[] {textHash, linesHash, headHash, beforeHash, afterHash}) {
                if (h == null || !h.matches("[0-9a-f]{64}")) {
                    throw new IllegalArgumentException("a fingerprint hash is 64 lower-case hex digits");
                }
            }
            Check.range(lineCount, "lineCount", 1, Limits.MAX_LINE);
        }
    }

    /** A finding as the keeper holds it, without its replies (their number only) and without code. */
    record FindingInfo(String id, String ref, String commit, String path, String blob, String anchorState, List<RangeInfo> ranges,
                       String title, String body, String severity, String confidence, Integer cweId, List<String> tags,
                       String status, String author, String created, String updated, int replies) {
        public FindingInfo {
            Check.name(id, "id", Limits.MAX_ID);
            Check.name(ref, "ref", Limits.MAX_REF);
            Check.name(commit, "commit", 64);
            Check.text(path, "path", Limits.MAX_PATH);
            Check.name(blob, "blob", 64);
            Check.name(anchorState, "anchorState", 32);
            ranges = Check.list(ranges, "ranges", Limits.MAX_RANGES);
            if (ranges.isEmpty()) {
                throw new IllegalArgumentException("ranges is empty");
            }
            Check.text(title, "title", Limits.MAX_TITLE);
            Check.text(body, "body", Limits.MAX_BODY);
            Check.name(severity, "severity", 32);
            Check.name(confidence, "confidence", 32);
            if (cweId != null) {
                Check.range(cweId, "cweId", 1, 1_000_000);
            }
            tags = Check.texts(tags, "tags", Limits.MAX_TAGS, Limits.MAX_TAG);
            Check.name(status, "status", 32);
            Check.text(author, "author", Limits.MAX_NAME);
            Check.name(created, "created", 64);
            Check.name(updated, "updated", 64);
            Check.range(replies, "replies", 0, Limits.MAX_FINDINGS);
        }
    }

    /** A review mark as the keeper holds it. */
    record MarkInfo(String id, String ref, String path, String blob, int firstLine, int lastLine, String author, String created) {
        public MarkInfo {
            Check.name(id, "id", Limits.MAX_ID);
            Check.name(ref, "ref", Limits.MAX_REF);
            Check.text(path, "path", Limits.MAX_PATH);
            Check.name(blob, "blob", 64);
            Check.range(firstLine, "firstLine", 1, Limits.MAX_LINE);
            Check.range(lastLine, "lastLine", firstLine, Limits.MAX_LINE);
            Check.text(author, "author", Limits.MAX_NAME);
            Check.name(created, "created", 64);
        }
    }

    /** A bookmark as the keeper holds it. */
    record BookmarkInfo(String id, String ref, String path, int line, String label, String author, String created) {
        public BookmarkInfo {
            Check.name(id, "id", Limits.MAX_ID);
            Check.name(ref, "ref", Limits.MAX_REF);
            Check.text(path, "path", Limits.MAX_PATH);
            Check.range(line, "line", 1, Limits.MAX_LINE);
            Check.text(label, "label", Limits.MAX_TITLE);
            Check.text(author, "author", Limits.MAX_NAME);
            Check.name(created, "created", 64);
        }
    }

    /**
     * A page of the session's findings, marks or bookmarks: only the list named by {@code list} has items.
     *
     * @param total how many of that kind the session has
     */
    record FindingsPage(String list, int offset, int total, List<FindingInfo> annotations, List<MarkInfo> marks,
                        List<BookmarkInfo> bookmarks) implements Answer {
        public FindingsPage {
            Check.name(list, "list", 32);
            if (!list.matches("annotations|marks|bookmarks")) {
                throw new IllegalArgumentException("list must be annotations, marks or bookmarks");
            }
            Check.range(offset, "offset", 0, Limits.MAX_FINDINGS);
            Check.range(total, "total", 0, Limits.MAX_FINDINGS);
            annotations = Check.list(annotations, "annotations", Limits.MAX_FINDINGS_PAGE);
            marks = Check.list(marks, "marks", Limits.MAX_LIST);
            bookmarks = Check.list(bookmarks, "bookmarks", Limits.MAX_LIST);
            int items = annotations.size() + marks.size() + bookmarks.size();
            int own = list.equals("annotations") ? annotations.size() : list.equals("marks") ? marks.size() : bookmarks.size();
            if (items != own) {
                throw new IllegalArgumentException("a findings page holds items of its kind only");
            }
        }

        public String kind() {
            return "findings";
        }
    }

    /** A finding deleted or a review mark taken back: its id and the entry that recorded it. */
    record FindingChanged(String id, long entry) implements Answer {
        public FindingChanged {
            Check.name(id, "id", Limits.MAX_ID);
            Check.range(entry, "entry", 0, Long.MAX_VALUE);
        }

        public String kind() {
            return "findings.changed";
        }
    }

    /** A bookmark as saved, with the entry that recorded it. */
    record BookmarkAdded(String id, String ref, String path, int line, String label, long entry) implements Answer {
        public BookmarkAdded {
            Check.name(id, "id", Limits.MAX_ID);
            Check.name(ref, "ref", Limits.MAX_REF);
            Check.text(path, "path", Limits.MAX_PATH);
            Check.range(line, "line", 1, Limits.MAX_LINE);
            Check.text(label, "label", Limits.MAX_TITLE);
            Check.range(entry, "entry", 0, Long.MAX_VALUE);
        }

        public String kind() {
            return "bookmark.added";
        }
    }

    record SessionEnded(String id, long entries, int filesOpened, int searches, String finalCheckpoint) implements Answer {
        public SessionEnded {
            Check.name(id, "id", Limits.MAX_ID);
            Check.range(entries, "entries", 0, Long.MAX_VALUE);
            Check.range(filesOpened, "filesOpened", 0, Integer.MAX_VALUE);
            Check.range(searches, "searches", 0, Integer.MAX_VALUE);
            Check.text(finalCheckpoint, "finalCheckpoint", Limits.MAX_CHECKPOINT);
        }

        public String kind() {
            return "session.ended";
        }
    }

    // ----- seal: the supervisor's screen through the keeper (issue 16, kseal) -----

    /** One session awaiting the supervisor and its stored state ({@code ended} or {@code sealed}). */
    record SealWaiting(String session, String status) {
        public SealWaiting {
            Check.name(session, "session", Limits.MAX_ID);
            Check.name(status, "status", 16);
            if (!status.matches("ended|sealed")) {
                throw new IllegalArgumentException("status must be ended or sealed");
            }
        }
    }

    record SealSessions(List<SealWaiting> sessions) implements Answer {
        public SealSessions {
            sessions = Check.list(sessions, "sessions", Limits.MAX_LIST);
        }

        public String kind() {
            return "seal.sessions";
        }
    }

    /** One outgoing file without its bytes (those come with seal.file); {@code pending}: the seal before signing. */
    record SealFileInfo(String name, String fileKind, long size, String sha256, boolean pending) {
        public SealFileInfo {
            Check.name(name, "name", Limits.MAX_SEAL_FILE_NAME);
            Check.name(fileKind, "fileKind", 32);
            Check.range(size, "size", 0, Limits.MAX_OFFSET);
            Check.name(sha256, "sha256", 64);
            if (!sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("sha256 is 64 lower-case hex digits");
            }
        }
    }

    /** A decision taken on a check: action (redact, refuse, override), who, why. */
    record SealDecision(String action, String supervisor, String reason) {
        public SealDecision {
            Check.name(action, "action", 16);
            Check.text(supervisor, "supervisor", Limits.MAX_NAME);
            Check.text(reason, "reason", Limits.MAX_MESSAGE);
        }
    }

    /** One policy check: the violation as the keeper's checker named it, whether still open, its decision or null. */
    record SealCheck(String id, String violationKind, String annotation, String path, String reason, boolean open,
                     SealDecision decision) {
        public SealCheck {
            Check.text(id, "id", Limits.MAX_PATH + 64);
            Check.name(violationKind, "violationKind", 64);
            Check.optionalText(annotation, "annotation", Limits.MAX_ID);
            Check.optionalText(path, "path", Limits.MAX_PATH);
            Check.text(reason, "reason", Limits.MAX_MESSAGE);
        }
    }

    /**
     * One committed field of the log and whether it leaves with it, with why ({@code why}: the
     * reason's name, e.g. {@code search_strings_stay}); {@code salt} (Base64 of 32 bytes) and
     * {@code value} open its commitment (the room's own data, shown to the supervisor in the room).
     */
    record SealDisclosure(long entry, String field, String entryType, String time, boolean disclosed, String why, String salt,
                          Object value, SealDecision decision, List<String> actions) {
        /** A field with no decision and nothing left to decide. */
        public SealDisclosure(long entry, String field, String entryType, String time, boolean disclosed, String why, String salt,
                              Object value) {
            this(entry, field, entryType, time, disclosed, why, salt, value, null, List.of());
        }

        public SealDisclosure {
            // the supervisor's decision on the field (issue 18) and what they may still decide: redact, refuse, override
            actions = List.copyOf(actions);
            if (actions.size() > 3 || !actions.stream().allMatch(a -> a.matches("redact|refuse|override"))
                    || actions.stream().distinct().count() != actions.size()) {
                throw new IllegalArgumentException("actions are at most redact, refuse and override, each once");
            }
            Check.range(entry, "entry", 0, Long.MAX_VALUE);
            Check.name(field, "field", Limits.MAX_NAME);
            Check.optionalText(entryType, "entryType", 64);
            Check.text(time, "time", 64);
            Check.name(why, "why", 64);
            Check.name(salt, "salt", 64);
            if (!salt.matches("[A-Za-z0-9+/]{43}=")) {
                throw new IllegalArgumentException("salt is the Base64 of 32 bytes");
            }
        }
    }

    /** One row of the quota table: per file or for the session, the measure, used and allowed. */
    record SealQuota(boolean perFile, String subject, String measure, long used, long allowed) {
        public SealQuota {
            Check.text(subject, "subject", Limits.MAX_PATH);
            Check.name(measure, "measure", 64);
            Check.range(used, "used", 0, Long.MAX_VALUE);
            Check.range(allowed, "allowed", 0, Long.MAX_VALUE);
        }
    }

    /** Everything the seal screen shows of one session's review, as the keeper built it. */
    record SealReviewed(String session, String status, String inspector, String started, String ended, int findings,
                        String policyName, String product, String release, int minRunTokens, boolean canSeal,
                        boolean comparedWithTree, List<SealFileInfo> files, List<SealCheck> checks,
                        List<SealDisclosure> disclosures, List<SealQuota> quotas) implements Answer {
        public SealReviewed {
            Check.name(session, "session", Limits.MAX_ID);
            Check.name(status, "status", 16);
            if (!status.matches("ended|sealed|exported")) {
                throw new IllegalArgumentException("status must be ended, sealed or exported");
            }
            Check.text(inspector, "inspector", Limits.MAX_NAME);
            Check.text(started, "started", 64);
            Check.text(ended, "ended", 64);
            Check.range(findings, "findings", 0, Integer.MAX_VALUE);
            Check.text(policyName, "policyName", Limits.MAX_MESSAGE);
            Check.text(product, "product", Limits.MAX_MESSAGE);
            Check.text(release, "release", Limits.MAX_MESSAGE);
            Check.range(minRunTokens, "minRunTokens", 0, 1_000_000);
            files = Check.list(files, "files", Limits.MAX_SEAL_FILES);
            checks = Check.list(checks, "checks", Limits.MAX_SEAL_ROWS);
            disclosures = Check.list(disclosures, "disclosures", Limits.MAX_SEAL_ROWS);
            quotas = Check.list(quotas, "quotas", Limits.MAX_SEAL_ROWS);
        }

        public String kind() {
            return "seal.review";
        }
    }

    /** The exact text whose UTF-8 bytes the supervisor's key signs to seal {@code session}. */
    record SealStatement(String session, String statement) implements Answer {
        public SealStatement {
            Check.name(session, "session", Limits.MAX_ID);
            Check.text(statement, "statement", Limits.MAX_SEAL_STATEMENT);
            if (!statement.startsWith("airlock seal signature v1\n")) {
                throw new IllegalArgumentException("statement is a seal statement (its context line first)");
            }
        }

        public String kind() {
            return "seal.statement";
        }
    }

    /** The seal the keeper wrote (the final checkpoint with the supervisor's line) and whose key it was. */
    record SealSealed(String session, String sealedBy, String seal) implements Answer {
        public SealSealed {
            Check.name(session, "session", Limits.MAX_ID);
            Check.text(sealedBy, "sealedBy", Limits.MAX_MESSAGE);
            Check.text(seal, "seal", Limits.MAX_CHECKPOINT);
        }

        public String kind() {
            return "seal.sealed";
        }
    }

    /** Bytes {@code offset}.. of one outgoing file (Base64 in {@code data}), with the whole file's size and SHA-256. */
    record SealFileData(String session, String name, long offset, byte[] data, long size, String sha256, boolean end)
            implements Answer {
        public SealFileData {
            Check.name(session, "session", Limits.MAX_ID);
            Check.name(name, "name", Limits.MAX_SEAL_FILE_NAME);
            Check.range(offset, "offset", 0, Limits.MAX_OFFSET);
            Objects.requireNonNull(data, "data");
            if (data.length > Limits.MAX_SEAL_CHUNK) {
                throw new IllegalArgumentException("data is longer than " + Limits.MAX_SEAL_CHUNK + " bytes");
            }
            data = data.clone();
            Check.range(size, "size", 0, Limits.MAX_OFFSET);
            if (offset + data.length > size || end != (offset + data.length == size)) {
                throw new IllegalArgumentException("data does not fit the file's size (offset " + offset + ", " + data.length
                        + " bytes, size " + size + ", end " + end + ")");
            }
            Check.name(sha256, "sha256", 64);
            if (!sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("sha256 is 64 lower-case hex digits");
            }
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        public String kind() {
            return "seal.file";
        }
    }

    // ----- findings export/import (issue 16, kexport) -----

    /** One file of an export the keeper rendered, without its bytes (those come with findings.file). */
    record ExportFileInfo(String name, String format, long size, String sha256) {
        public ExportFileInfo {
            Check.name(name, "name", Limits.MAX_SEAL_FILE_NAME);
            Check.name(format, "format", 8);
            if (!format.matches("json|sarif|html|md")) {
                throw new IllegalArgumentException("format is json, sarif, html or md");
            }
            Check.range(size, "size", 0, Limits.MAX_OFFSET);
            Check.name(sha256, "sha256", 64);
            if (!sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("sha256 is 64 lower-case hex digits");
            }
        }
    }

    /** The files the keeper rendered for an export, in format order; nothing is recorded yet. */
    record FindingsExport(List<ExportFileInfo> files) implements Answer {
        public FindingsExport {
            files = Check.list(files, "files", Limits.MAX_EXPORT_FORMATS);
            if (files.isEmpty()) {
                throw new IllegalArgumentException("files is empty");
            }
        }

        public String kind() {
            return "findings.export";
        }
    }

    /** Bytes {@code offset}.. of one file of the export (Base64 in {@code data}), with the whole file's size and SHA-256. */
    record FindingsFileData(String name, long offset, byte[] data, long size, String sha256, boolean end) implements Answer {
        public FindingsFileData {
            Check.name(name, "name", Limits.MAX_SEAL_FILE_NAME);
            Check.range(offset, "offset", 0, Limits.MAX_OFFSET);
            Objects.requireNonNull(data, "data");
            if (data.length > Limits.MAX_SEAL_CHUNK) {
                throw new IllegalArgumentException("data is longer than " + Limits.MAX_SEAL_CHUNK + " bytes");
            }
            data = data.clone();
            Check.range(size, "size", 0, Limits.MAX_OFFSET);
            if (offset + data.length > size || end != (offset + data.length == size)) {
                throw new IllegalArgumentException("data does not fit the file's size (offset " + offset + ", " + data.length
                        + " bytes, size " + size + ", end " + end + ")");
            }
            Check.name(sha256, "sha256", 64);
            if (!sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("sha256 is 64 lower-case hex digits");
            }
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        public String kind() {
            return "findings.file";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FindingsFileData d && d.name.equals(name) && d.offset == offset && Arrays.equals(d.data, data)
                    && d.size == size && d.sha256.equals(sha256) && d.end == end;
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, offset, Arrays.hashCode(data), size, sha256, end);
        }
    }

    /** An import under way: its number, the bytes the keeper has and the file's size. */
    record FindingsImportProgress(long upload, long received, long expected) implements Answer {
        public FindingsImportProgress {
            Check.range(upload, "upload", 1, Integer.MAX_VALUE);
            Check.range(expected, "expected", 1, Limits.MAX_IMPORT_BYTES);
            Check.range(received, "received", 0, expected);
        }

        public String kind() {
            return "findings.import";
        }
    }

    /** The keeper adopted {@code added} findings (this many moved, outdated) and wrote their entries (the last: {@code entry}). */
    /**
     * {@code logCheck} (version 5): how the export matched the session log attached to the import
     * (the keeper verified that log against its own pinned keys first), or null when none was attached.
     */
    record FindingsImported(int added, int moved, int outdated, long entry, String logCheck) implements Answer {
        public FindingsImported {
            Check.range(added, "added", 0, Limits.MAX_FINDINGS);
            Check.range(moved, "moved", 0, added);
            Check.range(outdated, "outdated", 0, added - moved);
            Check.range(entry, "entry", 0, Long.MAX_VALUE);
            Check.optionalText(logCheck, "logCheck", Limits.MAX_MESSAGE);
        }

        /** Without a log checked. */
        public FindingsImported(int added, int moved, int outdated, long entry) {
            this(added, moved, outdated, entry, null);
        }

        public String kind() {
            return "findings.imported";
        }
    }

    /** The keeper recorded what the request reported ({@code entry}: the ledger's or the session log's entry). */
    record Recorded(String what, String status, long entry) implements Answer {
        public Recorded {
            Check.name(what, "what", 32);
            Check.name(status, "status", 16);
            Check.range(entry, "entry", 0, Long.MAX_VALUE);
        }

        public String kind() {
            return "recorded";
        }
    }

    /** The request was refused or failed; {@code code} is stable (see {@link Errors}), {@code message} one line for people. */
    record Failure(String code, String message) implements Answer {
        public Failure {
            Check.name(code, "code", Limits.MAX_CODE);
            Check.text(message, "message", Limits.MAX_MESSAGE);
        }

        public String kind() {
            return "error";
        }
    }

    // ----- keeper-side answers of issue 16 (k2keeper) -----

    /** A bundle verified and imported (or found already imported) by the keeper. */
    record BundleImported(String bundle, String label, String reviewRef, boolean already) implements Answer {
        public BundleImported {
            Check.name(bundle, "bundle", Limits.MAX_BUNDLE_ID);
            Check.text(label, "label", Limits.MAX_MESSAGE);
            Check.text(reviewRef, "reviewRef", Limits.MAX_REF);
        }

        public String kind() {
            return "bundle.imported";
        }
    }

    /** One bundle's indexes: {@code queued}, {@code building}, {@code ready} or {@code failed} (with why). */
    /** An upload of a bundle from the workstation's medium (issue 16, kwire): bytes the keeper holds so far, of all three files. */
    record Upload(long upload, long received, long expected) implements Answer {
        public Upload {
            Check.range(upload, "upload", 1, Integer.MAX_VALUE);
            Check.range(expected, "expected", 0, Limits.MAX_UPLOAD_MANIFEST + Limits.MAX_UPLOAD_SIGNATURE + Limits.MAX_UPLOAD_BUNDLE);
            Check.range(received, "received", 0, expected);
        }

        public String kind() {
            return "bundle.upload";
        }
    }

    record IndexInfo(String bundle, String state, String message) {
        public IndexInfo {
            Check.name(bundle, "bundle", Limits.MAX_BUNDLE_ID);
            if (!List.of("queued", "building", "ready", "failed").contains(state)) {
                throw new IllegalArgumentException("state must be queued, building, ready or failed");
            }
            Check.text(message, "message", Limits.MAX_MESSAGE);
        }
    }

    record Indexes(List<IndexInfo> indexes) implements Answer {
        public Indexes {
            indexes = Check.list(indexes, "indexes", Limits.MAX_BUNDLES);
        }

        public String kind() {
            return "indexes";
        }
    }

    /**
     * The keeper's room policy, as far as the start dialog needs it (issue 16, k4walk).
     *
     * @param name         the policy's name, for people (≤ 2000, may be empty)
     * @param confirmation {@code none}, {@code pin} or {@code key}
     * @param inspectors   whether the policy names its inspectors (a start then needs the inspector's passphrase)
     */
    record PolicyInfo(String name, String confirmation, boolean inspectors, List<String> mediaRoots) implements Answer {
        /** The default media roots (issue 17), as the policy has them when it names none. */
        public static final List<String> DEFAULT_MEDIA_ROOTS = List.of("/media", "/run/media");

        public PolicyInfo(String name, String confirmation) {
            this(name, confirmation, false);
        }

        public PolicyInfo(String name, String confirmation, boolean inspectors) {
            this(name, confirmation, inspectors, DEFAULT_MEDIA_ROOTS);
        }

        public PolicyInfo {
            Check.text(name, "name", Limits.MAX_MESSAGE);
            // media roots (issue 17, room): absolute folder paths the workstation looks for removable media under
            mediaRoots = Check.texts(mediaRoots, "mediaRoots", Limits.MAX_MEDIA_ROOTS, Limits.MAX_MEDIA_ROOT);
            if (mediaRoots.isEmpty()) {
                throw new IllegalArgumentException("mediaRoots names at least one folder");
            }
            for (String root : mediaRoots) {
                Check.name(root, "mediaRoots item", Limits.MAX_MEDIA_ROOT);
                if (!root.startsWith("/") || root.equals("/") || root.contains("//") || root.endsWith("/")
                        || java.util.Arrays.asList(root.split("/")).stream().anyMatch(x -> x.equals(".") || x.equals(".."))) {
                    throw new IllegalArgumentException("a media root is an absolute folder path in plain form, not '/'");
                }
            }
            if (!List.of("none", "pin", "key").contains(confirmation)) {
                throw new IllegalArgumentException("confirmation must be none, pin or key");
            }
        }

        public String kind() {
            return "policy";
        }
    }

    // confirmation (issue 16/17, room)

    /**
     * A one-use challenge: {@code challenge} is its nonce (64 hex digits), {@code statement} the exact
     * text the supervisor's key signs (UTF-8), naming the nonce and what is confirmed.
     */
    record Challenge(String challenge, String statement) implements Answer {
        public Challenge {
            Check.text(challenge, "challenge", Limits.CHALLENGE_HEX);
            Check.optionalChallenge(challenge, "challenge");
            Check.text(statement, "statement", Limits.MAX_STATEMENT);
            if (!statement.contains(challenge)) {
                throw new IllegalArgumentException("the statement names its challenge");
            }
        }

        public String kind() {
            return "confirm.challenge";
        }
    }
}
