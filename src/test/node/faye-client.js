'use strict';
// The real Faye client (npm faye, pinned in package-lock.json), driven by the Java tests.
//
// Protocol: one JSON command per line on stdin, one JSON event per line on stdout. Diagnostics go
// to stderr only, so stdout carries nothing but events. The process never exits on bad input; it
// reports {"event":"error","message":...} instead. It exits on {"cmd":"exit"} or when stdin closes
// (the Java side went away), so no orphan processes survive a killed test run.
//
// Commands (the optional "ref" is echoed in the matching events):
//   {"cmd":"connect","url":"http://127.0.0.1:8080/sync","transport":"websocket",
//    "ext":{...}, "traceMeta":true, "traceOutgoing":false, "timeout":60, "retry":5,
//    "headers":{...}, "origin":"http://app.example", "catchup":true, "ref":"c1"}
//       -> {"event":"connected","ref":"c1","clientId":...} once the handshake succeeded
//   {"cmd":"subscribe","channel":"/update","ref":"s1"}
//       -> {"event":"subscribed","ref":"s1","channel":...} | {"event":"subscribe-failed",...,"error":...}
//   {"cmd":"unsubscribe","channel":"/update","ref":"u1"}
//       -> {"event":"unsubscribed","ref":"u1",...} | {"event":"unsubscribe-failed",...} (from the server's reply)
//   {"cmd":"publish","channel":"/broadcast","data":{...},"ref":"p1","attempts":1,"deadline":5}
//       -> {"event":"published","ref":"p1"} | {"event":"publish-failed","ref":"p1","error":"403:/x:Forbidden channel"}
//   {"cmd":"disconnect","ref":"d1"} -> {"event":"disconnected","ref":"d1"}
//   {"cmd":"exit"}
// Unsolicited events:
//   {"event":"ready","pid":..,"faye":"1.4.3","node":"v20..."}   once, at start
//   {"event":"message","channel":"/chat","subscription":"/chat","data":..,"receivedAt":<ms>}
//   {"event":"handshake","clientId":..,"supportedConnectionTypes":[..]} after every successful (re-)handshake
//   {"event":"handshake-failed","error":..,"advice":..}, {"event":"connect-failed","error":..,"advice":..}
//   {"event":"transport","connectionType":"websocket"} whenever the /meta/connect transport changes
//   {"event":"transport:up"}, {"event":"transport:down"}
//   {"event":"meta","message":{..}}   every incoming /meta/* message, when traceMeta
//   {"event":"out","message":{..}}    every outgoing message, when traceOutgoing
//   {"event":"cors-rejected","reason":..}  the emulated browser refused a CORS response
//   {"event":"delivered","channel":..,"seq":n,"epoch":..}  with catchup: a numbered change passed on to the subscribers
//   {"event":"reload","channel":..,"seq":n,"epoch":..}  with catchup: the server no longer has what this client missed,
//       or the numbers count in another epoch (the database was reset or restored)
//
// Transports. The Node client registers only in-process, websocket and long-polling. For
// "callback-polling" and "cross-origin-long-polling" this script registers Faye's own BROWSER
// transports (src/transport/jsonp.js and cors.js, unmodified) on top of tiny stand-ins for the
// browser's <script> loader and XMLHttpRequest. As in a browser, the cross-origin client
// handshakes over JSONP (the only mandatory type left) and then switches to CORS POSTs, which go
// through an emulated CORS check (preflight, Access-Control-Allow-Origin/-Credentials).

const readline = require('readline');
const http = require('http');
const https = require('https');
const vm = require('vm');
const faye = require('faye');

function emit(event) {
  try {
    process.stdout.write(JSON.stringify(event) + '\n');
  } catch (e) {
    process.stderr.write('cannot report ' + String(event && event.event) + ': ' + e + '\n');
  }
}

function errorText(err) {
  if (err === undefined || err === null) return 'unknown error';
  // Faye's Error: code, params, message; toString() gives "403:/meta/foo:Forbidden channel".
  if (typeof err === 'object' && 'code' in err && 'params' in err) {
    return err.code === null ? String(err.message) : err.toString();
  }
  if (err instanceof Error) return err.message;
  return String(err);
}

