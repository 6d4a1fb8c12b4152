/**
 * What only the demo (the README's `mvn` start, {@code liveupdate.demo=true}) has: sample events on a fresh embedded
 * database. Uses the calendar's service like any client; nothing else depends on it.
 */
package io.liveupdate.demo;
