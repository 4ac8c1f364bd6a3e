// Reports the curl it will use for health pings: the image must ship curl.
const { execSync } = require('child_process');
const ms = require('ms');
const first = execSync('curl --version').toString().split('\n')[0];
console.log(first.split(' ').slice(0, 2).join(' '), 'available; ping every', ms(30000));
