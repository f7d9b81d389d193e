package airlock.core.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A small reviewed tree for the quote tests: a C file with a 200-line function among others. */
final class QuoteFixture {
    static final String FUNCTION_FILE = "drivers/net/fixture/rx_ring.c";
    private static final String[] NAMES = {"rxRing", "descIndex", "bufferLen", "dmaAddr", "skbCount", "flagsMask", "queueHead",
        "budgetLeft", "statsBytes", "ctrlReg"};

    private QuoteFixture() {
    }

    /** A 200-line function with varied statements (deterministic). */
    static String function() {
        Random r = new Random(18);
        StringBuilder s = new StringBuilder("static int ProcessRxRing(struct NetDev *Dev, int Budget)\n{\n");
        for (int i = 0; i < 196; i++) {
            String a = NAMES[r.nextInt(NAMES.length)];
            String b = NAMES[r.nextInt(NAMES.length)];
            switch (i % 5) {
                case 0 -> s.append("\t").append(a).append(" = ReadReg(Dev, 0x").append(Integer.toHexString(r.nextInt(4096)))
                        .append(") & ").append(b).append(";\n");
                case 1 -> s.append("\tif (").append(a).append(" > ").append(r.nextInt(1000)).append(")\n");
                case 2 -> s.append("\t\t").append(b).append("[").append(i).append("] += ").append(a).append(" >> ")
                        .append(r.nextInt(8)).append(";\n");
                case 3 -> s.append("\tUpdateStats(Dev, ").append(a).append(", ").append(b).append(", ").append(i).append(");\n");
                default -> s.append("\t/* step ").append(i).append(": ").append(a).append(" checked */\n");
            }
        }
        return s.append("\treturn Budget - budgetLeft;\n}\n").toString();
    }

    static String functionFile() {
        return "#include <linux/netdevice.h>\n\n" + function() + "\nstatic void Other(void)\n{\n\tint x = 1;\n}\n";
    }

    /** The tree: the function's file, a second file that shares only short, common runs, and a header. */
    static QuoteIndex.Source source(String... extra) {
        List<String> paths = new ArrayList<>(List.of(FUNCTION_FILE, "drivers/net/fixture/other.c", "include/fixture.h"));
        List<String> texts = new ArrayList<>(List.of(functionFile(),
                "static int helper(int a)\n{\n\tif (a > 1)\n\t\treturn a;\n\treturn 0;\n}\n",
                "#ifndef FIXTURE_H\n#define FIXTURE_H\nint helper(int a);\n#endif\n"));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            paths.add(extra[i]);
            texts.add(extra[i + 1]);
        }
        return new QuoteIndex.Source() {
            @Override
            public List<String> paths() {
                return paths;
            }

            @Override
            public QuoteIndex.FileTexts texts() {
                return texts::get;
            }
        };
    }

    static QuoteCheck check(QuoteRules rules, String... extra) throws Exception {
        return new QuoteCheck(QuoteIndex.build(source(extra), rules, 2, airlock.core.progress.ProgressMonitor.NONE), rules);
    }
}
