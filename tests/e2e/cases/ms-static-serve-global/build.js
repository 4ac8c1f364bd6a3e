// Renders src/page.txt into build/index.html: the single-page app a static server serves.
const fs = require('fs');

fs.mkdirSync('build', { recursive: true });
const text = fs.readFileSync('src/page.txt', 'utf8').trim();
fs.writeFileSync('build/index.html', `<!doctype html>\n<title>app</title>\n<h1>${text}</h1>\n`);
console.log('wrote build/index.html');
