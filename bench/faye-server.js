'use strict';
// The reference: a stock Faye 1.4.3 server (npm faye, as pinned in src/test/node/package-lock.json), mounted at
// /faye with the same connect timeout as ours (30 s). Nothing else: no extensions, no engine tuning.
// Usage: NODE_PATH=src/test/node/node_modules node bench/faye-server.js [port=18790] [host=127.0.0.1]
const http = require('http');
const faye = require('faye');

const port = parseInt(process.argv[2] || '18790', 10);
const host = process.argv[3] || '127.0.0.1';

const bayeux = new faye.NodeAdapter({ mount: '/faye', timeout: 30 });
const server = http.createServer((req, res) => {
  res.writeHead(404, { 'Content-Type': 'text/plain' });
  res.end('not found\n');
});
bayeux.attach(server);
server.on('error', (e) => {
  process.stderr.write('faye-server: ' + e.message + '\n');
  process.exit(1);
});
server.listen(port, host, () => process.stdout.write('listening ' + server.address().port + '\n'));
