/**
 * The Bayeux protocol core, as the Faye 1.4.3 and CometD clients speak it: sessions, channel names and
 * patterns, the meta handlers, error strings, fan-out and the hooks (policy, extensions, listeners).
 * Knows nothing of Servlet, WebSocket or JPA: transports hand it parsed messages through
 * {@link io.liveupdate.bayeux.BayeuxServer#handle} and take events back through {@link io.liveupdate.bayeux.Outbox}
 * or the held {@code /meta/connect} reply.
 */
package io.liveupdate.bayeux;
