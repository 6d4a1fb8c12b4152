package io.liveupdate.it;

import static io.liveupdate.it.faye.FayeClient.Transport.WEBSOCKET;
import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.it.faye.FayeClient;
import io.liveupdate.it.support.Management;
import io.liveupdate.it.support.PrometheusScrape;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The live figures where a Prometheus scraper reads them: WildFly's Micrometer subsystem (added by
 * server-config/wildfly-metrics.cli) on the management interface, {@code /prometheus}. They move with a real Faye
 * client and a real save, carry no per-session labels, and after a redeploy read the new deployment, once each.
 */
class MetricsIT extends Deployed {

    private static final String DEPLOYMENT = "live-update.war";
    private static final URI SCRAPE = URI.create("http://127.0.0.1:" + Integer.getInteger("it.management.port", 9990) + "/prometheus");
    /** Labels a live-update series may carry: ours and WildFly's deployment tag; never a session, calendar or address. */
    private static final Set<String> ALLOWED_LABELS = Set.of("transport", "state", "WF_DEPLOYMENT");

    @Test
    void aFayeSessionAndASaveShowInTheScrape() {
        PrometheusScrape before = PrometheusScrape.of(SCRAPE);
        try (var faye = FayeClient.start("metrics")) {
            connectOverWebSocket(faye, deploymentUrl + "sync");
            var calendar = new TestCalendar(http());
            String channel = "/calendars/" + calendar.name + "/update";
            faye.subscribe(channel);
            long id = calendar.insert("2025-05-01 09:00", "2025-05-01 10:00", "scraped");
            faye.awaitMessage(channel, d -> "inserted".equals(d.getString("status", "")), Duration.ofSeconds(5));

            PrometheusScrape during = PrometheusScrape.of(SCRAPE);
            System.out.println("Scrape of " + SCRAPE + " (live-update's series):");
            during.startingWith("liveupdate_").forEach((series, value) -> System.out.println("  " + series + " " + value));

            assertTrue(value(during, "liveupdate_sessions", "transport", "websocket") >= 1, "the WebSocket client is counted");
            assertTrue(value(during, "liveupdate_subscriptions") >= 1);
            assertTrue(grew(before, during, "liveupdate_sessions_opened_total") >= 1);
            assertTrue(grew(before, during, "liveupdate_messages_received_total") >= 2, "a handshake and a subscribe at least");
            assertTrue(grew(before, during, "liveupdate_messages_delivered_total") >= 1, "the insert reached the subscriber");
            assertEquals(1, grew(before, during, "liveupdate_save_seconds_count"), "the insert was timed, once");
            assertTrue(grew(before, during, "liveupdate_save_seconds_sum") > 0, "in seconds, more than none");
            assertTrue(value(during, "liveupdate_save_seconds_sum") < 600, "seconds, not milliseconds or nanoseconds");
            assertTrue(grew(before, during, "liveupdate_broadcast_seconds_count") >= 1, "its broadcast was timed");
            assertTrue(value(during, "liveupdate_save_recent_max_seconds") > 0);
            assertEquals(0, grew(before, during, "liveupdate_messages_dropped_total"), "nothing was dropped");
            assertTrue(value(during, "liveupdate_queue_bound_messages") >= 1);
            assertEquals(1, value(during, "liveupdate_doorbell_up"), "the test server runs on PostgreSQL: its listener is up");
            assertEquals(1, value(during, "liveupdate_doorbell_state", "state", "connected"));
            assertEquals(0, value(during, "liveupdate_doorbell_state", "state", "reconnecting"));
            assertEquals(0, value(during, "liveupdate_doorbell_lag_changes"));

            during.startingWith("liveupdate_").keySet().forEach(series -> {
                assertTrue(ALLOWED_LABELS.containsAll(PrometheusScrape.labels(series).keySet()), "no per-session labels: " + series);
                assertEquals(DEPLOYMENT, PrometheusScrape.labels(series).get("WF_DEPLOYMENT"), series);
            });
            http().delete(calendar.url + "/" + id);
        }
    }

    @Test
    void afterARedeployEveryFigureReadsTheNewDeploymentOnce() throws Exception {
        var calendar = new TestCalendar(http());
        long id = calendar.insert("2025-05-02 09:00", "2025-05-02 10:00", "before the redeploy");
        PrometheusScrape before = PrometheusScrape.of(SCRAPE);
        assertTrue(value(before, "liveupdate_save_seconds_count") >= 1);
        int series = before.startingWith("liveupdate_").size();

        Management.redeploy(DEPLOYMENT);
        Management.awaitUp(URI.create(deploymentUrl + calendar.url), Duration.ofSeconds(180));

        PrometheusScrape fresh = PrometheusScrape.of(SCRAPE);
        assertEquals(series, fresh.startingWith("liveupdate_").size(),
                () -> "the same series, none left behind or doubled: " + fresh.startingWith("liveupdate_").keySet());
        assertEquals(0, value(fresh, "liveupdate_save_seconds_count"), "a new deployment has saved nothing yet, not the old figure");
        calendar.insert("2025-05-02 11:00", "2025-05-02 12:00", "after the redeploy");
        assertEquals(1, value(PrometheusScrape.of(SCRAPE), "liveupdate_save_seconds_count"), "the meter reads the new deployment's timer");
        http().delete(calendar.url + "/" + id);
    }

    /** Faye falls back to long-polling when its WebSocket probe is slow (an overloaded machine); try again then. */
    private static void connectOverWebSocket(FayeClient client, String url) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.connect(url, WEBSOCKET);
                return;
            } catch (AssertionError fellBack) {
                if (attempt == 3 || !String.valueOf(fellBack.getMessage()).contains("but Faye sent /meta/connect over")) throw fellBack;
                client.disconnect();
            }
        }
    }

    private static double value(PrometheusScrape scrape, String name, String... labels) {
        return scrape.value(name, labels);
    }

    private static double grew(PrometheusScrape before, PrometheusScrape after, String name) {
        return after.value(name) - before.value(name);
    }
}
