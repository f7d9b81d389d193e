package airlock.keeper.client;

import airlock.core.AirlockException;
import airlock.core.bundle.BundleFiles;
import airlock.core.bundle.BundleSubmission;
import airlock.core.progress.ProgressMonitor;
import airlock.protocol.Answer;
import airlock.protocol.Limits;
import airlock.protocol.Request;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Intake through the keeper (issue 16, kwire): this process reads the three files of a bundle folder
 * on the stick (regular files only, no link followed) and sends their bytes in order, in chunks of
 * {@link Limits#MAX_UPLOAD_CHUNK}; the keeper stages its own copy, verifies it against its own trust
 * list, records the verdict and imports. "Imported" is only said after the keeper's list of bundles
 * holds the id it answered. Cancel between chunks discards the keeper's copy.
 */
public final class KeeperBundleUpload implements BundleSubmission {
    private final KeeperClient client;
    private final String title;

    /** @param title the progress title (from the messages bundle: core stays free of UI text) */
    public KeeperBundleUpload(KeeperClient client, String title) {
        this.client = client;
        this.title = title;
    }

    @Override
    public Imported submit(BundleFiles files, ProgressMonitor monitor) throws AirlockException {
        Path[] paths = {files.manifest(), files.signature(), files.gitBundle()};
        String[] names = {"manifest", "signature", "bundle"};
        long[] max = {Limits.MAX_UPLOAD_MANIFEST, Limits.MAX_UPLOAD_SIGNATURE, Limits.MAX_UPLOAD_BUNDLE};
        long[] sizes = new long[3];
        for (int i = 0; i < 3; i++) {
            sizes[i] = size(paths[i], max[i]);
        }
        Path name = files.folder().getFileName();
        String folderName = sanitize(name == null ? files.folder().toString() : name.toString());
        Answer.Upload begun = client.call(new Request.UploadBegin(folderName, sizes[0], sizes[1], sizes[2]), Answer.Upload.class);
        long upload = begun.upload();
        long total = sizes[0] + sizes[1] + sizes[2];
        monitor.beginTask(title, total);
        boolean finished = false;
        try {
            byte[] buffer = new byte[Limits.MAX_UPLOAD_CHUNK];
            for (int i = 0; i < 3; i++) {
                long sent = 0;
                try (InputStream in = Files.newInputStream(paths[i], LinkOption.NOFOLLOW_LINKS)) {
                    while (sent < sizes[i]) {
                        monitor.checkCancelled();
                        int n = in.readNBytes(buffer, 0, (int) Math.min(buffer.length, sizes[i] - sent));
                        if (n == 0) {
                            throw new KeeperException("bundle.read", "The file " + paths[i].getFileName()
                                    + " became shorter while it was read; is the stick still in?");
                        }
                        byte[] chunk = n == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, n);
                        client.call(new Request.UploadChunk(upload, names[i], sent, chunk), Answer.Upload.class);
                        sent += n;
                        monitor.update(n);
                    }
                    if (in.read() >= 0) {
                        throw new KeeperException("bundle.read", "The file " + paths[i].getFileName()
                                + " grew while it was read; the bundle was not sent.");
                    }
                } catch (IOException e) {
                    throw new KeeperException("bundle.read", "Cannot read " + paths[i] + ": " + e.getMessage(), e);
                }
            }
            monitor.checkCancelled();
            finished = true; // the keeper verifies and imports now; from here the keeper's copy is its own to discard
            Answer.BundleImported imported = client.call(new Request.UploadFinish(upload), Answer.BundleImported.class);
            // read back: the keeper must list what it said it imported
            boolean listed = client.bundles().stream().anyMatch(b -> b.id().equals(imported.bundle()));
            if (!listed) {
                throw new KeeperException("keeper.protocol", "The keeper answered that it imported bundle " + imported.bundle()
                        + " but does not list it.");
            }
            return new Imported(imported.bundle(), imported.label(), imported.reviewRef(), imported.already());
        } finally {
            monitor.endTask();
            if (!finished) {
                cancel(upload);
            }
        }
    }

    private void cancel(long upload) {
        try {
            client.call(new Request.UploadCancel(upload), Answer.Upload.class);
        } catch (KeeperException | RuntimeException e) {
            // the keeper discards an unfinished upload at the next begin and at its start anyway
        }
    }

    /** The folder's name as the ledger may hold it: control and invisible characters as visible tokens, within the limit. */
    static String sanitize(String name) {
        String shown = airlock.core.text.VisibleText.escape(name);
        if (shown.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            shown = shown.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        }
        if (shown.isEmpty()) {
            shown = "bundle";
        }
        return shown.length() > Limits.MAX_REF ? shown.substring(0, Limits.MAX_REF) : shown;
    }

    private static long size(Path file, long max) throws KeeperException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new KeeperException("bundle.files", "The bundle folder has no readable " + file.getFileName() + ".", e);
        }
        if (!a.isRegularFile()) {
            throw new KeeperException("bundle.files", file.getFileName() + " is not a regular file (a link is not followed).");
        }
        if (a.size() < 1 || a.size() > max) {
            throw new KeeperException("bundle.files", file.getFileName() + " has " + a.size() + " bytes; the keeper takes 1 to "
                    + max + ".");
        }
        return a.size();
    }
}
