const { execSync } = require('child_process');
const ms = require('ms');
console.log(execSync('git --version').toString().trim(), ms(60000));
