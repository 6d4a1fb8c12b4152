/*
 * live-update: the dhtmlx "Live Update" mode, dp.live_updates(url), for dhtmlxScheduler 5 to 7.
 *
 * Speaks the channel protocol of the original plugin (subscribe to /update; messages {sid, tid, status, data}
 * with dates in api_date, "%d-%m-%Y %H:%i"), but:
 *  - works with dhtmlxScheduler 6 and 7, which no longer have a global dataProcessor;
 *  - does not publish anything itself: the server publishes every committed change, whichever code made it,
 *    with the stored row, so inserts arrive complete and nothing arrives twice;
 *  - on 7.2+, applies changes through the scheduler's own RemoteEvents handler (recurring markers, lightbox
 *    collisions, own-echo filtering); on older versions, the way the original plugin did.
 * Needs the Faye client (<script src="/sync.js">) and the scheduler loaded first; with js/live-catchup.js loaded too,
 * no change is missed across reconnects and server restarts (the calendar reloads when it was away too long).
 *
 * Usage: dp.live_updates("/sync") for the "default" calendar, or dp.live_updates("/sync", {calendar: "team"}).
 * With {load: "/api/events"} instead of a scheduler.load(...) of its own, the page subscribes first and loads once the
 * server has the subscription: a change committed between the load and the subscription is not missed (it is in the
 * load, or it arrives live; live changes that arrive before the load is parsed wait and are applied after it).
 */
