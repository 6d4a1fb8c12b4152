package io.liveupdate.ops;

import io.liveupdate.bayeux.BayeuxServer;
import io.liveupdate.bayeux.ServerSession;

final class MessagesView implements MessagesMXBean {

    private final BayeuxServer bayeux;
    private final OpsMetrics metrics;

    MessagesView(BayeuxServer bayeux, OpsMetrics metrics) {
        this.bayeux = bayeux;
        this.metrics = metrics;
    }

    @Override
    public long getReceived() {
        return metrics.bayeux().received.sum();
    }

    @Override
    public double getReceivedPerSecond() {
        return metrics.receivedRate().perSecond();
    }

    @Override
    public long getDelivered() {
        return metrics.bayeux().delivered.sum();
    }

    @Override
    public double getDeliveredPerSecond() {
        return metrics.deliveredRate().perSecond();
    }

    @Override
    public long getDropped() {
        return metrics.bayeux().dropped.sum();
    }

    @Override
    public long getQueueDepth() {
        return bayeux.sessions().stream().mapToLong(ServerSession::queued).sum();
    }

    @Override
    public int getLargestQueue() {
        return bayeux.sessions().stream().mapToInt(ServerSession::queued).max().orElse(0);
    }

    @Override
    public int getQueueBound() {
        return bayeux.settings().maxQueue();
    }
}
