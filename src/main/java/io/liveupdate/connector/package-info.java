/**
 * What both dataProcessor connectors (scheduler and Gantt) read the same way: the JAX-RS application under
 * {@code /api} and its error answers, the bounded body, form data, the save modes' rows ({@link
 * io.liveupdate.connector.SaveRequestReader}), the dates a client sends, whether a load is answered in XML, and the
 * connector's settings. Knows nothing of the domains or of either connector.
 */
package io.liveupdate.connector;
