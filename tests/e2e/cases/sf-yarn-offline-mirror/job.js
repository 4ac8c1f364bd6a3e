const duration = require("dfmod-duration");
console.log(`two days is ${duration("2 days")} ms`);
