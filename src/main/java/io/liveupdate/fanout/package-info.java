/**
 * Handing many small writes to the threads that own their sockets ({@link io.liveupdate.fanout.WriterBatch}); knows
 * nothing of Bayeux, WebSockets or JPA, and every package may use it.
 */
package io.liveupdate.fanout;
