package airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * The bash completion and the man page shipped in the package are generated from the picocli model
 * and committed under {@code packaging/}; this test fails when they no longer match the commands.
 * Regenerate them with {@code mvn -o test -Dtest=CliDocsTest -Dairlock.cli.docs.write=true}.
 *
 * <p>The man page is troff written here from picocli's own usage texts, not picocli's
 * {@code ManPageGenerator}: that one writes AsciiDoc, which needs Asciidoctor (JRuby) at build time
 * to become a man page. Generated in a test, nothing runs at build time and no product code starts a process.
 */
class CliDocsTest {
    static final Path COMPLETION = Path.of("packaging", "completion", "airlock");
    static final Path MAN_PAGE = Path.of("packaging", "man", "airlock.1");

    private static CommandLine tree() {
        return AirlockCommand.commandLine(new String[0], new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    static String completion() {
        return AutoComplete.bash("airlock", tree());
    }

    /** A man(7) page: name, synopsis, exit codes, then the usage of every command and subcommand as picocli prints it. */
    static String manPage() {
        CommandLine root = tree();
        StringBuilder page = new StringBuilder();
        page.append(".TH AIRLOCK 1 \"\" \"Airlock\" \"User Commands\"\n");
        page.append(".SH NAME\nairlock \\- offline source-code review workstation\n");
        page.append(".SH SYNOPSIS\n.B airlock\n[\\fICOMMAND\\fR [\\fISUBCOMMAND\\fR]] [\\fIOPTIONS\\fR]\n");
        page.append(".SH DESCRIPTION\nWith no command, starts the workstation window. "
                + "Every command and subcommand takes \\fB\\-h\\fR, \\fB\\-\\-help\\fR; "
                + "\\fBairlock help\\fR \\fICOMMAND\\fR... prints the same usage.\n");
        page.append(".SH \"EXIT STATUS\"\n");
        for (String line : List.of("0|success", "1|a verification or check failed (refused)", "2|usage error (bad option or argument)",
                "3|I/O or environment error")) {
            String[] parts = line.split("\\|");
            page.append(".TP\n.B ").append(parts[0]).append('\n').append(parts[1]).append('\n');
        }
        page.append(".SH COMMANDS\n");
        appendUsage(root, page);
        page.append(".SH \"SEE ALSO\"\nThe README and docs/ of the Airlock source.\n");
        return page.toString();
    }

    private static void appendUsage(CommandLine cli, StringBuilder page) {
        page.append(".SS \"").append(cli.getCommandSpec().qualifiedName()).append("\"\n.nf\n");
        for (String line : cli.getUsageMessage(CommandLine.Help.Ansi.OFF).split("\n", -1)) {
            String text = troff(line);
            if (text.startsWith(".") || text.startsWith("'")) {
                text = "\\&" + text; // not a troff request
            }
            page.append(text).append('\n');
        }
        page.append(".fi\n");
        cli.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName())) {
                appendUsage(sub, page);
            }
        });
    }

    /** {@code \e} for a backslash, {@code \-} for a minus sign that copies as '-', {@code \[uXXXX]} for anything not ASCII. */
    private static String troff(String line) {
        StringBuilder text = new StringBuilder();
        line.codePoints().forEach(c -> {
            if (c == '\\') {
                text.append("\\e");
            } else if (c == '-') {
                text.append("\\-");
            } else if (c > 126 || c < 32) {
                text.append(String.format("\\[u%04X]", c));
            } else {
                text.appendCodePoint(c);
            }
        });
        return text.toString();
    }

    @Test
    void theCommittedCompletionAndManPageMatchTheCommands() throws IOException {
        String completion = completion();
        String man = manPage();
        if (Boolean.getBoolean("airlock.cli.docs.write")) {
            Files.createDirectories(COMPLETION.getParent());
            Files.createDirectories(MAN_PAGE.getParent());
            Files.writeString(COMPLETION, completion, StandardCharsets.UTF_8);
            Files.writeString(MAN_PAGE, man, StandardCharsets.UTF_8);
        }
        assertEquals(completion, Files.readString(COMPLETION, StandardCharsets.UTF_8),
                COMPLETION + " is out of date; regenerate it (see this test's comment)");
        assertEquals(man, Files.readString(MAN_PAGE, StandardCharsets.UTF_8),
                MAN_PAGE + " is out of date; regenerate it (see this test's comment)");
    }

    @Test
    void theyCoverNestedCommandsAndTheirOptions() {
        String completion = completion();
        assertTrue(completion.contains("_picocli_airlock_bundle_create()"), "a function per subcommand");
        assertTrue(completion.contains("--review-ref"), "options of a subcommand");
        assertTrue(completion.contains("complete -F _complete_airlock"), "registered for the airlock command");
        String man = manPage();
        assertTrue(man.contains(".SS \"airlock log verify\"\n.nf\nUsage: airlock log verify "), man);
        assertTrue(man.contains("\\-\\-strict"), man);
        assertTrue(man.lines().noneMatch(l -> l.startsWith(".") && !l.matches("\\.(TH|SH|SS|TP|B|nf|fi)\\b.*")),
                "no line of usage text read as a troff request");
    }
}
