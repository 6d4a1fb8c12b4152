package io.liveupdate.it;

import static io.liveupdate.it.CatchUpIT.awaitCaughtUp;
import static io.liveupdate.it.CatchUpIT.deliveredBefore;
import static io.liveupdate.it.CatchUpIT.keepEvents;
import static io.liveupdate.it.faye.FayeClient.Transport.LONG_POLLING;
import static io.liveupdate.it.faye.FayeClient.Transport.WEBSOCKET;
import static io.liveupdate.it.faye.FayeClient.data;
import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.it.faye.FayeClient;
import io.liveupdate.it.faye.FayeEvent;
import io.liveupdate.it.support.CuttableProxy;
import io.liveupdate.it.support.LiveReplica;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * No missed change on Webix storage channels: the server numbers every stored operation ({@code ext.seq}), and Faye
 * clients with the catch-up extension (as js/webix-faye-proxy.js attaches it) whose connections a proxy cuts
 * mid-stream end up with exactly the stored items, having been handed every operation once, in order; a client too
 * far behind is told to start again and handed the stored items.
 */
class StorageCatchUpIT extends Deployed {

    private static final Logger LOG = Logger.getLogger(StorageCatchUpIT.class.getName());
    private static final int OPERATIONS = 300;

    @Test
    void storageSubscribersWhoseConnectionsAreCutGetEveryOperationOnce() throws Exception {
        String storage = "/catchup-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String stream = "storage:" + storage;
        try (var proxy = new CuttableProxy(deploymentUrl.getHost(), deploymentUrl.getPort());
                var writer = FayeClient.start("storage-writer");
                var ws = FayeClient.start("storage-ws"); var lp = FayeClient.start("storage-lp")) {
            String viaProxy = "http://127.0.0.1:" + proxy.port() + deploymentUrl.getPath() + "sync";
            writer.connect(deploymentUrl + "sync", WEBSOCKET);
            ws.connect(viaProxy, WEBSOCKET, new FayeClient.Options().catchUp().retry(0.5));
            lp.connect(viaProxy, LONG_POLLING, new FayeClient.Options().catchUp().retry(0.5));
            ws.subscribe(storage);
            lp.subscribe(storage);

            var random = new Random(5);
            List<Long> items = new ArrayList<>();
            int cuts = 0;
            long inFlight = 0;
            int nextCut = 30 + random.nextInt(40);
            for (int i = 0; i < OPERATIONS; i++) {
                // Operations whose meaning the store and the proxy agree on: insert a new item, update or delete one.
                double roll = random.nextDouble();
                String operation;
                long id;
                if (items.size() < 5 || roll < 0.45) {
                    operation = "insert";
                    id = 1_000 + i;
                    items.add(id);
                } else {
                    id = items.get(random.nextInt(items.size()));
                    operation = roll < 0.8 ? "update" : "delete";
                    if (operation.equals("delete")) items.remove(Long.valueOf(id));
                }
                assertEquals(Optional.empty(), writer.publish(storage, WebixStorageIT.webix(operation, id, data("value", "v" + i))));
                if (i == nextCut) {
                    long handed = Math.min(deliveredBefore(ws, storage, ws.events().size()), deliveredBefore(lp, storage, lp.events().size()));
                    if (proxy.cutAll() > 0) {
                        long committedAtCut = LiveReplica.committedSeqOf(stream);
                        cuts++;
                        inFlight += Math.max(0, committedAtCut - handed);
                        awaitCaughtUp(ws, storage, committedAtCut, Duration.ofSeconds(30));
                        awaitCaughtUp(lp, storage, committedAtCut, Duration.ofSeconds(30));
                    }
                    nextCut += 30 + random.nextInt(40);
                }
            }
            assertTrue(cuts >= 3, "the connections were cut " + cuts + " times");
            long committed = LiveReplica.committedSeqOf(stream);
            assertEquals(OPERATIONS, committed, "every operation was stored and numbered");
            var stored = new TreeMap<String, String>();
            WebixStorageIT.storedItems(storage).forEach((id, fields) -> stored.put(id, fields.getString("value")));
            for (var client : List.of(ws, lp)) {
                awaitCaughtUp(client, storage, committed, Duration.ofSeconds(60));
                // The probe reports a number just before the subscriber gets its message: let the last one arrive too.
                var replica = awaitItems(client, storage, stored);
                LOG.info(() -> client.name() + ": " + committed + " stored operations; " + replica);
                if (!stored.equals(replica.items)) keepEvents(client);
                assertEquals(0, replica.missed, client.name() + " missed operations: " + replica);
                assertEquals(0, replica.repeated, client.name() + " was handed operations twice: " + replica);
                assertEquals(committed, replica.lastSeq, client.name() + ": " + replica);
                assertEquals(stored, replica.items, client.name() + " shows other items than the database");
            }

            // Too far behind (here: asking from a number the storage never reached): the reload signal, and right after
            // it the stored items, which fill the emptied views again.
            assertEquals(Optional.empty(), ws.publish("/service/catchup", data("channel", storage, "lastSeq", committed + 100)));
            ws.awaitEvent(e -> e.is("reload") && storage.equals(e.json().getString("channel", null)), Duration.ofSeconds(10), "the reload signal");
            var reloaded = awaitItems(ws, storage, stored);
            assertEquals(1, reloaded.reloads);
            assertEquals(stored, reloaded.items, "after the reload, the stored items again");

            int cut = cuts;
            long flying = inFlight;
            LOG.info(() -> "FAULT storage sockets cut mid-stream: " + cut + " cuts of every client connection during " + committed
                    + " operations; in flight at the cuts: " + flying + "; lost: 0");
        }
    }

