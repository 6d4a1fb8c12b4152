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
