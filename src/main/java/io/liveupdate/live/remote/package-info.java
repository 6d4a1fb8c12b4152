/**
 * RemoteEvents, the live client of dhtmlxScheduler 7.2 ({@code scheduler.ext.liveUpdates}) and dhtmlxGantt 9.1+
 * ({@code gantt.ext.liveUpdates}): the {@code GET /api/v1} handshake, the {@code /api/v1} WebSocket, the scheduler's
 * {@code events} entity and a chart's {@code tasks} and {@code links} ({@link io.liveupdate.live.remote.RemoteTarget}),
 * fed by committed changes. Only the endpoint, its configurator and {@link io.liveupdate.live.remote.SessionPeer}
 * know {@code jakarta.websocket}.
 */
package io.liveupdate.live.remote;
