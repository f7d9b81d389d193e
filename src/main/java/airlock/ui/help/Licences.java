package airlock.ui.help;

import java.util.List;

/** The libraries bundled with Airlock and their licences, as shown in Help → About. */
public final class Licences {
    /**
     * @param library what it is called
     * @param licence the licence it ships under
     */
    public record Bundled(String library, String licence) {
    }

    private Licences() {
    }

    public static List<Bundled> bundled() {
        return List.of(
                new Bundled("OpenJFX (JavaFX) 21", "GPL-2.0 with Classpath Exception"),
                new Bundled("RichTextFX 0.11 (with Flowless, ReactFX, UndoFX, WellBehavedFX)", "BSD-2-Clause"),
                new Bundled("Eclipse JGit 7.8", "Eclipse Distribution License 1.0 (BSD-3-Clause)"),
                new Bundled("sqlite-jdbc 3.54", "Apache-2.0"),
                new Bundled("Jackson 2.21", "Apache-2.0"),
                new Bundled("picocli 4.7", "Apache-2.0"),
                new Bundled("SLF4J 2.0 (API and simple backend)", "MIT"),
                new Bundled("Bouncy Castle 1.78 (Ed25519 verification)", "MIT (Bouncy Castle Licence)"),
                new Bundled("CWE 4.8 catalogue as SARIF taxonomies (sarif-standard/taxonomies)",
                        "MIT; CWE content \u00a9 The MITRE Corporation under the CWE Terms of Use."
                                + " CWE\u2122 is a trademark of The MITRE Corporation."));
    }
}
