package io.liveupdate.remote;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs a database outage once when it starts and once when it ends, however many reads and writes fail in between
 * (every subscribe and every write interval would otherwise add a stack trace).
 */
final class OutageLog {

    private final Logger log;
    private final String what;
    private final AtomicBoolean down = new AtomicBoolean();

    OutageLog(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    void failed(String consequence, RuntimeException e) {
        if (down.compareAndSet(false, true)) log.log(Level.WARNING, what + " failed; " + consequence + " until the database answers again", e);
        else log.fine(() -> what + " still failing: " + e.getMessage());
    }

    void succeeded() {
        if (down.compareAndSet(true, false)) log.info(() -> what + " works again");
    }

    boolean isDown() {
        return down.get();
    }
}
