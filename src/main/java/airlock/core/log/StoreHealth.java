package airlock.core.log;

/**
 * State of the log store after its start-up checks. READ_ONLY means a check failed: nothing may
 * be appended, the reason says what was found, and recovery into a new file is offered.
 */
public record StoreHealth(State state, String problem, boolean uncleanStop) {
    public enum State { OK, READ_ONLY }

    public static StoreHealth ok(boolean uncleanStop) {
        return new StoreHealth(State.OK, null, uncleanStop);
    }

    public static StoreHealth readOnly(String problem) {
        return new StoreHealth(State.READ_ONLY, problem, false);
    }

    public boolean writable() {
        return state == State.OK;
    }
}
