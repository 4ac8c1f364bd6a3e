import http from 'http';
import { greet } from './greeting';

const port = Number(process.env.PORT || 18082);

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(greet('node-build')) + '\n');
});

server.listen(port, '127.0.0.1', () => {
  console.log(`node-build listening on 127.0.0.1:${port}`);
});
