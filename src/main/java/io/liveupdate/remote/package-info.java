/**
 * RemoteEvents, the live client of dhtmlxScheduler 7.2 ({@code scheduler.ext.liveUpdates}) and dhtmlxGantt 9.1+
 * ({@code gantt.ext.liveUpdates}), a protocol of its own beside Bayeux: the {@code GET /api/v1} handshake's answer
 * ({@link io.liveupdate.remote.RemoteHandshakes}), what a socket may say ({@link io.liveupdate.remote.RemoteProtocol}),
 * the scheduler's {@code events} entity and a chart's {@code tasks} and {@code links}
 * ({@link io.liveupdate.remote.RemoteTarget}), fed by committed changes, and catching a page up
 * ({@link io.liveupdate.remote.RemoteCatchUp}). It knows no WebSocket, Servlet or JAX-RS: a connection is written
 * through {@link io.liveupdate.remote.RemotePeer}; the adapters are in {@code remote.transport}.
 */
package io.liveupdate.remote;
