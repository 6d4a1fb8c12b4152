/**
 * What is in no change log, carried to the other nodes on one PostgreSQL: a client's publish on a plain channel and
 * what the {@code /broadcast} relay publishes. Each message is NOTIFYed as it is (at most once, tagged with the
 * origin node), a large one through a spill table; every node's listener hands it to its own Bayeux server.
 */
package io.liveupdate.cluster;
