/*
 * live-update: the Webix "faye->" proxy for Webix 7 and later, which no longer bundle it.
 * Same wire behaviour as the proxy Webix 1.4-6.x shipped: load() subscribes to the storage channel and applies
 * insert/update/delete messages from other clients; save() publishes the DataProcessor's update object with
 * this page's clientId. It applies only items with plain ids and drops their "$" fields (Webix's rendering markers,
 * one page's view state). Two more differences, both fixes:
 *  - one clientId per page by default, so url:"faye->/x" and save:"faye->/x" (two proxy copies) filter the
 *    page's own echo alike (the original needed webix.proxy.faye.clientId set by hand);
 *  - the Faye client is kept off the proxy object: Webix 7+ deep-copies a proxy for each url/save, and a deep
 *    copy of a Faye.Client (circular) overflows the stack. webix.proxy.faye.client = ... still works as before.
 * The server stores every operation and hands a subscriber the stored items, so a page that opens later (or
 * reloads) starts from the current data.
 * With js/live-catchup.js on the page, nothing is missed either: the server numbers every stored operation, and a
 * page whose connection dropped is sent what it missed when it is back, in order and once. When that is no longer
 * kept, the page empties its views of that storage and the server sends the stored items again.
 * Needs the Faye client (<script src="/sync.js">) and Webix; js/live-catchup.js before this file. Usage:
 *   webix.proxy.faye.client = new Faye.Client("/sync");
 *   { view: "list", url: "faye->/chat", save: "faye->/chat" }
 */
(function () {
  "use strict";
  if (!window.webix) return;
  var pageClientId = webix.uid() + "-" + Date.now();

  if (webix.proxy.faye) return;
  var fayeClient = null;
  // The server's rule for ids (io.liveupdate.input.PlainId): Webix writes an item's id into the list's HTML.
  var PLAIN_ID = /^[A-Za-z0-9_-]{1,64}$/;

  /* An item from another page as this page may show it: a plain id, none of the "$" rendering markers; or null. */
  function safeItem(data) {
    if (!data || typeof data !== "object") return null;
    if ((typeof data.id !== "string" && typeof data.id !== "number") || !PLAIN_ID.test(String(data.id))) return null;
    var item = {};
    for (var key in data) {
      if (Object.prototype.hasOwnProperty.call(data, key) && key.charAt(0) !== "$") item[key] = data[key];
    }
    return item;
  }
  var viewsOf = {};  // storage channel -> the views loaded from it, emptied when the server says to start again

  function startAgain(channel) {
    (viewsOf[channel] || []).forEach(function (view) {
      webix.dp(view).ignore(function () { view.clearAll(); });
    });
  }
  var proxy = webix.proxy.faye = {
    $proxy: true,
    init: function () {
      this.clientId = this.clientId || webix.proxy.faye.clientId || pageClientId;
    },
    load: function (view) {
      var self = this.clientId;
      (viewsOf[this.source] = viewsOf[this.source] || []).push(view);
      proxy.client.subscribe(this.source, function (update) {
        if (!update || update.clientId == self) return;
        var data = safeItem(update.data);
        if (!data) return;
        webix.dp(view).ignore(function () {
          if (update.operation == "delete") {
            if (view.exists(data.id)) view.remove(data.id);
          } else if (update.operation == "insert") {
            if (!view.exists(data.id)) view.add(data);
          } else if (update.operation == "update") {
            var item = view.getItem(data.id);
            if (item) {
              webix.extend(item, data, true);
              view.refresh(item.id);
            }
          }
        });
      });
    },
    save: function (view, update) {
      update.clientId = this.clientId;
      proxy.client.publish(this.source, update);
    }
  };
  Object.defineProperty(proxy, "client", {
    enumerable: false,
    get: function () { return fayeClient; },
    set: function (client) {
      fayeClient = client;
      if (client && window.LiveCatchUp) window.LiveCatchUp.attach(client, { onReload: startAgain });
    }
  });
})();
