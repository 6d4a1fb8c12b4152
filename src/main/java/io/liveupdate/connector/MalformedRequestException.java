package io.liveupdate.connector;

/** A request the connector cannot read at all (bad JSON, bad form encoding, bad range): answered 400. */
public class MalformedRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedRequestException(String message) {
        super(message);
    }
}
