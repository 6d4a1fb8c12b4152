package io.liveupdate.bayeux;

import jakarta.json.JsonObject;

/**
 * Sees every message a client sends, before the core handles it: Faye's incoming server extension. Use it for
 * authentication from {@code ext}, for relays (a {@code /broadcast} publish re-published elsewhere through
 * {@link BayeuxServer#publish}), or to rewrite messages, including the {@code ext} that subscribers get with a
 * publish ({@link Bayeux#DELIVERY_EXT}), or to deliver a publish itself in an order of its own
 * ({@link BayeuxServer#deliverPublish}, then {@link Bayeux#DELIVERED}). Server-side publishes do not pass through
 * extensions.
 *
 * <p>Extensions run in the order they were added, each on the previous one's result, concurrently across
 * requests: implementations must be thread-safe. One that throws rejects the message with
 * {@code 500::Internal server error} (failing closed, since extensions often guard access).
 */
@FunctionalInterface
public interface Extension {

    /**
     * @param message the message as the client sent it, or as the previous extension left it
     * @param connection the connection it came on, with the transport's request attributes
     * @return the message to handle (the same one or a rewritten one); or a message with an {@code error} field
     *         to reject it with that error (and that message's {@code advice}, if it has one); or {@code null}
     *         to drop it with no reply at all (the client will retry it, as with Faye)
     */
    JsonObject incoming(JsonObject message, Connection connection);
}
