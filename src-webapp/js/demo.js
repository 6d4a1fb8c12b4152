/* live-update demo pages: what they share. */
window.demo = {
  /** Users' text shown as text, never as markup. */
  escapeHtml: function (s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  },

  /** A refused save's reason ("changed by someone else ...", "end_date ... is before start_date"), shown to the user. */
  showRefusals: function (dp) {
    dp.attachEvent("onAfterUpdate", function (sid, action, tid, answer) {
      if (action !== "error" && action !== "invalid") return;
      var reason = answer && (answer.message || (answer.getAttribute && answer.getAttribute("message")));
      scheduler.message({ type: "error", text: demo.escapeHtml(reason || "not saved") });
    });
  },

  /**
   * With liveupdate.security.csrf=true every save must carry the key the load handed the page (scheduler.security_key).
   * The dataProcessor sends it itself only in its batched form mode; the other modes send it in a header.
   */
  sendSecurityKey: function (dp, mode) {
    var headers = {};
    dp.setTransactionMode({ mode: mode, headers: headers });
    dp.attachEvent("onBeforeDataSending", function () {
      if (scheduler.security_key) headers["X-Dhx-Security"] = scheduler.security_key;
      return true;
    });
  },

  /** live_updates.js: someone else's change arrived for the event this user has open in the lightbox. */
  showCollisions: function () {
    scheduler.attachEvent("onLiveUpdateCollision", function (sid, tid, status) {
      scheduler.message({ type: "warning", text: status === "deleted" || status === "delete"
        ? "Someone else deleted this event while you were editing it; saving keeps your copy as a new event."
        : "Someone else changed this event while you were editing it; your save will be refused so you see their change." });
      return true;
    });
  },

  /**
   * The connection indicator of the nav bar (<span id="live-state">), as text: "connecting", "live" once the server
   * answered, "reconnecting" while the connection is down, then "live, catching up" until what was missed arrived
   * (js/live-catchup.js) and "live, caught up". data-state carries the state for styles and tests.
   */
  showLiveState: function (state) {
    var texts = { connecting: "connecting…", connected: "live", reconnecting: "reconnecting…",
      "catching-up": "live, catching up…", "caught-up": "live, caught up" };
    var indicator = document.getElementById("live-state");
    if (!indicator || indicator.getAttribute("data-state") === state) return;
    indicator.setAttribute("data-state", state);
    indicator.textContent = texts[state];
  },

  /** The indicator follows a Faye client: its transport:up / transport:down events and, if attached, its catch-up. */
  followFaye: function (client) {
    if (!client) return; // live_updates.js found no Faye client: the page says "connecting" and the console why
    var wasDown = false;
    var catchUp = window.LiveCatchUp && LiveCatchUp.of(client);
    demo.showLiveState("connecting");
    client.on("transport:down", function () {
      wasDown = true;
      demo.showLiveState("reconnecting");
    });
    client.on("transport:up", function () {
      if (!wasDown) return demo.showLiveState("connected");
      demo.showLiveState(catchUp && catchUp.catchingUp() ? "catching-up" : "caught-up");
    });
    if (catchUp) catchUp.onCaughtUp(function () {
      if (wasDown) demo.showLiveState("caught-up");
    });
  },

  /**
   * The indicator follows dhtmlxScheduler's RemoteEvents, which has no connection events: the socket of the client
   * its ready() resolves to is looked at twice a second (_socket and _mode are the library's own fields: _mode 3 once
   * the server said "start"; the library itself reconnects two seconds after a close).
   */
  followRemoteEvents: function (remoteEvents) {
    var everUp = false;
    demo.showLiveState("connecting");
    remoteEvents.ready().then(function (remote) {
      setInterval(function () {
        var socket = remote._socket;
        if (socket && socket.readyState === 1 && remote._mode === 3) {
          everUp = true;
          demo.showLiveState("connected");
        } else {
          demo.showLiveState(everUp ? "reconnecting" : "connecting");
        }
      }, 500);
    });
  },

  initScheduler: function () {
    scheduler.plugins({ recurring: true });
    scheduler.config.first_hour = 7;
    scheduler.templates.event_text = function (start, end, ev) { return demo.escapeHtml(ev.text); };
    scheduler.templates.event_bar_text = function (start, end, ev) { return demo.escapeHtml(ev.text); };
    var params = new URLSearchParams(location.search);
    var date = params.get("date") ? new Date(params.get("date") + "T00:00:00") : new Date();
    scheduler.init("scheduler_here", date, params.get("view") || "week");
  }
};
