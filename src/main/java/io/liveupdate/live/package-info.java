/**
 * What is published when a change commits: the payload each live client protocol expects, on the channels
 * it listens to, through the Bayeux core's server-side publishing API. Knows nothing of transports.
 */
package io.liveupdate.live;
