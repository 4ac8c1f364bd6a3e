const http = require('node:http');
const fs = require('node:fs');
const port = Number(process.env.PORT || 18111);
const greeting = fs.existsSync('/app/config/greeting.txt') ? fs.readFileSync('/app/config/greeting.txt', 'utf8').trim() : 'hello';
const server = http.createServer((req, res) => {
  res.setHeader('content-type', 'text/plain');
  res.end(`${greeting} from mr-node-server (uid ${process.getuid()})\n`);
});
process.on('SIGTERM', () => {
  fs.writeFileSync('/tmp/sigterm-handled', 'yes\n');
  server.close(() => process.exit(0));
});
server.listen(port, '127.0.0.1');
