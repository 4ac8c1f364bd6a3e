const http = require('node:http');
const fs = require('node:fs');
const ms = require('ms');
const server = http.createServer((req, res) => {
  res.setHeader('content-type', 'text/plain');
  res.end(`timeout ${ms(Number(process.env.TIMEOUT_MS || 90000), { long: true })} (uid ${process.getuid()})\n`);
});
process.on('SIGTERM', () => {
  fs.writeFileSync('/tmp/sigterm-handled', 'yes\n');
  server.close(() => process.exit(0));
});
server.listen(18113, '127.0.0.1');
