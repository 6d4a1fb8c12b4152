package io.liveupdate.stream;

/**
 * An ordering point's marks, as {@link ChangeFeed} reads them to tell how far behind the database this node is.
 * Each domain's ordering point (a CDI bean) implements it for the streams it owns.
 */
public interface DeliveredMarks {

    /** The number of the stream's last change delivered on this node, or -1 for a stream this point does not own or has not heard of. */
    long delivered(String stream);
}
