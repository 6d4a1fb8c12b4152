/**
 * RemoteEvents' transports, thin adapters to {@code io.liveupdate.remote}: the {@code /api/v1} WebSocket
 * ({@link io.liveupdate.remote.transport.RemoteEventsEndpoint}, its configurator and
 * {@link io.liveupdate.remote.transport.SessionPeer}) and the JAX-RS handshake
 * ({@link io.liveupdate.remote.transport.RemoteHandshakeResource}).
 */
package io.liveupdate.remote.transport;
