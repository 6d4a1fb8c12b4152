package io.liveupdate.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.Optional;

/**
 * Jakarta Security identity store over the configured users: passwords checked by the platform's
 * {@link Pbkdf2PasswordHash}, tokens by {@link UserTokens}. An unknown user costs the same hash verification as a
 * known one, so response times do not tell which user names exist.
 */
@ApplicationScoped
public class ConfigIdentityStore implements IdentityStore {

    @Inject
    SecuritySettings settings;
    @Inject
    Pbkdf2PasswordHash passwordHash;

    private String decoy;

    @PostConstruct
    void init() {
        passwordHash.initialize(Map.of());
        decoy = passwordHash.generate("no such user".toCharArray());
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential password) {
            Optional<String> stored = settings.passwordHashes().hashOf(password.getCaller());
            boolean matches = passwordHash.verify(password.getPassword().getValue(), stored.orElse(decoy));
            return matches && stored.isPresent() ? new CredentialValidationResult(password.getCaller()) : CredentialValidationResult.INVALID_RESULT;
        }
        if (credential instanceof TokenCredential token) {
            return settings.userTokens().user(token.token()).map(CredentialValidationResult::new).orElse(CredentialValidationResult.INVALID_RESULT);
        }
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
}
