package io.liveupdate.security;

import io.liveupdate.input.LogSafe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;

/**
 * The one place that decides access to calendars and storage channels, for every way in (connector, Bayeux,
 * RemoteEvents). With security off it allows everything without looking at the caller.
 */
@ApplicationScoped
public class AccessControl {

    @Inject
    SecuritySettings settings;
    @Inject
    HttpServletRequest request;

    public boolean enabled() {
        return settings.enabled();
    }

    /**
     * @param caller the identified user, if any
     * @param resource a calendar name, a channel name, or {@link Grants#EVERYTHING} for a wildcard subscription
     */
    public Decision decide(Optional<String> caller, String resource, Access access) {
        if (!settings.enabled()) return Decision.ALLOWED;
        if (caller.isEmpty()) return Decision.UNAUTHENTICATED;
        return settings.grants().allows(caller.get(), resource, access) ? Decision.ALLOWED : Decision.FORBIDDEN;
    }

    /** Throws for anything but {@link Decision#ALLOWED}, with a message that names what was refused. */
    public void require(Optional<String> caller, String resource, Access access) {
        Decision decision = decide(caller, resource, access);
        if (decision.allowed()) return;
        throw new AccessRefusedException(decision, decision == Decision.UNAUTHENTICATED
                ? "authentication required (Authorization: Basic or Bearer)"
                : caller.orElseThrow() + " may not " + access.name().toLowerCase() + " " + resource);
    }

    /** Refuses a request from a browser page whose origin is not allowed ({@link AllowedOrigins}). */
    public void requireOrigin(String origin, String host) {
        if (!settings.allowedOrigins().allows(origin, host)) {
            throw new AccessRefusedException(Decision.FORBIDDEN, "origin " + LogSafe.quoted(origin) + " is not allowed");
        }
    }

    /**
     * The caller the container authenticated for the current HTTP request ({@link HeaderAuthenticationMechanism}),
     * if any. Read from the request, not Jakarta Security's {@code SecurityContext}, whose caller principal is
     * WildFly's "anonymous" rather than null when nobody logged in.
     */
    public Optional<String> currentCaller() {
        if (!settings.enabled()) return Optional.empty();
        return Optional.ofNullable(request.getUserPrincipal()).map(Principal::getName);
    }

    /**
     * The identity of a live connection: the principal its HTTP request or WebSocket upgrade was authenticated
     * with, else the user whose token it presented.
     */
    public Optional<String> liveCaller(Principal principal, String token) {
        if (principal != null) return Optional.of(principal.getName());
        return settings.userTokens().user(token);
    }
}
