package io.liveupdate.it.security;

import io.liveupdate.it.Deployed;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The real WAR with security switched on, deployed next to (not instead of) the others at {@code /secured}: its own
 * {@code microprofile-config.properties} and a context root of its own. Users: alice reads and writes calendar
 * {@code sec-a}, storage {@code /sec-chat} and Gantt chart {@code sec-g} (grant {@code gantt:sec-g}); bob only reads them;
 * carol has a grant on {@code sec-b} only.
 * Limits are small, so each can be reached by a test.
 */
final class SecuredWar {

    static final String ALICE_PASSWORD = "alice-Pa55word";
    static final String ALICE_TOKEN = "alice-7f3c1e9a5b2d4086a1c3e5f7";
    static final String BOB_TOKEN = "bob-0e4d8b2a6c1f3957b8d0e2f4";
    static final String CAROL_TOKEN = "carol-5a9e3c7b1d2f4068a0b2c4d6";
    /** A chart's grant names {@code gantt:<name>}, apart from the calendar of the same name. */
    static final String GANTT = "sec-g";
    static final String GANTT_GRANT = "gantt:" + GANTT;
    static final String ALLOWED_ORIGIN = "https://app.example";
    static final int MAX_SUBSCRIPTIONS = 3;
    static final int PUBLISHES_PER_SECOND = 5;
    static final int MAX_BATCH = 50;
    static final int MAX_SESSIONS_PER_ADDRESS = 40;

    private SecuredWar() {
    }

    static WebArchive war() {
        String config = String.join("\n",
                "liveupdate.security.enabled=true",
                "liveupdate.security.users=alice=" + pbkdf2(ALICE_PASSWORD),
                "liveupdate.security.tokens=alice=" + ALICE_TOKEN + ",bob=" + BOB_TOKEN + ",carol=" + CAROL_TOKEN,
                "liveupdate.security.grants=alice:sec-a:rw,alice:/sec-chat:rw,bob:sec-a:r,bob:/sec-chat:r,carol:sec-b:rw,"
                        + "alice:" + GANTT_GRANT + ":rw,bob:" + GANTT_GRANT + ":r",
                "liveupdate.security.csrf=true",
                "liveupdate.security.allowed-origins=" + ALLOWED_ORIGIN,
                "liveupdate.security.max-subscriptions-per-session=" + MAX_SUBSCRIPTIONS,
                "liveupdate.security.publishes-per-second=" + PUBLISHES_PER_SECOND,
                "liveupdate.security.max-batch-messages=" + MAX_BATCH,
                "liveupdate.security.max-sessions-per-address=" + MAX_SESSIONS_PER_ADDRESS,
                "");
        return Deployed.realWar()
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(new StringAsset("<jboss-web xmlns=\"urn:jboss:jakartaee:1.0\" version=\"15.0\">"
                        + "<context-root>/secured</context-root></jboss-web>"), "jboss-web.xml");
    }

    /**
     * A hash in the format Jakarta Security's Pbkdf2PasswordHash verifies ({@code algorithm:iterations:salt:hash},
     * Base64), made with the JDK's own PBKDF2 as an operator would with any tool.
     */
    static String pbkdf2(String password) {
        try {
            byte[] salt = new byte[32];
            new SecureRandom().nextBytes(salt);
            var spec = new PBEKeySpec(password.toCharArray(), salt, 2048, 256);
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            var base64 = Base64.getEncoder();
            return "PBKDF2WithHmacSHA256:2048:" + base64.encodeToString(salt) + ":" + base64.encodeToString(hash);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