    /** The client's replica once it shows {@code stored}, or after 10 s, whatever it shows then. */
    private static StorageReplica awaitItems(FayeClient client, String storage, Map<String, String> stored) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        var replica = StorageReplica.of(client.events(), storage);
        while (!stored.equals(replica.items) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            replica = StorageReplica.of(client.events(), storage);
        }
        return replica;
    }

    /** What a Webix view fed by the faye proxy shows: items by id, applied as js/webix-faye-proxy.js applies them. */
    private static final class StorageReplica {
        final Map<String, String> items = new TreeMap<>();
        int delivered;
        int repeated;
        int missed;
        int reloads;
        long lastSeq;

        static StorageReplica of(List<FayeEvent> events, String channel) {
            var replica = new StorageReplica();
            for (FayeEvent event : events) {
                if (!channel.equals(event.json().getString("channel", null))) continue;
                if (event.is("reload")) {
                    replica.reloads++;
                    replica.lastSeq = event.json().getJsonNumber("seq").longValue();
                    replica.items.clear(); // the proxy empties its views; the server sends the stored items next
                } else if (event.is("delivered")) {
                    long seq = event.json().getJsonNumber("seq").longValue();
                    replica.delivered++;
                    if (seq <= replica.lastSeq) replica.repeated++;
                    else replica.missed += (int) (seq - replica.lastSeq - 1);
                    replica.lastSeq = Math.max(replica.lastSeq, seq);
                } else if (event.is("message") && event.dataObject() != null && event.dataObject().containsKey("operation")) {
                    var update = event.dataObject();
                    String id = update.getJsonObject("data").get("id").toString().replace("\"", "");
                    switch (update.getString("operation")) {
                        case "insert" -> replica.items.putIfAbsent(id, update.getJsonObject("data").getString("value"));
                        case "update" -> replica.items.computeIfPresent(id, (k, v) -> update.getJsonObject("data").getString("value"));
                        case "delete" -> replica.items.remove(id);
                        default -> throw new AssertionError("unexpected operation in " + update);
                    }
                }
            }
            return replica;
        }

        @Override
        public String toString() {
            return "delivered " + delivered + ", repeated " + repeated + ", missed " + missed + ", reloads " + reloads + ", last " + lastSeq
                    + ", items " + items.size();
        }
    }
}