(function () {
  "use strict";

  // The server's rule for ids (io.liveupdate.input.PlainId): the scheduler writes ids into HTML unescaped.
  var PLAIN_ID = /^[A-Za-z0-9_-]{1,64}$/;

  function isPlainId(id) {
    return (typeof id === "string" || typeof id === "number") && PLAIN_ID.test(String(id));
  }

  /*
   * What this page takes from a message on the update channel: only plain ids, and none of the fields the scheduler
   * reads as its own markup or styling ("_" and "$" prefixed, e.g. _text_style, $css); null when the message is not
   * safe to apply. The server sends nothing else, but a page must not depend on every server it is pointed at.
   */
  function safeUpdate(update) {
    if (!update || !update.data || typeof update.data !== "object") return null;
    if (!isPlainId(update.tid) || (update.sid !== undefined && !isPlainId(update.sid))) return null;
    if (update.data.id !== undefined && !isPlainId(update.data.id)) return null;
    var data = {};
    for (var key in update.data) {
      if (Object.prototype.hasOwnProperty.call(update.data, key) && key.charAt(0) !== "_" && key.charAt(0) !== "$") data[key] = update.data[key];
    }
    return { sid: update.sid === undefined ? update.tid : update.sid, tid: update.tid, status: update.status, data: data };
  }

  function channelOf(options) {
    var calendar = options && options.calendar;
    return !calendar || calendar === "default" ? "/update" : "/calendars/" + calendar + "/update";
  }

  function schedulerOf(dp) {
    return dp.$scheduler || dp.obj || window.scheduler;
  }

  function RemoteEventsApplier(scheduler) {
    var handler = scheduler.ext.liveUpdates.remoteUpdates.events;
    var parse = scheduler.date.str_to_date(scheduler.config.api_date || "%d-%m-%Y %H:%i");
    var types = { inserted: "add-event", insert: "add-event", updated: "update-event", update: "update-event",
      deleted: "delete-event", "delete": "delete-event" };
    // The handler reads dates only as strings, in the page's own date_format: re-write api_date in it.
    var format = scheduler.templates.format_date || scheduler.date.date_to_str(scheduler.config.date_format);
    return function (update, event) {
      ["start_date", "end_date", "original_start"].forEach(function (field) {
        if (typeof event[field] === "string" && event[field]) event[field] = format(parse(event[field]));
      });
      if (types[update.status]) handler({ type: types[update.status], event: event });
    };
  }

  function LegacyApplier(dp, scheduler) {
    var parse = scheduler.date.str_to_date(scheduler.config.api_date || "%d-%m-%Y %H:%i");
    return function (update, event) {
      var sid = update.sid, tid = event.id;
      var known = scheduler.getEvent(sid) ? sid : (scheduler.getEvent(tid) ? tid : null);
      dp.ignore(function () {
        if (update.status === "deleted" || update.status === "delete") {
          if (known === null) return;
          if (scheduler._lightbox_id == known && scheduler.callEvent("onLiveUpdateCollision", [sid, tid, update.status, event]) === false) {
            scheduler.endLightbox(false);
          }
          scheduler.deleteEvent(known, true);
          return;
        }
        if (known === null) {
          event.start_date = parse(event.start_date);
          event.end_date = parse(event.end_date);
          scheduler.addEvent(event);
          return;
        }
        var target = scheduler.getEvent(known);
        for (var key in event) {
          if (key === "id") continue;
          target[key] = (key === "start_date" || key === "end_date" || key === "original_start") && event[key] ? parse(event[key]) : event[key];
        }
        if (known != tid) scheduler.changeEventId(known, tid);
        scheduler.updateEvent(tid);
      });
    };
  }

  /*
   * Conflicting edits: the server refuses a save made on an older version of an event than the stored one
   * (docs/connector.md, "Conflicting edits"). So this page keeps each event's version current from its own save
   * answers; when one of its saves is refused, it shows the change that won (the last one received for that event);
   * and a change that arrives for the event open in the lightbox fires onLiveUpdateCollision and keeps the version
   * the user started from, so their save is refused with the reason instead of overwriting the other change unseen.
   */
  function ConflictingEdits(dp, scheduler, apply) {
    var latest = {};

    function copy(update) {
      var event = {};
      for (var key in update.data) event[key] = update.data[key];
      if (event.id === undefined) event.id = update.tid;
      return event;
    }

    function answeredVersion(answer) {
      if (answer && answer.item && answer.item.version !== undefined) return Number(answer.item.version);
      var attribute = answer && answer.getAttribute ? answer.getAttribute("version") : null;
      return attribute ? Number(attribute) : null;
    }

    function showWinner(id, update) {
      dp.set_invalid(id, false);
      dp.setUpdated(id, false);
      apply(update, copy(update));
    }

    dp.attachEvent("onAfterUpdate", function (sid, action, tid, answer) {
      var id = scheduler.getEvent(tid) ? tid : sid;
      if (!scheduler.getEvent(id)) return;
      var version = answeredVersion(answer);
      var refused = action === "error" || action === "invalid";
      if (!refused && version !== null) scheduler.getEvent(id).version = version;
      // A change received while this save was in flight was dropped: show it if it won over this save, or is newer.
      var missed = latest[id], missedVersion = missed ? Number(missed.data.version) : NaN;
      if (version !== null && (refused ? missedVersion >= version : missedVersion > version)) showWinner(id, missed);
    });

    return {
      remember: function (update) {
        if (update.status === "deleted" || update.status === "delete") delete latest[update.tid];
        else latest[update.tid] = update;
      },
      /** After applying: an edit of this page refused earlier is superseded by the change just shown. */
      settled: function (update) {
        if (dp.is_invalid(update.tid) && scheduler.getEvent(update.tid)) {
          dp.set_invalid(update.tid, false);
          dp.setUpdated(update.tid, false);
        }
      },
      editedCopy: function (update) {
        var event = copy(update), known = scheduler.getEvent(update.tid);
        var updating = update.status === "updated" || update.status === "update";
        if (updating && known && scheduler._lightbox_id == update.tid) {
          if (scheduler.callEvent("onLiveUpdateCollision", [update.sid, update.tid, update.status, event]) === false) {
            scheduler.endLightbox(false);
          } else {
            event.version = known.version;
          }
        }
        return event;
      }
    };
  }

  /*
   * Loads while holding live changes back: one applied before the load is parsed could be undone by it (the load may
   * be older) or be dropped (an update of an event not loaded yet). They are applied after the load, in order; those
   * the load already has change nothing.
   */
  function Loader(scheduler, apply) {
    var held = null;
    return {
      /** Applies the change now, or after the load in progress. */
      offer: function (update) {
        if (held) held.push(update);
        else apply(update);
      },
      load: function (source) {
        held = held || [];
        var id = scheduler.attachEvent("onLoadEnd", function () {
          scheduler.detachEvent(id);
          var waiting = held;
          held = null;
          waiting.forEach(apply);
        });
        scheduler.load(source);
      }
    };
  }

  function reload(dp, scheduler, options, loader) {
    var source = (options && (options.reloadUrl || options.load)) || dp.serverProcessor;
    if (!source) return;
    scheduler.clearAll();
    loader.load(source);
  }

  function liveUpdates(url, options) {
    var dp = this;
    if (typeof Faye === "undefined") {
      if (window.console) console.error("live_updates: the Faye client is missing; load /sync.js first");
      return null;
    }
    var scheduler = schedulerOf(dp);
    var modern = scheduler.ext && scheduler.ext.liveUpdates && scheduler.ext.liveUpdates.remoteUpdates;
    var apply = modern ? RemoteEventsApplier(scheduler) : LegacyApplier(dp, scheduler);
    var client = (options && options.client) || new Faye.Client(url);
    dp._live_client = client;
    var conflicts = ConflictingEdits(dp, scheduler, apply);
    var loader = Loader(scheduler, function (update) {
      if (dp.callEvent && !dp.callEvent("onLiveUpdate", [update.status, update.sid, update.tid, update.data])) return;
      conflicts.remember(update);
      // This page's own save is still waiting for its answer: that answer applies it.
      if (dp._in_progress && (dp._in_progress[update.sid] || dp._in_progress[update.tid])) return;
      apply(update, conflicts.editedCopy(update));
      conflicts.settled(update);
    });
    // No missed change (js/live-catchup.js, when the page loads it): in order, once, caught up after a reconnect;
    // told to reload when the server no longer has what was missed.
    if (window.LiveCatchUp && !(options && options.client)) {
      window.LiveCatchUp.attach(client, { onReload: function () { reload(dp, scheduler, options, loader); } });
    }
    var subscription = client.subscribe(channelOf(options), function (message) {
      var update = safeUpdate(message);
      if (update) loader.offer(update);
    });
    dp._live_subscription = subscription;
    if (options && options.load) {
      // Refused or not, the page shows its data (a refusal is logged by Faye).
      var load = function () { loader.load(options.load); };
      subscription.then(load, load);
    }
    return client;
  }

  function install(DataProcessor) {
    if (DataProcessor && DataProcessor.prototype && !DataProcessor.prototype.live_updates) {
      DataProcessor.prototype.live_updates = liveUpdates;
    }
  }

  install(window.dataProcessor);
  if (window.scheduler && window.scheduler.DataProcessor) install(window.scheduler.DataProcessor);
  // The original plugin needs a global dataProcessor (gone since scheduler 6): provide it for pages that use it.
  if (!window.dataProcessor && window.scheduler && window.scheduler.DataProcessor) {
    window.dataProcessor = window.scheduler.DataProcessor;
  }
})();
