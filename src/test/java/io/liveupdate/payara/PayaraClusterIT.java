package io.liveupdate.payara;

import static io.liveupdate.it.ClusterChecks.WITHIN;
import static io.liveupdate.it.ClusterChecks.assertSameAsLog;
import static io.liveupdate.it.ClusterChecks.awaitDoorbell;
import static io.liveupdate.it.ClusterChecks.status;
import static io.liveupdate.it.faye.FayeClient.Transport.LONG_POLLING;
import static io.liveupdate.it.faye.FayeClient.Transport.WEBSOCKET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liveupdate.it.Deployed;
import io.liveupdate.it.Http;
import io.liveupdate.it.TestCalendar;
import io.liveupdate.it.faye.FayeClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A mixed cluster (issue 12): Arquillian's WildFly node and a Payara Micro node started with the README's Payara
 * command, on the same PostgreSQL database. Each hears the other's commits through the doorbell, so a save through
 * either reaches Faye clients on both, every change once and in the calendar's log order.
 */
class PayaraClusterIT extends Deployed {

    private static PayaraMicro payara;

    @BeforeAll
    static void startPayaraNextToWildFly() throws IOException, InterruptedException {
        String dbUrl = PayaraMicro.required("it.db.url");
        Map<String, String> env = Map.of(
                "DB_HOST", "127.0.0.1",
                "DB_PORT", "5432",
                "DB_NAME", dbUrl.substring(dbUrl.lastIndexOf('/') + 1),
                "DB_USER", System.getProperty("it.db.user", "postgres"),
                "DB_PASSWORD", "postgres");
        Path log = Path.of(PayaraMicro.required("project.root"), "target", "payara-cluster-node.log");
        payara = PayaraMicro.start(PayaraMicro.ON_POSTGRES, env, log, "api/calendars/readiness/events", "{\"data\":",
                WITHIN.multipliedBy(2));
        // Ready to hear WildFly's commits only once its listener is connected: /api/health says so.
        awaitDoorbell(payara(), 200, "connected");
    }

    @AfterAll
    static void stopPayara() {
        if (payara != null) payara.close();
    }

    private static Http payara() {
        return new Http(payara.base);
    }

    @Test
    void savesThroughWildFlyAndThroughPayaraReachClientsOnBothInLogOrder() {
        var calendar = new TestCalendar(http());
        String channel = "/calendars/" + calendar.name + "/update";
        try (var onWildFly = FayeClient.start("ws-wildfly"); var onPayara = FayeClient.start("ws-payara");
                var pollingOnPayara = FayeClient.start("lp-payara")) {
            onWildFly.connect(deploymentUrl + "sync", WEBSOCKET);
            onPayara.connect(payara.base + "sync", WEBSOCKET);
            pollingOnPayara.connect(payara.base + "sync", LONG_POLLING);
            var clients = List.of(onWildFly, onPayara, pollingOnPayara);
            for (var client : clients) client.subscribe(channel);

            long id = calendar.insert("2025-06-02 09:00", "2025-06-02 10:00", "saved on WildFly");
            for (var client : List.of(onPayara, pollingOnPayara)) {
                var update = client.awaitMessage(channel, status(id, "inserted"), WITHIN).dataObject();
                assertEquals("saved on WildFly", update.getJsonObject("data").getString("text"));
            }

            var answer = Http.json(payara().put(calendar.url + "/" + id, Http.JSON,
                    "{\"text\":\"moved on Payara\",\"start_date\":\"2025-06-02 11:00\",\"end_date\":\"2025-06-02 12:00\"}"));
            assertEquals("updated", answer.getString("action"), answer.toString());
            var moved = onWildFly.awaitMessage(channel, status(id, "updated"), WITHIN).dataObject();
            assertEquals("moved on Payara", moved.getJsonObject("data").getString("text"));

            // Saves alternating between the two servers: every client sees the one log.
            for (int i = 0; i < 20; i++) {
                Http node = i % 2 == 0 ? http() : payara();
                var inserted = Http.json(node.post(calendar.url, Http.JSON,
                        "{\"start_date\":\"2025-06-03 09:00\",\"end_date\":\"2025-06-03 10:00\",\"text\":\"save " + i + "\"}"));
                assertEquals("inserted", inserted.getString("action"), inserted.toString());
            }
            payara().delete(calendar.url + "/" + id);
            assertSameAsLog(calendar, channel, clients);
        }
    }
}
