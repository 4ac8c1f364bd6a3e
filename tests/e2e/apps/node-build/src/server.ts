import express from 'express';
import { greet } from './greeting';

const port = Number(process.env.PORT || 18082);
const app = express();

app.get('/', (_req, res) => {
  res.json(greet('node-build'));
});

app.listen(port, '127.0.0.1', () => {
  console.log(`node-build listening on 127.0.0.1:${port}`);
});