faye.logger = {
  fatal: (m) => process.stderr.write(m + '\n'),
  error: (m) => process.stderr.write(m + '\n'),
  warn: (m) => process.stderr.write(m + '\n'),
  info: process.env.FAYE_DEBUG ? (m) => process.stderr.write(m + '\n') : undefined,
  debug: process.env.FAYE_DEBUG ? (m) => process.stderr.write(m + '\n') : undefined,
};

process.on('uncaughtException', (e) => {
  process.stderr.write('uncaught: ' + (e && e.stack || e) + '\n');
  emit({ event: 'error', message: 'uncaught: ' + (e && e.message || String(e)) });
});
process.on('unhandledRejection', (e) => {
  process.stderr.write('unhandled rejection: ' + (e && e.stack || e) + '\n');
  emit({ event: 'error', message: 'unhandled rejection: ' + errorText(e) });
});

// ---------------------------------------------------------------------------------------------
// Browser transports for Node (registered only when asked for, so websocket and long-polling
// clients send exactly what a stock Node client sends, including supportedConnectionTypes).

let browserTransportsRegistered = false;
const browser = { origin: 'http://origin.test' };

function requestFor(url) {
  return url.startsWith('https:') ? https : http;
}

function lowerKeys(headers) {
  const out = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return out;
}

// The CORS check a browser makes for a credentialed request.
function corsRefusal(status, headers, origin) {
  const h = lowerKeys(headers);
  if (h['access-control-allow-origin'] !== origin) {
    return 'Access-Control-Allow-Origin is ' + JSON.stringify(h['access-control-allow-origin'] || null) + ', not ' + origin;
  }
  if (h['access-control-allow-credentials'] !== 'true') {
    return 'Access-Control-Allow-Credentials is ' + JSON.stringify(h['access-control-allow-credentials'] || null) + ', not "true"';
  }
  return null;
}

const preflightCache = new Map(); // url|headers -> expiry ms

class NodeXMLHttpRequest {
  constructor() {
    this.withCredentials = false;
    this.responseText = '';
    this.status = 0;
    this._headers = {};
    this._req = null;
    this._aborted = false;
  }
  open(method, url) {
    this._method = method;
    this._url = url;
  }
  setRequestHeader(name, value) {
    this._headers[name] = String(value);
  }
  abort() {
    this._aborted = true;
    if (this._req) this._req.destroy();
  }
  _fail(reason) {
    if (this._aborted) return;
    if (reason) emit({ event: 'cors-rejected', url: this._url, reason });
    if (this.onerror) this.onerror();
  }
  send(body) {
    const headerNames = Object.keys(this._headers).map((h) => h.toLowerCase()).sort();
    const key = this._url + '|' + headerNames.join(',');
    const cached = preflightCache.get(key);
    if (cached && cached > Date.now()) return this._send(body);
    this._preflight(headerNames, (ok, maxAge) => {
      if (!ok) return;
      preflightCache.set(key, Date.now() + Math.min(maxAge, 600) * 1000);
      this._send(body);
    });
  }
  // Pragma is not a CORS-safelisted header, so a browser preflights every Faye CORS POST.
  _preflight(headerNames, done) {
    const req = requestFor(this._url).request(this._url, {
      method: 'OPTIONS',
      headers: {
        Origin: browser.origin,
        'Access-Control-Request-Method': this._method,
        'Access-Control-Request-Headers': headerNames.join(','),
      },
    }, (res) => {
      res.resume();
      res.on('end', () => {
        if (this._aborted) return;
        const refusal = corsRefusal(res.statusCode, res.headers, browser.origin);
        if (res.statusCode < 200 || res.statusCode > 299) {
          this._fail('preflight status ' + res.statusCode);
          return done(false);
        }
        if (refusal) {
          this._fail('preflight: ' + refusal);
          return done(false);
        }
        const h = lowerKeys(res.headers);
        const allowed = String(h['access-control-allow-headers'] || '').toLowerCase().split(',').map((s) => s.trim());
        const missing = headerNames.filter((n) => allowed.indexOf(n) < 0);
        if (missing.length) {
          this._fail('preflight: Access-Control-Allow-Headers lacks ' + missing.join(','));
          return done(false);
        }
        const methods = String(h['access-control-allow-methods'] || '').toUpperCase().split(',').map((s) => s.trim());
        if (methods.indexOf(this._method) < 0 && ['GET', 'POST', 'HEAD'].indexOf(this._method) < 0) {
          this._fail('preflight: Access-Control-Allow-Methods lacks ' + this._method);
          return done(false);
        }
        done(true, parseInt(h['access-control-max-age'] || '5', 10) || 0);
      });
    });
    this._req = req;
    req.on('error', () => { this._fail(null); done(false); });
    req.end();
  }
  _send(body) {
    if (this._aborted) return;
    const headers = Object.assign({
      Origin: browser.origin,
      'Content-Type': 'text/plain;charset=UTF-8',
    }, this._headers);
    const req = requestFor(this._url).request(this._url, { method: this._method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        if (this._aborted) return;
        const refusal = corsRefusal(res.statusCode, res.headers, browser.origin);
        if (refusal) return this._fail(refusal);
        this.status = res.statusCode;
        this.responseText = Buffer.concat(chunks).toString('utf8');
        if (this.onload) this.onload();
      });
    });
    this._req = req;
    req.on('error', () => this._fail(null));
    req.end(body);
  }
}

