/**
 * Rules for what comes from a client, shared by every adapter: which ids are plain enough to hand to a page, and
 * how request text may appear in a log line. Knows nothing of any other package.
 */
package io.liveupdate.input;
