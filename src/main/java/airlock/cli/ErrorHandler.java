package airlock.cli;

import airlock.core.AirlockException;
import java.io.PrintWriter;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Turns a failure inside a command into one line a person can act on and the documented exit
 * code. The stack trace goes to the log once, never to the user's terminal. The logger is looked
 * up only when a command fails, so a command that succeeds does not start the logging library.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    /**
     * Codes of failures that are a check refusing the request (exit 1), not an I/O or environment
     * failure (exit 3): the input was read and judged, and the answer is no.
     */
    static final Set<String> REFUSALS = Set.of(
            "trust.purpose.conflict",           // one key, one purpose: a key pinned for another purpose
            "seal.key.untrusted",
            "seal.verify.refused",
            "log.store.rollback",               // the database holds less or other than the ledger and high-water record say
            "seal.blocked",
            "log.seal.untrusted",
            "session.confirmation.refused",
            "session.confirmation.lockout",
            "annotations.export.forbidden",
            "room.init.refused",                // room init: a key or the policy given does not pass its check
            "session.inspector.refused",        // a named inspector's passphrase the workstation cannot check
            "source.bundle.not-imported",       // a bundle folder on a stick that was never verified and imported
            StoreReadGate.REFUSED);             // a store read by an account other than the keeper's (docs/architecture.md)
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
            return REFUSALS.contains(airlock.code()) ? AirlockCommand.CHECK_FAILED : AirlockCommand.IO_ERROR;
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
