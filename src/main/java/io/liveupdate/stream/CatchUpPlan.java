package io.liveupdate.stream;

import io.liveupdate.persistence.LoggedChange;

/**
 * What a client that was away gets, as {@link CatchUp} decided it from the change log: each protocol adapter says
 * it in its own words (Bayeux: {@code ext.position}, the replayed messages, {@code ext.reload}; RemoteEvents: the
 * replayed events, or nothing and a log line, since its client cannot be told to reload).
 */
public sealed interface CatchUpPlan {

    /** The stream's last number and epoch when the plan was made: where a client stands once it follows the plan. */
    long seq();

    /** The epoch {@link #seq()} counts in; null for a stream without one. */
    String epoch();

    /** The client has every change: it stands at {@code seq}. */
    record UpToDate(long seq, String epoch) implements CatchUpPlan {
    }

    /**
     * The client missed changes that are all kept and few enough: send it {@code changes} (those after {@code from},
     * oldest first, read from the log in batches as they are iterated, each with its epoch; changes committed since
     * the plan was made may follow {@code seq}), then where the last one sent leaves it.
     */
    record Replay(long from, long seq, String epoch, Iterable<LoggedChange> changes) implements CatchUpPlan {
    }

    /**
     * What the client missed cannot be sent: it must start again from the present, {@code seq}. Which protocol can
     * say so, and how, is the adapter's business.
     */
    record Reload(long seq, String epoch, Reason reason) implements CatchUpPlan {
    }

    /** Why a client cannot be caught up, in the order they are checked. */
    enum Reason {
        /** Its number counts in another epoch than the stream's: the database was reset or restored since. */
        OTHER_EPOCH,
        /** Its number is beyond the stream's last one (a database restored from an older backup, without epochs). */
        AHEAD,
        /** Changes it missed are no longer kept. */
        TRIMMED,
        /** It missed more changes than it may be sent at once. */
        TOO_MANY
    }
}
