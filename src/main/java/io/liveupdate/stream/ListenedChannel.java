package io.liveupdate.stream;

/**
 * A PostgreSQL notification channel besides the doorbell that this node's listener ({@link ChangeFeed}) LISTENs on
 * too, on the same connection, and what hears it: e.g. messages that are in no change log, NOTIFYed by another node
 * as they are. Implementations are CDI beans; the listener finds them all when it connects. Nothing arrives while the
 * listener is reconnecting: such a channel is at most once.
 */
public interface ListenedChannel {

    /** The channel's name, a plain lower-case SQL identifier (LISTEN takes no parameter). */
    String name();

    /**
     * One notification's payload, on the listener's thread, in the order PostgreSQL delivers them (commit order):
     * must be quick, since doorbells wait behind it. One that throws is logged and the listener carries on.
     */
    void heard(String payload);
}
