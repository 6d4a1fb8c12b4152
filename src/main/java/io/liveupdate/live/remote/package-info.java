/**
 * dhtmlxScheduler 7.2's RemoteEvents ({@code scheduler.ext.liveUpdates}): the {@code GET /api/v1} handshake, the
 * {@code /api/v1} WebSocket, and the {@code events} entity fed by committed changes. Only the endpoint, its
 * configurator and {@link io.liveupdate.live.remote.SessionPeer} know {@code jakarta.websocket}.
 */
package io.liveupdate.live.remote;
