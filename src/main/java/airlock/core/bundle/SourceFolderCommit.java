package airlock.core.bundle;

import airlock.core.AirlockException;
import airlock.core.progress.CancelledException;
import airlock.core.progress.ProgressMonitor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;

/**
 * Packs a plain source folder as a single commit, for vendors without git: regular files as
 * blobs (executable bit kept), symbolic links as links (their target text, never followed),
 * folders named {@code .git} skipped. Special files (FIFOs, devices) are refused.
 */
final class SourceFolderCommit {
    private SourceFolderCommit() {
    }

    static ObjectId commit(Path folder, Repository repo, String author, Instant when, String message, ProgressMonitor monitor)
            throws AirlockException, IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new AirlockException("bundle.create.source", folder + " is not a folder");
        }
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        monitor.beginTask("Packing files of " + folder.getFileName(), ProgressMonitor.UNKNOWN);
        try (ObjectInserter inserter = repo.getObjectDatabase() instanceof org.eclipse.jgit.internal.storage.file.ObjectDirectory dir
                ? dir.newPackInserter() : repo.newObjectInserter()) {
            if (inserter instanceof org.eclipse.jgit.internal.storage.file.PackInserter pack) {
                pack.checkExisting(false);
            }
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(folder) && dir.getFileName().toString().toLowerCase(Locale.ROOT).equals(".git")
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String path = relative(folder, file);
                    DirCacheEntry entry = new DirCacheEntry(path);
                    if (attrs.isSymbolicLink()) {
                        byte[] target = Files.readSymbolicLink(file).toString().getBytes(StandardCharsets.UTF_8);
                        entry.setFileMode(FileMode.SYMLINK);
                        entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, target));
                    } else if (attrs.isRegularFile()) {
                        entry.setFileMode(Files.isExecutable(file) ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE);
                        try (InputStream in = Files.newInputStream(file)) {
                            entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, attrs.size(), in));
                        }
                        entry.setLength(attrs.size());
                    } else {
                        throw new IOException("'" + path + "' is a special file (FIFO, socket or device); remove it from the source folder");
                    }
                    builder.add(entry);
                    monitor.update(1);
                    if (monitor.isCancelled()) {
                        throw new IOException(new CancelledException());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            builder.finish();
            ObjectId tree = index.writeTree(inserter);
            CommitBuilder commit = new CommitBuilder();
            PersonIdent ident = new PersonIdent(author, "vendor@airlock.invalid", when, ZoneOffset.UTC);
            commit.setAuthor(ident);
            commit.setCommitter(ident);
            commit.setTreeId(tree);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id;
        } catch (IOException e) {
            if (e.getCause() instanceof CancelledException cancelled) {
                throw cancelled;
            }
            throw e;
        } finally {
            monitor.endTask();
        }
    }

    private static String relative(Path root, Path file) {
        StringBuilder path = new StringBuilder();
        for (Path part : root.relativize(file)) {
            if (path.length() > 0) {
                path.append('/');
            }
            path.append(part);
        }
        return path.toString();
    }
}
