/**
 * The dhtmlxScheduler connector: one URL per calendar that loads (JSON, XML, by date range) and saves in every
 * dataProcessor mode, answering exactly what the client expects. Knows nothing of live sessions.
 */
package io.liveupdate.calendar.connector;
