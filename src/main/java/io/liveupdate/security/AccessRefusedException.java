package io.liveupdate.security;

/** A request the caller may not make: 401 when nobody is identified, 403 when the caller lacks the grant. */
public class AccessRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final Decision decision;

    public AccessRefusedException(Decision decision, String message) {
        super(message);
        if (decision.allowed()) throw new IllegalArgumentException("not a refusal");
        this.decision = decision;
    }

    public Decision decision() {
        return decision;
    }
}