// What the JSONP transport needs of `document`: a <head> whose appendChild loads a script.
function installScriptLoader() {
  const head = {
    appendChild(script) {
      script.parentNode = head;
      const url = script.src;
      const req = requestFor(url).get(url, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const fail = () => { if (script.onerror) script.onerror(); };
          if (res.statusCode < 200 || res.statusCode > 299) return fail();
          try {
            // Runs in this context, where the JSONP transport defined global[callbackName].
            vm.runInThisContext(Buffer.concat(chunks).toString('utf8'), { filename: 'jsonp-response.js' });
          } catch (e) {
            process.stderr.write('JSONP script failed: ' + e + '\n');
            fail();
          }
        });
      });
      req.on('error', () => { if (script.onerror) script.onerror(); });
    },
    removeChild() {},
  };
  global.document = {
    getElementsByTagName: (name) => (name === 'head' ? [head] : []),
    createElement: () => ({}),
  };
}

function registerBrowserTransports() {
  if (browserTransportsRegistered) return;
  browserTransportsRegistered = true;
  const Class = require('faye/src/util/class');
  const Transport = require('faye/src/transport/transport');
  const CORS = require('faye/src/transport/cors');
  const JSONP = require('faye/src/transport/jsonp');
  global.XMLHttpRequest = NodeXMLHttpRequest;
  installScriptLoader();
  // cors.js decides "cross-origin" by comparing with window.location; a Node process has none,
  // and the endpoint is by definition on another origin than the emulated page.
  const NodeCORS = Object.assign(Class(CORS, {}), {
    isUsable: (dispatcher, endpoint, callback, context) => callback.call(context, true),
  });
  // Same relative order as the browser bundle (browser_transports.js).
  Transport.register('cross-origin-long-polling', NodeCORS);
  Transport.register('callback-polling', JSONP);
}

// ---------------------------------------------------------------------------------------------

const TRANSPORTS = ['websocket', 'long-polling', 'callback-polling', 'cross-origin-long-polling'];

let client = null;
let lastConnectionType = null;
const pendingUnsubscribes = new Map(); // channel -> [ref...]
const subscriptions = new Map(); // channel -> [faye Subscription...] made by this script

function requireClient(cmd) {
  if (!client) throw new Error('not connected: send {"cmd":"connect",...} before ' + JSON.stringify(cmd.cmd));
  return client;
}

function requireChannel(cmd) {
  if (typeof cmd.channel !== 'string') throw new Error('"channel" must be a string');
  return cmd.channel;
}

