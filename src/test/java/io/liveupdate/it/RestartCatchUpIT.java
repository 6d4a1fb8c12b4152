package io.liveupdate.it;

import static io.liveupdate.it.CatchUpIT.assertExact;
import static io.liveupdate.it.CatchUpIT.channelOf;
import static io.liveupdate.it.CatchUpIT.deliveredBefore;
import static io.liveupdate.it.faye.FayeClient.Transport.LONG_POLLING;
import static io.liveupdate.it.faye.FayeClient.Transport.WEBSOCKET;

import io.liveupdate.it.faye.FayeClient;
import io.liveupdate.it.support.CalendarWriter;
import io.liveupdate.it.support.LiveReplica;
import io.liveupdate.it.support.Management;
import java.net.URI;
import java.time.Duration;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * No missed change across a redeploy of the WAR and a reload of WildFly, with saves going on throughout: every Bayeux
 * session and socket ends with the server, the Faye clients re-handshake on their own, re-subscribe with the number
 * of the last change they have, and are handed the rest from the change log.
 */
class RestartCatchUpIT extends Deployed {

    private static final Logger LOG = Logger.getLogger(RestartCatchUpIT.class.getName());

    @Test
    void redeployingTheWarLosesNothing() throws Exception {
        restartDuringSaves("WAR redeployed", () -> Management.redeploy("live-update.war"));
    }

    @Test
    void reloadingWildFlyLosesNothing() throws Exception {
        restartDuringSaves("WildFly reloaded", Management::reload);
    }

    interface Fault {
        void inject() throws Exception;
    }

    private void restartDuringSaves(String what, Fault fault) throws Exception {
        var calendar = new TestCalendar(http());
        String channel = channelOf(calendar);
        String sync = deploymentUrl.toString() + "sync";
        try (var ws = FayeClient.start("restart-ws"); var lp = FayeClient.start("restart-lp")) {
            ws.connect(sync, WEBSOCKET, new FayeClient.Options().catchUp().retry(0.5));
            lp.connect(sync, LONG_POLLING, new FayeClient.Options().catchUp().retry(0.5));
            ws.subscribe(channel);
            lp.subscribe(channel);
            try (var writer = new CalendarWriter(http(), calendar, 100).start(Integer.MAX_VALUE)) {
                while (writer.committed() < 100) Thread.sleep(50);
                long handed = Math.min(deliveredBefore(ws, channel, ws.events().size()), deliveredBefore(lp, channel, lp.events().size()));
                fault.inject();
                Management.awaitUp(URI.create(deploymentUrl + calendar.url), Duration.ofSeconds(180));
                long inFlight = LiveReplica.committedSeq(calendar.name) - handed;
                int before = writer.committed();
                while (writer.committed() < before + 100) Thread.sleep(50);
                writer.close();
                var wsReplica = assertExact("websocket client", ws, calendar);
                var lpReplica = assertExact("long-polling client", lp, calendar);
                long total = LiveReplica.committedSeq(calendar.name);
                LOG.info(() -> "FAULT " + what + " during saves: " + total + " changes, " + inFlight
                        + " in flight (committed, not yet handed to a client, when the server went away or before it was back); "
                        + writer.failed() + " saves refused while it was away; websocket " + wsReplica + "; long-polling " + lpReplica
                        + "; lost: " + (wsReplica.missed + lpReplica.missed));
            }
        }
    }
}
