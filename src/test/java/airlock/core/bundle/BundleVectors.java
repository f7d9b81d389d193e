package airlock.core.bundle;

import static airlock.core.bundle.RawGit.Entry;
import static airlock.core.bundle.RawGit.Obj;

import airlock.core.crypto.CanonicalJson;
import airlock.core.crypto.Ed25519;
import airlock.core.crypto.Sha256;
import airlock.core.progress.ProgressMonitor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The bundle test vectors: one case per bundle row of THREATS.md, generated from real
 * repositories (JGit, {@link BundleCreator}) or byte by byte ({@link RawGit}) and signed with
 * {@link TestKeys}. Each case folder holds {@code README} (what it is, expected verdict),
 * {@code bundle/} and, for rollback cases, {@code before/} (imported first).
 */
final class BundleVectors {
    static final Instant CREATED = Instant.parse("2026-06-01T00:00:00Z");
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final String PRODUCT = "widget";

    /** One case. {@code expected} empty means accepted; {@code flags} the number of flags on acceptance. */
    record Case(String name, String description, Optional<Check> expected, int flags, Optional<String> expectProduct,
            boolean small, Writer writer) {
        String readmeLine() {
            return description + ". Expected: " + expected.map(c -> "refused " + c.code()).orElse("accepted")
                    + expectProduct.map(p -> " (verified with expected product '" + p + "')").orElse("");
        }
    }

    interface Writer {
        void write(Path caseDir, BundleVectors v) throws Exception;
    }

    private final Path work;
    private Path realRepo;
    private BundleFiles good;
    private BundleFiles goodV1;

    BundleVectors(Path work) {
        this.work = work;
    }

    // ---------------------------------------------------------------- fixtures

