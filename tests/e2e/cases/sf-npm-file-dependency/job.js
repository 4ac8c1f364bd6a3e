const greet = require("greet-js");
console.log(greet("dfmod"));
