// A server with its own SIGTERM handler: it writes the marker the behaviour suite reads, then closes.
const fs = require('fs');
const http = require('http');

const port = Number(process.env.PORT || 18302);
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('hello from init-shell-cmd\n');
});
server.listen(port, '127.0.0.1', () => console.log('init-shell-cmd listening on 127.0.0.1:' + port));

process.on('SIGTERM', () => {
  fs.writeFileSync('/tmp/sigterm-handled', 'closed by its own handler\n');
  server.close(() => process.exit(0));
});
