// Plain http server; deliberately no SIGTERM handler (PID 1 / init behaviour matters).
const http = require('http');
const ms = require('ms');

const port = Number(process.env.PORT || 18081);
const started = Date.now();

const server = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end(`hello from node-server (up ${ms(Date.now() - started + 1000)})\n`);
});

server.listen(port, '127.0.0.1', () => {
  console.log(`node-server listening on 127.0.0.1:${port}`);
});
