package io.liveupdate.remote;

/** What monitoring may read of RemoteEvents, when it asks: counts only, never a connection. */
public interface RemoteFigures {

    /** Open RemoteEvents WebSocket connections. */
    int connectionCount();
}
