/**
 * Running it as a service: counters and latencies (read through JMX MXBeans, so the server's console and JConsole
 * show them, through WildFly's Micrometer registry, so Prometheus scrapes them, and through Payara's MicroProfile
 * Metrics), the database health check at {@code /api/health}, and the log lines an operator needs (with fields for
 * JSON logs). Knows the other packages only through their monitoring hooks ({@link io.liveupdate.bayeux.BayeuxMetrics}
 * told of traffic, {@link io.liveupdate.bayeux.BayeuxFigures} and {@link io.liveupdate.remote.RemoteFigures} read
 * when asked, {@code stream.ChangeFeed.status()}, the {@link io.liveupdate.calendar.EventChanged} event); nothing
 * depends on it (test/PackageRulesTest).
 */
package io.liveupdate.ops;
