'use strict';
// A stock Faye server (npm faye, the version pinned in package-lock.json), for the harness
// self-test: the real client against the real server, before pointing it at ours.
// Usage: node faye-server.js <port> [host]   prints "listening <port>" on stdout when ready.
// Mount /faye, timeout 5 s. Exits when stdin closes, so it never outlives the test that started it.
const http = require('http');
const faye = require('faye');

const port = parseInt(process.argv[2] || '0', 10);
const host = process.argv[3] || '127.0.0.1';

const bayeux = new faye.NodeAdapter({ mount: '/faye', timeout: 5 });
const server = http.createServer((req, res) => {
  res.writeHead(404, { 'Content-Type': 'text/plain' });
  res.end('not found\n');
});
bayeux.attach(server);
server.on('error', (e) => {
  process.stderr.write('faye-server: ' + e.message + '\n');
  process.exit(1);
});
server.listen(port, host, () => {
  process.stdout.write('listening ' + server.address().port + '\n');
});
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
