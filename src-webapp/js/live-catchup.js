/*
 * live-update: no missed change. A Faye client extension that makes a page's subscriptions to numbered channels
 * (the calendar channels /update and /calendars/<name>/update) gap-free, in order and without duplicates:
 *  - every change arrives with ext.seq, its number in its calendar; the extension passes them on in order, drops
 *    numbers it has already passed on, and holds back a number that comes early until the ones before it arrive;
 *  - every subscribe carries ext.catchUp; the first one is answered with ext.position (the channel's last number);
 *    when Faye re-subscribes (after a re-handshake: network loss, server restart, a session cut loose for being
 *    slow), the subscribe carries ext.lastSeq, and the server replays what came after it;
 *  - when the transport fails, or a change arrives early, it asks with a publish on /service/catchup, and again
 *    until the answer (ending with ext.position) arrives;
 *  - when the server no longer has what was missed it sends ext.reload: options.onReload(channel) reloads the data;
 *  - every number comes with ext.epoch, the history it counts in: a database reset or restored from a backup starts
 *    another one. The extension keeps the epoch of its last number per channel and sends it with lastSeq; the server
 *    answers a number of another epoch with ext.reload, and a change of another epoch than the one kept is taken as
 *    one too (onReload, then the change is passed on). A number without an epoch (an older server) counts as before.
 *
 * Usage: LiveCatchUp.attach(fayeClient, { onReload: function (channel) { ... } }) before subscribing.
 * LiveCatchUp.of(fayeClient) is what attach returned: lastSeq(channel), catchingUp() (a request for missed changes is
 * unanswered) and onCaughtUp(fn) (called when the last such request was answered), e.g. for a connection indicator.
 * Works in the browser (window.LiveCatchUp) and in Node (require).
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.LiveCatchUp = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var REQUEST_CHANNEL = "/service/catchup";
  var attached = [];  // [client, handle]: LiveCatchUp.of
  // A request for missed changes still unanswered this long after it was sent is sent again.
  var ASK_AGAIN_MS = 3000;

  function attach(client, options) {
    options = options || {};
    var last = {};      // channel -> number of the last change passed on
    var position = {};  // channel -> the server's last number when it was subscribed, before any change arrived
    var early = {};     // channel -> { seq: [message, callback] } held back until the gap closes
    var asking = {};    // channel -> true while a /service/catchup waits for its answer
    var epochs = {};    // channel -> the epoch of last[channel] (or of position[channel]), once the server sent one
    var left = {};      // channel -> the epoch before the last switch: late messages of it are dropped
    var caughtUpListeners = [];

    function catchingUp() {
      for (var channel in asking) if (asking[channel]) return true;
      return false;
    }

    function answered(channel) {
      asking[channel] = false;
      if (!catchingUp()) caughtUpListeners.forEach(function (listener) { listener(channel); });
    }

    // Asks for what came after the last change passed on. The answer (the missed changes, then ext.position) comes
    // through the session; if it does not come (it went into a socket that was dying), ask again.
    function ask(channel) {
      if (asking[channel] || typeof last[channel] !== "number") return;
      asking[channel] = true;
      var retry = function () {
        setTimeout(function () {
          if (!asking[channel]) return;
          asking[channel] = false;
          ask(channel);
        }, ASK_AGAIN_MS);
      };
      var request = { channel: channel, lastSeq: last[channel] };
      if (typeof epochs[channel] === "string") request.epoch = epochs[channel];
      client.publish(REQUEST_CHANNEL, request).then(retry, retry);
    }

    function passOnEarly(channel) {
      var waiting = early[channel];
      if (!waiting) return;
      for (var next = last[channel] + 1; waiting[next]; next++) {
        var held = waiting[next];
        delete waiting[next];
        last[channel] = next;
        held[1](held[0]);
      }
      for (var seq in waiting) {
        if (+seq <= last[channel]) { waiting[seq][1](null); delete waiting[seq]; }
      }
      if (Object.keys(waiting).length > 0) ask(channel);
    }

    function epochIs(channel, epoch) {
      if (typeof epoch !== "string" || epoch === epochs[channel]) return;
      if (typeof epochs[channel] === "string") left[channel] = epochs[channel];
      epochs[channel] = epoch;
    }

    // What the page has counts in another history than the server's numbers (or is no longer kept): it reloads, and
    // carries on after seq.
    function reload(channel, seq, epoch) {
      var waiting = early[channel] || {};
      for (var held in waiting) waiting[held][1](null);
      delete early[channel];
      last[channel] = seq;
      epochIs(channel, epoch);
      answered(channel);
      if (options.onReload) options.onReload(channel, seq);
    }

    function otherEpoch(channel, epoch) {
      return typeof epoch === "string" && typeof epochs[channel] === "string" && epoch !== epochs[channel];
    }

    function positionIs(channel, seq, epoch) {
      if (typeof last[channel] !== "number") {
        // Where the channel stood when this client subscribed: what it asks for if it is cut off before a change.
        position[channel] = seq;
        epochIs(channel, epoch);
        return;
      }
      if (otherEpoch(channel, epoch)) {
        reload(channel, seq, epoch);
        return;
      }
      if (seq > last[channel]) {
        asking[channel] = false;
        ask(channel); // the answer was cut short: something is still missing
      } else {
        answered(channel);
      }
    }

    var extension = {
      outgoing: function (message, callback) {
        if (message.channel === "/meta/subscribe" && typeof message.subscription === "string") {
          var known = typeof last[message.subscription] === "number" ? last[message.subscription] : position[message.subscription];
          message.ext = message.ext || {};
          message.ext.catchUp = true;
          if (typeof known === "number") message.ext.lastSeq = known;
          if (typeof known === "number" && typeof epochs[message.subscription] === "string") message.ext.epoch = epochs[message.subscription];
        }
        callback(message);
      },
      incoming: function (message, callback) {
        var ext = message.ext, channel = message.channel;
        if (!ext || typeof ext.seq !== "number" || typeof channel !== "string" || channel.indexOf("/meta/") === 0) {
          return callback(message);
        }
        var epoch = typeof ext.epoch === "string" ? ext.epoch : undefined;
        if (ext.reload) {
          callback(null);
          reload(channel, ext.seq, epoch);
          return;
        }
        // Sent before the switch to the current epoch, received after it: what the reload read already has it.
        if (epoch !== undefined && epoch === left[channel] && epoch !== epochs[channel]) return callback(null);
        if (ext.position) {
          callback(null);
          positionIs(channel, ext.seq, epoch);
          return;
        }
        if (otherEpoch(channel, epoch)) reload(channel, ext.seq - 1, epoch);
        else epochIs(channel, epoch);
        // The first change seen: there is nothing before it to wait for.
        if (typeof last[channel] !== "number") last[channel] = ext.seq - 1;
        if (ext.seq <= last[channel]) return callback(null);
        if (ext.seq === last[channel] + 1) {
          last[channel] = ext.seq;
          callback(message);
          passOnEarly(channel);
          return;
        }
        (early[channel] = early[channel] || {})[ext.seq] = [message, callback];
        ask(channel);
      }
    };
    client.addExtension(extension);
    // What was on the wire when the transport failed may be gone: ask at once (Faye sends the request as soon as it
    // has a transport again; over a socket, the first answer may otherwise be a whole connect timeout away).
    client.on("transport:down", function () {
      for (var channel in last) {
        asking[channel] = false;
        ask(channel);
      }
    });
    var handle = {
      /** The number of the last change passed on for the channel, or undefined. */
      lastSeq: function (channel) { return last[channel]; },
      /** The epoch of that number (the history it counts in), or undefined. */
      epoch: function (channel) { return epochs[channel]; },
      /** True while missed changes were asked for and have not all arrived. */
      catchingUp: catchingUp,
      /** fn(channel) runs each time the last unanswered request for missed changes has been answered. */
      onCaughtUp: function (fn) { caughtUpListeners.push(fn); }
    };
    attached.push([client, handle]);
    return handle;
  }

  /** What attach returned for this client, or null. */
  function of(client) {
    for (var i = 0; i < attached.length; i++) if (attached[i][0] === client) return attached[i][1];
    return null;
  }

  return { attach: attach, of: of };
});
