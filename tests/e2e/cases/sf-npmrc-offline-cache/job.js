const duration = require("dfmod-duration");
console.log(`two hours is ${duration("2 h")} ms`);
