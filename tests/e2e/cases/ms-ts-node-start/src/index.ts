const ms: (v: number) => string = require('ms');
const label: string = 'ts-node ran';
console.log(label, ms(2000));
