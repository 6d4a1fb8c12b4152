package io.liveupdate.security;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Fails the deployment, with a message that says what to set, when the settings would leave a server open to
 * anyone: {@code *} as allowed origins with security on (any page could act with its users' logins), or the
 * public {@code demo-token} for RemoteEvents outside the demo ({@code liveupdate.demo=true}, which the README's
 * {@code mvn} start sets). Refusing to start is louder than a warning nobody reads, and costs an operator one
 * setting.
 */
public class SafeDefaults implements Extension {

    private static final Logger LOG = Logger.getLogger(SafeDefaults.class.getName());
    /** The README's {@code mvn} start sets it; a server others can reach never should. */
    public static final String DEMO = "liveupdate.demo";
    static final String ALLOWED_ORIGINS = "liveupdate.security.allowed-origins";

    void check(@Observes AfterDeploymentValidation validation) {
        Config config = ConfigProvider.getConfig();
        boolean security = config.getOptionalValue(MechanismOnlyWhenEnabled.ENABLED, Boolean.class).orElse(false);
        boolean demo = config.getOptionalValue(DEMO, Boolean.class).orElse(false);
        String origins = config.getOptionalValue(ALLOWED_ORIGINS, String.class).orElse("");
        // Unset, the demo token is the default only in the demo (RemoteEvents' settings), so only a configured one can be wrong.
        List<String> remoteTokens = config.getOptionalValue(RemoteTokens.SETTING, String.class)
                .map(RemoteTokens::parse).orElse(demo ? List.of(RemoteTokens.DEMO_TOKEN) : List.of());
        for (String problem : problems(security, AllowedOrigins.parse(origins), demo, remoteTokens)) {
            validation.addDeploymentProblem(new IllegalStateException(problem));
        }
        if (demo && !security && remoteTokens.contains(RemoteTokens.DEMO_TOKEN)) {
            LOG.warning(DEMO + "=true: RemoteEvents accepts the public " + RemoteTokens.DEMO_TOKEN + "; never on a server others can reach");
        }
    }

    /** What keeps these settings from starting; empty when they may. */
    static List<String> problems(boolean security, AllowedOrigins origins, boolean demo, List<String> remoteTokens) {
        List<String> problems = new ArrayList<>();
        if (security && origins.any()) {
            problems.add(ALLOWED_ORIGINS + "=* is refused while " + MechanismOnlyWhenEnabled.ENABLED + "=true: name the page"
                    + " origins that may use the server (e.g. https://app.example.com), or leave it unset for the server's own");
        }
        // With security on, RemoteEvents takes the users' tokens and liveupdate.remote.tokens no longer count.
        if (!security && !demo && remoteTokens.contains(RemoteTokens.DEMO_TOKEN)) {
            problems.add(RemoteTokens.SETTING + " contains the public " + RemoteTokens.DEMO_TOKEN + ":"
                    + " set your own RemoteEvents tokens, or " + DEMO + "=true to run the demo");
        }
        return problems;
    }
}
