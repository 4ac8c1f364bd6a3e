module.exports = (name) => `hello, ${name}, from a vendored package`;
