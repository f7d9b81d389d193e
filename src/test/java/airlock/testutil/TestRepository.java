package airlock.testutil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** A small repository made with JGit for tests: a few files, a bidi name, a binary, two tags. */
public final class TestRepository {
    public static final String BIDI_NAME = "docs/evil\u202Egnp.exe";
    public static final String MAIN = "src/main/Hello.java";

    private TestRepository() {
    }

    /** Creates the repository in {@code dir} (its work tree) on branch {@code main}. */
    public static Path create(Path dir) throws IOException, GitAPIException {
        Files.createDirectories(dir);
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            write(dir, Map.of(
                    "README.md", "# Demo\n\nA small project for tests.\n",
                    MAIN, helloJava(),
                    "src/test/HelloTest.java", "class HelloTest {\n}\n",
                    BIDI_NAME, "access = \"user\u202E \u2066// Check if admin\u2069 \u2066\";\n",
                    "Makefile", "all:\n\techo hi\n"));
            Files.write(dir.resolve("data.bin"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, (byte) 0xff, 3});
            commit(git, "first", 1_700_000_000L);
            git.tag().setName("v1.0").setAnnotated(false).call();
            Files.writeString(dir.resolve("README.md"), "# Demo\n\nA small project for tests, version 1.1.\n");
            commit(git, "second", 1_700_000_100L);
            git.tag().setName("v1.1").setAnnotated(false).call();
        }
        return dir;
    }

    static String helloJava() {
        StringBuilder out = new StringBuilder("package main;\n\n/** Says hello. */\npublic class Hello {\n");
        for (int i = 0; i < 60; i++) {
            out.append("    static final int VALUE_").append(i).append(" = ").append(i).append(";\n");
        }
        out.append("    public static void main(String[] args) {\n        System.out.println(\"hello\");\n    }\n}\n");
        return out.toString();
    }

    private static void write(Path dir, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent() == null ? dir : path.getParent());
            Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        }
    }

    private static void commit(Git git, String message, long epochSeconds) throws GitAPIException {
        git.add().addFilepattern(".").call();
        PersonIdent who = new PersonIdent(new PersonIdent("Test Vendor", "vendor@example.invalid"),
                Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
        git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    }
}
