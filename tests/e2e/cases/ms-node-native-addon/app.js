const { add } = require('addon');
const ms = require('ms');
console.log(`native add: ${add(40, 2)}; timeout ${ms(5000)}`);
