package io.liveupdate.security;

import java.util.Optional;

/**
 * What the caller of one connector request may do with one resource (a calendar, a Gantt chart); refusals are
 * thrown and answered 401/403. Shared by every dhtmlx connector, so all of them apply the same write rules.
 *
 * @param resource what a grant must name (see {@link Grants})
 * @param csrf the {@code dhx_security} keys, when every save must carry one (else empty)
 */
public record SaveGate(AccessControl access, Optional<String> caller, String resource, Optional<CsrfKeys> csrf) {

    public static final String SECURITY_KEY = "dhx_security";
    /**
     * The header a save of a JSON or REST mode carries the key in (the dataProcessor sends {@value #SECURITY_KEY}
     * only in a batched form; other modes send headers set with {@code setTransactionMode({headers})}).
     */
    public static final String SECURITY_KEY_HEADER = "X-Dhx-Security";
    public static final String FETCH_SITE_HEADER = "Sec-Fetch-Site";

    /** The key a load hands its page, for the dataProcessor to send back with its saves. */
    public Optional<String> securityKey() {
        return csrf.map(keys -> keys.keyFor(caller.orElse(null)));
    }

    /**
     * Every save, in whatever mode and with whatever Content-Type, must carry the key its page loaded: in the form
     * ({@value #SECURITY_KEY}) or in the {@value #SECURITY_KEY_HEADER} header. A page of another site can make the
     * browser send a save (a form post, a text/plain fetch, an image's GET), but cannot read a load to learn the key.
     *
     * @param formKey the key the save's form carried, or null
     * @param headerKey the {@value #SECURITY_KEY_HEADER} header, or null
     */
    public void requireSecurityKey(String formKey, String headerKey) {
        if (csrf.isEmpty()) return;
        String caller = this.caller.orElse(null);
        if (!csrf.get().isValid(caller, formKey) && !csrf.get().isValid(caller, headerKey)) {
            throw new AccessRefusedException(Decision.FORBIDDEN, "missing or wrong " + SECURITY_KEY + " key (form field "
                    + SECURITY_KEY + " or header " + SECURITY_KEY_HEADER + "): reload the page");
        }
    }

    public void requireRead() {
        access.require(caller, resource, Access.READ);
    }

    /**
     * Write access, from a page of an allowed origin (a cross-site form post is refused). A browser marks a request
     * another site's page made with {@code Sec-Fetch-Site: cross-site}; an image's or a link's GET carries no
     * {@code Origin} to check, so such a request must name an origin, and an allowed one.
     *
     * @param fetchSite the request's {@value #FETCH_SITE_HEADER} header, or null (older browsers, other clients)
     */
    public void requireWrite(String origin, String host, String fetchSite) {
        access.require(caller, resource, Access.WRITE);
        if ("cross-site".equalsIgnoreCase(fetchSite == null ? null : fetchSite.trim()) && origin == null) {
            throw new AccessRefusedException(Decision.FORBIDDEN, "a save from another site's page must come from an allowed origin");
        }
        access.requireOrigin(origin, host);
    }
}
