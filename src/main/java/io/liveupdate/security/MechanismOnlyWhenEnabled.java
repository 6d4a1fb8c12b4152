package io.liveupdate.security;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Leaves {@link HeaderAuthenticationMechanism} out of the application while {@code liveupdate.security.enabled} is
 * false. Once an application has an authentication mechanism bean, Jakarta Security (Soteria) runs its bridge
 * around every request, even one the mechanism then ignores: a long-polling {@code /meta/connect} spent about a
 * sixth of its server CPU there (and in a JNDI lookup that Soteria lets fail, with a stack trace, on every
 * response). Without the bean no bridge is installed. The setting is read once, at deployment, as the mechanism's
 * existence cannot change later: turning security on or off takes a redeploy, which a MicroProfile Config change
 * of a deployed application takes anyway on WildFly and Payara.
 */
public class MechanismOnlyWhenEnabled implements Extension {

    private static final Logger LOG = Logger.getLogger(MechanismOnlyWhenEnabled.class.getName());
    static final String ENABLED = "liveupdate.security.enabled";

    void leaveOutWhenDisabled(@Observes ProcessAnnotatedType<HeaderAuthenticationMechanism> type) {
        if (enabled()) return;
        type.veto();
        LOG.fine(() -> ENABLED + " is false: no authentication mechanism installed");
    }

    private static boolean enabled() {
        return ConfigProvider.getConfig().getOptionalValue(ENABLED, Boolean.class).orElse(false);
    }
}