function connect(cmd) {
  if (client) throw new Error('already connected; send {"cmd":"disconnect"} first');
  if (typeof cmd.url !== 'string') throw new Error('"url" must be a string');
  const transport = cmd.transport || 'websocket';
  if (TRANSPORTS.indexOf(transport) < 0) throw new Error('unknown transport ' + JSON.stringify(transport) + '; one of ' + TRANSPORTS.join(', '));
  if (cmd.ext !== undefined && (cmd.ext === null || typeof cmd.ext !== 'object' || Array.isArray(cmd.ext))) {
    throw new Error('"ext" must be an object');
  }
  if (typeof cmd.origin === 'string') browser.origin = cmd.origin;
  const browserMode = transport === 'callback-polling' || transport === 'cross-origin-long-polling';
  if (browserMode) registerBrowserTransports();

  const options = {};
  if (typeof cmd.timeout === 'number') options.timeout = cmd.timeout;
  if (typeof cmd.retry === 'number') options.retry = cmd.retry;
  const c = new faye.Client(cmd.url, options);

  // client.disable(...) leaves exactly the wanted transport (the handshake itself always goes
  // over a mandatory type: long-polling, or callback-polling when long-polling is disabled).
  if (transport !== 'websocket') c.disable('websocket');
  if (browserMode) c.disable('long-polling');
  if (transport === 'callback-polling') c.disable('cross-origin-long-polling');
  if (cmd.headers && typeof cmd.headers === 'object') {
    for (const [k, v] of Object.entries(cmd.headers)) c.setHeader(k, String(v));
  }

  const ext = cmd.ext;
  c.addExtension({
    outgoing(message, callback) {
      try {
        if (ext) message.ext = Object.assign({}, message.ext || {}, ext);
        if (message.channel === '/meta/connect' && message.connectionType !== lastConnectionType) {
          lastConnectionType = message.connectionType;
          emit({ event: 'transport', connectionType: message.connectionType });
        }
        if (cmd.traceOutgoing) emit({ event: 'out', message });
      } catch (e) {
        emit({ event: 'error', message: 'outgoing extension: ' + e.message });
      }
      callback(message);
    },
    incoming(message, callback) {
      try {
        const ch = message.channel;
        if (cmd.traceMeta && typeof ch === 'string' && ch.startsWith('/meta/')) emit({ event: 'meta', message });
        if (ch === '/meta/handshake') {
          if (message.successful) {
            emit({ event: 'handshake', clientId: message.clientId, supportedConnectionTypes: message.supportedConnectionTypes });
          } else {
            emit({ event: 'handshake-failed', error: message.error || null, advice: message.advice || null });
          }
        } else if (ch === '/meta/connect' && message.successful === false) {
          emit({ event: 'connect-failed', error: message.error || null, advice: message.advice || null });
        } else if (ch === '/meta/unsubscribe' && 'successful' in message) {
          for (const sub of [].concat(message.subscription || [])) {
            const refs = pendingUnsubscribes.get(sub);
            if (!refs || !refs.length) continue;
            const ref = refs.shift();
            if (message.successful) emit({ event: 'unsubscribed', ref, channel: sub });
            else emit({ event: 'unsubscribe-failed', ref, channel: sub, error: message.error || null });
          }
        }
      } catch (e) {
        emit({ event: 'error', message: 'incoming extension: ' + e.message });
      }
      callback(message);
    },
  });
  if (cmd.catchup) {
    // The page's catch-up extension (src-webapp/js/live-catchup.js), then a probe behind it that reports every
    // change it passes on, with its number, so a test can tell a missed or repeated change.
    const LiveCatchUp = require(require('path').join(__dirname, '../../../src-webapp/js/live-catchup.js'));
    const catchUp = LiveCatchUp.attach(c, { onReload: (channel, seq) => emit({ event: 'reload', channel, seq, epoch: catchUp.epoch(channel) || null }) });
    c.addExtension({
      incoming(message, callback) {
        if (message.ext && typeof message.ext.seq === 'number' && !String(message.channel).startsWith('/meta/')) {
          emit({ event: 'delivered', channel: message.channel, seq: message.ext.seq, epoch: message.ext.epoch || null });
        }
        callback(message);
      },
    });
  }
  c.on('transport:up', () => emit({ event: 'transport:up' }));
  c.on('transport:down', () => emit({ event: 'transport:down' }));

  client = c;
  lastConnectionType = null;
  c.connect(() => {
    emit({ event: 'connected', ref: cmd.ref, clientId: c._dispatcher.clientId || null });
  });
}

