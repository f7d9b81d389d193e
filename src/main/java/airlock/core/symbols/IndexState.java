package airlock.core.symbols;

/**
 * How complete a symbol index is. A PARTIAL index answers queries (with a notice) while it is built or
 * after an interrupted build; it is never presented as complete.
 *
 * @param status      ABSENT, PARTIAL or COMPLETE
 * @param filesDone   files indexed
 * @param filesTotal  files to index
 * @param reason      why it is not complete, or "" when complete
 */
public record IndexState(Status status, long filesDone, long filesTotal, String reason) {

    public enum Status { ABSENT, PARTIAL, COMPLETE }

    public boolean isComplete() {
        return status == Status.COMPLETE;
    }
}
