// Renders src/pages/*.txt into dist/*.html with src/layout.html. No dependencies.
const fs = require('fs');
const path = require('path');

const src = path.join(__dirname, 'src');
const dist = path.join(__dirname, 'dist');
const layout = fs.readFileSync(path.join(src, 'layout.html'), 'utf8');

fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(dist, { recursive: true });

const pages = fs.readdirSync(path.join(src, 'pages')).filter((f) => f.endsWith('.txt'));
for (const file of pages) {
  const [title, ...body] = fs.readFileSync(path.join(src, 'pages', file), 'utf8').trim().split('\n');
  const html = layout
    .replace(/{{title}}/g, title)
    .replace('{{body}}', body.filter(Boolean).map((p) => `<p>${p}</p>`).join('\n'))
    .replace('{{built}}', new Date().toISOString());
  fs.writeFileSync(path.join(dist, file.replace(/\.txt$/, '.html')), html);
}
console.log(`built ${pages.length} page(s) into dist/`);
