// Exits 0 when the server answers /health.
require('http').get('http://127.0.0.1:18453/health', (res) => process.exit(res.statusCode === 200 ? 0 : 1)).on('error', () => process.exit(1));
