// Serves the built notes and the polling interval, formatted by ms (a production dependency).
const http = require('http');
const fs = require('fs');
const path = require('path');
const ms = require('ms');

const notes = fs.readFileSync(path.join(__dirname, 'dist', 'notes.html'), 'utf8');
const interval = Number(process.env.MS || 1000);
http.createServer((req, res) => {
  if (req.url === '/health') { res.end('ok'); return; }
  res.writeHead(200, { 'content-type': 'text/html' });
  res.end(`${notes}<p>polling every ${ms(interval, { long: true })}</p>\n`);
}).listen(18453, '127.0.0.1', () => console.log('listening on 18453'));
