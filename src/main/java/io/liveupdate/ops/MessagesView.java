package io.liveupdate.ops;

import io.liveupdate.bayeux.BayeuxFigures;

final class MessagesView implements MessagesMXBean {

    private final BayeuxFigures bayeux;
    private final OpsMetrics metrics;

    MessagesView(BayeuxFigures bayeux, OpsMetrics metrics) {
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
        return bayeux.queuedMessages();
    }

    @Override
    public int getLargestQueue() {
        return bayeux.largestQueue();
    }

    @Override
    public int getQueueBound() {
        return bayeux.queueBound();
    }
}
