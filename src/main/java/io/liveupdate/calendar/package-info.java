/** The calendar domain: events, recurrence rules, the transactional event service. Knows nothing of HTTP. */
package io.liveupdate.calendar;
