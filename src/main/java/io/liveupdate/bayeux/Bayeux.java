package io.liveupdate.bayeux;

/**
 * The protocol's vocabulary in one place: meta channel names, message fields, advice values and connection
 * types, spelled exactly as on the wire.
 */
public interface Bayeux {

    /** The only protocol version there is; Faye and CometD both send it. */
    String BAYEUX_VERSION = "1.0";

    /** Meta channels. The core matches these exactly: a prefix match let extensions be bypassed (CVE-2020-11020). */
    String META_HANDSHAKE = "/meta/handshake";
    String META_CONNECT = "/meta/connect";
    String META_SUBSCRIBE = "/meta/subscribe";
    String META_UNSUBSCRIBE = "/meta/unsubscribe";
    String META_DISCONNECT = "/meta/disconnect";

    /** Message fields. */
    String CHANNEL = "channel";
    String ID = "id";
    String CLIENT_ID = "clientId";
    String DATA = "data";
    String EXT = "ext";
    String ADVICE = "advice";
    String SUCCESSFUL = "successful";
    String ERROR = "error";
    String SUBSCRIPTION = "subscription";
    String VERSION = "version";
    String SUPPORTED_CONNECTION_TYPES = "supportedConnectionTypes";
    String CONNECTION_TYPE = "connectionType";

    /**
     * Not on the wire: the field in which an {@link Extension} gives the subscribers' copy of a publish its
     * {@code ext} (e.g. a number that the server gave the message). Removed from what clients send before any
     * extension sees it, so only the server sets it.
     */
    String DELIVERY_EXT = "liveupdate:deliveryExt";

    /**
     * Not on the wire: set by an {@link Extension} that has handed a publish to the channel's subscribers itself
     * ({@link BayeuxServer#deliverPublish}, in an order of its own); the core then acknowledges the publish and does
     * not fan it out again. Removed from what clients send, as {@link #DELIVERY_EXT} is.
     */
    String DELIVERED = "liveupdate:delivered";

    /** Advice fields and the values of {@code reconnect}. */
    String RECONNECT = "reconnect";
    String INTERVAL = "interval";
    String TIMEOUT = "timeout";
    String RECONNECT_RETRY = "retry";
    String RECONNECT_HANDSHAKE = "handshake";
    String RECONNECT_NONE = "none";

    /** Connection types a transport of ours can carry. */
    String WEBSOCKET = "websocket";
    String LONG_POLLING = "long-polling";
    String CROSS_ORIGIN_LONG_POLLING = "cross-origin-long-polling";
    String CALLBACK_POLLING = "callback-polling";
}
