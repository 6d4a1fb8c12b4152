package io.liveupdate.calendar.connector;

import io.liveupdate.security.Access;
import io.liveupdate.security.AccessControl;
import io.liveupdate.security.AccessRefusedException;
import io.liveupdate.security.CsrfKeys;
import io.liveupdate.security.Decision;
import java.util.Map;
import java.util.Optional;

/**
 * What the caller of one request may do with one calendar; refusals are thrown and answered 401/403.
 *
 * @param csrf the {@code dhx_security} keys, when batched form saves must carry one (else empty)
 */
record CalendarGate(AccessControl access, Optional<String> caller, String calendar, Optional<CsrfKeys> csrf) {

    static final String SECURITY_KEY = "dhx_security";

    /** The key a load hands its page, for the dataProcessor to send back with batched form saves. */
    Optional<String> securityKey() {
        return csrf.map(keys -> keys.keyFor(caller.orElse(null)));
    }

    /**
     * A batched form save ({@code ids} and prefixed fields, the only mode in which the client sends the key back)
     * must carry the key its page loaded; other modes are JSON or REST calls a foreign page cannot make without
     * CORS, or are refused by their Origin.
     */
    void requireSecurityKey(Map<String, String> form) {
        if (csrf.isEmpty() || !form.containsKey("ids")) return;
        if (!csrf.get().isValid(caller.orElse(null), form.get(SECURITY_KEY))) {
            throw new AccessRefusedException(Decision.FORBIDDEN, "missing or wrong " + SECURITY_KEY + " key: reload the page");
        }
    }

    void requireRead() {
        access.require(caller, calendar, Access.READ);
    }

    /** Write access, from a page of an allowed origin (a cross-site form post is refused). */
    void requireWrite(String origin, String host) {
        access.require(caller, calendar, Access.WRITE);
        access.requireOrigin(origin, host);
    }
}
