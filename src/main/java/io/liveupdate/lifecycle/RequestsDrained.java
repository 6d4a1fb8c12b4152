package io.liveupdate.lifecycle;

/**
 * Fired once when the application stops (undeploy, redeploy, shutdown), after the requests that were still running
 * have been answered and before the container closes the WebSockets (Undertow closes them in its own context
 * listener, which runs before the application's). Whoever owes a page something those requests caused (a change
 * they published) delivers it now.
 */
public record RequestsDrained() {
}
