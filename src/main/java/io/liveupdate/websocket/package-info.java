/** What both WebSocket endpoints (Bayeux {@code /sync} and RemoteEvents {@code /api/v1}) share: bounding incoming messages and closing failed sockets with a code that says why. */
package io.liveupdate.websocket;