function subscribe(cmd) {
  const c = requireClient(cmd);
  const channel = requireChannel(cmd);
  const subscription = c.subscribe(channel, () => {});
  if (!subscriptions.has(channel)) subscriptions.set(channel, []);
  subscriptions.get(channel).push(subscription);
  subscription.withChannel((actual, data) => {
    emit({ event: 'message', channel: actual, subscription: channel, data, receivedAt: Date.now() });
  });
  subscription.then(
    () => emit({ event: 'subscribed', ref: cmd.ref, channel }),
    (err) => emit({ event: 'subscribe-failed', ref: cmd.ref, channel, error: errorText(err) }));
}

function unsubscribe(cmd) {
  const c = requireClient(cmd);
  const channel = requireChannel(cmd);
  const subs = subscriptions.get(channel);
  if (!subs || !subs.length) {
    emit({ event: 'unsubscribe-failed', ref: cmd.ref, channel, error: 'not subscribed to ' + channel });
    return;
  }
  subscriptions.delete(channel);
  const refs = pendingUnsubscribes.get(channel) || [];
  refs.push(cmd.ref);
  pendingUnsubscribes.set(channel, refs);
  // Cancelling the last listener of a channel makes Faye send /meta/unsubscribe; the server's
  // reply (seen by the incoming extension) reports "unsubscribed".
  for (const s of subs) s.cancel();
}

function publish(cmd) {
  const c = requireClient(cmd);
  const channel = requireChannel(cmd);
  if (cmd.data === undefined) throw new Error('"data" is required');
  const options = {};
  if (typeof cmd.attempts === 'number') options.attempts = cmd.attempts;
  if (typeof cmd.deadline === 'number') options.deadline = cmd.deadline;
  c.publish(channel, cmd.data, options).then(
    () => emit({ event: 'published', ref: cmd.ref, channel }),
    (err) => emit({ event: 'publish-failed', ref: cmd.ref, channel, error: errorText(err) }));
}

function disconnect(cmd) {
  if (!client) {
    emit({ event: 'disconnected', ref: cmd.ref });
    return;
  }
  const c = client;
  client = null;
  pendingUnsubscribes.clear();
  subscriptions.clear();
  const done = () => emit({ event: 'disconnected', ref: cmd.ref });
  const promise = c.disconnect(); // undefined unless the client had completed its handshake
  if (promise && promise.then) promise.then(done, (err) => emit({ event: 'disconnected', ref: cmd.ref, error: errorText(err) }));
  else { c._dispatcher.close(); done(); }
}

function exit() {
  if (client) {
    try { client.disconnect(); } catch (e) { /* leaving anyway */ }
  }
  emit({ event: 'exiting' });
  // Give the /meta/disconnect a moment to leave, then go.
  setTimeout(() => process.exit(0), 100).unref();
  setTimeout(() => process.exit(0), 1000);
}

const handlers = { connect, subscribe, unsubscribe, publish, disconnect, exit };

const rl = readline.createInterface({ input: process.stdin, terminal: false });
rl.on('line', (line) => {
  if (!line.trim()) return;
  let cmd;
  try {
    cmd = JSON.parse(line);
  } catch (e) {
    emit({ event: 'error', message: 'not JSON: ' + e.message, line });
    return;
  }
  if (!cmd || typeof cmd !== 'object' || Array.isArray(cmd) || typeof cmd.cmd !== 'string') {
    emit({ event: 'error', message: 'a command is a JSON object with a string "cmd"', line });
    return;
  }
  const handler = Object.prototype.hasOwnProperty.call(handlers, cmd.cmd) ? handlers[cmd.cmd] : null;
  if (!handler) {
    emit({ event: 'error', ref: cmd.ref, message: 'unknown cmd ' + JSON.stringify(cmd.cmd) });
    return;
  }
  try {
    handler(cmd);
  } catch (e) {
    emit({ event: 'error', ref: cmd.ref, cmd: cmd.cmd, message: e.message });
  }
});
rl.on('close', () => process.exit(0));

emit({ event: 'ready', pid: process.pid, faye: require('faye/package.json').version, node: process.version });
