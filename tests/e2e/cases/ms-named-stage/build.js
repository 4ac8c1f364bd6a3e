// Renders notes.md into dist/notes.html with marked (a dev dependency: only the build needs it).
const fs = require('fs');
const { marked } = require('marked');

fs.mkdirSync('dist', { recursive: true });
fs.writeFileSync('dist/notes.html', marked.parse(fs.readFileSync('notes.md', 'utf8')));
console.log('wrote dist/notes.html');
