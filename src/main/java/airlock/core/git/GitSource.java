package airlock.core.git;

import airlock.core.AirlockException;
import airlock.core.source.EntryKind;
import airlock.core.source.SourceEntry;
import airlock.core.source.SourceTree;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A {@link SourceTree} over a git object store (the workstation's read-only bare store of an
 * imported bundle, or for the demo a repository on disk). Trees are walked and blobs read through
 * JGit's object reader; nothing is checked out.
 */
public final class GitSource implements SourceTree {
    private final Repository repository;
    private final String label;
    private final String reviewRef;
    private final Map<String, String> refToCommit;
    private final Map<String, List<SourceEntry>> listings = new ConcurrentHashMap<>();
    private final Map<String, String> listingNotes = new ConcurrentHashMap<>();
    private final java.nio.file.Path listingDir;
    private volatile PackBlobs packBlobs;

    /**
     * @param repository  an open repository; closed with this source
     * @param label       what the UI shows for it
     * @param refToCommit the refs to offer and their commits (for a bundle: the signed manifest's map)
     * @param reviewRef   the ref under review; must be a key of {@code refToCommit}
     */
    public GitSource(Repository repository, String label, Map<String, String> refToCommit, String reviewRef) {
        this(repository, label, refToCommit, reviewRef, null);
    }

    /**
     * As above, keeping each listed commit's listing in {@code listingDir} ({@link ListingFile}): the first
     * {@link #list} of a commit walks its tree and writes the file, later ones (in any process) read it.
     * Only for an immutable store, such as an imported bundle's; null keeps nothing.
     */
    public GitSource(Repository repository, String label, Map<String, String> refToCommit, String reviewRef,
                     java.nio.file.Path listingDir) {
        this.listingDir = listingDir;
        if (!refToCommit.containsKey(reviewRef)) {
            throw new IllegalArgumentException("review ref " + reviewRef + " is not among the refs");
        }
        this.repository = repository;
        this.label = label;
        this.refToCommit = Collections.unmodifiableMap(new TreeMap<>(refToCommit));
        this.reviewRef = reviewRef;
    }

    /** A source over every branch and tag of {@code repository}, reviewing {@code reviewRef}. */
    public static GitSource ofAllRefs(Repository repository, String label, String reviewRef) throws AirlockException {
        Map<String, String> refs = new TreeMap<>();
        try {
            for (Ref ref : repository.getRefDatabase().getRefs()) {
                if (!ref.getName().startsWith(Constants.R_HEADS) && !ref.getName().startsWith(Constants.R_TAGS)) {
                    continue;
                }
                Ref peeled = repository.getRefDatabase().peel(ref);
                ObjectId id = peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : ref.getObjectId();
                if (id != null) {
                    refs.put(ref.getName(), id.name());
                }
            }
        } catch (IOException e) {
            throw new AirlockException("source.read", "Cannot read the refs of " + label + ": " + e.getMessage(), e);
        }
        if (!refs.containsKey(reviewRef)) {
            throw new AirlockException("source.ref.missing", "The repository has no ref " + reviewRef);
        }
        return new GitSource(repository, label, refs, reviewRef);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<String> refs() {
        return List.copyOf(refToCommit.keySet());
    }

    @Override
    public String reviewRef() {
        return reviewRef;
    }

    @Override
    public String commitOf(String ref) throws AirlockException {
        String commit = refToCommit.get(ref);
        if (commit == null) {
            throw new AirlockException("source.ref.missing", "The bundle has no ref " + ref);
        }
        return commit;
    }

    /** The repository behind this source, for history, blame and diff. */
    public Repository repository() {
        return repository;
    }

    @Override
    public List<SourceEntry> list(String ref) throws AirlockException {
        List<SourceEntry> cached = listings.get(ref);
        if (cached != null) {
            return cached;
        }
        List<SourceEntry> entries = listingDir == null ? walk(ref) : kept(ref);
        listings.put(ref, entries);
        return entries;
    }

    /** Where this source keeps its listings (null: none), for a source over the same store at another ref. */
    public java.nio.file.Path listingDir() {
        return listingDir;
    }

    /**
     * How the listing of {@code ref} was made in this source: {@code read} (the kept file), {@code walked}
     * (no file yet; then written), {@code rebuilt: <reason>} (the kept file was refused and rewritten), or
     * with {@code ; not kept: <reason>} when writing failed; null before the first {@link #list}.
     * For benchmarks and diagnostics.
     */
    public String listingNote(String ref) {
        return listingNotes.get(ref);
    }

    /** The kept listing when there is a valid one; else the walk, written for the next time. */
    private List<SourceEntry> kept(String ref) throws AirlockException {
        String commit = commitOf(ref);
        String note;
        try {
            List<SourceEntry> read = ListingFile.read(listingDir, commit);
            if (read != null) {
                listingNotes.put(ref, "read");
                return read;
            }
            note = "walked";
        } catch (ListingFile.Damaged e) {
            note = "rebuilt: " + e.getMessage();
        } catch (IOException e) {
            note = "rebuilt: " + e.getMessage();
        }
        List<SourceEntry> entries = walk(ref);
        try {
            ListingFile.write(listingDir, commit, entries);
        } catch (IOException | RuntimeException e) {
            // the listing is derived data: without the file the next open walks the tree again
            note += "; not kept: " + e.getMessage();
        }
        listingNotes.put(ref, note);
        return entries;
    }

    private List<SourceEntry> walk(String ref) throws AirlockException {
        List<SourceEntry> entries = new ArrayList<>();
        try (ObjectReader reader = repository.newObjectReader();
             RevWalk revWalk = new RevWalk(reader);
             TreeWalk walk = new TreeWalk(repository, reader)) {
            RevCommit commit = revWalk.parseCommit(ObjectId.fromString(commitOf(ref)));
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                ObjectId id = walk.getObjectId(0);
                EntryKind kind = kindOf(mode);
                long size = kind == EntryKind.SUBMODULE ? 0 : sizeOf(reader, id);
                entries.add(new SourceEntry(walk.getPathString(), kind, size, id.name()));
            }
        } catch (IOException e) {
            throw new AirlockException("source.read", "Cannot read the tree of " + ref + ": " + e.getMessage(), e);
        }
        return Collections.unmodifiableList(entries);
    }

