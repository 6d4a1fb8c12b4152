package io.liveupdate.stream;

import io.liveupdate.input.LogSafe;
import io.liveupdate.persistence.ChangeLog;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * This node's ear for the changes other nodes commit: on PostgreSQL, one thread LISTENs for the doorbells
 * {@link ChangeLog#append} rings ({@code "<seq>:<epoch> <stream>"}) on a connection of its own and hands each to its
 * stream's lane ({@link StreamLanes}), which fires it as {@link StreamPositions} on a thread of the lanes: the log
 * read and the fan-out run there, one at a time per stream, so the listener only listens, a burst of doorbells heard
 * while a stream is busy costs one log read, and one stream's slow delivery holds up no other's. Every
 * {@value #CHECK_SECONDS} seconds, and after every (re)connect, the listener fires the database's last number of
 * every stream too, which repairs a doorbell that never arrived (the connection broke, the database restarted). On (re)connect it LISTENs first and compares second, so nothing committed in between
 * can fall through. A lost connection is opened again after a back-off of up to {@value #MAX_BACKOFF_SECONDS} s.
 * Notifications on the other channels it LISTENs on ({@link ListenedChannel}) go to the beans listening there.
 *
 * <p>The embedded H2 of the {@code mvn} start has no doorbell: there the node is alone, and its own commits reach
 * its ordering points directly. MariaDB has none either, but nodes may share it: there only the periodic check runs.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class.getName());
    static final int CHECK_SECONDS = 3;
    private static final int WAIT_MILLIS = 500;
    private static final int MAX_BACKOFF_SECONDS = 5;
    /** Streams delivered side by side at most; more wait their turn (one lane runs on one thread at a time). */
    private static final int LANE_THREADS = 4;

    @Resource
    ManagedThreadFactory threads;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    ChangeLog log;

    @Inject
    Event<StreamPositions> positions;

    @Inject
    Instance<DeliveredMarks> marks;

    @Inject
    Instance<ListenedChannel> otherChannels;

    private final ListenerState state = new ListenerState(Instant.now());

    private ExecutorService laneThreads;
    private StreamLanes lanes;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread listener;

    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        boolean shared;
        try {
            shared = log.isShared();
        } catch (RuntimeException e) {
            // The database is down at start; PostgreSQL is what every server but the embedded demo runs on.
            LOG.warning("Cannot tell which database the change log is on (" + e.getMessage() + "); listening for other nodes' changes");
            shared = true;
        }
        if (!shared && log.isPolled()) {
            startThread(this::poll);
            return;
        }
        if (!shared) {
            LOG.info("Change log on an embedded database: single node, no doorbell listener");
            state.notUsed(Instant.now());
            return;
        }
        startThread(this::listen);
    }

    private void startThread(Runnable work) {
        running = true;
        laneThreads = laneThreads();
        lanes = new StreamLanes(laneThreads, this::deliver);
        listener = threads.newThread(work);
        listener.setName("liveupdate-doorbell");
        listener.start();
    }

    /**
     * The lanes' threads: a pool of their own rather than the server's managed executor, whose few threads a local
     * commit waits on for its log read while it holds its stream's mark ({@code CalendarOrder}); lanes waiting for
     * such marks must never be what that read queues behind.
     */
    private ExecutorService laneThreads() {
        var named = new AtomicInteger();
        var pool = new ThreadPoolExecutor(LANE_THREADS, LANE_THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = threads.newThread(task);
            thread.setName("liveupdate-lane-" + named.incrementAndGet());
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** What the listener is doing and how far behind the database this node's marks are: the hook health and the console read. */
    public ListenerStatus status() {
        return state.status();
    }

    /** Whether the listener is connected and LISTENing now. */
    public boolean isListening() {
        return listening;
    }

    private void listen() {
        int backoffSeconds = 1;
        while (running) {
            try (var connection = DoorbellConnection.open(DatabaseAddress.of(dataSource), applicationName())) {
                connection.listen(ChangeLog.DOORBELL);
                for (ListenedChannel channel : otherChannels) connection.listen(channel.name());
                listening = true;
                LOG.info("Listening for changes from other nodes");
                reconcile();
                backoffSeconds = 1;
                long nextCheck = System.nanoTime() + CHECK_SECONDS * 1_000_000_000L;
                while (running) {
                    for (var heard : connection.await(WAIT_MILLIS)) {
                        if (ChangeLog.DOORBELL.equals(heard.channel())) rang(heard.payload());
                        else handOver(heard);
                    }
                    if (System.nanoTime() - nextCheck >= 0) {
                        if (!connection.isValid()) throw new SQLException("the listening connection no longer answers");
                        reconcile();
                        nextCheck = System.nanoTime() + CHECK_SECONDS * 1_000_000_000L;
                    }
                }
            } catch (LinkageError e) {
                state.lost(Instant.now(), "no PostgreSQL driver visible to the application: " + e);
                LOG.severe("No PostgreSQL driver visible to the application (" + e + "): this node hears no other node's changes");
                return;
            } catch (Exception e) {
                if (!running) break;
                state.lost(Instant.now(), e.getMessage());
                int wait = backoffSeconds;
                LOG.log(Level.WARNING, "Doorbell listener lost (" + e.getMessage() + "); reconnecting in " + wait + " s", LOG.isLoggable(Level.FINE) ? e : null);
                if (!pause(wait)) break;
                backoffSeconds = Math.min(backoffSeconds * 2, MAX_BACKOFF_SECONDS);
            } finally {
                listening = false;
            }
        }
    }

    /**
     * MariaDB has no LISTEN/NOTIFY: the periodic check alone brings the other nodes' changes, within
     * {@value #CHECK_SECONDS} s. A failed check counts as a lost connection (health); the next one repairs it.
     */
    private void poll() {
        LOG.info("Change log on MariaDB: no doorbell; checking for other nodes' changes every " + CHECK_SECONDS + " s");
        while (running) {
            try {
                reconcile();
            } catch (RuntimeException e) {
                state.lost(Instant.now(), e.getMessage());
                LOG.log(Level.WARNING, "Checking for other nodes' changes failed (" + e.getMessage() + "); trying again in " + CHECK_SECONDS + " s",
                        LOG.isLoggable(Level.FINE) ? e : null);
            }
            if (!pause(CHECK_SECONDS)) break;
        }
    }

    /** A doorbell ({@link Doorbell}); anything else is logged and ignored (the periodic check still sees it). */
    private void rang(String payload) {
        var doorbell = Doorbell.parse(payload);
        if (doorbell.isEmpty()) {
            LOG.warning(() -> "Ignored a doorbell that is not \"<seq>:<epoch> <stream>\": " + LogSafe.quoted(payload));
            return;
        }
        Doorbell rung = doorbell.get();
        lanes.heard(rung.stream(), rung.seq(), rung.epoch());
    }

    /** On the stream's lane: the ordering points deliver its changes up to {@code seq}. */
    private void deliver(String stream, long seq, String epoch) {
        fire(new StreamPositions(Map.of(stream, seq), false, epoch == null ? Map.of() : Map.of(stream, epoch)));
    }

    /** A notification on one of the {@link ListenedChannel}s, to the bean that listens there. */
    private void handOver(DoorbellConnection.Heard heard) {
        for (ListenedChannel channel : otherChannels) {
            if (!channel.name().equals(heard.channel())) continue;
            try {
                channel.heard(heard.payload());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A notification on " + heard.channel() + " could not be handled", e);
            }
        }
    }

    /**
     * Compares every stream with the database; a check that delivered what it found counts as successful. It runs on
     * the listener's thread, not in the lanes: it waits for a stream's delivery in progress (the stream's mark), never
     * for what a lane has queued, and it tells the health of this listener's connection.
     */
    private void reconcile() {
        var positions = StreamPositions.of(log.heads());
        if (fire(positions)) state.checked(Instant.now(), lag(positions.lastSeqs()));
    }

    /** How many changes the ordering points are behind the database's numbers, summed over the streams they own. */
    private long lag(Map<String, Long> lastSeqs) {
        long behind = 0;
        for (var stream : lastSeqs.entrySet()) {
            long delivered = -1;
            for (DeliveredMarks point : marks) delivered = Math.max(delivered, point.delivered(stream.getKey()));
            if (delivered >= 0) behind += Math.max(0, stream.getValue() - delivered);
        }
        return behind;
    }

    private boolean fire(StreamPositions event) {
        try {
            positions.fire(event);
            return true;
        } catch (RuntimeException e) {
            // An ordering point that cannot read the log now catches up at the next check.
            LOG.log(Level.WARNING, "Delivering changes from other nodes failed; the next check repairs it", e);
            return false;
        }
    }

    private boolean pause(int seconds) {
        try {
            Thread.sleep(seconds * 1000L); // the back-off of a reconnect loop on its own thread, not a test's wait
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String applicationName() {
        return "liveupdate-doorbell " + System.getProperty("jboss.node.name", "");
    }

    @PreDestroy
    void stop() {
        running = false;
        Thread thread = listener;
        if (thread == null) return;
        thread.interrupt();
        try {
            thread.join(WAIT_MILLIS * 4L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The listener hands the lanes nothing more; what they already have finishes (a delivery or two at most).
        laneThreads.shutdown();
    }
}
