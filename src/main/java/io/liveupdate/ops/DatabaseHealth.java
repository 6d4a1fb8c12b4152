package io.liveupdate.ops;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** The application's database, probed on demand; logs one line when it goes down and one when it is back. */
@ApplicationScoped
public class DatabaseHealth {

    private static final Logger LOG = Logger.getLogger(DatabaseHealth.class.getName());

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;
    @Inject
    OpsSettings settings;

    private DatabaseProbe probe;
    private final AtomicReference<Boolean> lastUp = new AtomicReference<>();

    @PostConstruct
    void init() {
        probe = new DatabaseProbe(dataSource, settings.healthTimeoutSeconds());
    }

    /**
     * Created at startup, on a deployment thread: the server's health endpoint calls {@link #check} on a management
     * thread, where {@code java:comp} does not resolve, so the datasource must be injected before that.
     */
    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        // nothing else to do: being created is the point
    }

    public DatabaseStatus check() {
        DatabaseStatus status = probe.probe();
        Boolean before = lastUp.getAndSet(status.up());
        if (!status.up() && !Boolean.FALSE.equals(before)) LOG.severe(() -> "Database unreachable: " + status.problem());
        if (status.up() && Boolean.FALSE.equals(before)) LOG.info("Database reachable again");
        return status;
    }
}
