package airlock;

import airlock.cli.AirlockCommand;
import airlock.ui.AirlockApp;

/**
 * Entry point. Does not extend {@code Application}, so JavaFX on the class path starts normally.
 * No arguments start the workstation window; anything else is a command-line verb.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || (args.length >= 1 && args[0].equals("gui"))) {
            AirlockApp.launchApp(args.length == 0 ? args : java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(AirlockCommand.run(args));
    }
}
