package io.liveupdate.connector;

/** A request body over the connector's limit: answered 413 before anything is parsed or saved. */
public class RequestTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RequestTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
    }
}
