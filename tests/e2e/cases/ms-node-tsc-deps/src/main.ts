import { readdirSync } from 'fs';

// ms ships no types: a typed require keeps strict mode happy without @types/ms.
const ms: (value: string) => number = require('ms');

console.log(`2 days = ${ms('2 days')} ms`);
console.log(`dist: ${readdirSync(__dirname).sort().join(' ')}`);
