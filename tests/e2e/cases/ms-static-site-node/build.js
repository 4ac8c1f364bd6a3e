// Renders content.md into dist/index.html with marked (a dev dependency: only the build needs it).
const fs = require('fs');
const { marked } = require('marked');

fs.mkdirSync('dist', { recursive: true });
const body = marked.parse(fs.readFileSync('content.md', 'utf8'));
fs.writeFileSync('dist/index.html', `<!doctype html>\n<title>site</title>\n${body}`);
console.log('wrote dist/index.html');
