package airlock.core.seal;

import airlock.core.AirlockException;
import java.util.List;

/**
 * Where the supervisor's seal screen gets its sessions and reviews (issue 16): in this process
 * ({@code airlock.ui.seal.SealServices} over the workstation's own log store) or through the keeper
 * ({@code airlock.keeper.client.KeeperSealDesk}), which holds the log, builds the review and writes
 * the seal itself. The screen depends on this seam only.
 */
public interface SealDesk {
    /** Sessions that ended but have no verified copy on media yet (ended, or sealed and not exported). */
    List<String> awaitingSupervisor() throws AirlockException;

    /** The stored state of a session's log: open, ended, sealed or exported (null when unknown). */
    String status(String session) throws AirlockException;

    /** Opens the review of an ended session (blocking: call off the FX thread). */
    SupervisorReview open(String session) throws AirlockException;

    /** Opens one session's review (the screen's loader). */
    @FunctionalInterface
    interface Opener {
        SupervisorReview open(String session) throws AirlockException;
    }
}
