/**
 * The channels the server owns and their names: a calendar's and a Gantt chart's update channel, the legacy
 * {@code /broadcast} and {@code /update} pair, which of them clients may only read. Used by the live publishers, the
 * channel rules and the storages (which take every name not reserved here). Knows the domains' name rules only.
 */
package io.liveupdate.channels;
