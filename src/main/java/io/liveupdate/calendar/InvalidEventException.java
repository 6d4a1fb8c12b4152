package io.liveupdate.calendar;

/** A change the rules refuse (missing date, end before start): the client is told "invalid" with the reason. */
public class InvalidEventException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidEventException(String reason) {
        super(reason);
    }
}
