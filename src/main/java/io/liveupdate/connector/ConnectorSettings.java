package io.liveupdate.connector;

import io.liveupdate.wire.DatePattern;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The connector's settings, from the server's MicroProfile Config (system properties, environment, ...). */
@ApplicationScoped
public class ConnectorSettings {

    @Inject
    @ConfigProperty(name = "liveupdate.connector.date-format", defaultValue = "%Y-%m-%d %H:%i")
    String dateFormat;

    @Inject
    @ConfigProperty(name = "liveupdate.connector.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    /**
     * Whether the dataProcessor's legacy GET mode may save (off: such a GET is answered 405). Any site can make a
     * browser send a GET, with no Origin and no preflight; turn on only for legacy pages that cannot POST.
     */
    @Inject
    @ConfigProperty(name = "liveupdate.connector.allow-get-saves", defaultValue = "false")
    boolean allowGetSaves;

    /** The format loads write dates in, unless the request names its own with date_format. */
    public DatePattern dateFormat() {
        return new DatePattern(dateFormat);
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    public boolean allowGetSaves() {
        return allowGetSaves;
    }
}
