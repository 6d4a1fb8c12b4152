/**
 * What both WebSocket endpoints (Bayeux {@code /sync} and RemoteEvents {@code /api/v1}) share: one writer per socket
 * ({@link io.liveupdate.websocket.SocketWriter}), bounding incoming messages, closing failed sockets with a code that
 * says why, and finding a socket's I/O thread.
 */
package io.liveupdate.websocket;
