/**
 * Who the caller is and what they may do: the optional Jakarta Security authentication (Basic with PBKDF2 password
 * hashes, Bearer tokens; both from configuration), the per-calendar and per-channel grants, the CSRF key of form
 * saves and the allowed page origins. Off by default. Knows nothing of Bayeux, WebSockets or JPA; the connector,
 * the live channels and RemoteEvents ask it.
 */
package io.liveupdate.security;
