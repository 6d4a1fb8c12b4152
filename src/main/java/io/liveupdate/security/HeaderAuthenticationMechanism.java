package io.liveupdate.security;

import io.liveupdate.input.LogSafe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.BasicAuthenticationCredential;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.logging.Logger;

/**
 * Jakarta Security authentication of every request that carries {@code Authorization: Basic} or {@code Bearer}.
 * A request without it goes on anonymously, and the application decides per calendar and channel
 * ({@link AccessControl}): that way pages, {@code /sync.js} and token-authenticated live connections need no
 * header. A wrong credential is answered 401 at once. With security off it does nothing at all.
 */
@ApplicationScoped
public class HeaderAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String CHALLENGE = "Basic realm=\"live-update\", Bearer realm=\"live-update\"";
    private static final Logger LOG = Logger.getLogger(HeaderAuthenticationMechanism.class.getName());

    @Inject
    SecuritySettings settings;
    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (!settings.enabled()) return context.doNothing();
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) return context.doNothing();
        Credential credential = credential(header.trim());
        CredentialValidationResult result = credential == null ? CredentialValidationResult.INVALID_RESULT : identityStores.validate(credential);
        if (result.getStatus() == CredentialValidationResult.Status.VALID) return context.notifyContainerAboutLogin(result);
        LOG.info(() -> "Refused a credential from " + request.getRemoteAddr() + " for " + LogSafe.quoted(request.getRequestURI()));
        response.setHeader("WWW-Authenticate", CHALLENGE);
        return context.responseUnauthorized();
    }

    private static Credential credential(String header) {
        int space = header.indexOf(' ');
        if (space < 0) return null;
        String scheme = header.substring(0, space);
        String value = header.substring(space + 1).trim();
        if (value.isEmpty()) return null;
        if (scheme.equalsIgnoreCase("Bearer")) return new TokenCredential(value);
        if (!scheme.equalsIgnoreCase("Basic")) return null;
        try {
            var basic = new BasicAuthenticationCredential(value);
            return basic.getCaller() == null ? null : basic;
        } catch (RuntimeException e) {
            return null; // not Base64, or no user:password inside
        }
    }
}
