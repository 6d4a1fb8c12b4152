package io.liveupdate.ops;

/** Bayeux traffic: {@code io.liveupdate:type=Messages,app=<context>}. Rates span the last ten seconds. */
public interface MessagesMXBean {

    /** Messages received from clients (every Bayeux message, meta ones included). */
    long getReceived();

    double getReceivedPerSecond();

    /** Messages queued for subscribers (one per subscriber a publish reached). */
    long getDelivered();

    double getDeliveredPerSecond();

    /** Messages lost with sessions cut loose at their queue bound. */
    long getDropped();

    /** Messages waiting in all sessions' queues now. */
    long getQueueDepth();

    /** The longest session queue now. */
    int getLargestQueue();

    /** The bound of each session's queue ({@code liveupdate.bayeux.max-queue}). */
    int getQueueBound();
}
