/**
 * How an event looks on the wire: its fields in order, its dates in a page's dhtmlx format, the little XML of the
 * connector. One place, used by the HTTP connector and by both live protocols (legacy {@code /update} payloads and
 * RemoteEvents), so a field added here reaches every client the same way; a Gantt chart's tasks and links likewise
 * ({@link io.liveupdate.wire.GanttWriter}); and the catch-up fields of numbered
 * Bayeux deliveries ({@code ext.seq}, {@code ext.epoch}, the reload signal: {@link io.liveupdate.wire.CatchUpExt}),
 * shared by the calendar, Gantt and storage channels and the cluster relay. Knows the domain's views; nothing of
 * HTTP or sessions.
 */
package io.liveupdate.wire;