    private long sizeOf(ObjectReader reader, ObjectId id) throws IOException {
        byte[] raw = new byte[Constants.OBJECT_ID_LENGTH];
        id.copyRawTo(raw, 0);
        long size = packBlobs().size(raw);
        return size >= 0 ? size : reader.getObjectSize(id, Constants.OBJ_BLOB);
    }

    /** The mapped packs of the store, opened on first use (a repository not on disk has none). */
    private PackBlobs packBlobs() {
        PackBlobs packs = packBlobs;
        if (packs == null) {
            java.io.File dir = repository.getDirectory();
            packs = dir == null ? PackBlobs.NONE : PackBlobs.open(dir.toPath().resolve("objects"));
            packBlobs = packs;
        }
        return packs;
    }

    private static EntryKind kindOf(FileMode mode) {
        if (mode == FileMode.SYMLINK) {
            return EntryKind.SYMLINK;
        }
        if (mode == FileMode.GITLINK) {
            return EntryKind.SUBMODULE;
        }
        if (mode == FileMode.EXECUTABLE_FILE) {
            return EntryKind.EXECUTABLE;
        }
        return EntryKind.FILE;
    }

    @Override
    public SourceEntry find(String ref, String path) throws AirlockException {
        for (SourceEntry entry : list(ref)) {
            if (entry.path().equals(path)) {
                return entry;
            }
        }
        return null;
    }

    @Override
    public byte[] read(SourceEntry entry, long maxBytes) throws AirlockException {
        if (entry.kind() == EntryKind.SUBMODULE) {
            return new byte[0];
        }
        byte[] fast = packBlobs().read(java.util.HexFormat.of().parseHex(entry.blobId()), maxBytes);
        if (fast != null) {
            return fast;
        }
        try (ObjectReader reader = repository.newObjectReader()) {
            ObjectLoader loader = reader.open(ObjectId.fromString(entry.blobId()), Constants.OBJ_BLOB);
            int limit = (int) Math.min(Math.min(maxBytes, loader.getSize()), Integer.MAX_VALUE - 16);
            byte[] out = new byte[limit];
            try (InputStream in = loader.openStream()) {
                int n = in.readNBytes(out, 0, limit);
                return n == limit ? out : java.util.Arrays.copyOf(out, n);
            }
        } catch (IOException e) {
            throw new AirlockException("source.read", "Cannot read " + entry.path() + ": " + e.getMessage(), e);
        }
    }

    /** Streams from the object store and skips to {@code offset}: only the range is held, whatever the blob's size. */
    @Override
    public byte[] readRange(SourceEntry entry, long offset, int maxBytes) throws AirlockException {
        if (offset < 0 || maxBytes < 0) {
            throw new IllegalArgumentException("a range needs a non-negative offset and length, not " + offset
                    + " and " + maxBytes);
        }
        if (offset == 0) {
            // the file's start: the fast whole-blob path applies
            return read(entry, maxBytes);
        }
        if (entry.kind() == EntryKind.SUBMODULE) {
            return new byte[0];
        }
        try (ObjectReader reader = repository.newObjectReader()) {
            ObjectLoader loader = reader.open(ObjectId.fromString(entry.blobId()), Constants.OBJ_BLOB);
            if (offset >= loader.getSize()) {
                return new byte[0];
            }
            try (InputStream in = loader.openStream()) {
                in.skipNBytes(offset);
                return in.readNBytes((int) Math.min(maxBytes, loader.getSize() - offset));
            }
        } catch (IOException e) {
            throw new AirlockException("source.read", "Cannot read " + entry.path() + " from byte " + offset + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}
