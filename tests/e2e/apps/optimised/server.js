const http = require('http');
const ms = require('ms');

const port = Number(process.env.PORT || 18089);
const started = Date.now();

const server = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end(`hello from optimised (up ${ms(Date.now() - started + 1000)})\n`);
});

server.listen(port, '127.0.0.1', () => {
  console.log(`optimised listening on 127.0.0.1:${port}`);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
