/**
 * Thin adapters from Jakarta WebSocket and Servlet to the Bayeux core, all at {@code /sync}: the WebSocket
 * endpoint, the long-polling / cross-origin / JSONP servlet, and the Faye browser client script. Knows nothing of JPA.
 */
package io.liveupdate.bayeux.transport;
