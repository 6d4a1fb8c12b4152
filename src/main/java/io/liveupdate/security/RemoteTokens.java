package io.liveupdate.security;

import java.util.Arrays;
import java.util.List;

/**
 * RemoteEvents' access tokens as configured: the setting, the demo's public token, how the list is read. Kept with
 * security, not with RemoteEvents, because {@link SafeDefaults} checks them before anything runs, and security
 * knows nothing of the protocols.
 */
public final class RemoteTokens {

    public static final String SETTING = "liveupdate.remote.tokens";
    /** The demo's token, public in the README: the default only in the demo ({@link SafeDefaults#DEMO}). */
    public static final String DEMO_TOKEN = "demo-token";

    private RemoteTokens() {
    }

    /** A comma-separated list; blanks around and between the commas do not count. */
    public static List<String> parse(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }
}
