const http = require('node:http');
const fs = require('node:fs');
const server = http.createServer((req, res) => {
  res.setHeader('content-type', 'text/plain');
  res.end('node server in exec form\n');
});
process.on('SIGTERM', () => {
  fs.writeFileSync('/tmp/sigterm-handled', 'yes\n');
  server.close(() => process.exit(0));
});
server.listen(18212, '127.0.0.1');
