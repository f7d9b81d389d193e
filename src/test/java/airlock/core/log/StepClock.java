package airlock.core.log;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that advances one second per reading, so generated logs are byte-identical run to run. */
final class StepClock extends Clock {
    private Instant next;

    StepClock(Instant start) {
        this.next = start;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public synchronized Instant instant() {
        Instant now = next;
        next = next.plusSeconds(1);
        return now;
    }
}
