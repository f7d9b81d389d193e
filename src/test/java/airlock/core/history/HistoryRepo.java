package airlock.core.history;

import airlock.core.git.GitSource;
import airlock.core.git.IsolatedGit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** A small repository with tags v1 and v2: one modified, one deleted, one renamed, one added, one binary file. */
public final class HistoryRepo {
    static final String MAIN_V1 = "int main(void)\n{\n\tint count = 1;\n\treturn count;\n}\n"
            + "// a\n// b\n// c\n// d\n// e\n// f\n// g\n// h\n// i\n// j\n// tail\n";
    static final String MAIN_V2 = "int main(void)\n{\n\tint total = 1;\n\ttotal++;\n\treturn total;\n}\n"
            + "// a\n// b\n// c\n// d\n// e\n// f\n// g\n// h\n// i\n// j\n// tail \u202E changed\n";
    static final String RENAMED = "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\n";

    private HistoryRepo() {
    }

    public static GitSource create(Path work) throws Exception {
        IsolatedGit.install();
        Files.createDirectories(work);
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            write(work, "src/main.c", "int main(void)\n{\n\treturn 0;\n}\n");
            commit(git, "initial main", 1_700_000_000L, "Ann");
            write(work, "src/main.c", MAIN_V1);
            write(work, "gone.txt", "bye\n");
            write(work, "old/name.c", RENAMED);
            Files.write(work.resolve("blob.bin"), new byte[] {1, 0, 2, 0, 3});
            commit(git, "v1 files", 1_700_000_100L, "Ann");
            git.tag().setName("v1").setAnnotated(false).call();
            write(work, "src/main.c", MAIN_V2);
            Files.delete(work.resolve("gone.txt"));
            Files.createDirectories(work.resolve("new"));
            Files.move(work.resolve("old/name.c"), work.resolve("new/name.c"));
            write(work, "added.txt", "fresh\n");
            Files.write(work.resolve("blob.bin"), new byte[] {1, 0, 2, 0, 4});
            git.add().addFilepattern(".").call();
            git.rm().addFilepattern("gone.txt").addFilepattern("old/name.c").call();
            commit(git, "v2 changes", 1_700_000_200L, "Bob");
            git.tag().setName("v2").setAnnotated(false).call();
        }
        var repository = new FileRepositoryBuilder().setWorkTree(work.toFile()).setMustExist(true).build();
        return GitSource.ofAllRefs(repository, "test / history", "refs/tags/v2");
    }

    static void write(Path work, String path, String text) throws Exception {
        Path file = work.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static void commit(Git git, String message, long seconds, String name) throws Exception {
        git.add().addFilepattern(".").call();
        PersonIdent who = new PersonIdent(new PersonIdent(name, name.toLowerCase() + "@example.invalid"),
                Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
        git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    }
}
