package io.liveupdate.bayeux.transport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The transports' own settings, from MicroProfile Config. */
@ApplicationScoped
public class TransportSettings {

    static final String JSONP = "liveupdate.bayeux.jsonp";

    /**
     * Off by default: a JSONP answer is a script any page may load, and a script load sends no {@code Origin}, so
     * the allowed origins cannot apply to it. Faye uses callback-polling only where neither WebSockets nor
     * (cross-origin) long-polling work, i.e. in browsers without CORS.
     */
    @Inject
    @ConfigProperty(name = JSONP, defaultValue = "false")
    boolean jsonp;

    /** Whether callback-polling (JSONP GET) is served and advertised. */
    public boolean jsonp() {
        return jsonp;
    }
}
