/* live-update demo pages: what they share. */
window.demo = {
  /** Users' text shown as text, never as markup. */
  escapeHtml: function (s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
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
