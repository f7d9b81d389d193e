package airlock.cli;

import airlock.core.AirlockException;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Turns a failure inside a command into one line a person can act on and the documented exit
 * code. The stack trace goes to the log once, never to the user's terminal. The logger is looked
 * up only when a command fails, so a command that succeeds does not start the logging library.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    private final PrintWriter err;

    ErrorHandler(PrintWriter err) {
        this.err = err;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
        return handle(ex, cli.getCommandName());
    }

    /** The same for a command run without picocli ({@link LogVerifyCommand#plain}). */
    int handle(Exception ex, String commandName) {
        Logger log = LoggerFactory.getLogger(ErrorHandler.class);
        log.debug("command failed", ex);
        if (ex instanceof AirlockException airlock) {
            err.println("airlock: " + TerminalText.escape(String.valueOf(airlock.getMessage())) + " [" + airlock.code() + "]");
            return AirlockCommand.IO_ERROR;
        }
        if (ex instanceof java.io.IOException io) {
            err.println("airlock: I/O error: " + TerminalText.escape(String.valueOf(io.getMessage())));
            return AirlockCommand.IO_ERROR;
        }
        err.println("airlock: internal error: " + TerminalText.escape(String.valueOf(ex)) + " (details in the log)");
        log.error("internal error in command {}", commandName, ex);
        return AirlockCommand.IO_ERROR;
    }
}
