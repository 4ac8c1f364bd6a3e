const http = require('node:http');
const fs = require('node:fs');
const ms = require('ms');
const server = http.createServer((req, res) => {
  res.setHeader('content-type', 'text/plain');
  res.end(`npm ci server: a minute is ${ms('1m')} ms\n`);
});
process.on('SIGTERM', () => {
  fs.writeFileSync('/tmp/sigterm-handled', 'yes\n');
  server.close(() => process.exit(0));
});
server.listen(18206, '127.0.0.1');
