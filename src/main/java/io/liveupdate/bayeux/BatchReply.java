package io.liveupdate.bayeux;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What one batch produced. Replies to everything but {@code /meta/connect} are ready at once; connect replies
 * may be held, and arrive followed by the events they carry.
 *
 * <p>A push transport sends {@link #immediate()} now and {@link #held()} when it completes. A request/response
 * transport answers the request with {@link #all()}. Held replies complete on whichever thread releases them (a
 * publisher, a timer, a disconnect): dependants must not block there, so write with the async variants.
 */
public final class BatchReply {

    private final List<FrozenMessage> immediate;
    private final CompletableFuture<List<FrozenMessage>> held;

    BatchReply(List<FrozenMessage> immediate, List<CompletableFuture<List<FrozenMessage>>> connects) {
        this.immediate = List.copyOf(immediate);
        CompletableFuture<List<FrozenMessage>> all = CompletableFuture.completedFuture(List.of());
        for (var connect : connects) all = all.thenCombine(connect, BatchReply::concat);
        this.held = all;
    }

    /** Replies that are ready now, in the order of the requests. */
    public List<FrozenMessage> immediate() {
        return immediate;
    }

    /** Connect replies, each followed by its events; already complete (and empty) when the batch had no connect. */
    public CompletableFuture<List<FrozenMessage>> held() {
        return held.copy();
    }

    /** Everything, in Faye's order: the other replies, then each connect reply with its events. */
    public CompletableFuture<List<FrozenMessage>> all() {
        return held.thenApply(later -> concat(immediate, later));
    }

    private static List<FrozenMessage> concat(List<FrozenMessage> first, List<FrozenMessage> second) {
        var all = new ArrayList<FrozenMessage>(first.size() + second.size());
        all.addAll(first);
        all.addAll(second);
        return all;
    }
}