    /** A real repository: three commits, tags v1.0 (annotated) and v2.0, branch main. */
    Path realRepo() throws Exception {
        if (realRepo != null) {
            return realRepo;
        }
        realRepo = work.resolve("source-repo");
        PersonIdent who = new PersonIdent("Vendor Dev", "dev@example.invalid", CREATED.minusSeconds(86_400), ZoneOffset.UTC);
        try (Git git = Git.init().setDirectory(realRepo.toFile()).setInitialBranch("main").call()) {
            Files.createDirectories(realRepo.resolve("src"));
            Files.writeString(realRepo.resolve("README.md"), "# widget\n");
            Files.writeString(realRepo.resolve("src/main.c"), "int main(void) { return 0; }\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("first").setAuthor(who).setCommitter(who).setSign(false).call();
            git.tag().setName("v1.0").setMessage("release 1.0").setTagger(who).setSigned(false).call();
            Files.writeString(realRepo.resolve("src/main.c"), "int main(void) { return 1; }\n");
            Files.writeString(realRepo.resolve("run.sh"), "#!/bin/sh\n./main\n");
            realRepo.resolve("run.sh").toFile().setExecutable(true);
            git.add().addFilepattern(".").call();
            git.commit().setMessage("second").setAuthor(who).setCommitter(who).setSign(false).call();
            git.tag().setName("v2.0").setAnnotated(false).call();
            Files.writeString(realRepo.resolve("NEWS"), "work in progress\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("third").setAuthor(who).setCommitter(who).setSign(false).call();
        }
        return realRepo;
    }

    BundleFiles create(String name, List<String> refs, String review, long sequence, Optional<Instant> expires, KeyPair key)
            throws Exception {
        Path media = work.resolve("media-" + name);
        CreateRequest request = new CreateRequest(Optional.of(realRepo()), Optional.empty(), refs, review, "Example Vendor",
                PRODUCT, "2.0", sequence, expires, key.getPrivate(), media);
        return new BundleCreator(Clock.fixed(CREATED, ZoneOffset.UTC)).create(request, ProgressMonitor.NONE).files();
    }

    /** The good bundle: main, v1.0 and v2.0, reviewing v2.0, sequence 2, signed by vendor A. */
    BundleFiles good() throws Exception {
        if (good == null) {
            good = create("good", List.of("v1.0", "main"), "v2.0", 2, Optional.of(CREATED.plusSeconds(30 * 86_400)), TestKeys.VENDOR_A);
        }
        return good;
    }

    /** An older release of the same product: v1.0 only, sequence 1. */
    BundleFiles goodV1() throws Exception {
        if (goodV1 == null) {
            goodV1 = create("v1", List.of(), "v1.0", 1, Optional.empty(), TestKeys.VENDOR_A);
        }
        return goodV1;
    }

    static void copy(BundleFiles from, Path to) throws Exception {
        Files.createDirectories(to);
        for (String name : List.of(BundleFiles.MANIFEST, BundleFiles.SIGNATURE, BundleFiles.GIT_BUNDLE)) {
            Files.copy(from.folder().resolve(name), to.resolve(name));
        }
    }

    static byte[] bytes(Path file) throws Exception {
        return Files.readAllBytes(file);
    }

    /** The good manifest as an editable map (canonical JSON shapes). */
    @SuppressWarnings("unchecked")
    Map<String, Object> goodManifestJson() throws Exception {
        return new TreeMap<>((Map<String, Object>) CanonicalJson.parseStrict(bytes(good().manifest())));
    }

    /** Writes bundle bytes and a manifest over them (edited by {@code edit}), signed by {@code key}. */
    static void writeSigned(Path dir, Map<String, Object> manifest, byte[] bundle, PrivateKey key) throws Exception {
        Map<String, Object> m = new TreeMap<>(manifest);
        m.put("bundle", Map.of("size", (long) bundle.length, "sha256", Sha256.hex(Sha256.digest(bundle))));
        writeRaw(dir, CanonicalJson.write(m), bundle, key);
    }

    static void writeRaw(Path dir, byte[] manifestBytes, byte[] bundle, PrivateKey key) throws Exception {
        Files.createDirectories(dir);
        Files.write(dir.resolve(BundleFiles.MANIFEST), manifestBytes);
        Files.write(dir.resolve(BundleFiles.SIGNATURE), Ed25519.sign(key, manifestBytes));
        Files.write(dir.resolve(BundleFiles.GIT_BUNDLE), bundle);
    }

    /** A manifest for a raw bundle with the given refs, signed by vendor A. */
    static Map<String, Object> rawManifest(Map<String, String> refs, String reviewRef, String treeDigest) {
        Map<String, Object> m = new TreeMap<>();
        m.put("type", BundleManifest.TYPE);
        m.put("vendor", "Example Vendor");
        m.put("product", PRODUCT);
        m.put("version", "9.9");
        m.put("sequence", 5L);
        m.put("created", "2026-06-01T00:00:00Z");
        m.put("refs", new TreeMap<String, Object>(refs));
        m.put("reviewRef", reviewRef);
        m.put("treeDigest", treeDigest);
        m.put("keyId", Ed25519.keyId(TestKeys.VENDOR_A.getPublic()).hex());
        return m;
    }

    /** A raw single-commit bundle whose root tree is {@code tree}; objects listed are packed. */
    static void writeRawCase(Path dir, Obj tree, List<Obj> extra, String treeDigest) throws Exception {
        Obj commit = RawGit.commit(tree, "raw");
        List<Obj> objects = new ArrayList<>(List.of(commit, tree));
        objects.addAll(extra);
        byte[] bundle = RawGit.bundle(List.of(commit.id() + " refs/heads/main"), RawGit.pack(objects));
        writeSigned(dir, rawManifest(Map.of("refs/heads/main", commit.id()), "refs/heads/main", treeDigest), bundle,
                TestKeys.VENDOR_A.getPrivate());
    }

    /** Independent implementation of the documented tree digest, over raw single-level entries. */
    static String treeDigest(List<Entry> entries, Map<String, byte[]> contentById) {
        var digest = Sha256.newDigest();
        for (Entry e : entries) {
            byte[] content = contentById.get(java.util.HexFormat.of().formatHex(e.rawId()));
            byte[] hash = e.mode().equals("160000")
                    ? Sha256.digest(java.util.HexFormat.of().formatHex(e.rawId()).getBytes(StandardCharsets.US_ASCII))
                    : Sha256.digest(content);
            digest.update(e.mode().getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) ' ');
            digest.update(e.name());
            digest.update((byte) 0);
            digest.update(hash);
        }
        return Sha256.hex(digest.digest());
    }

    static final String ZERO_DIGEST = "0".repeat(64);

    /** A raw case whose single tree has one unsafe entry (or entries in an unsafe order). */
    static Writer unsafeTree(List<byte[]> names) {
        return (dir, v) -> {
            Obj blob = RawGit.blob("payload\n");
            List<Entry> entries = new ArrayList<>();
            for (byte[] name : names) {
                entries.add(new Entry("100644", name, blob.rawId()));
            }
            writeRawCase(dir.resolve("bundle"), RawGit.tree(entries), List.of(blob), ZERO_DIGEST);
        };
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Replaces the first occurrence of {@code from} in {@code bytes}. */
    static byte[] replace(byte[] bytes, String from, String to) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(from);
        if (at < 0) {
            throw new IllegalStateException("'" + from + "' not found");
        }
        return (text.substring(0, at) + to + text.substring(at + from.length())).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The byte offset where the pack starts in a bundle. */
    static int packStart(byte[] bundle) {
        for (int i = 1; i < bundle.length; i++) {
            if (bundle[i] == '\n' && bundle[i - 1] == '\n') {
                return i + 1;
            }
        }
        throw new IllegalStateException("no pack");
    }

    // ---------------------------------------------------------------- the cases

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(accepted("accepted-several-refs", "A bundle packed by 'airlock bundle create' from a real repository with"
                + " a branch, an annotated and a lightweight tag", 0,
                (dir, v) -> copy(v.good(), dir.resolve("bundle"))));
        c.add(accepted("accepted-links-and-submodules", "Symlinks to /etc/passwd and ../../.., a submodule entry and a"
                + " .gitmodules with a '../' name and an option-like URL: accepted, each shown inert and flagged", 4,
                BundleVectors::linksAndSubmodules));
        c.add(accepted("accepted-windows-reserved-names", "Names Windows cannot create but that are harmless when never"
                + " written to disk (aux.c, CON, nul.h, a trailing space), as in the Linux kernel", 0, (dir, v) -> {
                    Obj blob = RawGit.blob("int aux;\n");
                    List<Entry> entries = new ArrayList<>();
                    for (String name : List.of("CON", "aux.c", "nul.h", "x ")) {
                        entries.add(Entry.of("100644", name, blob));
                    }
                    writeRawCase(dir.resolve("bundle"), RawGit.tree(entries), List.of(blob),
                            treeDigest(entries, Map.of(blob.id(), blob.content())));
                }));
        c.add(accepted("accepted-case-only-duplicates", "Names that differ only in case (xt_TCPMSS.c and xt_tcpmss.c, as in"
                + " the Linux kernel); exact duplicates stay refused", 0, (dir, v) -> {
                    Obj upper = RawGit.blob("upper\n");
                    Obj lower = RawGit.blob("lower\n");
                    List<Entry> entries = List.of(Entry.of("100644", "xt_TCPMSS.c", upper), Entry.of("100644", "xt_tcpmss.c", lower));
                    writeRawCase(dir.resolve("bundle"), RawGit.tree(entries), List.of(upper, lower),
                            treeDigest(entries, Map.of(upper.id(), upper.content(), lower.id(), lower.content())));
                }));
        // signature row
        c.add(refused("signed-by-unpinned-key", "Manifest signed by a key that is not pinned", Check.SIGNATURE,
                (dir, v) -> resign(v, dir, TestKeys.STRANGER, TestKeys.STRANGER)));
        c.add(refused("unknown-key-id", "Manifest names a key id no key has, signed by an unpinned key", Check.SIGNATURE,
                (dir, v) -> resign(v, dir, null, TestKeys.STRANGER)));
        c.add(refused("trusted-key-id-signed-by-stranger", "Manifest names the pinned key's id but is signed by"
                + " another, unpinned key", Check.SIGNATURE, (dir, v) -> resign(v, dir, TestKeys.VENDOR_A, TestKeys.STRANGER)));
        c.add(refused("trusted-key-id-signed-by-other-pinned", "Manifest names pinned key A's id but is signed by"
                + " pinned key B", Check.SIGNATURE, (dir, v) -> resign(v, dir, TestKeys.VENDOR_A, TestKeys.VENDOR_B)));
        c.add(refused("signature-63-bytes", "Signature cut to 63 bytes", Check.SIGNATURE, (dir, v) -> sigLength(v, dir, 63)));
        c.add(refused("signature-65-bytes", "A valid signature followed by one zero byte (the JDK accepts it)",
                Check.SIGNATURE, (dir, v) -> sigLength(v, dir, 65)));
        c.add(refused("signature-0-bytes", "Empty signature file", Check.SIGNATURE, (dir, v) -> sigLength(v, dir, 0)));
        c.add(refused("signature-over-other-bytes", "A valid signature by the pinned key, but over another manifest",
                Check.SIGNATURE, (dir, v) -> {
                    copy(v.good(), dir.resolve("bundle"));
                    Files.copy(v.goodV1().signature(), dir.resolve("bundle").resolve(BundleFiles.SIGNATURE),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }));
        c.add(refused("manifest-byte-flipped", "One bit of the manifest flipped", Check.SIGNATURE,
                (dir, v) -> flip(v, dir, BundleFiles.MANIFEST, 40)));
        c.add(refused("signature-byte-flipped", "One bit of the signature flipped", Check.SIGNATURE,
                (dir, v) -> flip(v, dir, BundleFiles.SIGNATURE, 10)));
        c.add(refused("bundle-byte-flipped", "One bit of the git bundle flipped", Check.BUNDLE_HASH,
                (dir, v) -> flip(v, dir, BundleFiles.GIT_BUNDLE, 200)));
        // swap and refs row
        c.add(refused("bundle-swapped", "The git bundle replaced by another release's bundle", Check.BUNDLE_HASH, (dir, v) -> {
            copy(v.good(), dir.resolve("bundle"));
            Files.copy(v.goodV1().gitBundle(), dir.resolve("bundle").resolve(BundleFiles.GIT_BUNDLE),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }));
        c.add(refused("header-extra-ref", "The git bundle carries a ref the manifest does not name (re-signed)",
                Check.BUNDLE_HEADER, (dir, v) -> headerEdit(v, dir, h -> h + v.goodRef("refs/heads/main") + " refs/heads/extra\n")));
        c.add(refused("header-missing-ref", "The git bundle lacks a ref the manifest names (re-signed)",
                Check.BUNDLE_HEADER, (dir, v) -> headerEdit(v, dir, h -> h.replace(v.goodRef("refs/heads/main") + " refs/heads/main\n", ""))));
        c.add(refused("header-other-commit", "A ref in the git bundle points at another commit than the manifest says (re-signed)",
                Check.BUNDLE_HEADER, (dir, v) -> headerEdit(v, dir, h -> h.replace(v.goodRef("refs/heads/main") + " refs/heads/main",
                        v.goodRef("refs/tags/v1.0") + " refs/heads/main"))));
        c.add(refused("header-duplicate-ref", "The git bundle lists a ref twice (re-signed)",
                Check.BUNDLE_HEADER, (dir, v) -> headerEdit(v, dir, h -> h + v.goodRef("refs/heads/main") + " refs/heads/main\n")));
        // rollback row
        c.add(new Case("rollback-older-sequence", "Sequence 1 replayed after sequence 2 of the same product was accepted"
                + " (before/ is imported first)", Optional.of(Check.ROLLBACK), 0, Optional.empty(), true, (dir, v) -> {
                    copy(v.good(), dir.resolve("before"));
                    copy(v.goodV1(), dir.resolve("bundle"));
                }));
        c.add(new Case("conflicting-same-sequence", "Sequence 2 with different content after another sequence 2 was accepted"
                + " (before/ is imported first)", Optional.of(Check.ROLLBACK), 0, Optional.empty(), true, (dir, v) -> {
                    copy(v.good(), dir.resolve("before"));
                    copy(v.create("conflict", List.of("main"), "v2.0", 2, Optional.empty(), TestKeys.VENDOR_A), dir.resolve("bundle"));
                }));
        // time and product row
        c.add(refused("expired", "The manifest expired before the workstation's time", Check.FRESHNESS, (dir, v) -> {
            Map<String, Object> m = v.goodManifestJson();
            m.put("expires", "2026-06-01T06:00:00Z");
            writeSigned(dir.resolve("bundle"), m, bytes(v.good().gitBundle()), TestKeys.VENDOR_A.getPrivate());
        }));
        c.add(refused("created-in-future", "Created a day after the workstation's time", Check.FRESHNESS, (dir, v) -> {
            Map<String, Object> m = v.goodManifestJson();
            m.put("created", "2026-06-02T12:00:00Z");
            m.put("expires", "2026-07-01T00:00:00Z");
            writeSigned(dir.resolve("bundle"), m, bytes(v.good().gitBundle()), TestKeys.VENDOR_A.getPrivate());
        }));
        c.add(new Case("wrong-product", "A good bundle of product 'widget' verified where 'gadget' is expected",
                Optional.of(Check.FRESHNESS), 0, Optional.of("gadget"), true, (dir, v) -> copy(v.good(), dir.resolve("bundle"))));
        // truncation and file kinds row
        c.add(refused("truncated-manifest", "The manifest cut short", Check.SIGNATURE, (dir, v) -> truncate(v, dir, BundleFiles.MANIFEST, 100)));
        c.add(refused("truncated-bundle", "The git bundle cut short (signature and manifest intact)", Check.BUNDLE_HASH,
                (dir, v) -> truncate(v, dir, BundleFiles.GIT_BUNDLE, 300)));
        c.add(refused("truncated-header", "A re-signed git bundle that ends inside its header", Check.BUNDLE_HEADER,
                (dir, v) -> resignedBundle(v, dir, b -> Arrays.copyOf(b, 30))));
        c.add(refused("truncated-mid-pack", "A re-signed git bundle cut in the middle of its pack", Check.OBJECTS,
                (dir, v) -> resignedBundle(v, dir, b -> Arrays.copyOf(b, packStart(b) + (b.length - packStart(b)) / 2))));
        c.add(refused("truncated-trailer", "A re-signed git bundle missing the last 10 bytes of its pack checksum",
                Check.OBJECTS, (dir, v) -> resignedBundle(v, dir, b -> Arrays.copyOf(b, b.length - 10))));
        c.add(refused("trailing-garbage", "A re-signed git bundle with bytes after the pack", Check.OBJECTS,
                (dir, v) -> resignedBundle(v, dir, b -> concat(b, utf8("garbage")))));
        c.add(refused("directory-as-bundle", "repo.bundle is a directory", Check.FILES, (dir, v) -> {
            copy(v.good(), dir.resolve("bundle"));
            Files.delete(dir.resolve("bundle").resolve(BundleFiles.GIT_BUNDLE));
            Files.createDirectory(dir.resolve("bundle").resolve(BundleFiles.GIT_BUNDLE));
            Files.writeString(dir.resolve("bundle").resolve(BundleFiles.GIT_BUNDLE).resolve(".keep"), "");
        }));
        c.add(refused("missing-signature", "manifest.sig is absent", Check.FILES, (dir, v) -> {
            copy(v.good(), dir.resolve("bundle"));
            Files.delete(dir.resolve("bundle").resolve(BundleFiles.SIGNATURE));
        }));
        // incomplete or unsupported bundles
        c.add(refused("prerequisites", "A thin bundle that needs a prerequisite commit (re-signed)", Check.BUNDLE_HEADER,
                (dir, v) -> headerEdit(v, dir, h -> h.replace("# v2 git bundle\n", "# v2 git bundle\n-" + v.goodRef("refs/tags/v1.0") + " first\n"))));
        c.add(refused("v3-bundle", "A v3 git bundle (re-signed)", Check.BUNDLE_HEADER,
                (dir, v) -> headerEdit(v, dir, h -> h.replace("# v2 git bundle\n", "# v3 git bundle\n"))));
        c.add(refused("sha256-object-format", "A v3 bundle declaring the SHA-256 object format (re-signed)", Check.BUNDLE_HEADER,
                (dir, v) -> headerEdit(v, dir, h -> h.replace("# v2 git bundle\n", "# v3 git bundle\n@object-format=sha256\n"))));
        // budgets
        c.add(refused("too-many-objects", "A pack declaring 5,000,001 objects", Check.OBJECTS, (dir, v) -> {
            Obj blob = RawGit.blob("x");
            Obj tree = RawGit.tree(List.of(Entry.of("100644", "x", blob)));
            Obj commit = RawGit.commit(tree, "many");
            byte[] bundle = RawGit.bundle(List.of(commit.id() + " refs/heads/main"), RawGit.pack(List.of(commit, tree, blob), 5_000_001));
            writeSigned(dir.resolve("bundle"), rawManifest(Map.of("refs/heads/main", commit.id()), "refs/heads/main", ZERO_DIGEST),
                    bundle, TestKeys.VENDOR_A.getPrivate());
        }));
        c.add(new Case("decompression-bomb", "A small pack whose blob inflates to 600 MiB of zeros (over the 512 MiB budget);"
                + " generated at test time, not committed", Optional.of(Check.OBJECTS), 0, Optional.empty(), false, BundleVectors::bomb));
        // unsafe tree entries
        c.add(refused("tree-dotgit", "Tree entry '.git'", Check.OBJECTS, unsafeTree(List.of(utf8(".git")))));
        c.add(refused("tree-dotgit-upper", "Tree entry '.GIT'", Check.OBJECTS, unsafeTree(List.of(utf8(".GIT")))));
        c.add(refused("tree-git-8dot3", "Tree entry 'git~1' (Windows short name of .git)", Check.OBJECTS, unsafeTree(List.of(utf8("git~1")))));
        c.add(refused("tree-dotgit-dot", "Tree entry '.git.' (Windows drops the trailing dot)", Check.OBJECTS, unsafeTree(List.of(utf8(".git.")))));
        c.add(refused("tree-dotgit-macos", "Tree entry '.g\u200cit' (macOS ignores the zero-width non-joiner)", Check.OBJECTS,
                unsafeTree(List.of(utf8(".g\u200cit")))));
        c.add(refused("tree-dotdot", "Tree entry '..'", Check.OBJECTS, unsafeTree(List.of(utf8("..")))));
        c.add(refused("tree-dot", "Tree entry '.'", Check.OBJECTS, unsafeTree(List.of(utf8(".")))));
        c.add(refused("tree-empty-name", "Tree entry with an empty name", Check.OBJECTS, unsafeTree(List.of(new byte[0]))));
        c.add(refused("tree-slash", "Tree entry 'a/b' (a slash inside a name)", Check.OBJECTS, unsafeTree(List.of(utf8("a/b")))));
        c.add(refused("tree-nul", "Tree entry with a NUL byte inside its name", Check.OBJECTS, unsafeTree(List.of(utf8("a\0b")))));
        c.add(refused("tree-duplicate", "Tree with the entry 'a' twice", Check.OBJECTS, unsafeTree(List.of(utf8("a"), utf8("a")))));
        c.add(refused("tree-unsorted", "Tree with entries 'b' then 'a'", Check.OBJECTS, unsafeTree(List.of(utf8("b"), utf8("a")))));
        c.add(refused("missing-object", "A commit whose tree is not in the pack", Check.OBJECTS, (dir, v) -> {
            Obj tree = RawGit.tree(List.of(Entry.of("100644", "x", RawGit.blob("x"))));
            Obj commit = RawGit.commit(tree, "incomplete");
            byte[] bundle = RawGit.bundle(List.of(commit.id() + " refs/heads/main"), RawGit.pack(List.of(commit)));
            writeSigned(dir.resolve("bundle"), rawManifest(Map.of("refs/heads/main", commit.id()), "refs/heads/main", ZERO_DIGEST),
                    bundle, TestKeys.VENDOR_A.getPrivate());
        }));
        // manifest strictness
        c.add(refused("manifest-unknown-field", "Manifest with an extra field 'comment' (re-signed)", Check.MANIFEST, (dir, v) -> {
            Map<String, Object> m = v.goodManifestJson();
            m.put("comment", "hello");
            writeRaw(dir.resolve("bundle"), CanonicalJson.write(m), bytes(v.good().gitBundle()), TestKeys.VENDOR_A.getPrivate());
        }));
        c.add(refused("manifest-duplicate-key", "Manifest with the key 'product' twice (re-signed)", Check.MANIFEST,
                (dir, v) -> rawManifestEdit(v, dir, s -> s.replace("\"product\":\"widget\"", "\"product\":\"widget\",\"product\":\"gadget\""))));
        c.add(refused("manifest-not-canonical", "Manifest with a space after a colon (re-signed)", Check.MANIFEST,
                (dir, v) -> rawManifestEdit(v, dir, s -> s.replace("\"product\":", "\"product\": "))));
        c.add(refused("manifest-trailing-content", "Manifest followed by a second JSON value (re-signed)", Check.MANIFEST,
                (dir, v) -> rawManifestEdit(v, dir, s -> s + "{}")));
        c.add(refused("manifest-float", "Manifest with sequence 2.0 (re-signed)", Check.MANIFEST,
                (dir, v) -> rawManifestEdit(v, dir, s -> s.replace("\"sequence\":2", "\"sequence\":2.0"))));
        c.add(refused("manifest-other-type", "Signed bytes of another type ('airlock-log-checkpoint/1') offered as a manifest",
                Check.MANIFEST, (dir, v) -> rawManifestEdit(v, dir, s -> s.replace(BundleManifest.TYPE, "airlock-log-checkpoint/1"))));
        c.add(refused("tree-digest-mismatch", "Manifest with a tree digest that is not the review tree's (re-signed)",
                Check.TREE_DIGEST, (dir, v) -> {
                    Map<String, Object> m = v.goodManifestJson();
                    m.put("treeDigest", "ab".repeat(32));
                    writeSigned(dir.resolve("bundle"), m, bytes(v.good().gitBundle()), TestKeys.VENDOR_A.getPrivate());
                }));
        return c;
    }

    private static Case accepted(String name, String description, int flags, Writer writer) {
        return new Case(name, description, Optional.empty(), flags, Optional.empty(), true, writer);
    }

    private static Case refused(String name, String description, Check check, Writer writer) {
        return new Case(name, description, Optional.of(check), 0, Optional.empty(), true, writer);
    }

    String goodRef(String ref) throws Exception {
        return (String) ((Map<?, ?>) goodManifestJson().get("refs")).get(ref);
    }

    private static void resign(BundleVectors v, Path dir, KeyPair named, KeyPair signer) throws Exception {
        Map<String, Object> m = v.goodManifestJson();
        m.put("keyId", named == null ? "cd".repeat(32) : Ed25519.keyId(named.getPublic()).hex());
        writeRaw(dir.resolve("bundle"), CanonicalJson.write(m), bytes(v.good().gitBundle()), signer.getPrivate());
    }

    private static void sigLength(BundleVectors v, Path dir, int length) throws Exception {
        copy(v.good(), dir.resolve("bundle"));
        Path sig = dir.resolve("bundle").resolve(BundleFiles.SIGNATURE);
        Files.write(sig, Arrays.copyOf(bytes(sig), length));
    }

    private static void flip(BundleVectors v, Path dir, String file, int offset) throws Exception {
        copy(v.good(), dir.resolve("bundle"));
        Path path = dir.resolve("bundle").resolve(file);
        byte[] b = bytes(path);
        b[offset] ^= 0x01;
        Files.write(path, b);
    }

    private static void truncate(BundleVectors v, Path dir, String file, int length) throws Exception {
        copy(v.good(), dir.resolve("bundle"));
        Path path = dir.resolve("bundle").resolve(file);
        Files.write(path, Arrays.copyOf(bytes(path), length));
    }

    private static void resignedBundle(BundleVectors v, Path dir, java.util.function.UnaryOperator<byte[]> edit) throws Exception {
        writeSigned(dir.resolve("bundle"), v.goodManifestJson(), edit.apply(bytes(v.good().gitBundle())), TestKeys.VENDOR_A.getPrivate());
    }

    interface Edit {
        String apply(String text) throws Exception;
    }

    private static void headerEdit(BundleVectors v, Path dir, Edit edit) throws Exception {
        byte[] bundle = bytes(v.good().gitBundle());
        int start = packStart(bundle);
        String header = new String(bundle, 0, start - 1, StandardCharsets.US_ASCII);
        byte[] edited = concat(utf8(edit.apply(header) + "\n"), Arrays.copyOfRange(bundle, start, bundle.length));
        writeSigned(dir.resolve("bundle"), v.goodManifestJson(), edited, TestKeys.VENDOR_A.getPrivate());
    }

    private static void rawManifestEdit(BundleVectors v, Path dir, java.util.function.UnaryOperator<String> edit) throws Exception {
        String text = new String(bytes(v.good().manifest()), StandardCharsets.UTF_8);
        writeRaw(dir.resolve("bundle"), utf8(edit.apply(text)), bytes(v.good().gitBundle()), TestKeys.VENDOR_A.getPrivate());
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void linksAndSubmodules(Path dir, BundleVectors v) throws Exception {
        Obj passwd = RawGit.blob("/etc/passwd");
        Obj up = RawGit.blob("../../..");
        Obj modules = RawGit.blob("[submodule \"../../escape\"]\n\tpath = lib\n\turl = --upload-pack=touch /tmp/pwned\n");
        Obj readme = RawGit.blob("hello\n");
        String submoduleCommit = "1234567890abcdef1234567890abcdef12345678";
        List<Entry> entries = List.of(
                Entry.of("100644", ".gitmodules", modules),
                Entry.of("100644", "README", readme),
                Entry.of("120000", "etc-link", passwd),
                new Entry("160000", utf8("lib"), java.util.HexFormat.of().parseHex(submoduleCommit)),
                Entry.of("120000", "up", up));
        Map<String, byte[]> content = new LinkedHashMap<>();
        for (Obj o : List.of(passwd, up, modules, readme)) {
            content.put(o.id(), o.content());
        }
        writeRawCase(dir.resolve("bundle"), RawGit.tree(entries), List.of(passwd, up, modules, readme), treeDigest(entries, content));
    }

    private static void bomb(Path dir, BundleVectors v) throws Exception {
        long size = 600L * 1024 * 1024;
        byte[] zeros = new byte[1 << 20];
        var sha1 = java.security.MessageDigest.getInstance("SHA-1");
        sha1.update(RawGit.header(RawGit.BLOB, size));
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        for (long done = 0; done < size; done += zeros.length) {
            sha1.update(zeros);
            deflater.setInput(zeros);
            while (!deflater.needsInput()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        byte[] blobId = sha1.digest();
        Obj tree = RawGit.tree(List.of(new Entry("100644", utf8("zeros"), blobId)));
        Obj commit = RawGit.commit(tree, "bomb");
        ByteArrayOutputStream pack = new ByteArrayOutputStream();
        pack.writeBytes(new byte[] {'P', 'A', 'C', 'K', 0, 0, 0, 2, 0, 0, 0, 3});
        for (Obj o : List.of(commit, tree)) {
            RawGit.writeObjectHeader(pack, o.type(), o.content().length);
            pack.writeBytes(RawGit.deflate(o.content()));
        }
        RawGit.writeObjectHeader(pack, RawGit.BLOB, size);
        pack.writeBytes(compressed.toByteArray());
        pack.writeBytes(RawGit.sha1(pack.toByteArray()));
        byte[] bundle = RawGit.bundle(List.of(commit.id() + " refs/heads/main"), pack.toByteArray());
        writeSigned(dir.resolve("bundle"), rawManifest(Map.of("refs/heads/main", commit.id()), "refs/heads/main", ZERO_DIGEST),
                bundle, TestKeys.VENDOR_A.getPrivate());
    }
}
