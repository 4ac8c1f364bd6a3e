// Serves the built site from dist/ with node's own http module.
const http = require('http');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, 'dist');
http.createServer((req, res) => {
  const name = req.url === '/' ? 'index.html' : path.normalize(req.url).replace(/^\/+/, '');
  fs.readFile(path.join(root, name), (err, data) => {
    if (err) { res.writeHead(404); res.end('not found'); return; }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(data);
  });
}).listen(18450, '127.0.0.1', () => console.log('listening on 18450'));
