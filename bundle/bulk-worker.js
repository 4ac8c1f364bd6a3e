import { createRequire as dfmodCreateRequire } from 'node:module';
const require = dfmodCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path20, { windows } = {}) => {
      const segs = path20.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants.globChars(opts.windows);
      const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix = POSIX_REGEX_SOURCE[rest2];
                if (posix) {
                  prev.value = pre + posix;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart2 = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart2 || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart2 && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants = require_constants();
    var isObject2 = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch3 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch3(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject2(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix = opts.windows;
      const regex = isState ? picomatch3.compileRe(glob, options) : picomatch3.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch3(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch3.test(input, regex, options, { glob, posix });
        const result = { glob, state, regex, posix, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch3.test = (input, regex, options, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch3.matchBase(input, regex, options, posix);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch3.matchBase = (input, glob, options, posix = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch3.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix }));
    };
    picomatch3.isMatch = (str, patterns, options) => picomatch3(patterns, options)(str);
    picomatch3.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch3.parse(p, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch3.scan = (input, options) => scan(input, options);
    picomatch3.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch3.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch3.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch3.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch3.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch3.constants = constants;
    module.exports = picomatch3;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch3(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch3, pico);
    module.exports = picomatch3;
  }
});

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar;
    exports.isSeq = isSeq;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path20) {
      const ctrl = callVisitor(key, node, visitor, path20);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path20, ctrl);
        return visit_(key, ctrl, visitor, path20);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path20 = Object.freeze(path20.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path20);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path20 = Object.freeze(path20.concat(node));
          const ck = visit_("key", node.key, visitor, path20);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path20);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path20) {
      const ctrl = await callVisitor(key, node, visitor, path20);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path20, ctrl);
        return visitAsync_(key, ctrl, visitor, path20);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path20 = Object.freeze(path20.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path20);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path20 = Object.freeze(path20.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path20);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path20);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path20) {
      if (typeof visitor === "function")
        return visitor(key, node, path20);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path20);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path20);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path20);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path20);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path20);
      return void 0;
    }
    function replaceNode(key, path20, node) {
      const parent = path20[path20.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path20, value) {
      let v = value;
      for (let i = path20.length - 1; i >= 0; --i) {
        const k = path20[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path20) => path20 == null || typeof path20 === "object" && !!path20[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path20, value) {
        if (isEmptyPath(path20))
          this.add(value);
        else {
          const [key, ...rest] = path20;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path20) {
        const [key, ...rest] = path20;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path20, keepScalar) {
        const [key, ...rest] = path20;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path20) {
        const [key, ...rest] = path20;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path20, value) {
        const [key, ...rest] = path20;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path20, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path20, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path20) {
        if (Collection.isEmptyPath(path20)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path20) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path20, keepScalar) {
        if (Collection.isEmptyPath(path20))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path20, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path20) {
        if (Collection.isEmptyPath(path20))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path20) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path20, value) {
        if (Collection.isEmptyPath(path20)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path20), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path20, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap = fc.start.source === "{";
      const fcName = isMap ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path20) => {
      let item = cst;
      for (const [field, index] of path20) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path20) => {
      const parent = visit.itemAtPath(cst, path20.slice(0, -1));
      const field = path20[path20.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path20, item, visitor) {
      let ctrl = visitor(item, path20);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path20.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path20);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path20) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM2 = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM2:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM2:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM2;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser3 = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser3;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser2 = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser2.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser2.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser2 = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser2.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// node_modules/dockerfile-ast/lib/argument.js
var require_argument = __commonJS({
  "node_modules/dockerfile-ast/lib/argument.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Argument = void 0;
    var Argument = class {
      constructor(value, range) {
        this.value = value;
        this.range = range;
      }
      toString() {
        return this.value;
      }
      getRange() {
        return this.range;
      }
      getValue() {
        return this.value;
      }
      isAfter(position) {
        if (this.range.end.line < position.line) {
          return false;
        }
        return this.range.start.line > position.line ? true : this.range.start.character > position.character;
      }
      isBefore(position) {
        if (this.range.start.line < position.line) {
          return true;
        }
        return this.range.end.line > position.line ? false : this.range.end.character < position.character;
      }
    };
    exports.Argument = Argument;
  }
});

// node_modules/dockerfile-ast/lib/jsonArgument.js
var require_jsonArgument = __commonJS({
  "node_modules/dockerfile-ast/lib/jsonArgument.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.JSONArgument = void 0;
    var argument_1 = require_argument();
    var JSONArgument = class extends argument_1.Argument {
      constructor(value, range, jsonRange) {
        super(value, range);
        this.jsonRange = jsonRange;
      }
      getJSONRange() {
        return this.jsonRange;
      }
      getJSONValue() {
        let value = super.getValue();
        value = value.substring(1, value.length - 1);
        return value;
      }
    };
    exports.JSONArgument = JSONArgument;
  }
});

// node_modules/vscode-languageserver-types/lib/esm/main.js
var main_exports = {};
__export(main_exports, {
  AnnotatedTextEdit: () => AnnotatedTextEdit,
  ApplyKind: () => ApplyKind,
  ChangeAnnotation: () => ChangeAnnotation,
  ChangeAnnotationIdentifier: () => ChangeAnnotationIdentifier,
  CodeAction: () => CodeAction,
  CodeActionContext: () => CodeActionContext,
  CodeActionKind: () => CodeActionKind,
  CodeActionTag: () => CodeActionTag,
  CodeActionTriggerKind: () => CodeActionTriggerKind,
  CodeDescription: () => CodeDescription,
  CodeLens: () => CodeLens,
  Color: () => Color,
  ColorInformation: () => ColorInformation,
  ColorPresentation: () => ColorPresentation,
  Command: () => Command,
  CompletionItem: () => CompletionItem,
  CompletionItemKind: () => CompletionItemKind,
  CompletionItemLabelDetails: () => CompletionItemLabelDetails,
  CompletionItemTag: () => CompletionItemTag,
  CompletionList: () => CompletionList,
  CreateFile: () => CreateFile,
  DeleteFile: () => DeleteFile,
  Diagnostic: () => Diagnostic,
  DiagnosticRelatedInformation: () => DiagnosticRelatedInformation,
  DiagnosticSeverity: () => DiagnosticSeverity,
  DiagnosticTag: () => DiagnosticTag,
  DocumentHighlight: () => DocumentHighlight,
  DocumentHighlightKind: () => DocumentHighlightKind,
  DocumentLink: () => DocumentLink,
  DocumentSymbol: () => DocumentSymbol,
  DocumentUri: () => DocumentUri,
  EOL: () => EOL,
  FoldingRange: () => FoldingRange,
  FoldingRangeKind: () => FoldingRangeKind,
  FormattingOptions: () => FormattingOptions,
  Hover: () => Hover,
  InlayHint: () => InlayHint,
  InlayHintKind: () => InlayHintKind,
  InlayHintLabelPart: () => InlayHintLabelPart,
  InlineCompletionContext: () => InlineCompletionContext,
  InlineCompletionItem: () => InlineCompletionItem,
  InlineCompletionList: () => InlineCompletionList,
  InlineCompletionTriggerKind: () => InlineCompletionTriggerKind,
  InlineValueContext: () => InlineValueContext,
  InlineValueEvaluatableExpression: () => InlineValueEvaluatableExpression,
  InlineValueText: () => InlineValueText,
  InlineValueVariableLookup: () => InlineValueVariableLookup,
  InsertReplaceEdit: () => InsertReplaceEdit,
  InsertTextFormat: () => InsertTextFormat,
  InsertTextMode: () => InsertTextMode,
  LanguageKind: () => LanguageKind,
  Location: () => Location,
  LocationLink: () => LocationLink,
  MarkedString: () => MarkedString,
  MarkupContent: () => MarkupContent,
  MarkupKind: () => MarkupKind,
  OptionalVersionedTextDocumentIdentifier: () => OptionalVersionedTextDocumentIdentifier,
  ParameterInformation: () => ParameterInformation,
  Position: () => Position,
  Range: () => Range,
  RenameFile: () => RenameFile,
  SelectedCompletionInfo: () => SelectedCompletionInfo,
  SelectionRange: () => SelectionRange,
  SemanticTokenModifiers: () => SemanticTokenModifiers,
  SemanticTokenTypes: () => SemanticTokenTypes,
  SemanticTokens: () => SemanticTokens,
  SignatureInformation: () => SignatureInformation,
  SnippetTextEdit: () => SnippetTextEdit,
  StringValue: () => StringValue,
  SymbolInformation: () => SymbolInformation,
  SymbolKind: () => SymbolKind,
  SymbolTag: () => SymbolTag,
  TextDocument: () => TextDocument,
  TextDocumentEdit: () => TextDocumentEdit,
  TextDocumentIdentifier: () => TextDocumentIdentifier,
  TextDocumentItem: () => TextDocumentItem,
  TextEdit: () => TextEdit,
  URI: () => URI,
  VersionedTextDocumentIdentifier: () => VersionedTextDocumentIdentifier,
  WorkspaceChange: () => WorkspaceChange,
  WorkspaceEdit: () => WorkspaceEdit,
  WorkspaceFolder: () => WorkspaceFolder,
  WorkspaceSymbol: () => WorkspaceSymbol,
  integer: () => integer,
  uinteger: () => uinteger
});
var DocumentUri, URI, integer, uinteger, Position, Range, Location, LocationLink, Color, ColorInformation, ColorPresentation, FoldingRangeKind, FoldingRange, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag, CodeDescription, Diagnostic, Command, TextEdit, ChangeAnnotation, ChangeAnnotationIdentifier, AnnotatedTextEdit, TextDocumentEdit, CreateFile, RenameFile, DeleteFile, WorkspaceEdit, TextEditChangeImpl, SnippetTextEdit, ChangeAnnotations, WorkspaceChange, TextDocumentIdentifier, VersionedTextDocumentIdentifier, OptionalVersionedTextDocumentIdentifier, LanguageKind, TextDocumentItem, MarkupKind, MarkupContent, CompletionItemKind, InsertTextFormat, CompletionItemTag, InsertReplaceEdit, InsertTextMode, ApplyKind, CompletionItemLabelDetails, CompletionItem, CompletionList, MarkedString, Hover, ParameterInformation, SignatureInformation, DocumentHighlightKind, DocumentHighlight, SymbolKind, SymbolTag, SymbolInformation, WorkspaceSymbol, DocumentSymbol, CodeActionKind, CodeActionTriggerKind, CodeActionContext, CodeActionTag, CodeAction, CodeLens, FormattingOptions, DocumentLink, SelectionRange, SemanticTokenTypes, SemanticTokenModifiers, SemanticTokens, InlineValueText, InlineValueVariableLookup, InlineValueEvaluatableExpression, InlineValueContext, InlayHintKind, InlayHintLabelPart, InlayHint, StringValue, InlineCompletionItem, InlineCompletionList, InlineCompletionTriggerKind, SelectedCompletionInfo, InlineCompletionContext, WorkspaceFolder, EOL, TextDocument, FullTextDocument, Is;
var init_main = __esm({
  "node_modules/vscode-languageserver-types/lib/esm/main.js"() {
    "use strict";
    (function(DocumentUri2) {
      function is(value) {
        return typeof value === "string";
      }
      DocumentUri2.is = is;
    })(DocumentUri || (DocumentUri = {}));
    (function(URI2) {
      function is(value) {
        return typeof value === "string";
      }
      URI2.is = is;
    })(URI || (URI = {}));
    (function(integer2) {
      integer2.MIN_VALUE = -2147483648;
      integer2.MAX_VALUE = 2147483647;
      function is(value) {
        return typeof value === "number" && integer2.MIN_VALUE <= value && value <= integer2.MAX_VALUE;
      }
      integer2.is = is;
    })(integer || (integer = {}));
    (function(uinteger2) {
      uinteger2.MIN_VALUE = 0;
      uinteger2.MAX_VALUE = 2147483647;
      function is(value) {
        return typeof value === "number" && uinteger2.MIN_VALUE <= value && value <= uinteger2.MAX_VALUE;
      }
      uinteger2.is = is;
    })(uinteger || (uinteger = {}));
    (function(Position2) {
      function create(line, character) {
        if (line === Number.MAX_VALUE) {
          line = uinteger.MAX_VALUE;
        }
        if (character === Number.MAX_VALUE) {
          character = uinteger.MAX_VALUE;
        }
        return { line, character };
      }
      Position2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.uinteger(candidate.line) && Is.uinteger(candidate.character);
      }
      Position2.is = is;
    })(Position || (Position = {}));
    (function(Range2) {
      function create(one, two, three, four) {
        if (Is.uinteger(one) && Is.uinteger(two) && Is.uinteger(three) && Is.uinteger(four)) {
          return { start: Position.create(one, two), end: Position.create(three, four) };
        } else if (Position.is(one) && Position.is(two)) {
          return { start: one, end: two };
        } else {
          throw new Error(`Range#create called with invalid arguments[${one}, ${two}, ${three}, ${four}]`);
        }
      }
      Range2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Position.is(candidate.start) && Position.is(candidate.end);
      }
      Range2.is = is;
    })(Range || (Range = {}));
    (function(Location2) {
      function create(uri, range) {
        return { uri, range };
      }
      Location2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && (Is.string(candidate.uri) || Is.undefined(candidate.uri));
      }
      Location2.is = is;
    })(Location || (Location = {}));
    (function(LocationLink2) {
      function create(targetUri, targetRange, targetSelectionRange, originSelectionRange) {
        return { targetUri, targetRange, targetSelectionRange, originSelectionRange };
      }
      LocationLink2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.targetRange) && Is.string(candidate.targetUri) && Range.is(candidate.targetSelectionRange) && (Range.is(candidate.originSelectionRange) || Is.undefined(candidate.originSelectionRange));
      }
      LocationLink2.is = is;
    })(LocationLink || (LocationLink = {}));
    (function(Color2) {
      function create(red, green, blue, alpha) {
        return {
          red,
          green,
          blue,
          alpha
        };
      }
      Color2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.numberRange(candidate.red, 0, 1) && Is.numberRange(candidate.green, 0, 1) && Is.numberRange(candidate.blue, 0, 1) && Is.numberRange(candidate.alpha, 0, 1);
      }
      Color2.is = is;
    })(Color || (Color = {}));
    (function(ColorInformation2) {
      function create(range, color) {
        return {
          range,
          color
        };
      }
      ColorInformation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && Color.is(candidate.color);
      }
      ColorInformation2.is = is;
    })(ColorInformation || (ColorInformation = {}));
    (function(ColorPresentation2) {
      function create(label, textEdit, additionalTextEdits) {
        return {
          label,
          textEdit,
          additionalTextEdits
        };
      }
      ColorPresentation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.label) && (Is.undefined(candidate.textEdit) || TextEdit.is(candidate.textEdit)) && (Is.undefined(candidate.additionalTextEdits) || Is.typedArray(candidate.additionalTextEdits, TextEdit.is));
      }
      ColorPresentation2.is = is;
    })(ColorPresentation || (ColorPresentation = {}));
    (function(FoldingRangeKind2) {
      FoldingRangeKind2.Comment = "comment";
      FoldingRangeKind2.Imports = "imports";
      FoldingRangeKind2.Region = "region";
    })(FoldingRangeKind || (FoldingRangeKind = {}));
    (function(FoldingRange2) {
      function create(startLine, endLine, startCharacter, endCharacter, kind, collapsedText) {
        const result = {
          startLine,
          endLine
        };
        if (Is.defined(startCharacter)) {
          result.startCharacter = startCharacter;
        }
        if (Is.defined(endCharacter)) {
          result.endCharacter = endCharacter;
        }
        if (Is.defined(kind)) {
          result.kind = kind;
        }
        if (Is.defined(collapsedText)) {
          result.collapsedText = collapsedText;
        }
        return result;
      }
      FoldingRange2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.uinteger(candidate.startLine) && Is.uinteger(candidate.endLine) && (Is.undefined(candidate.startCharacter) || Is.uinteger(candidate.startCharacter)) && (Is.undefined(candidate.endCharacter) || Is.uinteger(candidate.endCharacter)) && (Is.undefined(candidate.kind) || Is.string(candidate.kind));
      }
      FoldingRange2.is = is;
    })(FoldingRange || (FoldingRange = {}));
    (function(DiagnosticRelatedInformation2) {
      function create(location, message) {
        return {
          location,
          message
        };
      }
      DiagnosticRelatedInformation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Location.is(candidate.location) && Is.string(candidate.message);
      }
      DiagnosticRelatedInformation2.is = is;
    })(DiagnosticRelatedInformation || (DiagnosticRelatedInformation = {}));
    (function(DiagnosticSeverity2) {
      DiagnosticSeverity2.Error = 1;
      DiagnosticSeverity2.Warning = 2;
      DiagnosticSeverity2.Information = 3;
      DiagnosticSeverity2.Hint = 4;
    })(DiagnosticSeverity || (DiagnosticSeverity = {}));
    (function(DiagnosticTag2) {
      DiagnosticTag2.Unnecessary = 1;
      DiagnosticTag2.Deprecated = 2;
    })(DiagnosticTag || (DiagnosticTag = {}));
    (function(CodeDescription2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.href);
      }
      CodeDescription2.is = is;
    })(CodeDescription || (CodeDescription = {}));
    (function(Diagnostic2) {
      function create(range, message, severity, code, source, relatedInformation) {
        const result = { range, message };
        if (Is.defined(severity)) {
          result.severity = severity;
        }
        if (Is.defined(code)) {
          result.code = code;
        }
        if (Is.defined(source)) {
          result.source = source;
        }
        if (Is.defined(relatedInformation)) {
          result.relatedInformation = relatedInformation;
        }
        return result;
      }
      Diagnostic2.create = create;
      function is(value) {
        var _a;
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.string(candidate.message) || MarkupContent.is(candidate.message)) && (Is.number(candidate.severity) || Is.undefined(candidate.severity)) && (Is.integer(candidate.code) || Is.string(candidate.code) || Is.undefined(candidate.code)) && (Is.undefined(candidate.codeDescription) || Is.string((_a = candidate.codeDescription) === null || _a === void 0 ? void 0 : _a.href)) && (Is.string(candidate.source) || Is.undefined(candidate.source)) && (Is.undefined(candidate.relatedInformation) || Is.typedArray(candidate.relatedInformation, DiagnosticRelatedInformation.is));
      }
      Diagnostic2.is = is;
      function is3_17(value) {
        return Is.string(value.message);
      }
      Diagnostic2.is3_17 = is3_17;
      function getMessageString(diagnostic) {
        if (Is.string(diagnostic.message)) {
          return diagnostic.message;
        } else if (MarkupContent.is(diagnostic.message)) {
          return diagnostic.message.value;
        } else {
          throw new Error(`Unknown message type ${typeof diagnostic.message}`);
        }
      }
      Diagnostic2.getMessageString = getMessageString;
    })(Diagnostic || (Diagnostic = {}));
    (function(Command2) {
      function create(title, command, ...args) {
        const result = { title, command };
        if (Is.defined(args) && args.length > 0) {
          result.arguments = args;
        }
        return result;
      }
      Command2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.title) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip)) && Is.string(candidate.command);
      }
      Command2.is = is;
    })(Command || (Command = {}));
    (function(TextEdit2) {
      function replace(range, newText) {
        return { range, newText };
      }
      TextEdit2.replace = replace;
      function insert(position, newText) {
        return { range: { start: position, end: position }, newText };
      }
      TextEdit2.insert = insert;
      function del(range) {
        return { range, newText: "" };
      }
      TextEdit2.del = del;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.newText) && Range.is(candidate.range);
      }
      TextEdit2.is = is;
    })(TextEdit || (TextEdit = {}));
    (function(ChangeAnnotation2) {
      function create(label, needsConfirmation, description) {
        const result = { label };
        if (needsConfirmation !== void 0) {
          result.needsConfirmation = needsConfirmation;
        }
        if (description !== void 0) {
          result.description = description;
        }
        return result;
      }
      ChangeAnnotation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.label) && (Is.boolean(candidate.needsConfirmation) || candidate.needsConfirmation === void 0) && (Is.string(candidate.description) || candidate.description === void 0);
      }
      ChangeAnnotation2.is = is;
    })(ChangeAnnotation || (ChangeAnnotation = {}));
    (function(ChangeAnnotationIdentifier2) {
      function is(value) {
        const candidate = value;
        return Is.string(candidate);
      }
      ChangeAnnotationIdentifier2.is = is;
    })(ChangeAnnotationIdentifier || (ChangeAnnotationIdentifier = {}));
    (function(AnnotatedTextEdit2) {
      function replace(range, newText, annotation) {
        return { range, newText, annotationId: annotation };
      }
      AnnotatedTextEdit2.replace = replace;
      function insert(position, newText, annotation) {
        return { range: { start: position, end: position }, newText, annotationId: annotation };
      }
      AnnotatedTextEdit2.insert = insert;
      function del(range, annotation) {
        return { range, newText: "", annotationId: annotation };
      }
      AnnotatedTextEdit2.del = del;
      function is(value) {
        const candidate = value;
        return TextEdit.is(candidate) && (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      AnnotatedTextEdit2.is = is;
    })(AnnotatedTextEdit || (AnnotatedTextEdit = {}));
    (function(TextDocumentEdit2) {
      function create(textDocument, edits2) {
        return { textDocument, edits: edits2 };
      }
      TextDocumentEdit2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && OptionalVersionedTextDocumentIdentifier.is(candidate.textDocument) && Array.isArray(candidate.edits);
      }
      TextDocumentEdit2.is = is;
    })(TextDocumentEdit || (TextDocumentEdit = {}));
    (function(CreateFile2) {
      function create(uri, options, annotation) {
        const result = {
          kind: "create",
          uri
        };
        if (options !== void 0 && (options.overwrite !== void 0 || options.ignoreIfExists !== void 0)) {
          result.options = options;
        }
        if (annotation !== void 0) {
          result.annotationId = annotation;
        }
        return result;
      }
      CreateFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "create" && Is.string(candidate.uri) && (candidate.options === void 0 || (candidate.options.overwrite === void 0 || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === void 0 || Is.boolean(candidate.options.ignoreIfExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      CreateFile2.is = is;
    })(CreateFile || (CreateFile = {}));
    (function(RenameFile2) {
      function create(oldUri, newUri, options, annotation) {
        const result = {
          kind: "rename",
          oldUri,
          newUri
        };
        if (options !== void 0 && (options.overwrite !== void 0 || options.ignoreIfExists !== void 0)) {
          result.options = options;
        }
        if (annotation !== void 0) {
          result.annotationId = annotation;
        }
        return result;
      }
      RenameFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "rename" && Is.string(candidate.oldUri) && Is.string(candidate.newUri) && (candidate.options === void 0 || (candidate.options.overwrite === void 0 || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === void 0 || Is.boolean(candidate.options.ignoreIfExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      RenameFile2.is = is;
    })(RenameFile || (RenameFile = {}));
    (function(DeleteFile2) {
      function create(uri, options, annotation) {
        const result = {
          kind: "delete",
          uri
        };
        if (options !== void 0 && (options.recursive !== void 0 || options.ignoreIfNotExists !== void 0)) {
          result.options = options;
        }
        if (annotation !== void 0) {
          result.annotationId = annotation;
        }
        return result;
      }
      DeleteFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "delete" && Is.string(candidate.uri) && (candidate.options === void 0 || (candidate.options.recursive === void 0 || Is.boolean(candidate.options.recursive)) && (candidate.options.ignoreIfNotExists === void 0 || Is.boolean(candidate.options.ignoreIfNotExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      DeleteFile2.is = is;
    })(DeleteFile || (DeleteFile = {}));
    (function(WorkspaceEdit2) {
      function is(value) {
        const candidate = value;
        return candidate && (candidate.changes !== void 0 || candidate.documentChanges !== void 0) && (candidate.documentChanges === void 0 || candidate.documentChanges.every((change) => {
          if (Is.string(change.kind)) {
            return CreateFile.is(change) || RenameFile.is(change) || DeleteFile.is(change);
          } else {
            return TextDocumentEdit.is(change);
          }
        }));
      }
      WorkspaceEdit2.is = is;
    })(WorkspaceEdit || (WorkspaceEdit = {}));
    TextEditChangeImpl = class {
      constructor(edits2, changeAnnotations) {
        this.edits = edits2;
        this.changeAnnotations = changeAnnotations;
      }
      insert(position, newText, annotation) {
        let edit;
        let id;
        if (annotation === void 0) {
          edit = TextEdit.insert(position, newText);
        } else if (ChangeAnnotationIdentifier.is(annotation)) {
          id = annotation;
          edit = AnnotatedTextEdit.insert(position, newText, annotation);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id = this.changeAnnotations.manage(annotation);
          edit = AnnotatedTextEdit.insert(position, newText, id);
        }
        this.edits.push(edit);
        if (id !== void 0) {
          return id;
        }
      }
      replace(range, newText, annotation) {
        let edit;
        let id;
        if (annotation === void 0) {
          edit = TextEdit.replace(range, newText);
        } else if (ChangeAnnotationIdentifier.is(annotation)) {
          id = annotation;
          edit = AnnotatedTextEdit.replace(range, newText, annotation);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id = this.changeAnnotations.manage(annotation);
          edit = AnnotatedTextEdit.replace(range, newText, id);
        }
        this.edits.push(edit);
        if (id !== void 0) {
          return id;
        }
      }
      delete(range, annotation) {
        let edit;
        let id;
        if (annotation === void 0) {
          edit = TextEdit.del(range);
        } else if (ChangeAnnotationIdentifier.is(annotation)) {
          id = annotation;
          edit = AnnotatedTextEdit.del(range, annotation);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id = this.changeAnnotations.manage(annotation);
          edit = AnnotatedTextEdit.del(range, id);
        }
        this.edits.push(edit);
        if (id !== void 0) {
          return id;
        }
      }
      add(edit) {
        this.edits.push(edit);
      }
      all() {
        return this.edits;
      }
      clear() {
        this.edits.splice(0, this.edits.length);
      }
      assertChangeAnnotations(value) {
        if (value === void 0) {
          throw new Error(`Text edit change is not configured to manage change annotations.`);
        }
      }
    };
    (function(SnippetTextEdit2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && StringValue.isSnippet(candidate.snippet) && (candidate.annotationId === void 0 || (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId)));
      }
      SnippetTextEdit2.is = is;
    })(SnippetTextEdit || (SnippetTextEdit = {}));
    ChangeAnnotations = class {
      constructor(annotations) {
        this._annotations = annotations === void 0 ? /* @__PURE__ */ Object.create(null) : annotations;
        this._counter = 0;
        this._size = 0;
      }
      all() {
        return this._annotations;
      }
      get size() {
        return this._size;
      }
      manage(idOrAnnotation, annotation) {
        let id;
        if (ChangeAnnotationIdentifier.is(idOrAnnotation)) {
          id = idOrAnnotation;
        } else {
          id = this.nextId();
          annotation = idOrAnnotation;
        }
        if (this._annotations[id] !== void 0) {
          throw new Error(`Id ${id} is already in use.`);
        }
        if (annotation === void 0) {
          throw new Error(`No annotation provided for id ${id}`);
        }
        this._annotations[id] = annotation;
        this._size++;
        return id;
      }
      nextId() {
        this._counter++;
        return this._counter.toString();
      }
    };
    WorkspaceChange = class {
      constructor(workspaceEdit) {
        this._textEditChanges = /* @__PURE__ */ Object.create(null);
        if (workspaceEdit !== void 0) {
          this._workspaceEdit = workspaceEdit;
          if (workspaceEdit.documentChanges) {
            this._changeAnnotations = new ChangeAnnotations(workspaceEdit.changeAnnotations);
            workspaceEdit.changeAnnotations = this._changeAnnotations.all();
            workspaceEdit.documentChanges.forEach((change) => {
              if (TextDocumentEdit.is(change)) {
                const textEditChange = new TextEditChangeImpl(change.edits, this._changeAnnotations);
                this._textEditChanges[change.textDocument.uri] = textEditChange;
              }
            });
          } else if (workspaceEdit.changes) {
            Object.keys(workspaceEdit.changes).forEach((key) => {
              const textEditChange = new TextEditChangeImpl(workspaceEdit.changes[key]);
              this._textEditChanges[key] = textEditChange;
            });
          }
        } else {
          this._workspaceEdit = {};
        }
      }
      /**
       * Returns the underlying {@link WorkspaceEdit} literal
       * use to be returned from a workspace edit operation like rename.
       */
      get edit() {
        this.initDocumentChanges();
        if (this._changeAnnotations !== void 0) {
          if (this._changeAnnotations.size === 0) {
            this._workspaceEdit.changeAnnotations = void 0;
          } else {
            this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
          }
        }
        return this._workspaceEdit;
      }
      getTextEditChange(key) {
        if (OptionalVersionedTextDocumentIdentifier.is(key)) {
          this.initDocumentChanges();
          if (this._workspaceEdit.documentChanges === void 0) {
            throw new Error("Workspace edit is not configured for document changes.");
          }
          const textDocument = { uri: key.uri, version: key.version };
          let result = this._textEditChanges[textDocument.uri];
          if (!result) {
            const edits2 = [];
            const textDocumentEdit = {
              textDocument,
              edits: edits2
            };
            this._workspaceEdit.documentChanges.push(textDocumentEdit);
            result = new TextEditChangeImpl(edits2, this._changeAnnotations);
            this._textEditChanges[textDocument.uri] = result;
          }
          return result;
        } else {
          this.initChanges();
          if (this._workspaceEdit.changes === void 0) {
            throw new Error("Workspace edit is not configured for normal text edit changes.");
          }
          let result = this._textEditChanges[key];
          if (!result) {
            const edits2 = [];
            this._workspaceEdit.changes[key] = edits2;
            result = new TextEditChangeImpl(edits2);
            this._textEditChanges[key] = result;
          }
          return result;
        }
      }
      initDocumentChanges() {
        if (this._workspaceEdit.documentChanges === void 0 && this._workspaceEdit.changes === void 0) {
          this._changeAnnotations = new ChangeAnnotations();
          this._workspaceEdit.documentChanges = [];
          this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
        }
      }
      initChanges() {
        if (this._workspaceEdit.documentChanges === void 0 && this._workspaceEdit.changes === void 0) {
          this._workspaceEdit.changes = /* @__PURE__ */ Object.create(null);
        }
      }
      createFile(uri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id;
        if (annotation === void 0) {
          operation = CreateFile.create(uri, options);
        } else {
          id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
          operation = CreateFile.create(uri, options, id);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id !== void 0) {
          return id;
        }
      }
      renameFile(oldUri, newUri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id;
        if (annotation === void 0) {
          operation = RenameFile.create(oldUri, newUri, options);
        } else {
          id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
          operation = RenameFile.create(oldUri, newUri, options, id);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id !== void 0) {
          return id;
        }
      }
      deleteFile(uri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id;
        if (annotation === void 0) {
          operation = DeleteFile.create(uri, options);
        } else {
          id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
          operation = DeleteFile.create(uri, options, id);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id !== void 0) {
          return id;
        }
      }
    };
    (function(TextDocumentIdentifier2) {
      function create(uri) {
        return { uri };
      }
      TextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri);
      }
      TextDocumentIdentifier2.is = is;
    })(TextDocumentIdentifier || (TextDocumentIdentifier = {}));
    (function(VersionedTextDocumentIdentifier2) {
      function create(uri, version) {
        return { uri, version };
      }
      VersionedTextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && Is.integer(candidate.version);
      }
      VersionedTextDocumentIdentifier2.is = is;
    })(VersionedTextDocumentIdentifier || (VersionedTextDocumentIdentifier = {}));
    (function(OptionalVersionedTextDocumentIdentifier2) {
      function create(uri, version) {
        return { uri, version };
      }
      OptionalVersionedTextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && (candidate.version === null || Is.integer(candidate.version));
      }
      OptionalVersionedTextDocumentIdentifier2.is = is;
    })(OptionalVersionedTextDocumentIdentifier || (OptionalVersionedTextDocumentIdentifier = {}));
    (function(LanguageKind2) {
      LanguageKind2.ABAP = "abap";
      LanguageKind2.WindowsBat = "bat";
      LanguageKind2.BibTeX = "bibtex";
      LanguageKind2.Clojure = "clojure";
      LanguageKind2.Coffeescript = "coffeescript";
      LanguageKind2.C = "c";
      LanguageKind2.CPP = "cpp";
      LanguageKind2.CSharp = "csharp";
      LanguageKind2.CSS = "css";
      LanguageKind2.D = "d";
      LanguageKind2.Delphi = "pascal";
      LanguageKind2.Diff = "diff";
      LanguageKind2.Dart = "dart";
      LanguageKind2.Dockerfile = "dockerfile";
      LanguageKind2.Elixir = "elixir";
      LanguageKind2.Erlang = "erlang";
      LanguageKind2.FSharp = "fsharp";
      LanguageKind2.GitCommit = "git-commit";
      LanguageKind2.GitRebase = "git-rebase";
      LanguageKind2.Go = "go";
      LanguageKind2.Groovy = "groovy";
      LanguageKind2.Handlebars = "handlebars";
      LanguageKind2.Haskell = "haskell";
      LanguageKind2.HTML = "html";
      LanguageKind2.Ini = "ini";
      LanguageKind2.Java = "java";
      LanguageKind2.JavaScript = "javascript";
      LanguageKind2.JavaScriptReact = "javascriptreact";
      LanguageKind2.JSON = "json";
      LanguageKind2.LaTeX = "latex";
      LanguageKind2.Less = "less";
      LanguageKind2.Lua = "lua";
      LanguageKind2.Makefile = "makefile";
      LanguageKind2.Markdown = "markdown";
      LanguageKind2.ObjectiveC = "objective-c";
      LanguageKind2.ObjectiveCPP = "objective-cpp";
      LanguageKind2.Pascal = "pascal";
      LanguageKind2.Perl = "perl";
      LanguageKind2.Perl6 = "perl6";
      LanguageKind2.PHP = "php";
      LanguageKind2.Plaintext = "plaintext";
      LanguageKind2.Powershell = "powershell";
      LanguageKind2.Pug = "jade";
      LanguageKind2.Python = "python";
      LanguageKind2.R = "r";
      LanguageKind2.Razor = "razor";
      LanguageKind2.Ruby = "ruby";
      LanguageKind2.Rust = "rust";
      LanguageKind2.SCSS = "scss";
      LanguageKind2.SASS = "sass";
      LanguageKind2.Scala = "scala";
      LanguageKind2.ShaderLab = "shaderlab";
      LanguageKind2.ShellScript = "shellscript";
      LanguageKind2.SQL = "sql";
      LanguageKind2.Swift = "swift";
      LanguageKind2.TypeScript = "typescript";
      LanguageKind2.TypeScriptReact = "typescriptreact";
      LanguageKind2.TeX = "tex";
      LanguageKind2.VisualBasic = "vb";
      LanguageKind2.XML = "xml";
      LanguageKind2.XSL = "xsl";
      LanguageKind2.YAML = "yaml";
    })(LanguageKind || (LanguageKind = {}));
    (function(TextDocumentItem2) {
      function create(uri, languageId, version, text) {
        return { uri, languageId, version, text };
      }
      TextDocumentItem2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && Is.string(candidate.languageId) && Is.integer(candidate.version) && Is.string(candidate.text);
      }
      TextDocumentItem2.is = is;
    })(TextDocumentItem || (TextDocumentItem = {}));
    (function(MarkupKind2) {
      MarkupKind2.PlainText = "plaintext";
      MarkupKind2.Markdown = "markdown";
      function is(value) {
        const candidate = value;
        return candidate === MarkupKind2.PlainText || candidate === MarkupKind2.Markdown;
      }
      MarkupKind2.is = is;
    })(MarkupKind || (MarkupKind = {}));
    (function(MarkupContent2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(value) && MarkupKind.is(candidate.kind) && Is.string(candidate.value);
      }
      MarkupContent2.is = is;
    })(MarkupContent || (MarkupContent = {}));
    (function(CompletionItemKind2) {
      CompletionItemKind2.Text = 1;
      CompletionItemKind2.Method = 2;
      CompletionItemKind2.Function = 3;
      CompletionItemKind2.Constructor = 4;
      CompletionItemKind2.Field = 5;
      CompletionItemKind2.Variable = 6;
      CompletionItemKind2.Class = 7;
      CompletionItemKind2.Interface = 8;
      CompletionItemKind2.Module = 9;
      CompletionItemKind2.Property = 10;
      CompletionItemKind2.Unit = 11;
      CompletionItemKind2.Value = 12;
      CompletionItemKind2.Enum = 13;
      CompletionItemKind2.Keyword = 14;
      CompletionItemKind2.Snippet = 15;
      CompletionItemKind2.Color = 16;
      CompletionItemKind2.File = 17;
      CompletionItemKind2.Reference = 18;
      CompletionItemKind2.Folder = 19;
      CompletionItemKind2.EnumMember = 20;
      CompletionItemKind2.Constant = 21;
      CompletionItemKind2.Struct = 22;
      CompletionItemKind2.Event = 23;
      CompletionItemKind2.Operator = 24;
      CompletionItemKind2.TypeParameter = 25;
    })(CompletionItemKind || (CompletionItemKind = {}));
    (function(InsertTextFormat2) {
      InsertTextFormat2.PlainText = 1;
      InsertTextFormat2.Snippet = 2;
    })(InsertTextFormat || (InsertTextFormat = {}));
    (function(CompletionItemTag2) {
      CompletionItemTag2.Deprecated = 1;
    })(CompletionItemTag || (CompletionItemTag = {}));
    (function(InsertReplaceEdit2) {
      function create(newText, insert, replace) {
        return { newText, insert, replace };
      }
      InsertReplaceEdit2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.newText) && Range.is(candidate.insert) && Range.is(candidate.replace);
      }
      InsertReplaceEdit2.is = is;
    })(InsertReplaceEdit || (InsertReplaceEdit = {}));
    (function(InsertTextMode2) {
      InsertTextMode2.asIs = 1;
      InsertTextMode2.adjustIndentation = 2;
    })(InsertTextMode || (InsertTextMode = {}));
    (function(ApplyKind2) {
      ApplyKind2.Replace = 1;
      ApplyKind2.Merge = 2;
    })(ApplyKind || (ApplyKind = {}));
    (function(CompletionItemLabelDetails2) {
      function is(value) {
        const candidate = value;
        return candidate && (Is.string(candidate.detail) || candidate.detail === void 0) && (Is.string(candidate.description) || candidate.description === void 0);
      }
      CompletionItemLabelDetails2.is = is;
    })(CompletionItemLabelDetails || (CompletionItemLabelDetails = {}));
    (function(CompletionItem2) {
      function create(label) {
        return { label };
      }
      CompletionItem2.create = create;
    })(CompletionItem || (CompletionItem = {}));
    (function(CompletionList2) {
      function create(items, isIncomplete) {
        return { items: items ? items : [], isIncomplete: !!isIncomplete };
      }
      CompletionList2.create = create;
    })(CompletionList || (CompletionList = {}));
    (function(MarkedString2) {
      function fromPlainText(plainText) {
        return plainText.replace(/[\\`*_{}[\]()#+\-.!]/g, "\\$&");
      }
      MarkedString2.fromPlainText = fromPlainText;
      function is(value) {
        const candidate = value;
        return Is.string(candidate) || Is.objectLiteral(candidate) && Is.string(candidate.language) && Is.string(candidate.value);
      }
      MarkedString2.is = is;
    })(MarkedString || (MarkedString = {}));
    (function(Hover2) {
      function is(value) {
        const candidate = value;
        return !!candidate && Is.objectLiteral(candidate) && (MarkupContent.is(candidate.contents) || MarkedString.is(candidate.contents) || Is.typedArray(candidate.contents, MarkedString.is)) && (value.range === void 0 || Range.is(value.range));
      }
      Hover2.is = is;
    })(Hover || (Hover = {}));
    (function(ParameterInformation2) {
      function create(label, documentation) {
        return documentation ? { label, documentation } : { label };
      }
      ParameterInformation2.create = create;
    })(ParameterInformation || (ParameterInformation = {}));
    (function(SignatureInformation2) {
      function create(label, documentation, ...parameters) {
        const result = { label };
        if (Is.defined(documentation)) {
          result.documentation = documentation;
        }
        if (Is.defined(parameters)) {
          result.parameters = parameters;
        } else {
          result.parameters = [];
        }
        return result;
      }
      SignatureInformation2.create = create;
    })(SignatureInformation || (SignatureInformation = {}));
    (function(DocumentHighlightKind2) {
      DocumentHighlightKind2.Text = 1;
      DocumentHighlightKind2.Read = 2;
      DocumentHighlightKind2.Write = 3;
    })(DocumentHighlightKind || (DocumentHighlightKind = {}));
    (function(DocumentHighlight2) {
      function create(range, kind) {
        const result = { range };
        if (Is.number(kind)) {
          result.kind = kind;
        }
        return result;
      }
      DocumentHighlight2.create = create;
    })(DocumentHighlight || (DocumentHighlight = {}));
    (function(SymbolKind2) {
      SymbolKind2.File = 1;
      SymbolKind2.Module = 2;
      SymbolKind2.Namespace = 3;
      SymbolKind2.Package = 4;
      SymbolKind2.Class = 5;
      SymbolKind2.Method = 6;
      SymbolKind2.Property = 7;
      SymbolKind2.Field = 8;
      SymbolKind2.Constructor = 9;
      SymbolKind2.Enum = 10;
      SymbolKind2.Interface = 11;
      SymbolKind2.Function = 12;
      SymbolKind2.Variable = 13;
      SymbolKind2.Constant = 14;
      SymbolKind2.String = 15;
      SymbolKind2.Number = 16;
      SymbolKind2.Boolean = 17;
      SymbolKind2.Array = 18;
      SymbolKind2.Object = 19;
      SymbolKind2.Key = 20;
      SymbolKind2.Null = 21;
      SymbolKind2.EnumMember = 22;
      SymbolKind2.Struct = 23;
      SymbolKind2.Event = 24;
      SymbolKind2.Operator = 25;
      SymbolKind2.TypeParameter = 26;
    })(SymbolKind || (SymbolKind = {}));
    (function(SymbolTag2) {
      SymbolTag2.Deprecated = 1;
    })(SymbolTag || (SymbolTag = {}));
    (function(SymbolInformation2) {
      function create(name, kind, range, uri, containerName) {
        const result = {
          name,
          kind,
          location: { uri, range }
        };
        if (containerName) {
          result.containerName = containerName;
        }
        return result;
      }
      SymbolInformation2.create = create;
    })(SymbolInformation || (SymbolInformation = {}));
    (function(WorkspaceSymbol2) {
      function create(name, kind, uri, range) {
        return range !== void 0 ? { name, kind, location: { uri, range } } : { name, kind, location: { uri } };
      }
      WorkspaceSymbol2.create = create;
    })(WorkspaceSymbol || (WorkspaceSymbol = {}));
    (function(DocumentSymbol2) {
      function create(name, detail, kind, range, selectionRange, children) {
        const result = {
          name,
          detail,
          kind,
          range,
          selectionRange
        };
        if (children !== void 0) {
          result.children = children;
        }
        return result;
      }
      DocumentSymbol2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.name) && Is.number(candidate.kind) && Range.is(candidate.range) && Range.is(candidate.selectionRange) && (candidate.detail === void 0 || Is.string(candidate.detail)) && (candidate.deprecated === void 0 || Is.boolean(candidate.deprecated)) && (candidate.children === void 0 || Array.isArray(candidate.children)) && (candidate.tags === void 0 || Array.isArray(candidate.tags));
      }
      DocumentSymbol2.is = is;
    })(DocumentSymbol || (DocumentSymbol = {}));
    (function(CodeActionKind2) {
      CodeActionKind2.Empty = "";
      CodeActionKind2.QuickFix = "quickfix";
      CodeActionKind2.Refactor = "refactor";
      CodeActionKind2.RefactorExtract = "refactor.extract";
      CodeActionKind2.RefactorInline = "refactor.inline";
      CodeActionKind2.RefactorMove = "refactor.move";
      CodeActionKind2.RefactorRewrite = "refactor.rewrite";
      CodeActionKind2.Source = "source";
      CodeActionKind2.SourceOrganizeImports = "source.organizeImports";
      CodeActionKind2.SourceFixAll = "source.fixAll";
      CodeActionKind2.Notebook = "notebook";
    })(CodeActionKind || (CodeActionKind = {}));
    (function(CodeActionTriggerKind2) {
      CodeActionTriggerKind2.Invoked = 1;
      CodeActionTriggerKind2.Automatic = 2;
    })(CodeActionTriggerKind || (CodeActionTriggerKind = {}));
    (function(CodeActionContext2) {
      function create(diagnostics, only, triggerKind) {
        const result = { diagnostics };
        if (only !== void 0 && only !== null) {
          result.only = only;
        }
        if (triggerKind !== void 0 && triggerKind !== null) {
          result.triggerKind = triggerKind;
        }
        return result;
      }
      CodeActionContext2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.typedArray(candidate.diagnostics, Diagnostic.is) && (candidate.only === void 0 || Is.typedArray(candidate.only, Is.string)) && (candidate.triggerKind === void 0 || candidate.triggerKind === CodeActionTriggerKind.Invoked || candidate.triggerKind === CodeActionTriggerKind.Automatic);
      }
      CodeActionContext2.is = is;
    })(CodeActionContext || (CodeActionContext = {}));
    (function(CodeActionTag2) {
      CodeActionTag2.LLMGenerated = 1;
      function is(value) {
        return Is.defined(value) && value === CodeActionTag2.LLMGenerated;
      }
      CodeActionTag2.is = is;
    })(CodeActionTag || (CodeActionTag = {}));
    (function(CodeAction2) {
      function create(title, kindOrCommandOrEdit, kind) {
        const result = { title };
        let checkKind = true;
        if (typeof kindOrCommandOrEdit === "string") {
          checkKind = false;
          result.kind = kindOrCommandOrEdit;
        } else if (Command.is(kindOrCommandOrEdit)) {
          result.command = kindOrCommandOrEdit;
        } else {
          result.edit = kindOrCommandOrEdit;
        }
        if (checkKind && kind !== void 0) {
          result.kind = kind;
        }
        return result;
      }
      CodeAction2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.title) && (candidate.diagnostics === void 0 || Is.typedArray(candidate.diagnostics, Diagnostic.is)) && (candidate.kind === void 0 || Is.string(candidate.kind)) && (candidate.edit !== void 0 || candidate.command !== void 0) && (candidate.command === void 0 || Command.is(candidate.command)) && (candidate.isPreferred === void 0 || Is.boolean(candidate.isPreferred)) && (candidate.edit === void 0 || WorkspaceEdit.is(candidate.edit)) && (candidate.tags === void 0 || Is.typedArray(candidate.tags, CodeActionTag.is));
      }
      CodeAction2.is = is;
    })(CodeAction || (CodeAction = {}));
    (function(CodeLens2) {
      function create(range, data) {
        const result = { range };
        if (Is.defined(data)) {
          result.data = data;
        }
        return result;
      }
      CodeLens2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.command) || Command.is(candidate.command));
      }
      CodeLens2.is = is;
    })(CodeLens || (CodeLens = {}));
    (function(FormattingOptions2) {
      function create(tabSize, insertSpaces) {
        return { tabSize, insertSpaces };
      }
      FormattingOptions2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.uinteger(candidate.tabSize) && Is.boolean(candidate.insertSpaces);
      }
      FormattingOptions2.is = is;
    })(FormattingOptions || (FormattingOptions = {}));
    (function(DocumentLink2) {
      function create(range, target, data) {
        return { range, target, data };
      }
      DocumentLink2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.target) || Is.string(candidate.target));
      }
      DocumentLink2.is = is;
    })(DocumentLink || (DocumentLink = {}));
    (function(SelectionRange2) {
      function create(range, parent) {
        return { range, parent };
      }
      SelectionRange2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && (candidate.parent === void 0 || SelectionRange2.is(candidate.parent));
      }
      SelectionRange2.is = is;
    })(SelectionRange || (SelectionRange = {}));
    (function(SemanticTokenTypes2) {
      SemanticTokenTypes2["namespace"] = "namespace";
      SemanticTokenTypes2["type"] = "type";
      SemanticTokenTypes2["class"] = "class";
      SemanticTokenTypes2["enum"] = "enum";
      SemanticTokenTypes2["interface"] = "interface";
      SemanticTokenTypes2["struct"] = "struct";
      SemanticTokenTypes2["typeParameter"] = "typeParameter";
      SemanticTokenTypes2["parameter"] = "parameter";
      SemanticTokenTypes2["variable"] = "variable";
      SemanticTokenTypes2["property"] = "property";
      SemanticTokenTypes2["enumMember"] = "enumMember";
      SemanticTokenTypes2["event"] = "event";
      SemanticTokenTypes2["function"] = "function";
      SemanticTokenTypes2["method"] = "method";
      SemanticTokenTypes2["macro"] = "macro";
      SemanticTokenTypes2["keyword"] = "keyword";
      SemanticTokenTypes2["modifier"] = "modifier";
      SemanticTokenTypes2["comment"] = "comment";
      SemanticTokenTypes2["string"] = "string";
      SemanticTokenTypes2["number"] = "number";
      SemanticTokenTypes2["regexp"] = "regexp";
      SemanticTokenTypes2["operator"] = "operator";
      SemanticTokenTypes2["decorator"] = "decorator";
      SemanticTokenTypes2["label"] = "label";
    })(SemanticTokenTypes || (SemanticTokenTypes = {}));
    (function(SemanticTokenModifiers2) {
      SemanticTokenModifiers2["declaration"] = "declaration";
      SemanticTokenModifiers2["definition"] = "definition";
      SemanticTokenModifiers2["readonly"] = "readonly";
      SemanticTokenModifiers2["static"] = "static";
      SemanticTokenModifiers2["deprecated"] = "deprecated";
      SemanticTokenModifiers2["abstract"] = "abstract";
      SemanticTokenModifiers2["async"] = "async";
      SemanticTokenModifiers2["modification"] = "modification";
      SemanticTokenModifiers2["documentation"] = "documentation";
      SemanticTokenModifiers2["defaultLibrary"] = "defaultLibrary";
    })(SemanticTokenModifiers || (SemanticTokenModifiers = {}));
    (function(SemanticTokens2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && (candidate.resultId === void 0 || typeof candidate.resultId === "string") && Array.isArray(candidate.data) && (candidate.data.length === 0 || typeof candidate.data[0] === "number");
      }
      SemanticTokens2.is = is;
    })(SemanticTokens || (SemanticTokens = {}));
    (function(InlineValueText2) {
      function create(range, text) {
        return { range, text };
      }
      InlineValueText2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range.is(candidate.range) && Is.string(candidate.text);
      }
      InlineValueText2.is = is;
    })(InlineValueText || (InlineValueText = {}));
    (function(InlineValueVariableLookup2) {
      function create(range, variableName, caseSensitiveLookup) {
        return { range, variableName, caseSensitiveLookup };
      }
      InlineValueVariableLookup2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range.is(candidate.range) && Is.boolean(candidate.caseSensitiveLookup) && (Is.string(candidate.variableName) || candidate.variableName === void 0);
      }
      InlineValueVariableLookup2.is = is;
    })(InlineValueVariableLookup || (InlineValueVariableLookup = {}));
    (function(InlineValueEvaluatableExpression2) {
      function create(range, expression) {
        return { range, expression };
      }
      InlineValueEvaluatableExpression2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range.is(candidate.range) && (Is.string(candidate.expression) || candidate.expression === void 0);
      }
      InlineValueEvaluatableExpression2.is = is;
    })(InlineValueEvaluatableExpression || (InlineValueEvaluatableExpression = {}));
    (function(InlineValueContext2) {
      function create(frameId, stoppedLocation) {
        return { frameId, stoppedLocation };
      }
      InlineValueContext2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(value.stoppedLocation);
      }
      InlineValueContext2.is = is;
    })(InlineValueContext || (InlineValueContext = {}));
    (function(InlayHintKind2) {
      InlayHintKind2.Type = 1;
      InlayHintKind2.Parameter = 2;
      function is(value) {
        return value === 1 || value === 2;
      }
      InlayHintKind2.is = is;
    })(InlayHintKind || (InlayHintKind = {}));
    (function(InlayHintLabelPart2) {
      function create(value) {
        return { value };
      }
      InlayHintLabelPart2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip)) && (candidate.location === void 0 || Location.is(candidate.location)) && (candidate.command === void 0 || Command.is(candidate.command));
      }
      InlayHintLabelPart2.is = is;
    })(InlayHintLabelPart || (InlayHintLabelPart = {}));
    (function(InlayHint2) {
      function create(position, label, kind) {
        const result = { position, label };
        if (kind !== void 0) {
          result.kind = kind;
        }
        return result;
      }
      InlayHint2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Position.is(candidate.position) && (Is.string(candidate.label) || Is.typedArray(candidate.label, InlayHintLabelPart.is)) && (candidate.kind === void 0 || InlayHintKind.is(candidate.kind)) && candidate.textEdits === void 0 || Is.typedArray(candidate.textEdits, TextEdit.is) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip)) && (candidate.paddingLeft === void 0 || Is.boolean(candidate.paddingLeft)) && (candidate.paddingRight === void 0 || Is.boolean(candidate.paddingRight));
      }
      InlayHint2.is = is;
    })(InlayHint || (InlayHint = {}));
    (function(StringValue2) {
      function createSnippet(value) {
        return { kind: "snippet", value };
      }
      StringValue2.createSnippet = createSnippet;
      function isSnippet(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && candidate.kind === "snippet" && Is.string(candidate.value);
      }
      StringValue2.isSnippet = isSnippet;
    })(StringValue || (StringValue = {}));
    (function(InlineCompletionItem2) {
      function create(insertText, filterText, range, command) {
        return { insertText, filterText, range, command };
      }
      InlineCompletionItem2.create = create;
    })(InlineCompletionItem || (InlineCompletionItem = {}));
    (function(InlineCompletionList2) {
      function create(items) {
        return { items };
      }
      InlineCompletionList2.create = create;
    })(InlineCompletionList || (InlineCompletionList = {}));
    (function(InlineCompletionTriggerKind2) {
      InlineCompletionTriggerKind2.Invoked = 1;
      InlineCompletionTriggerKind2.Automatic = 2;
    })(InlineCompletionTriggerKind || (InlineCompletionTriggerKind = {}));
    (function(SelectedCompletionInfo2) {
      function create(range, text) {
        return { range, text };
      }
      SelectedCompletionInfo2.create = create;
    })(SelectedCompletionInfo || (SelectedCompletionInfo = {}));
    (function(InlineCompletionContext2) {
      function create(triggerKind, selectedCompletionInfo) {
        return { triggerKind, selectedCompletionInfo };
      }
      InlineCompletionContext2.create = create;
    })(InlineCompletionContext || (InlineCompletionContext = {}));
    (function(WorkspaceFolder2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && URI.is(candidate.uri) && Is.string(candidate.name);
      }
      WorkspaceFolder2.is = is;
    })(WorkspaceFolder || (WorkspaceFolder = {}));
    EOL = ["\n", "\r\n", "\r"];
    (function(TextDocument3) {
      function create(uri, languageId, version, content) {
        return new FullTextDocument(uri, languageId, version, content);
      }
      TextDocument3.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && (Is.undefined(candidate.languageId) || Is.string(candidate.languageId)) && Is.uinteger(candidate.lineCount) && Is.func(candidate.getText) && Is.func(candidate.positionAt) && Is.func(candidate.offsetAt) ? true : false;
      }
      TextDocument3.is = is;
      function applyEdits2(document, edits2) {
        let text = document.getText();
        const sortedEdits = mergeSort2(edits2, (a, b) => {
          const diff = a.range.start.line - b.range.start.line;
          if (diff === 0) {
            return a.range.start.character - b.range.start.character;
          }
          return diff;
        });
        let lastModifiedOffset = text.length;
        for (let i = sortedEdits.length - 1; i >= 0; i--) {
          const e = sortedEdits[i];
          const startOffset = document.offsetAt(e.range.start);
          const endOffset = document.offsetAt(e.range.end);
          if (endOffset <= lastModifiedOffset) {
            text = text.substring(0, startOffset) + e.newText + text.substring(endOffset, text.length);
          } else {
            throw new Error("Overlapping edit");
          }
          lastModifiedOffset = startOffset;
        }
        return text;
      }
      TextDocument3.applyEdits = applyEdits2;
      function mergeSort2(data, compare) {
        if (data.length <= 1) {
          return data;
        }
        const p = data.length / 2 | 0;
        const left = data.slice(0, p);
        const right = data.slice(p);
        mergeSort2(left, compare);
        mergeSort2(right, compare);
        let leftIdx = 0;
        let rightIdx = 0;
        let i = 0;
        while (leftIdx < left.length && rightIdx < right.length) {
          const ret = compare(left[leftIdx], right[rightIdx]);
          if (ret <= 0) {
            data[i++] = left[leftIdx++];
          } else {
            data[i++] = right[rightIdx++];
          }
        }
        while (leftIdx < left.length) {
          data[i++] = left[leftIdx++];
        }
        while (rightIdx < right.length) {
          data[i++] = right[rightIdx++];
        }
        return data;
      }
    })(TextDocument || (TextDocument = {}));
    FullTextDocument = class {
      constructor(uri, languageId, version, content) {
        this._uri = uri;
        this._languageId = languageId;
        this._version = version;
        this._content = content;
        this._lineOffsets = void 0;
      }
      get uri() {
        return this._uri;
      }
      get languageId() {
        return this._languageId;
      }
      get version() {
        return this._version;
      }
      getText(range) {
        if (range) {
          const start = this.offsetAt(range.start);
          const end = this.offsetAt(range.end);
          return this._content.substring(start, end);
        }
        return this._content;
      }
      update(event, version) {
        this._content = event.text;
        this._version = version;
        this._lineOffsets = void 0;
      }
      getLineOffsets() {
        if (this._lineOffsets === void 0) {
          const lineOffsets2 = [];
          const text = this._content;
          let isLineStart = true;
          for (let i = 0; i < text.length; i++) {
            if (isLineStart) {
              lineOffsets2.push(i);
              isLineStart = false;
            }
            const ch = text.charAt(i);
            isLineStart = ch === "\r" || ch === "\n";
            if (ch === "\r" && i + 1 < text.length && text.charAt(i + 1) === "\n") {
              i++;
            }
          }
          if (isLineStart && text.length > 0) {
            lineOffsets2.push(text.length);
          }
          this._lineOffsets = lineOffsets2;
        }
        return this._lineOffsets;
      }
      positionAt(offset) {
        offset = Math.max(Math.min(offset, this._content.length), 0);
        const lineOffsets2 = this.getLineOffsets();
        let low = 0, high = lineOffsets2.length;
        if (high === 0) {
          return Position.create(0, offset);
        }
        while (low < high) {
          const mid = Math.floor((low + high) / 2);
          if (lineOffsets2[mid] > offset) {
            high = mid;
          } else {
            low = mid + 1;
          }
        }
        const line = low - 1;
        return Position.create(line, offset - lineOffsets2[line]);
      }
      offsetAt(position) {
        const lineOffsets2 = this.getLineOffsets();
        if (position.line >= lineOffsets2.length) {
          return this._content.length;
        } else if (position.line < 0) {
          return 0;
        }
        const lineOffset = lineOffsets2[position.line];
        const nextLineOffset = position.line + 1 < lineOffsets2.length ? lineOffsets2[position.line + 1] : this._content.length;
        return Math.max(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
      }
      get lineCount() {
        return this.getLineOffsets().length;
      }
    };
    (function(Is2) {
      const toString = Object.prototype.toString;
      function defined(value) {
        return typeof value !== "undefined";
      }
      Is2.defined = defined;
      function undefined2(value) {
        return typeof value === "undefined";
      }
      Is2.undefined = undefined2;
      function boolean(value) {
        return value === true || value === false;
      }
      Is2.boolean = boolean;
      function string(value) {
        return toString.call(value) === "[object String]";
      }
      Is2.string = string;
      function number(value) {
        return toString.call(value) === "[object Number]";
      }
      Is2.number = number;
      function numberRange(value, min, max) {
        return toString.call(value) === "[object Number]" && min <= value && value <= max;
      }
      Is2.numberRange = numberRange;
      function integer2(value) {
        return toString.call(value) === "[object Number]" && -2147483648 <= value && value <= 2147483647;
      }
      Is2.integer = integer2;
      function uinteger2(value) {
        return toString.call(value) === "[object Number]" && 0 <= value && value <= 2147483647;
      }
      Is2.uinteger = uinteger2;
      function func(value) {
        return toString.call(value) === "[object Function]";
      }
      Is2.func = func;
      function objectLiteral(value) {
        return value !== null && typeof value === "object";
      }
      Is2.objectLiteral = objectLiteral;
      function typedArray(value, check) {
        return Array.isArray(value) && value.every(check);
      }
      Is2.typedArray = typedArray;
    })(Is || (Is = {}));
  }
});

// node_modules/dockerfile-ast/lib/line.js
var require_line = __commonJS({
  "node_modules/dockerfile-ast/lib/line.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Line = void 0;
    var Line = class {
      constructor(document, range) {
        this.document = document;
        this.range = range;
      }
      getRange() {
        return this.range;
      }
      getTextContent() {
        return this.document.getText().substring(this.document.offsetAt(this.range.start), this.document.offsetAt(this.range.end));
      }
      isAfter(line) {
        return this.range.start.line > line.range.start.line;
      }
      isBefore(line) {
        return this.range.start.line < line;
      }
    };
    exports.Line = Line;
  }
});

// node_modules/dockerfile-ast/lib/util.js
var require_util = __commonJS({
  "node_modules/dockerfile-ast/lib/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Util = void 0;
    var Util = class _Util {
      static isUTF8BOM(char) {
        const uintArray = Uint8Array.from(Buffer.from(char, "UTF-8"));
        return uintArray[0] === 239 && uintArray[1] == 187 && uintArray[2] == 191;
      }
      static isWhitespace(char) {
        return char === " " || char === "	" || _Util.isNewline(char);
      }
      static isNewline(char) {
        return char === "\r" || char === "\n";
      }
      static findLeadingNonWhitespace(content, escapeChar) {
        whitespaceCheck: for (let i = 0; i < content.length; i++) {
          switch (content.charAt(i)) {
            case " ":
            case "	":
              continue;
            case escapeChar:
              escapeCheck: for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    i = j + 1;
                    continue whitespaceCheck;
                  case "\n":
                    i = j;
                    continue whitespaceCheck;
                  default:
                    break escapeCheck;
                }
              }
              return -1;
            default:
              return i;
          }
        }
        return -1;
      }
      /**
       * Determines if the given position is contained within the given range.
       *
       * @param position the position to check
       * @param range the range to see if the position is inside of
       */
      static isInsideRange(position, range) {
        if (range.start.line === range.end.line) {
          return range.start.line === position.line && range.start.character <= position.character && position.character <= range.end.character;
        } else if (range.start.line === position.line) {
          return range.start.character <= position.character;
        } else if (range.end.line === position.line) {
          return position.character <= range.end.character;
        }
        return range.start.line < position.line && position.line < range.end.line;
      }
      static parseHeredocName(value) {
        value = value.substring(2);
        if (value.charAt(0) === "-") {
          value = value.substring(1);
        }
        if (value.charAt(0) === '"') {
          if (value.charAt(value.length - 1) !== '"') {
            return null;
          }
          value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "'") {
          if (value.charAt(value.length - 1) !== "'") {
            return null;
          }
          value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "<") {
          return null;
        }
        return value;
      }
    };
    exports.Util = Util;
  }
});

// node_modules/dockerfile-ast/lib/comment.js
var require_comment = __commonJS({
  "node_modules/dockerfile-ast/lib/comment.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Comment = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var line_1 = require_line();
    var util_1 = require_util();
    var Comment = class extends line_1.Line {
      constructor(document, range) {
        super(document, range);
      }
      toString() {
        const content = this.getContent();
        if (content) {
          return "# " + content;
        }
        return "#";
      }
      /**
       * Returns the content of this comment. This excludes leading and
       * trailing whitespace as well as the # symbol. If the comment only
       * consists of whitespace, the empty string will be returned.
       */
      getContent() {
        let range = this.getContentRange();
        if (range === null) {
          return "";
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
      }
      /**
       * Returns a range that includes the content of the comment
       * excluding any leading and trailing whitespace as well as the #
       * symbol. May return null if the comment only consists of whitespace
       * characters.
       */
      getContentRange() {
        let range = this.getRange();
        const startOffset = this.document.offsetAt(range.start);
        let raw = this.document.getText().substring(startOffset, this.document.offsetAt(range.end));
        let start = -1;
        let end = -1;
        for (let i = 1; i < raw.length; i++) {
          if (!util_1.Util.isWhitespace(raw.charAt(i))) {
            start = i;
            break;
          }
        }
        if (start === -1) {
          return null;
        }
        for (let i = raw.length - 1; i >= 1; i--) {
          if (!util_1.Util.isWhitespace(raw.charAt(i))) {
            end = i + 1;
            break;
          }
        }
        return vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + start), this.document.positionAt(startOffset + end));
      }
    };
    exports.Comment = Comment;
  }
});

// node_modules/vscode-languageserver-textdocument/lib/esm/main.js
var main_exports2 = {};
__export(main_exports2, {
  TextDocument: () => TextDocument2
});
function mergeSort(data, compare) {
  if (data.length <= 1) {
    return data;
  }
  const p = data.length / 2 | 0;
  const left = data.slice(0, p);
  const right = data.slice(p);
  mergeSort(left, compare);
  mergeSort(right, compare);
  let leftIdx = 0;
  let rightIdx = 0;
  let i = 0;
  while (leftIdx < left.length && rightIdx < right.length) {
    const ret = compare(left[leftIdx], right[rightIdx]);
    if (ret <= 0) {
      data[i++] = left[leftIdx++];
    } else {
      data[i++] = right[rightIdx++];
    }
  }
  while (leftIdx < left.length) {
    data[i++] = left[leftIdx++];
  }
  while (rightIdx < right.length) {
    data[i++] = right[rightIdx++];
  }
  return data;
}
function computeLineOffsets(text, isAtLineStart, textOffset = 0) {
  const result = isAtLineStart ? [textOffset] : [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (isEOL(ch)) {
      if (ch === 13 && i + 1 < text.length && text.charCodeAt(i + 1) === 10) {
        i++;
      }
      result.push(textOffset + i + 1);
    }
  }
  return result;
}
function isEOL(char) {
  return char === 13 || char === 10;
}
function getWellformedRange(range) {
  const start = range.start;
  const end = range.end;
  if (start.line > end.line || start.line === end.line && start.character > end.character) {
    return { start: end, end: start };
  }
  return range;
}
function getWellformedEdit(textEdit) {
  const range = getWellformedRange(textEdit.range);
  if (range !== textEdit.range) {
    return { newText: textEdit.newText, range };
  }
  return textEdit;
}
var FullTextDocument2, TextDocument2;
var init_main2 = __esm({
  "node_modules/vscode-languageserver-textdocument/lib/esm/main.js"() {
    "use strict";
    FullTextDocument2 = class _FullTextDocument {
      constructor(uri, languageId, version, content) {
        this._uri = uri;
        this._languageId = languageId;
        this._version = version;
        this._content = content;
        this._lineOffsets = void 0;
      }
      get uri() {
        return this._uri;
      }
      get languageId() {
        return this._languageId;
      }
      get version() {
        return this._version;
      }
      getText(range) {
        if (range) {
          const start = this.offsetAt(range.start);
          const end = this.offsetAt(range.end);
          return this._content.substring(start, end);
        }
        return this._content;
      }
      update(changes, version) {
        for (const change of changes) {
          if (_FullTextDocument.isIncremental(change)) {
            const range = getWellformedRange(change.range);
            const startOffset = this.offsetAt(range.start);
            const endOffset = this.offsetAt(range.end);
            this._content = this._content.substring(0, startOffset) + change.text + this._content.substring(endOffset, this._content.length);
            const insertedEndOffset = startOffset + change.text.length;
            const crlfAtStart = this._content.charCodeAt(startOffset - 1) === 13 && this._content.charCodeAt(startOffset) === 10;
            const crlfAtEnd = this._content.charCodeAt(insertedEndOffset - 1) === 13 && this._content.charCodeAt(insertedEndOffset) === 10;
            if (crlfAtStart || crlfAtEnd) {
              this._lineOffsets = void 0;
              continue;
            }
            const startLine = Math.max(range.start.line, 0);
            const endLine = Math.max(range.end.line, 0);
            let lineOffsets2 = this._lineOffsets;
            const addedLineOffsets = computeLineOffsets(change.text, false, startOffset);
            if (endLine - startLine === addedLineOffsets.length) {
              for (let i = 0, len = addedLineOffsets.length; i < len; i++) {
                lineOffsets2[i + startLine + 1] = addedLineOffsets[i];
              }
            } else {
              if (addedLineOffsets.length < 1e4) {
                lineOffsets2.splice(startLine + 1, endLine - startLine, ...addedLineOffsets);
              } else {
                this._lineOffsets = lineOffsets2 = lineOffsets2.slice(0, startLine + 1).concat(addedLineOffsets, lineOffsets2.slice(endLine + 1));
              }
            }
            const diff = change.text.length - (endOffset - startOffset);
            if (diff !== 0) {
              for (let i = startLine + 1 + addedLineOffsets.length, len = lineOffsets2.length; i < len; i++) {
                lineOffsets2[i] = lineOffsets2[i] + diff;
              }
            }
          } else if (_FullTextDocument.isFull(change)) {
            this._content = change.text;
            this._lineOffsets = void 0;
          } else {
            throw new Error("Unknown change event received");
          }
        }
        this._version = version;
      }
      getLineOffsets() {
        if (this._lineOffsets === void 0) {
          this._lineOffsets = computeLineOffsets(this._content, true);
        }
        return this._lineOffsets;
      }
      positionAt(offset) {
        offset = Math.max(Math.min(offset, this._content.length), 0);
        const lineOffsets2 = this.getLineOffsets();
        let low = 0, high = lineOffsets2.length;
        if (high === 0) {
          return { line: 0, character: offset };
        }
        while (low < high) {
          const mid = Math.floor((low + high) / 2);
          if (lineOffsets2[mid] > offset) {
            high = mid;
          } else {
            low = mid + 1;
          }
        }
        const line = low - 1;
        offset = this.ensureBeforeEOL(offset, lineOffsets2[line]);
        return { line, character: offset - lineOffsets2[line] };
      }
      offsetAt(position) {
        const lineOffsets2 = this.getLineOffsets();
        if (position.line >= lineOffsets2.length) {
          return this._content.length;
        } else if (position.line < 0) {
          return 0;
        }
        const lineOffset = lineOffsets2[position.line];
        if (position.character <= 0) {
          return lineOffset;
        }
        const nextLineOffset = position.line + 1 < lineOffsets2.length ? lineOffsets2[position.line + 1] : this._content.length;
        const offset = Math.min(lineOffset + position.character, nextLineOffset);
        return this.ensureBeforeEOL(offset, lineOffset);
      }
      getLineRange(line) {
        const lineOffsets2 = this.getLineOffsets();
        if (line >= lineOffsets2.length) {
          const lastLine = lineOffsets2.length - 1;
          return { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: this._content.length - lineOffsets2[lastLine] } };
        } else if (line < 0) {
          return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        }
        const startOffset = lineOffsets2[line];
        const nextLineOffset = line + 1 < lineOffsets2.length ? lineOffsets2[line + 1] : this._content.length;
        const endOffset = this.ensureBeforeEOL(nextLineOffset, startOffset);
        return { start: { line, character: 0 }, end: { line, character: endOffset - startOffset } };
      }
      getEOLCharacters(line) {
        const lineOffsets2 = this.getLineOffsets();
        if (line >= lineOffsets2.length) {
          return "";
        } else if (line < 0) {
          return "";
        }
        const nextLineOffset = line + 1 < lineOffsets2.length ? lineOffsets2[line + 1] : this._content.length;
        const eolOffset = this.ensureBeforeEOL(nextLineOffset, lineOffsets2[line]);
        return this._content.substring(eolOffset, nextLineOffset);
      }
      ensureBeforeEOL(offset, lineOffset) {
        while (offset > lineOffset && isEOL(this._content.charCodeAt(offset - 1))) {
          offset--;
        }
        return offset;
      }
      get lineCount() {
        return this.getLineOffsets().length;
      }
      static isIncremental(event) {
        const candidate = event;
        return candidate !== void 0 && candidate !== null && typeof candidate.text === "string" && candidate.range !== void 0 && (candidate.rangeLength === void 0 || typeof candidate.rangeLength === "number");
      }
      static isFull(event) {
        const candidate = event;
        return candidate !== void 0 && candidate !== null && typeof candidate.text === "string" && candidate.range === void 0 && candidate.rangeLength === void 0;
      }
    };
    (function(TextDocument3) {
      function create(uri, languageId, version, content) {
        return new FullTextDocument2(uri, languageId, version, content);
      }
      TextDocument3.create = create;
      function update(document, changes, version) {
        if (document instanceof FullTextDocument2) {
          document.update(changes, version);
          return document;
        } else {
          throw new Error("TextDocument.update: document must be created by TextDocument.create");
        }
      }
      TextDocument3.update = update;
      function applyEdits2(document, edits2) {
        const text = document.getText();
        const sortedEdits = mergeSort(edits2.map(getWellformedEdit), (a, b) => {
          const diff = a.range.start.line - b.range.start.line;
          if (diff === 0) {
            return a.range.start.character - b.range.start.character;
          }
          return diff;
        });
        let lastModifiedOffset = 0;
        const spans = [];
        for (const e of sortedEdits) {
          const startOffset = document.offsetAt(e.range.start);
          if (startOffset < lastModifiedOffset) {
            throw new Error("Overlapping edit");
          } else if (startOffset > lastModifiedOffset) {
            spans.push(text.substring(lastModifiedOffset, startOffset));
          }
          if (e.newText.length) {
            spans.push(e.newText);
          }
          lastModifiedOffset = document.offsetAt(e.range.end);
        }
        spans.push(text.substr(lastModifiedOffset));
        return spans.join("");
      }
      TextDocument3.applyEdits = applyEdits2;
    })(TextDocument2 || (TextDocument2 = {}));
  }
});

// node_modules/dockerfile-ast/lib/parserDirective.js
var require_parserDirective = __commonJS({
  "node_modules/dockerfile-ast/lib/parserDirective.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ParserDirective = void 0;
    var main_1 = require_main();
    var line_1 = require_line();
    var ParserDirective = class extends line_1.Line {
      constructor(document, range, nameRange, valueRange) {
        super(document, range);
        this.nameRange = nameRange;
        this.valueRange = valueRange;
      }
      toString() {
        return "# " + this.getName() + "=" + this.getValue();
      }
      getNameRange() {
        return this.nameRange;
      }
      getValueRange() {
        return this.valueRange;
      }
      getName() {
        return this.document.getText().substring(this.document.offsetAt(this.nameRange.start), this.document.offsetAt(this.nameRange.end));
      }
      getValue() {
        return this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
      }
      getDirective() {
        const directive = main_1.Directive[this.getName().toLowerCase()];
        return directive === void 0 ? null : directive;
      }
    };
    exports.ParserDirective = ParserDirective;
  }
});

// node_modules/dockerfile-ast/lib/heredoc.js
var require_heredoc = __commonJS({
  "node_modules/dockerfile-ast/lib/heredoc.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Heredoc = void 0;
    var Heredoc = class {
      constructor(startRange, name, nameRange, contentRange, endRange) {
        this.startRange = startRange;
        this.name = name;
        this.nameRange = nameRange;
        this.contentRange = contentRange;
        this.endRange = endRange;
      }
      /**
       * Returns the name of the here-document.
       *
       * This API is experimental and subject to change.
       */
      getName() {
        return this.name;
      }
      /**
       * Returns the range of the start operator and the name. If the
       * here-document is initialized with <<EOT then the start range would
       * encompass all five characters.
       *
       * This API is experimental and subject to change.
       */
      getStartRange() {
        return this.startRange;
      }
      /**
       * Returns the range of this here-document's name that is declared at
       * the beginning of the here-document with the operator. If the
       * here-document is initialized with <<EOT then the name range would
       * encompass the latter three "EOT" characters.
       *
       * This API is experimental and subject to change.
       */
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the range of the content of this here-document. This may
       * be null if the here-document has no content because:
       * - the start range is the only thing that was declared
       * - the end range was declared immediately and there is no content
       *
       * This API is experimental and subject to change.
       */
      getContentRange() {
        return this.contentRange;
      }
      /**
       * Returns the range of the here-document's name on a line that
       * represents the end of the here-document.
       *
       * This API is experimental and subject to change.
       */
      getDelimiterRange() {
        return this.endRange;
      }
    };
    exports.Heredoc = Heredoc;
  }
});

// node_modules/dockerfile-ast/lib/variable.js
var require_variable = __commonJS({
  "node_modules/dockerfile-ast/lib/variable.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Variable = void 0;
    var Variable = class {
      constructor(name, nameRange, range, modifier, modifierRange, substitutionParameter, substitutionRange, defined, buildVariable, stringValue) {
        this.name = name;
        this.nameRange = nameRange;
        this.range = range;
        this.modifier = modifier;
        this.modifierRange = modifierRange;
        this.substitutionParameter = substitutionParameter;
        this.substitutionRange = substitutionRange;
        this.defined = defined;
        this.buildVariable = buildVariable;
        this.stringValue = stringValue;
      }
      toString() {
        return this.stringValue;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the range of the entire variable. This includes the symbols for
       * the declaration of the variable such as the $, {, and } symbols.
       *
       * @return the range in the document that this variable encompasses in its
       *         entirety
       */
      getRange() {
        return this.range;
      }
      /**
       * Returns the modifier character that has been set for
       * specifying how this variable should be expanded and resolved.
       * If this variable is ${variable:+value} then the modifier
       * character is '+'. Will be the empty string if the variable is
       * declared as ${variable:}. Otherwise, will be null if this
       * variable will not use variable substitution at all (such as
       * ${variable} or $variable).
       *
       * @return this variable's modifier character, or the empty
       *         string if it does not have one, or null if this
       *         variable will not use variable substitution
       */
      getModifier() {
        return this.modifier;
      }
      getModifierRange() {
        return this.modifierRange;
      }
      /**
       * Returns the parameter that will be used for substitution if
       * this variable uses modifiers to define how its value should be
       * resolved. If this variable is ${variable:+value} then the
       * substitution value will be 'value'. Will be the empty string
       * if the variable is declared as ${variable:+} or some other
       * variant where the only thing that follows the modifier
       * character (excluding considerations of escape characters and
       * so on) is the variable's closing bracket. May be null if this
       * variable does not have a modifier character defined (such as
       * ${variable} or $variable).
       *
       * @return this variable's substitution parameter, or the empty
       *         string if it does not have one, or null if there is
       *         not one defined
       */
      getSubstitutionParameter() {
        return this.substitutionParameter;
      }
      getSubstitutionRange() {
        return this.substitutionRange;
      }
      /**
       * Returns whether this variable has been defined or not.
       *
       * @return true if this variable has been defined, false otherwise
       */
      isDefined() {
        return this.defined;
      }
      isBuildVariable() {
        return this.buildVariable === true;
      }
      isEnvironmentVariable() {
        return this.buildVariable === false;
      }
    };
    exports.Variable = Variable;
  }
});

// node_modules/dockerfile-ast/lib/instruction.js
var require_instruction = __commonJS({
  "node_modules/dockerfile-ast/lib/instruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Instruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var util_1 = require_util();
    var line_1 = require_line();
    var argument_1 = require_argument();
    var heredoc_1 = require_heredoc();
    var variable_1 = require_variable();
    var main_1 = require_main();
    var Instruction2 = class extends line_1.Line {
      constructor(document, range, dockerfile, escapeChar, instruction2, instructionRange) {
        super(document, range);
        this.dockerfile = dockerfile;
        this.escapeChar = escapeChar;
        this.instruction = instruction2;
        this.instructionRange = instructionRange;
      }
      toString() {
        let value = this.getKeyword();
        for (let arg of this.getRawArguments()) {
          value += " ";
          value += arg.getValue();
        }
        return value;
      }
      getRangeContent(range) {
        if (range === null) {
          return null;
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
      }
      getInstructionRange() {
        return this.instructionRange;
      }
      getInstruction() {
        return this.instruction;
      }
      getKeyword() {
        return this.getInstruction().toUpperCase();
      }
      getArgumentsRange() {
        let args = this.getArguments();
        if (args.length === 0) {
          return null;
        }
        return vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end);
      }
      getArgumentsRanges() {
        let args = this.getArguments();
        if (args.length === 0) {
          return [];
        }
        if (args[0].getRange().start.line === args[args.length - 1].getRange().end.line) {
          return [vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end)];
        }
        let ranges = [];
        let end = -1;
        let startPosition = args[0].getRange().start;
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(startPosition) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra, this.document.offsetAt(args[args.length - 1].getRange().end) - this.document.offsetAt(range.start));
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        for (let i = 0; i < fullArgs.length; i++) {
          let char = fullArgs.charAt(i);
          if (char === this.escapeChar) {
            let next = fullArgs.charAt(i + 1);
            if (next === " " || next === "	") {
              whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                switch (fullArgs.charAt(j)) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    j++;
                  case "\n":
                    if (startPosition !== null) {
                      ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                    }
                    startPosition = null;
                    start = true;
                    comment = false;
                    i = j;
                    break whitespaceCheck;
                  default:
                    break whitespaceCheck;
                }
              }
            } else if (next === "\r") {
              if (startPosition !== null) {
                ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                startPosition = null;
              }
              start = true;
              comment = false;
              i += 2;
            } else if (next === "\n") {
              if (startPosition !== null) {
                ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
              }
              startPosition = null;
              start = true;
              comment = false;
              i++;
            } else {
              i++;
            }
          } else if (util_1.Util.isNewline(char)) {
            if (comment) {
              startPosition = null;
              start = true;
              comment = false;
            }
          } else {
            if (!comment) {
              if (startPosition === null) {
                if (char === "#") {
                  comment = true;
                  continue;
                }
                let position = this.document.positionAt(offset + i);
                if (position.character !== 0) {
                  startPosition = vscode_languageserver_types_1.Position.create(position.line, 0);
                }
              }
              end = i;
            }
          }
        }
        if (startPosition === null) {
          ranges.push(vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + end), this.document.positionAt(offset + end + 1)));
        } else {
          ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
        }
        return ranges;
      }
      getRawArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
          return null;
        }
        return this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end));
      }
      getArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
          return null;
        }
        let content = "";
        let ranges = this.getArgumentsRanges();
        let documentText = this.document.getText();
        for (let range of ranges) {
          content += documentText.substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
        }
        return content;
      }
      getArguments() {
        return this.getRawArguments();
      }
      getRawArguments() {
        let args = [];
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(range.end) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        let found = -1;
        let escapedWhitespaceDetected = false;
        let escaping = false;
        let escapeMarker = -1;
        let escapedArg = "";
        for (let i = 0; i < fullArgs.length; i++) {
          let char = fullArgs.charAt(i);
          if (util_1.Util.isWhitespace(char)) {
            if (escaping) {
              escapedWhitespaceDetected = true;
              if (util_1.Util.isNewline(char)) {
                escapedWhitespaceDetected = false;
                if (comment) {
                  comment = false;
                  start = true;
                }
              }
              continue;
            } else if (found !== -1) {
              if (escapeMarker === -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + i))));
              } else {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
              }
              escapeMarker = -1;
              escapedArg = "";
              found = -1;
            }
          } else if (char === this.escapeChar) {
            let next = fullArgs.charAt(i + 1);
            if (next === " " || next === "	") {
              whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                let newlineCheck = fullArgs.charAt(j);
                switch (newlineCheck) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    j++;
                  case "\n":
                    comment = false;
                    escaping = true;
                    start = true;
                    if (found !== -1) {
                      escapeMarker = i;
                    }
                    i = j;
                    break whitespaceCheck;
                  default:
                    escapeMarker = i;
                    if (found === -1) {
                      i = j - 1;
                    }
                    break whitespaceCheck;
                }
              }
            } else if (next === "\r") {
              comment = false;
              escaping = true;
              start = true;
              if (found !== -1 && escapeMarker === -1) {
                escapeMarker = i;
              }
              i += 2;
            } else if (next === "\n") {
              comment = false;
              escaping = true;
              start = true;
              if (found !== -1 && escapeMarker === -1) {
                escapeMarker = i;
              }
              i++;
            } else {
              if (escapedWhitespaceDetected && escapeMarker !== -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                escapedArg = "";
                found = -1;
              }
              escapeMarker = -1;
              escapedWhitespaceDetected = false;
              escaping = false;
              if (next === "$") {
                escapedArg = escapedArg + char + next;
              } else if (next === "") {
                break;
              } else {
                escapedArg = escapedArg + next;
              }
              if (found === -1) {
                found = i;
              }
              i++;
            }
          } else if (!comment) {
            if (start && char === "#") {
              comment = true;
            } else {
              if (escapedWhitespaceDetected && escapeMarker !== -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                escapedArg = "";
                found = -1;
              }
              escapedWhitespaceDetected = false;
              escaping = false;
              escapeMarker = -1;
              escapedArg = escapedArg + char;
              if (found === -1) {
                found = i;
              }
            }
            start = false;
          }
        }
        if (found !== -1) {
          if (escapeMarker === -1) {
            args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + fullArgs.length))));
          } else {
            args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
          }
        }
        return args;
      }
      getExpandedArguments() {
        let args = this.getArguments();
        for (let i = 0; i < args.length; i++) {
          const argRange = args[i].getRange();
          let offset = this.document.offsetAt(argRange.start);
          const variables = this.parseVariables(offset, args[i].getValue());
          const swaps = [];
          let requiresExpansion = false;
          for (let variable of variables) {
            const value = this.dockerfile.resolveVariable(variable.getName(), variable.getNameRange().start.line);
            swaps.push(value);
            requiresExpansion = requiresExpansion || value !== void 0;
          }
          if (requiresExpansion) {
            let expanded = "";
            for (let j = 0; j < swaps.length; j++) {
              const variableRange = variables[j].getRange();
              const start = this.document.offsetAt(variableRange.start);
              const end = this.document.offsetAt(variableRange.end);
              if (swaps[j]) {
                expanded += this.document.getText().substring(offset, start);
                expanded += swaps[j];
                offset = end;
              } else {
                expanded += this.document.getText().substring(offset, end);
                offset = end;
              }
            }
            const argEnd = this.document.offsetAt(argRange.end);
            if (argEnd !== offset) {
              expanded += this.document.getText().substring(offset, argEnd);
            }
            args[i] = new argument_1.Argument(expanded, argRange);
          }
        }
        return args;
      }
      getVariables() {
        const variables = [];
        const args = this.getRawArguments();
        for (const arg of args) {
          let range = arg.getRange();
          let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
          const parsedVariables = this.parseVariables(this.document.offsetAt(arg.getRange().start), rawValue);
          for (const parsedVariable of parsedVariables) {
            variables.push(parsedVariable);
          }
        }
        return variables;
      }
      parseVariables(offset, arg) {
        let variables = [];
        variableLoop: for (let i = 0; i < arg.length; i++) {
          switch (arg.charAt(i)) {
            case this.escapeChar:
              if (arg.charAt(i + 1) === "$") {
                i++;
              }
              break;
            case "$":
              if (arg.charAt(i + 1) === "{") {
                let escapedString = "${";
                let escapedName = "";
                let nameEnd = -1;
                let escapedSubstitutionParameter = "";
                let substitutionStart = -1;
                let substitutionEnd = -1;
                let modifierRead = -1;
                nameLoop: for (let j = i + 2; j < arg.length; j++) {
                  let char = arg.charAt(j);
                  switch (char) {
                    case this.escapeChar:
                      for (let k = j + 1; k < arg.length; k++) {
                        switch (arg.charAt(k)) {
                          case " ":
                          case "	":
                          case "\r":
                            continue;
                          case "\n":
                            j = k;
                            continue nameLoop;
                        }
                      }
                      break;
                    case "}":
                      escapedString += "}";
                      let modifier = null;
                      let modifierRange = null;
                      let substitutionParameter = modifierRead !== -1 ? escapedSubstitutionParameter : null;
                      let substitutionRange = null;
                      if (nameEnd === -1) {
                        nameEnd = j;
                      } else if (nameEnd + 1 === j) {
                        modifier = "";
                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + nameEnd + 1), this.document.positionAt(offset + nameEnd + 1));
                      } else {
                        if (substitutionStart === -1) {
                          substitutionStart = modifierRead + 1;
                          substitutionEnd = modifierRead + 1;
                        } else {
                          substitutionEnd = substitutionEnd + 1;
                        }
                        modifier = arg.substring(modifierRead, modifierRead + 1);
                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + modifierRead), this.document.positionAt(offset + modifierRead + 1));
                        substitutionRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + substitutionStart), this.document.positionAt(offset + substitutionEnd));
                      }
                      let start = this.document.positionAt(offset + i);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 2), this.document.positionAt(offset + nameEnd)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + j + 1)), modifier, modifierRange, substitutionParameter, substitutionRange, this.dockerfile.resolveVariable(escapedName, start.line) !== void 0, this.isBuildVariable(escapedName, start.line), escapedString));
                      i = j;
                      continue variableLoop;
                    case ":":
                      if (nameEnd === -1) {
                        nameEnd = j;
                      } else if (modifierRead !== -1) {
                        if (substitutionStart === -1) {
                          substitutionStart = j;
                          substitutionEnd = j;
                        } else {
                          substitutionEnd = j;
                        }
                        escapedSubstitutionParameter += ":";
                      } else {
                        modifierRead = j;
                      }
                      escapedString += ":";
                      break;
                    case "\n":
                    case "\r":
                    case " ":
                    case "	":
                      break;
                    default:
                      if (nameEnd === -1) {
                        escapedName += char;
                      } else if (modifierRead !== -1) {
                        if (substitutionStart === -1) {
                          substitutionStart = j;
                          substitutionEnd = j;
                        } else {
                          substitutionEnd = j;
                        }
                        escapedSubstitutionParameter += char;
                      } else {
                        modifierRead = j;
                      }
                      escapedString += char;
                      break;
                  }
                }
                break variableLoop;
              } else if (util_1.Util.isWhitespace(arg.charAt(i + 1)) || i === arg.length - 1) {
                continue;
              } else {
                let escapedName = "";
                nameLoop: for (let j = i + 1; j < arg.length; j++) {
                  let char = arg.charAt(j);
                  switch (char) {
                    case "\r":
                    case "\n":
                    case " ":
                    case "	":
                      continue;
                    case "$":
                    case "'":
                    case '"':
                      let varStart = this.document.positionAt(offset + i);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== void 0, this.isBuildVariable(escapedName, varStart.line), "$" + escapedName));
                      i = j - 1;
                      continue variableLoop;
                    case this.escapeChar:
                      for (let k = j + 1; k < arg.length; k++) {
                        switch (arg.charAt(k)) {
                          case " ":
                          case "	":
                          case "\r":
                            continue;
                          case "\n":
                            j = k;
                            continue nameLoop;
                        }
                      }
                      let start2 = this.document.positionAt(offset + i);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(start2, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start2.line) !== void 0, this.isBuildVariable(escapedName, start2.line), "$" + escapedName));
                      break variableLoop;
                  }
                  if (char.match(/^[a-z0-9_]+$/i) === null) {
                    let varStart = this.document.positionAt(offset + i);
                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== void 0, this.isBuildVariable(escapedName, varStart.line), "$" + escapedName));
                    i = j - 1;
                    continue variableLoop;
                  }
                  escapedName += char;
                }
                let start = this.document.positionAt(offset + i);
                variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + arg.length)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + arg.length)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start.line) !== void 0, this.isBuildVariable(escapedName, start.line), "$" + escapedName));
              }
              break variableLoop;
          }
        }
        return variables;
      }
      isBuildVariable(variable, line) {
        if (this.getKeyword() === main_1.Keyword.FROM) {
          for (const initialArg of this.dockerfile.getInitialARGs()) {
            const arg = initialArg;
            const property = arg.getProperty();
            if (property && variable === property.getName()) {
              return true;
            }
          }
          return void 0;
        }
        let image = this.dockerfile.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        let envs = image.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
          if (envs[i].isBefore(line)) {
            for (let property of envs[i].getProperties()) {
              if (property.getName() === variable) {
                return false;
              }
            }
          }
        }
        let args = image.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
          if (args[i].isBefore(line)) {
            let property = args[i].getProperty();
            if (property && property.getName() === variable) {
              return true;
            }
          }
        }
        return void 0;
      }
      createSingleLineHeredocs(args) {
        const heredocs = [];
        for (const arg of args) {
          const value = arg.getValue();
          if (value.startsWith("<<") && util_1.Util.parseHeredocName(value) !== null) {
            const startRange = arg.getRange();
            const nameRange = this.getNameRange(startRange);
            const name = this.getName(nameRange);
            heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, null, null));
          }
        }
        return heredocs;
      }
      getName(nameRange) {
        const content = this.document.getText(nameRange);
        let escaping = false;
        let name = "";
        nameLoop: for (let i = 0; i < content.length; i++) {
          const ch = content.charAt(i);
          switch (ch) {
            case this.escapeChar:
              escaping = true;
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                    break;
                  case "\r":
                    i = j + 1;
                    continue nameLoop;
                  case "\n":
                    i = j;
                    continue nameLoop;
                  default:
                    name += content.charAt(j);
                    i = j;
                    continue nameLoop;
                }
              }
              break;
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\n":
                      i = j;
                      continue nameLoop;
                  }
                }
              }
            case " ":
            case "	":
            case "\r":
            case "\n":
              if (escaping) {
                break;
              }
            default:
              name += ch;
              break;
          }
        }
        return name;
      }
      getNameRange(startRange) {
        const content = this.document.getText(startRange);
        let endFound = false;
        let searchHyphen = false;
        let start = -1;
        let end = -1;
        let escaping = false;
        let quote = null;
        contentLoop: for (let i = 0; i < content.length; i++) {
          const ch = content.charAt(i);
          switch (ch) {
            case '"':
            case "'":
              if (quote === ch) {
                break contentLoop;
              }
              quote = ch;
              continue;
            case this.escapeChar:
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case "\n":
                    escaping = true;
                    j = i;
                    continue contentLoop;
                }
              }
              break;
            case " ":
            case "	":
            case "\r":
            case "\n":
              break;
            case "<":
              if (endFound) {
                searchHyphen = true;
              } else {
                endFound = true;
              }
              break;
            case "-":
              if (searchHyphen) {
                searchHyphen = false;
                break;
              }
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\n":
                      i = j;
                      continue contentLoop;
                  }
                }
              }
            default:
              if (start === -1) {
                start = i;
              }
              if (quote !== null) {
                end = i + 1;
                break;
              }
              break contentLoop;
          }
        }
        if (start === -1) {
          return vscode_languageserver_types_1.Range.create(startRange.end, startRange.end);
        }
        const nameStart = this.document.positionAt(this.document.offsetAt(startRange.start) + start);
        const nameEnd = quote !== null ? this.document.positionAt(this.document.offsetAt(startRange.start) + end) : startRange.end;
        return vscode_languageserver_types_1.Range.create(nameStart, nameEnd);
      }
      getHeredocs() {
        const args = this.getArguments();
        if (args.length === 0) {
          return [];
        }
        const heredocs = [];
        const range = this.getRange();
        if (range.start.line === range.end.line) {
          return this.createSingleLineHeredocs(args);
        }
        const heredocDefinitions = [];
        let heredocsProcessed = false;
        let escaping = false;
        let contentStart = -1;
        let contentEnd = -1;
        let lineStart = -1;
        let currentHeredoc = 0;
        const startOffset = this.document.offsetAt(args[0].getRange().start);
        const content = this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end));
        contentLoop: for (let i = 0; i < content.length; i++) {
          switch (content.charAt(i)) {
            case this.escapeChar:
              escaping = true;
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                    break;
                  case "\r":
                    j++;
                  case "\n":
                    i = j;
                    continue contentLoop;
                  default:
                    i = j;
                    continue contentLoop;
                }
              }
              break;
            case "\r":
              break;
            case "\n":
              if (escaping) {
                break;
              }
              if (heredocsProcessed) {
                if (contentStart === -1) {
                  contentStart = i;
                }
                contentEnd = i;
                const arg = heredocDefinitions[currentHeredoc];
                const startRange = arg.getRange();
                const nameRange = this.getNameRange(startRange);
                const name = this.getName(nameRange);
                const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), this.document.positionAt(startOffset + i)));
                if (delimiterRange !== null) {
                  const contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + lineStart - 1));
                  heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
                  contentStart = -1;
                  currentHeredoc++;
                }
                lineStart = -1;
              } else {
                const offsetLimit = startOffset + i;
                for (const arg of args) {
                  if (this.document.offsetAt(arg.getRange().start) < offsetLimit) {
                    if (arg.getValue().startsWith("<<")) {
                      heredocDefinitions.push(arg);
                    }
                  } else {
                    break;
                  }
                }
                heredocsProcessed = true;
                lineStart = -1;
                continue contentLoop;
              }
              break;
            case " ":
            case "	":
              if (escaping) {
                break;
              }
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\n":
                      i = j;
                      continue contentLoop;
                  }
                }
              }
            default:
              if (escaping) {
                escaping = false;
              }
              if (heredocsProcessed) {
                if (contentStart === -1) {
                  contentStart = i;
                }
                if (lineStart === -1) {
                  lineStart = i;
                }
              }
              break;
          }
        }
        if (heredocsProcessed) {
          const arg = heredocDefinitions[currentHeredoc];
          const startRange = arg.getRange();
          const nameRange = this.getNameRange(startRange);
          const name = this.getName(nameRange);
          let contentRange = null;
          const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), range.end));
          if (delimiterRange === null) {
            contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), range.end);
          } else if (contentEnd !== -1) {
            contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + contentEnd));
          }
          heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
          currentHeredoc++;
          for (let i = currentHeredoc; i < heredocDefinitions.length; i++) {
            const arg2 = heredocDefinitions[currentHeredoc];
            const startRange2 = arg2.getRange();
            const nameRange2 = this.getNameRange(startRange2);
            const name2 = this.getName(nameRange2);
            heredocs.push(new heredoc_1.Heredoc(startRange2, name2, nameRange2, null, null));
            currentHeredoc++;
          }
        } else {
          return this.createSingleLineHeredocs(args);
        }
        return heredocs;
      }
      getDelimiterRange(startArg, name, candidateRange) {
        const text = this.document.getText(candidateRange);
        if (startArg.getValue().startsWith("<<-")) {
          let index = 0;
          while (text.charAt(index) === "	") {
            index++;
          }
          if (text.substring(index) === name) {
            return vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(candidateRange.start.line, index), candidateRange.end);
          }
          return null;
        }
        return text === name ? candidateRange : null;
      }
    };
    exports.Instruction = Instruction2;
  }
});

// node_modules/dockerfile-ast/lib/flagOption.js
var require_flagOption = __commonJS({
  "node_modules/dockerfile-ast/lib/flagOption.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.FlagOption = void 0;
    var FlagOption = class {
      constructor(range, name, nameRange, value, valueRange) {
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
      }
      toString() {
        if (this.valueRange !== null) {
          return this.name + "=" + this.value;
        }
        return this.name;
      }
      getRange() {
        return this.range;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      getValue() {
        return this.value;
      }
      getValueRange() {
        return this.valueRange;
      }
    };
    exports.FlagOption = FlagOption;
  }
});

// node_modules/dockerfile-ast/lib/flag.js
var require_flag = __commonJS({
  "node_modules/dockerfile-ast/lib/flag.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Flag = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var flagOption_1 = require_flagOption();
    var Flag = class {
      constructor(document, range, name, nameRange, value, valueRange) {
        this.options = [];
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
        if (this.value !== null) {
          let offset = document.offsetAt(valueRange.start);
          let nameStart = -1;
          let valueStart = -1;
          let hasOptions = false;
          for (let i = 0; i < value.length; i++) {
            switch (value.charAt(i)) {
              case "=":
                hasOptions = true;
                if (valueStart === -1) {
                  valueStart = i + 1;
                  break;
                }
                break;
              case ",":
                this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, i));
                nameStart = -1;
                valueStart = -1;
                break;
              default:
                if (nameStart === -1) {
                  nameStart = i;
                }
                break;
            }
          }
          if (hasOptions && nameStart !== -1) {
            this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, value.length));
          }
        }
      }
      createFlagOption(document, content, documentOffset, nameStart, valueStart, valueEnd) {
        const optionRange = vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueEnd));
        if (valueStart === -1) {
          return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueEnd), optionRange, null, null);
        }
        return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueStart - 1), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueStart - 1)), content.substring(valueStart, valueEnd), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + valueStart), document.positionAt(documentOffset + valueEnd)));
      }
      toString() {
        if (this.valueRange) {
          return "--" + this.name + "=" + this.value;
        }
        return "--" + this.name;
      }
      /**
       * Returns the range that encompasses this entire flag. This includes the
       * -- prefix in the beginning to the last character of the flag's value (if
       * it has been defined).
       *
       * @return the entire range of this flag
       */
      getRange() {
        return this.range;
      }
      /**
       * Returns the name of this flag. The name does not include the -- prefix.
       * Thus, for HEALTHCHECK's --interval flag, interval is the flag's name and
       * not --interval.
       *
       * @return this flag's name
       */
      getName() {
        return this.name;
      }
      /**
       * Returns the range that encompasses the flag's name
       *
       * @return the range containing the flag's name
       */
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the value that has been set to this flag. May be null if the
       * flag is invalid and has no value set like a --start-period. If the flag
       * is instead a --start-period= with an equals sign then the flag's value
       * is the empty string.
       *
       * @return this flag's value if it has been defined, null otherwise
       */
      getValue() {
        return this.value;
      }
      /**
       * Returns the range that encompasses this flag's value. If no value has
       * been set then null will be returned.
       *
       * @return the range containing this flag's value, or null if the flag
       *         has no value defined
       */
      getValueRange() {
        return this.valueRange;
      }
      getOption(name) {
        for (const option of this.options) {
          if (option.getName() === name) {
            return option;
          }
        }
        return null;
      }
      getOptions() {
        return this.options;
      }
      hasOptions() {
        return this.options.length > 0;
      }
    };
    exports.Flag = Flag;
  }
});

// node_modules/dockerfile-ast/lib/modifiableInstruction.js
var require_modifiableInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/modifiableInstruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ModifiableInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var flag_1 = require_flag();
    var instruction_1 = require_instruction();
    var ModifiableInstruction = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction2, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction2, instructionRange);
      }
      getFlags() {
        if (!this.flags) {
          this.flags = [];
          for (let arg of this.getArguments()) {
            let value = arg.getValue();
            if (this.stopSearchingForFlags(value)) {
              return this.flags;
            } else if (value.indexOf("--") === 0) {
              let range = arg.getRange();
              let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
              let nameIndex = value.indexOf("=");
              let index = rawValue.indexOf("=");
              let firstMatch = false;
              let secondMatch = false;
              let startIndex = -1;
              nameSearchLoop: for (let i = 0; i < rawValue.length; i++) {
                switch (rawValue.charAt(i)) {
                  case "\\":
                  case " ":
                  case "	":
                  case "\r":
                  case "\n":
                    break;
                  case "-":
                    if (secondMatch) {
                      startIndex = i;
                      break nameSearchLoop;
                    } else if (firstMatch) {
                      secondMatch = true;
                    } else {
                      firstMatch = true;
                    }
                    break;
                  default:
                    startIndex = i;
                    break nameSearchLoop;
                }
              }
              let nameStart = this.document.positionAt(this.document.offsetAt(range.start) + startIndex);
              if (index === -1) {
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2), vscode_languageserver_types_1.Range.create(nameStart, range.end), null, null));
              } else if (index === value.length - 1) {
                let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, index), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), "", vscode_languageserver_types_1.Range.create(range.end, range.end)));
              } else {
                let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, nameIndex), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), value.substring(nameIndex + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(this.document.offsetAt(range.start) + index + 1), range.end)));
              }
            }
          }
        }
        return this.flags;
      }
      getArguments() {
        const args = super.getArguments();
        const flags = this.getFlags();
        if (flags.length === 0) {
          return args;
        }
        for (let i = 0; i < flags.length; i++) {
          args.shift();
        }
        return args;
      }
    };
    exports.ModifiableInstruction = ModifiableInstruction;
  }
});

// node_modules/dockerfile-ast/lib/jsonInstruction.js
var require_jsonInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/jsonInstruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.JSONInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var argument_1 = require_argument();
    var jsonArgument_1 = require_jsonArgument();
    var modifiableInstruction_1 = require_modifiableInstruction();
    var JSONInstruction = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction2, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction2, instructionRange);
        this.openingBracket = null;
        this.closingBracket = null;
        this.jsonStrings = [];
        const argsContent = this.getRawArgumentsContent();
        if (argsContent === null) {
          return;
        }
        const args = this.getArguments();
        if (args.length === 1 && args[0].getValue() === "[]") {
          let argRange = args[0].getRange();
          this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character, argRange.start.line, argRange.start.character + 1));
          this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character + 1, argRange.end.line, argRange.end.character));
          return;
        } else if (args.length === 2 && args[0].getValue() === "[" && args[1].getValue() === "]") {
          this.openingBracket = args[0];
          this.closingBracket = args[1];
          return;
        }
        const argsOffset = document.offsetAt(this.getArgumentsRange().start);
        let start = -1;
        let last = "";
        let quoted = false;
        let escapedArg = "";
        argsCheck: for (let i = 0; i < argsContent.length; i++) {
          let char = argsContent.charAt(i);
          switch (char) {
            case "[":
              if (last === "") {
                this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                last = "[";
              } else if (quoted) {
                escapedArg = escapedArg + char;
              } else {
                break argsCheck;
              }
              break;
            case '"':
              if (last === "[" || last === ",") {
                start = i;
                quoted = true;
                last = '"';
                escapedArg = escapedArg + char;
                continue;
              } else if (last === '"') {
                if (quoted) {
                  escapedArg = escapedArg + char;
                  quoted = false;
                  this.jsonStrings.push(new jsonArgument_1.JSONArgument(escapedArg, vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start), document.positionAt(argsOffset + i + 1)), vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start + 1), document.positionAt(argsOffset + i))));
                  escapedArg = "";
                } else {
                  break argsCheck;
                }
              } else {
                break argsCheck;
              }
              break;
            case ",":
              if (quoted) {
                escapedArg = escapedArg + char;
              } else {
                if (last === '"') {
                  last = ",";
                } else {
                  break argsCheck;
                }
              }
              break;
            case "]":
              if (quoted) {
                escapedArg = escapedArg + char;
              } else if (last !== "") {
                this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                break argsCheck;
              }
              break;
            case " ":
            case "	":
              break;
            case "\\":
              if (quoted) {
                switch (argsContent.charAt(i + 1)) {
                  case '"':
                  case "\\":
                    escapedArg = escapedArg + argsContent.charAt(i + 1);
                    i++;
                    continue;
                  case " ":
                  case "	":
                    escapeCheck: for (let j = i + 2; j < argsContent.length; j++) {
                      switch (argsContent.charAt(j)) {
                        case "\r":
                          j++;
                        case "\n":
                          i = j;
                          continue argsCheck;
                        case " ":
                        case "	":
                          break;
                        default:
                          break escapeCheck;
                      }
                    }
                    break;
                  case "\r":
                    i++;
                  default:
                    i++;
                    continue;
                }
              } else {
                escapeCheck: for (let j = i + 1; j < argsContent.length; j++) {
                  switch (argsContent.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      continue argsCheck;
                    case " ":
                    case "	":
                      break;
                    default:
                      break escapeCheck;
                  }
                }
              }
              break argsCheck;
            default:
              if (!quoted) {
                break argsCheck;
              }
              escapedArg = escapedArg + char;
              break;
          }
        }
      }
      stopSearchingForFlags(_value) {
        return true;
      }
      getOpeningBracket() {
        return this.openingBracket;
      }
      getJSONStrings() {
        return this.jsonStrings;
      }
      getClosingBracket() {
        return this.closingBracket;
      }
    };
    exports.JSONInstruction = JSONInstruction;
  }
});

// node_modules/dockerfile-ast/lib/instructions/add.js
var require_add = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/add.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Add = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Add = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction2, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction2, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
    };
    exports.Add = Add;
  }
});

// node_modules/dockerfile-ast/lib/property.js
var require_property = __commonJS({
  "node_modules/dockerfile-ast/lib/property.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Property = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var util_1 = require_util();
    var Property = class _Property {
      constructor(document, escapeChar, arg, arg2) {
        this.assignmentOperatorRange = null;
        this.assignmentOperator = null;
        this.valueRange = null;
        this.value = null;
        this.document = document;
        this.escapeChar = escapeChar;
        this.nameRange = _Property.getNameRange(document, arg);
        let value = document.getText().substring(document.offsetAt(this.nameRange.start), document.offsetAt(this.nameRange.end));
        this.name = _Property.getValue(value, escapeChar);
        if (arg2) {
          this.valueRange = arg2.getRange();
          value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
          this.value = _Property.getValue(value, escapeChar);
          this.range = vscode_languageserver_types_1.Range.create(this.nameRange.start, this.valueRange.end);
        } else {
          let argRange = arg.getRange();
          if (this.nameRange.start.line === argRange.start.line && this.nameRange.start.character === argRange.start.character && this.nameRange.end.line === argRange.end.line && this.nameRange.end.character === argRange.end.character) {
          } else {
            this.valueRange = _Property.getValueRange(document, arg);
            value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
            this.value = _Property.getValue(value, escapeChar);
            this.assignmentOperatorRange = vscode_languageserver_types_1.Range.create(this.nameRange.end, this.valueRange.start);
            this.assignmentOperator = "=";
          }
          this.range = argRange;
        }
      }
      getRange() {
        return this.range;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      getValue() {
        return this.value;
      }
      getValueRange() {
        return this.valueRange;
      }
      /**
       * Retrieves the operator used for delimiting between the name and
       * value of this property. This will either be the "=" character
       * or null if a character was not used or if this property has no
       * value defined.
       */
      getAssignmentOperator() {
        return this.assignmentOperator;
      }
      getAssignmentOperatorRange() {
        return this.assignmentOperatorRange;
      }
      /**
       * Returns the value of this property including any enclosing
       * single or double quotes and relevant escape characters.
       * Escaped newlines and its associated contiguous whitespace
       * characters however will not be returned as they are deemed to
       * be uninteresting to clients trying to return a Dockerfile.
       *
       * @return the unescaped value of this property or null if this
       *         property has no associated value
       */
      getUnescapedValue() {
        if (this.valueRange === null) {
          return null;
        }
        let escaped = false;
        let rawValue = "";
        let value = this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
        rawLoop: for (let i = 0; i < value.length; i++) {
          let char = value.charAt(i);
          switch (char) {
            case this.escapeChar:
              for (let j = i + 1; j < value.length; j++) {
                switch (value.charAt(j)) {
                  case "\r":
                    j++;
                  case "\n":
                    escaped = true;
                    i = j;
                    continue rawLoop;
                  case " ":
                  case "	":
                    break;
                  default:
                    rawValue = rawValue + char;
                    continue rawLoop;
                }
              }
              rawValue = rawValue + char;
              break;
            case "\r":
            case "\n":
              break;
            case " ":
            case "	":
              if (!escaped) {
                rawValue = rawValue + char;
              }
              break;
            case "#":
              if (escaped) {
                for (let j = i + 1; j < value.length; j++) {
                  switch (value.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      continue rawLoop;
                  }
                }
              } else {
                rawValue = rawValue + char;
              }
              break;
            default:
              rawValue = rawValue + char;
              escaped = false;
              break;
          }
        }
        return rawValue;
      }
      static getNameRange(document, arg) {
        let value = arg.getValue();
        let index = value.indexOf("=");
        if (index !== -1) {
          let initial = value.charAt(0);
          let before = value.charAt(index - 1);
          if (initial === '"' && before === '"' || initial === "'" && before === "'" || initial !== '"' && initial !== "'") {
            return vscode_languageserver_types_1.Range.create(arg.getRange().start, document.positionAt(document.offsetAt(arg.getRange().start) + index));
          }
        }
        return arg.getRange();
      }
      static getValueRange(document, arg) {
        return vscode_languageserver_types_1.Range.create(document.positionAt(document.offsetAt(arg.getRange().start) + arg.getValue().indexOf("=") + 1), document.positionAt(document.offsetAt(arg.getRange().end)));
      }
      /**
       * Returns the actual value of this key-value pair. The value will
       * have its escape characters removed if applicable. If the value
       * spans multiple lines and there are comments nested within the
       * lines, they too will be removed.
       *
       * @return the value that this key-value pair will actually be, may
       *         be null if no value is defined, may be the empty string
       *         if the value only consists of whitespace
       */
      static getValue(value, escapeChar) {
        let escaped = false;
        const skip = util_1.Util.findLeadingNonWhitespace(value, escapeChar);
        if (skip !== 0 && value.charAt(skip) === "#") {
          escaped = true;
        }
        value = value.substring(skip);
        let first = value.charAt(0);
        let last = value.charAt(value.length - 1);
        let literal = first === "'" || first === '"';
        let inSingle = first === "'" && last === "'";
        let inDouble = false;
        if (first === '"') {
          for (let i = 1; i < value.length; i++) {
            if (value.charAt(i) === escapeChar) {
              i++;
            } else if (value.charAt(i) === '"' && i === value.length - 1) {
              inDouble = true;
            }
          }
        }
        if (inSingle || inDouble) {
          value = value.substring(1, value.length - 1);
        }
        let commentCheck = -1;
        let escapedValue = "";
        let start = 0;
        parseValue: for (let i = 0; i < value.length; i++) {
          let char = value.charAt(i);
          switch (char) {
            case escapeChar:
              if (i + 1 === value.length) {
                escapedValue = escapedValue + escapeChar;
                break parseValue;
              }
              char = value.charAt(i + 1);
              if (char === " " || char === "	") {
                whitespaceCheck: for (let j = i + 2; j < value.length; j++) {
                  let char2 = value.charAt(j);
                  switch (char2) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                      j++;
                    case "\n":
                      escaped = true;
                      i = j;
                      continue parseValue;
                    default:
                      if (!inDouble && !inSingle && !literal) {
                        if (char2 === escapeChar) {
                          escapedValue = escapedValue + char;
                          i = i + 1;
                        } else {
                          escapedValue = escapedValue + char + char2;
                          i = j;
                        }
                        continue parseValue;
                      }
                      break whitespaceCheck;
                  }
                }
              }
              if (inDouble) {
                if (char === "\r") {
                  escaped = true;
                  i = i + 2;
                } else if (char === "\n") {
                  escaped = true;
                  i++;
                } else if (char !== '"') {
                  if (char === escapeChar) {
                    i++;
                  }
                  escapedValue = escapedValue + escapeChar;
                }
                continue parseValue;
              } else if (inSingle || literal) {
                if (char === "\r") {
                  escaped = true;
                  i = i + 2;
                } else if (char === "\n") {
                  escaped = true;
                  i++;
                } else {
                  escapedValue = escapedValue + escapeChar;
                }
                continue parseValue;
              } else if (char === escapeChar) {
                escapedValue = escapedValue + escapeChar;
                i++;
              } else if (char === "\r") {
                escaped = true;
                i = i + 2;
              } else if (char === "\n") {
                escaped = true;
                i++;
                start = i;
              } else {
                escapedValue = escapedValue + char;
                i++;
              }
              break;
            case " ":
            case "	":
              if (escaped && commentCheck === -1) {
                commentCheck = i;
              }
              escapedValue = escapedValue + char;
              break;
            case "\r":
              i++;
            case "\n":
              if (escaped && commentCheck !== -1) {
                escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck - 1));
                commentCheck = -1;
              }
              break;
            case "#":
              if (escaped) {
                if (commentCheck !== -1) {
                  escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck));
                  commentCheck = -1;
                }
                newlineCheck: for (let j = i + 1; j < value.length; j++) {
                  switch (value.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      break newlineCheck;
                  }
                }
                continue parseValue;
              }
            default:
              if (escaped) {
                escaped = false;
                commentCheck = -1;
              }
              escapedValue = escapedValue + char;
              break;
          }
        }
        return escapedValue;
      }
    };
    exports.Property = Property;
  }
});

// node_modules/dockerfile-ast/lib/propertyInstruction.js
var require_propertyInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/propertyInstruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.PropertyInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var instruction_1 = require_instruction();
    var property_1 = require_property();
    var argument_1 = require_argument();
    var util_1 = require_util();
    var PropertyInstruction = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction2, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction2, instructionRange);
        this.properties = void 0;
      }
      getProperties() {
        if (this.properties === void 0) {
          let args = this.getPropertyArguments();
          if (args.length === 0) {
            this.properties = [];
          } else if (args.length === 1) {
            this.properties = [new property_1.Property(this.document, this.escapeChar, args[0])];
          } else if (args.length === 2) {
            if (args[0].getValue().indexOf("=") === -1) {
              this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], args[1])];
            } else {
              this.properties = [
                new property_1.Property(this.document, this.escapeChar, args[0]),
                new property_1.Property(this.document, this.escapeChar, args[1])
              ];
            }
          } else if (args[0].getValue().indexOf("=") === -1) {
            let text = this.document.getText();
            let start = args[1].getRange().start;
            let end = args[args.length - 1].getRange().end;
            text = text.substring(this.document.offsetAt(start), this.document.offsetAt(end));
            this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], new argument_1.Argument(text, vscode_languageserver_types_1.Range.create(args[1].getRange().start, args[args.length - 1].getRange().end)))];
          } else {
            this.properties = [];
            for (let i = 0; i < args.length; i++) {
              this.properties.push(new property_1.Property(this.document, this.escapeChar, args[i]));
            }
          }
        }
        return this.properties;
      }
      /**
       * Goes from the back of the string and returns the first
       * non-whitespace character that is found. If an escape character
       * is found with newline characters, the escape character will
       * not be considered a non-whitespace character and its index in
       * the string will not be returned.
       *
       * @param content the string to search through
       * @return the index in the string for the first non-whitespace
       *         character when searching from the end of the string
       */
      findTrailingNonWhitespace(content) {
        let index = content.length;
        whitespaceCheck: for (let i = content.length - 1; i >= 0; i--) {
          switch (content.charAt(i)) {
            case " ":
            case "	":
              continue;
            case "\n":
              if (content.charAt(i - 1) === "\r") {
                i = i - 1;
              }
            case "\r":
              newlineCheck: for (let j = i - 1; j >= 0; j--) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                  case "\r":
                  case "\n":
                  case this.escapeChar:
                    continue;
                  default:
                    index = j;
                    break newlineCheck;
                }
              }
              break whitespaceCheck;
            default:
              index = i;
              break whitespaceCheck;
          }
        }
        return index;
      }
      getPropertyArguments() {
        const args = [];
        let range = this.getInstructionRange();
        let instructionNameEndOffset = this.document.offsetAt(range.end);
        let extra = instructionNameEndOffset - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let start = util_1.Util.findLeadingNonWhitespace(fullArgs, this.escapeChar);
        if (start === -1) {
          return [];
        }
        const startPosition = this.document.positionAt(instructionNameEndOffset + start);
        let escaped = range.start.line !== startPosition.line;
        let endingEscape = false;
        let mark = -1;
        let end = this.findTrailingNonWhitespace(fullArgs);
        content = fullArgs.substring(start, end + 1);
        let argStart = escaped ? -1 : 0;
        let spaced = false;
        argumentLoop: for (let i = 0; i < content.length; i++) {
          let char = content.charAt(i);
          switch (char) {
            case this.escapeChar:
              if (i + 1 === content.length) {
                endingEscape = true;
                break argumentLoop;
              }
              if (!escaped) {
                mark = i;
              }
              switch (content.charAt(i + 1)) {
                case " ":
                case "	":
                  if (!util_1.Util.isWhitespace(content.charAt(i + 2))) {
                    i = i + 1;
                    continue argumentLoop;
                  }
                  whitespaceCheck: for (let j = i + 2; j < content.length; j++) {
                    switch (content.charAt(j)) {
                      case "\r":
                        j++;
                      case "\n":
                        escaped = true;
                        i = j;
                        continue argumentLoop;
                      case " ":
                      case "	":
                        break;
                      default:
                        args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i + 2))));
                        argStart = j;
                        break whitespaceCheck;
                    }
                  }
                  i = argStart - 1;
                  continue argumentLoop;
                case "\r":
                  i++;
                case "\n":
                  escaped = true;
                  i = i + 1;
                  continue argumentLoop;
                case this.escapeChar:
                  if (argStart === -1) {
                    argStart = i;
                  }
                  i = i + 1;
                  continue argumentLoop;
                default:
                  if (argStart === -1) {
                    argStart = i;
                  }
                  continue argumentLoop;
              }
            case "'":
            case '"':
              if (spaced) {
                this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                argStart = i;
                spaced = false;
              }
              if (argStart === -1) {
                argStart = i;
              }
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case char:
                    if (content.charAt(j + 1) !== " " && content.charAt(j + 1) !== "") {
                      i = j;
                      continue argumentLoop;
                    }
                    args.push(new argument_1.Argument(content.substring(argStart, j + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + j + 1))));
                    i = j;
                    argStart = -1;
                    continue argumentLoop;
                  case this.escapeChar:
                    j++;
                    break;
                }
              }
              break argumentLoop;
            case " ":
            case "	":
              if (escaped) {
                if (argStart !== -1) {
                  spaced = true;
                }
              } else if (argStart !== -1) {
                args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i))));
                argStart = -1;
              }
              break;
            case "\r":
              i++;
            case "\n":
              spaced = false;
              break;
            case "#":
              if (escaped) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      spaced = false;
                      continue argumentLoop;
                  }
                }
                if (argStart !== -1) {
                  let value = content.substring(argStart, mark);
                  args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
                  argStart = -1;
                }
                break argumentLoop;
              } else if (argStart === -1) {
                argStart = i;
              }
              break;
            default:
              if (spaced) {
                this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                argStart = i;
                spaced = false;
              }
              escaped = false;
              if (argStart === -1) {
                argStart = i;
              }
              if (char === "$" && content.charAt(i + 1) === "{") {
                let singleQuotes = false;
                let doubleQuotes = false;
                let escaped2 = false;
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case this.escapeChar:
                      escaped2 = true;
                      break;
                    case "\r":
                    case "\n":
                      break;
                    case "'":
                      singleQuotes = !singleQuotes;
                      escaped2 = false;
                      break;
                    case '"':
                      doubleQuotes = !doubleQuotes;
                      escaped2 = false;
                      break;
                    case " ":
                    case "	":
                      if (escaped2 || singleQuotes || doubleQuotes) {
                        break;
                      }
                      i = j - 1;
                      continue argumentLoop;
                    case "}":
                      i = j;
                      continue argumentLoop;
                    default:
                      escaped2 = false;
                      break;
                  }
                }
                break argumentLoop;
              }
              break;
          }
        }
        if (argStart !== -1 && argStart !== content.length) {
          let end2 = endingEscape ? content.length - 1 : content.length;
          let value = content.substring(argStart, end2);
          args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + end2))));
        }
        return args;
      }
      createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start) {
        if (argStart !== -1) {
          args.push(new argument_1.Argument(content.substring(argStart, mark), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
        }
      }
    };
    exports.PropertyInstruction = PropertyInstruction;
  }
});

// node_modules/dockerfile-ast/lib/instructions/arg.js
var require_arg = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/arg.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Arg = void 0;
    var property_1 = require_property();
    var propertyInstruction_1 = require_propertyInstruction();
    var Arg = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction2, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction2, instructionRange);
        this.property = null;
        const args = this.getPropertyArguments();
        if (args.length === 1) {
          this.property = new property_1.Property(this.document, this.escapeChar, args[0]);
        } else {
          this.property = null;
        }
      }
      /**
       * Returns the variable defined by this ARG. This may be null if
       * this ARG instruction is malformed and has no variable
       * declaration.
       */
      getProperty() {
        return this.property;
      }
    };
    exports.Arg = Arg;
  }
});

// node_modules/dockerfile-ast/lib/instructions/cmd.js
var require_cmd = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/cmd.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Cmd = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Cmd = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction2, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction2, instructionRange);
      }
    };
    exports.Cmd = Cmd;
  }
});

// node_modules/dockerfile-ast/lib/instructions/copy.js
var require_copy = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/copy.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Copy = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Copy = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction2, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction2, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      getFromFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "from" ? flags[0] : null;
      }
      /**
       * Returns there here-documents that are defined in this RUN
       * instruction.
       *
       * This API is experimental and subject to change.
       */
      getHeredocs() {
        return super.getHeredocs();
      }
    };
    exports.Copy = Copy;
  }
});

// node_modules/dockerfile-ast/lib/instructions/env.js
var require_env = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/env.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Env = void 0;
    var propertyInstruction_1 = require_propertyInstruction();
    var Env = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction2, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction2, instructionRange);
      }
      getProperties() {
        return super.getProperties();
      }
    };
    exports.Env = Env;
  }
});

// node_modules/dockerfile-ast/lib/instructions/entrypoint.js
var require_entrypoint = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/entrypoint.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Entrypoint = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Entrypoint = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction2, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction2, instructionRange);
      }
    };
    exports.Entrypoint = Entrypoint;
  }
});

// node_modules/dockerfile-ast/lib/instructions/from.js
var require_from = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/from.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.From = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var modifiableInstruction_1 = require_modifiableInstruction();
    var From = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction2, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction2, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      getImage() {
        const args = this.getArguments();
        return args.length > 0 ? args[0].getValue() : null;
      }
      /**
       * Returns the name of the image that will be used as the base image.
       *
       * @return the base image's name, or null if unspecified
       */
      getImageName() {
        const imageName = this.getRangeContent(this.getImageNameRange());
        if (imageName === null) {
          return null;
        }
        let commented = false;
        let escaped = false;
        let name = "";
        for (let i = 0; i < imageName.length; i++) {
          const ch = imageName.charAt(i);
          switch (ch) {
            case this.escapeChar:
              escaped = true;
              break;
            case "\r":
              continue;
            case "\n":
              commented = false;
              break;
            case " ":
            case "	":
              break;
            case "#":
              if (escaped) {
                commented = true;
              } else {
                name = name + ch;
                escaped = false;
              }
              break;
            default:
              if (!commented) {
                name = name + ch;
                escaped = false;
              }
              break;
          }
        }
        return name;
      }
      /**
       * Returns the range that covers the name of the image used by
       * this instruction.
       *
       * @return the range of the name of this instruction's argument,
       *         or null if no image has been specified
       */
      getImageNameRange() {
        let range = this.getImageRange();
        if (range) {
          let registryRange = this.getRegistryRange();
          if (registryRange) {
            range.start = this.document.positionAt(this.document.offsetAt(registryRange.end) + 1);
          }
          let tagRange = this.getImageTagRange();
          let digestRange = this.getImageDigestRange();
          if (tagRange === null) {
            if (digestRange !== null) {
              range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
            }
          } else {
            range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
          }
          return range;
        }
        return null;
      }
      /**
       * Returns the range that covers the image argument of this
       * instruction. This includes the tag or digest of the image if
       * it has been specified by the instruction.
       *
       * @return the range of the image argument, or null if no image
       *         has been specified
       */
      getImageRange() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0].getRange() : null;
      }
      getImageTag() {
        return this.getRangeContent(this.getImageTagRange());
      }
      /**
       * Returns the range in the document that the tag of the base
       * image encompasses.
       *
       * @return the base image's tag's range in the document, or null
       *         if no tag has been specified
       */
      getImageTagRange() {
        const range = this.getImageRange();
        if (range) {
          const rangeStartOffset = this.document.offsetAt(range.start);
          const content = this.getRangeContent(range);
          const atIndex = this.indexOf(rangeStartOffset, content, "@");
          const slashIndex = content.indexOf("/");
          if (atIndex === -1) {
            const colonIndex = this.lastIndexOf(rangeStartOffset, content, ":");
            if (colonIndex > slashIndex) {
              return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + colonIndex + 1), range.end);
            }
          }
          const subcontent = content.substring(0, atIndex);
          const subcolonIndex = subcontent.indexOf(":");
          if (subcolonIndex === -1) {
            return null;
          }
          if (slashIndex === -1) {
            return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + atIndex));
          }
          if (subcolonIndex < slashIndex) {
            return null;
          }
          return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + subcontent.length));
        }
        return null;
      }
      getImageDigest() {
        return this.getRangeContent(this.getImageDigestRange());
      }
      /**
       * Returns the range in the document that the digest of the base
       * image encompasses.
       *
       * @return the base image's digest's range in the document, or null
       *         if no digest has been specified
       */
      getImageDigestRange() {
        let range = this.getImageRange();
        if (range) {
          let content = this.getRangeContent(range);
          let index = this.lastIndexOf(this.document.offsetAt(range.start), content, "@");
          if (index !== -1) {
            return vscode_languageserver_types_1.Range.create(range.start.line, range.start.character + index + 1, range.end.line, range.end.character);
          }
        }
        return null;
      }
      indexOf(documentOffset, content, searchString) {
        let index = content.indexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
          const position = documentOffset + index;
          const variableRange = variables[i].getRange();
          if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
            const offset = this.document.offsetAt(variableRange.end) - documentOffset;
            const substring = content.substring(offset);
            const subIndex = substring.indexOf(searchString);
            if (subIndex === -1) {
              return -1;
            }
            index = subIndex + offset;
            i = -1;
            continue;
          }
        }
        return index;
      }
      lastIndexOf(documentOffset, content, searchString) {
        let index = content.lastIndexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
          const position = documentOffset + index;
          const variableRange = variables[i].getRange();
          if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
            index = content.substring(0, index).lastIndexOf(searchString);
            if (index === -1) {
              return -1;
            }
            i = -1;
            continue;
          }
        }
        return index;
      }
      getRegistry() {
        return this.getRangeContent(this.getRegistryRange());
      }
      getRegistryRange() {
        const range = this.getImageRange();
        if (range) {
          const tagRange = this.getImageTagRange();
          const digestRange = this.getImageDigestRange();
          if (tagRange === null) {
            if (digestRange !== null) {
              range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
            }
          } else {
            range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
          }
          const content = this.getRangeContent(range);
          const rangeStart = this.document.offsetAt(range.start);
          const startingSlashIndex = this.indexOf(rangeStart, content, "/");
          if (startingSlashIndex === -1) {
            return null;
          }
          const portIndex = this.indexOf(rangeStart, content, ":");
          const dotIndex = this.indexOf(rangeStart, content, ".");
          if (portIndex !== -1 || dotIndex !== -1) {
            return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
          }
          const registry = content.substring(0, startingSlashIndex);
          if (registry === "localhost") {
            return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
          }
        }
        return null;
      }
      getBuildStage() {
        let range = this.getBuildStageRange();
        return range === null ? null : this.getRangeContent(range);
      }
      getBuildStageRange() {
        let args = this.getArguments();
        if (args.length > 2 && args[1].getValue().toUpperCase() === "AS") {
          return args[2].getRange();
        }
        return null;
      }
      getPlatformFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "platform" ? flags[0] : null;
      }
    };
    exports.From = From;
  }
});

// node_modules/dockerfile-ast/lib/instructions/healthcheck.js
var require_healthcheck = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/healthcheck.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Healthcheck = void 0;
    var modifiableInstruction_1 = require_modifiableInstruction();
    var Healthcheck = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction2, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction2, instructionRange);
      }
      stopSearchingForFlags(argument) {
        argument = argument.toUpperCase();
        return argument === "CMD" || argument === "NONE";
      }
      getSubcommand() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0] : null;
      }
    };
    exports.Healthcheck = Healthcheck;
  }
});

// node_modules/dockerfile-ast/lib/instructions/label.js
var require_label = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/label.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Label = void 0;
    var propertyInstruction_1 = require_propertyInstruction();
    var util_1 = require_util();
    var Label = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction2, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction2, instructionRange);
      }
      getVariables() {
        const variables = super.getVariables();
        const properties = this.getProperties();
        for (const property of properties) {
          const value = property.getUnescapedValue();
          if (value !== null && value.length > 2 && value.charAt(0) === "'" && value.charAt(value.length - 1) === "'") {
            const range = property.getValueRange();
            for (let i = 0; i < variables.length; i++) {
              if (util_1.Util.isInsideRange(variables[i].getRange().start, range)) {
                variables.splice(i, 1);
                i--;
              }
            }
          }
        }
        return variables;
      }
      getProperties() {
        return super.getProperties();
      }
    };
    exports.Label = Label;
  }
});

// node_modules/dockerfile-ast/lib/instructions/onbuild.js
var require_onbuild = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/onbuild.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Onbuild = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var parser_1 = require_parser2();
    var instruction_1 = require_instruction();
    var Onbuild = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction2, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction2, instructionRange);
      }
      getTrigger() {
        let trigger = this.getTriggerWord();
        return trigger === null ? null : trigger.toUpperCase();
      }
      getTriggerWord() {
        return this.getRangeContent(this.getTriggerRange());
      }
      getTriggerRange() {
        let args = this.getArguments();
        return args.length > 0 ? args[0].getRange() : null;
      }
      getTriggerInstruction() {
        let triggerRange = this.getTriggerRange();
        if (triggerRange === null) {
          return null;
        }
        let args = this.getArguments();
        return parser_1.Parser.createInstruction(this.document, this.dockerfile, this.escapeChar, vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end), this.getTriggerWord(), triggerRange);
      }
    };
    exports.Onbuild = Onbuild;
  }
});

// node_modules/dockerfile-ast/lib/instructions/run.js
var require_run = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/run.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Run = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Run = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction2, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction2, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      /**
       * Returns there here-documents that are defined in this RUN
       * instruction.
       *
       * This API is experimental and subject to change.
       */
      getHeredocs() {
        return super.getHeredocs();
      }
    };
    exports.Run = Run;
  }
});

// node_modules/dockerfile-ast/lib/instructions/shell.js
var require_shell = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/shell.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Shell = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Shell = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction2, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction2, instructionRange);
      }
    };
    exports.Shell = Shell;
  }
});

// node_modules/dockerfile-ast/lib/instructions/stopsignal.js
var require_stopsignal = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/stopsignal.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Stopsignal = void 0;
    var instruction_1 = require_instruction();
    var Stopsignal = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction2, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction2, instructionRange);
      }
    };
    exports.Stopsignal = Stopsignal;
  }
});

// node_modules/dockerfile-ast/lib/instructions/workdir.js
var require_workdir = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/workdir.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Workdir = void 0;
    var instruction_1 = require_instruction();
    var Workdir = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction2, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction2, instructionRange);
      }
      /**
       * Returns the path that has been defined. Note that this path may
       * be absolute or relative depending on what was written in the
       * instruction.
       *
       * @return the working directory's path, or null if this
       *         instruction has no arguments
       */
      getPath() {
        return this.getArgumentsContent();
      }
      /**
       * Returns the absolute path that this instruction resolves to. The
       * function will inspect prior WORKDIR instructions in the current
       * image or another build stage in the Dockerfile to try to
       * determine this.
       *
       * @return the absolute path of the working directory, or null if
       *         this instruction has no arguments, or undefined if it
       *         cannot be determined because only relative paths could be
       *         found
       */
      getAbsolutePath() {
        const path20 = this.getPath();
        if (path20 === null || path20.startsWith("/")) {
          return path20;
        }
        const startLine = this.getRange().start.line;
        const hierarchy = this.dockerfile.getStageHierarchy(startLine);
        for (let i = hierarchy.length - 1; i >= 0; i--) {
          const workdirs = hierarchy[i].getWORKDIRs();
          for (let j = workdirs.length - 1; j >= 0; j--) {
            if (workdirs[j].getRange().start.line < startLine) {
              const parent = workdirs[j].getAbsolutePath();
              if (parent === void 0 || parent === null) {
                return void 0;
              }
              return parent.endsWith("/") ? parent + path20 : parent + "/" + path20;
            }
          }
        }
        return void 0;
      }
    };
    exports.Workdir = Workdir;
  }
});

// node_modules/dockerfile-ast/lib/instructions/user.js
var require_user = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/user.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.User = void 0;
    var instruction_1 = require_instruction();
    var User = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction2, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction2, instructionRange);
      }
    };
    exports.User = User;
  }
});

// node_modules/dockerfile-ast/lib/instructions/volume.js
var require_volume = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/volume.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Volume = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Volume = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction2, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction2, instructionRange);
      }
    };
    exports.Volume = Volume;
  }
});

// node_modules/dockerfile-ast/lib/imageTemplate.js
var require_imageTemplate = __commonJS({
  "node_modules/dockerfile-ast/lib/imageTemplate.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ImageTemplate = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var arg_1 = require_arg();
    var cmd_1 = require_cmd();
    var copy_1 = require_copy();
    var env_1 = require_env();
    var entrypoint_1 = require_entrypoint();
    var from_1 = require_from();
    var healthcheck_1 = require_healthcheck();
    var onbuild_1 = require_onbuild();
    var util_1 = require_util();
    var workdir_1 = require_workdir();
    var ImageTemplate = class {
      constructor() {
        this.comments = [];
        this.instructions = [];
      }
      addComment(comment) {
        this.comments.push(comment);
      }
      getComments() {
        return this.comments;
      }
      addInstruction(instruction2) {
        this.instructions.push(instruction2);
      }
      getInstructions() {
        return this.instructions;
      }
      getInstructionAt(line) {
        for (let instruction2 of this.instructions) {
          if (util_1.Util.isInsideRange(vscode_languageserver_types_1.Position.create(line, 0), instruction2.getRange())) {
            return instruction2;
          }
        }
        return null;
      }
      /**
       * Gets all the ARG instructions that are defined in this image.
       */
      getARGs() {
        let args = [];
        for (let instruction2 of this.instructions) {
          if (instruction2 instanceof arg_1.Arg) {
            args.push(instruction2);
          }
        }
        return args;
      }
      /**
       * Gets all the CMD instructions that are defined in this image.
       */
      getCMDs() {
        let cmds = [];
        for (let instruction2 of this.instructions) {
          if (instruction2 instanceof cmd_1.Cmd) {
            cmds.push(instruction2);
          }
        }
        return cmds;
      }
      /**
       * Gets all the COPY instructions that are defined in this image.
       */
      getCOPYs() {
        let copies = [];
        for (let instruction2 of this.instructions) {
          if (instruction2 instanceof copy_1.Copy) {
            copies.push(instruction2);
          }
        }
        return copies;
      }
      /**
       * Gets all the ENTRYPOINT instructions that are defined in this image.
       */
      getENTRYPOINTs() {
        let froms = [];
        for (let instruction2 of this.instructions) {
          if (instruction2 instanceof entrypoint_1.Entrypoint) {
            froms.push(instruction2);
          }
        }
        return froms;
      }
      /**
       * Gets all the ENV instructions that are defined in this image.
       */
      getENVs() {
        let args = [];
        for (let instruction2 of this.instructions) {
          if (instruction2 instanceof env_1.Env) {
            args.push(instruction2);
          }
        }
        return args;
      }
      getFROM() {
        for (const instruction2 of this.instructions) {
          if (instruction2 instanceof from_1.From) {
            return instruction2;
          }
        }
        return null;
      }
      /**
       * Gets all the FROM instructions that are defined in this image.
       */
      getFROMs() {
        let froms = [];
        for (let instruction2 of this.instructions) {
          if (instruction2 instanceof from_1.From) {
            froms.push(instruction2);
          }
        }
        return froms;
      }
      /**
       * Gets all the HEALTHCHECK instructions that are defined in this image.
       */
      getHEALTHCHECKs() {
        let froms = [];
        for (let instruction2 of this.instructions) {
          if (instruction2 instanceof healthcheck_1.Healthcheck) {
            froms.push(instruction2);
          }
        }
        return froms;
      }
      getWORKDIRs() {
        const workdirs = [];
        for (const instruction2 of this.instructions) {
          if (instruction2 instanceof workdir_1.Workdir) {
            workdirs.push(instruction2);
          }
        }
        return workdirs;
      }
      getOnbuildTriggers() {
        let triggers = [];
        for (let instruction2 of this.instructions) {
          if (instruction2 instanceof onbuild_1.Onbuild) {
            let trigger = instruction2.getTriggerInstruction();
            if (trigger) {
              triggers.push(trigger);
            }
          }
        }
        return triggers;
      }
      getAvailableVariables(currentLine) {
        const variables = [];
        for (const arg of this.getARGs()) {
          if (arg.isBefore(currentLine)) {
            const property = arg.getProperty();
            if (property) {
              const variable = property.getName();
              if (variables.indexOf(variable) === -1) {
                variables.push(variable);
              }
            }
          }
        }
        for (const env of this.getENVs()) {
          if (env.isBefore(currentLine)) {
            for (const property of env.getProperties()) {
              const variable = property.getName();
              if (variables.indexOf(variable) === -1) {
                variables.push(variable);
              }
            }
          }
        }
        return variables;
      }
      /**
       * Resolves a variable with the given name at the specified line
       * to its value. If null is returned, then the variable has been
       * defined but no value was given. If undefined is returned, then
       * a variable with the given name has not been defined yet as of
       * the given line.
       *
       * @param variable the name of the variable to resolve
       * @param line the line number that the variable is on, zero-based
       * @return the value of the variable as defined by an ARG or ENV
       *         instruction, or null if no value has been specified, or
       *         undefined if a variable with the given name has not
       *         been defined
       */
      resolveVariable(variable, line) {
        let envs = this.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
          if (envs[i].isBefore(line)) {
            for (let property of envs[i].getProperties()) {
              if (property.getName() === variable) {
                return property.getValue();
              }
            }
          }
        }
        let args = this.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
          if (args[i].isBefore(line)) {
            let property = args[i].getProperty();
            if (property && property.getName() === variable) {
              return property.getValue();
            }
          }
        }
        return void 0;
      }
      getRange() {
        const instructions = this.getInstructions();
        if (instructions.length === 0) {
          return vscode_languageserver_types_1.Range.create(0, 0, 0, 0);
        }
        const instructionStart = instructions[0].getRange().start;
        const instructionEnd = instructions[instructions.length - 1].getRange().end;
        return vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
      }
      contains(position) {
        const range = this.getRange();
        if (range === null) {
          return false;
        }
        return util_1.Util.isInsideRange(position, range);
      }
    };
    exports.ImageTemplate = ImageTemplate;
  }
});

// node_modules/dockerfile-ast/lib/dockerfile.js
var require_dockerfile = __commonJS({
  "node_modules/dockerfile-ast/lib/dockerfile.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Dockerfile = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var ast = require_main();
    var imageTemplate_1 = require_imageTemplate();
    var from_1 = require_from();
    var util_1 = require_util();
    var main_1 = require_main();
    var Dockerfile = class extends imageTemplate_1.ImageTemplate {
      constructor(document) {
        super();
        this.initialInstructions = new imageTemplate_1.ImageTemplate();
        this.buildStages = [];
        this.directives = [];
        this.foundFrom = false;
        this.document = document;
      }
      getEscapeCharacter() {
        for (const directive of this.directives) {
          if (directive.getDirective() === ast.Directive.escape) {
            const value = directive.getValue();
            if (value === "\\" || value === "`") {
              return value;
            }
          }
        }
        return "\\";
      }
      getInitialARGs() {
        return this.initialInstructions.getARGs();
      }
      getContainingImage(position) {
        let range = vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(0, 0), this.document.positionAt(this.document.getText().length));
        if (!util_1.Util.isInsideRange(position, range)) {
          return null;
        }
        if (this.initialInstructions.getComments().length > 0 || this.initialInstructions.getInstructions().length > 0) {
          if (util_1.Util.isInsideRange(position, this.initialInstructions.getRange())) {
            return this.initialInstructions;
          }
        }
        for (const buildStage of this.buildStages) {
          if (util_1.Util.isInsideRange(position, buildStage.getRange())) {
            return buildStage;
          }
        }
        return this;
      }
      addInstruction(instruction2) {
        if (instruction2.getKeyword() === main_1.Keyword.FROM) {
          this.currentBuildStage = new imageTemplate_1.ImageTemplate();
          this.buildStages.push(this.currentBuildStage);
          this.foundFrom = true;
        } else if (!this.foundFrom) {
          this.initialInstructions.addInstruction(instruction2);
        }
        if (this.foundFrom) {
          this.currentBuildStage.addInstruction(instruction2);
        }
        super.addInstruction(instruction2);
      }
      setDirectives(directives) {
        this.directives = directives;
      }
      getDirective() {
        return this.directives.length === 0 ? null : this.directives[0];
      }
      getDirectives() {
        return this.directives;
      }
      resolveVariable(variable, line) {
        for (let from of this.getFROMs()) {
          let range = from.getRange();
          if (range.start.line <= line && line <= range.end.line) {
            let initialARGs = new imageTemplate_1.ImageTemplate();
            for (let instruction2 of this.initialInstructions.getARGs()) {
              initialARGs.addInstruction(instruction2);
            }
            return initialARGs.resolveVariable(variable, line);
          }
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
          return void 0;
        }
        let resolvedVariable = image.resolveVariable(variable, line);
        if (resolvedVariable === null) {
          let initialARGs = new imageTemplate_1.ImageTemplate();
          for (let instruction2 of this.initialInstructions.getARGs()) {
            initialARGs.addInstruction(instruction2);
          }
          return initialARGs.resolveVariable(variable, line);
        }
        return resolvedVariable;
      }
      getAvailableVariables(currentLine) {
        if (this.getInstructionAt(currentLine) instanceof from_1.From) {
          let variables = [];
          for (let arg of this.getInitialARGs()) {
            let property = arg.getProperty();
            if (property) {
              variables.push(property.getName());
            }
          }
          return variables;
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(currentLine, 0));
        return image ? image.getAvailableVariables(currentLine) : [];
      }
      getParentStage(image) {
        const templateFrom = image.getFROM();
        const imageName = templateFrom === null ? null : templateFrom.getImageName();
        if (imageName === null) {
          return null;
        }
        for (const from of this.getFROMs()) {
          if (from.getBuildStage() === imageName) {
            const range = from.getRange();
            if (range.start.line === templateFrom.getRange().start.line) {
              return null;
            }
            return this.getContainingImage(range.start);
          }
        }
        return null;
      }
      getStageHierarchy(line) {
        const image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
          return [];
        }
        const stages = [image];
        let stage = this.getParentStage(image);
        while (stage !== null) {
          stages.splice(0, 0, stage);
          stage = this.getParentStage(stage);
        }
        return stages;
      }
      getAvailableWorkingDirectories(line) {
        const availableDirectories = /* @__PURE__ */ new Set();
        for (const image of this.getStageHierarchy(line)) {
          for (const workdir of image.getWORKDIRs()) {
            if (workdir.getRange().end.line < line) {
              let directory = workdir.getAbsolutePath();
              if (directory !== void 0 && directory !== null) {
                if (!directory.endsWith("/")) {
                  directory += "/";
                }
                availableDirectories.add(directory);
              }
            }
          }
        }
        return Array.from(availableDirectories);
      }
      /**
       * Internally reorganize the comments in the Dockerfile and allocate
       * them to the relevant build stages that they belong to.
       */
      organizeComments() {
        const comments = this.getComments();
        for (let i = 0; i < comments.length; i++) {
          if (util_1.Util.isInsideRange(comments[i].getRange().end, this.initialInstructions.getRange())) {
            this.initialInstructions.addComment(comments[i]);
          } else {
            for (const buildStage of this.buildStages) {
              if (util_1.Util.isInsideRange(comments[i].getRange().start, buildStage.getRange())) {
                buildStage.addComment(comments[i]);
              }
            }
          }
        }
      }
      getRange() {
        const comments = this.getComments();
        const instructions = this.getInstructions();
        let range = null;
        if (comments.length === 0) {
          if (instructions.length > 0) {
            range = vscode_languageserver_types_1.Range.create(instructions[0].getRange().start, instructions[instructions.length - 1].getRange().end);
          }
        } else if (instructions.length === 0) {
          range = vscode_languageserver_types_1.Range.create(comments[0].getRange().start, comments[comments.length - 1].getRange().end);
        } else {
          const commentStart = comments[0].getRange().start;
          const commentEnd = comments[comments.length - 1].getRange().end;
          const instructionStart = instructions[0].getRange().start;
          const instructionEnd = instructions[instructions.length - 1].getRange().end;
          if (commentStart.line < instructionStart.line) {
            if (commentEnd.line < instructionEnd.line) {
              range = vscode_languageserver_types_1.Range.create(commentStart, instructionEnd);
            }
            range = vscode_languageserver_types_1.Range.create(commentStart, commentEnd);
          } else if (commentEnd.line < instructionEnd.line) {
            range = vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
          } else {
            range = vscode_languageserver_types_1.Range.create(instructionStart, commentEnd);
          }
        }
        if (range === null) {
          if (this.directives.length === 0) {
            return null;
          }
          return this.directives[0].getRange();
        } else if (this.directives.length === 0) {
          return range;
        }
        return vscode_languageserver_types_1.Range.create(this.directives[0].getRange().start, range.end);
      }
    };
    exports.Dockerfile = Dockerfile;
  }
});

// node_modules/dockerfile-ast/lib/parser.js
var require_parser2 = __commonJS({
  "node_modules/dockerfile-ast/lib/parser.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Parser = void 0;
    var vscode_languageserver_textdocument_1 = (init_main2(), __toCommonJS(main_exports2));
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var comment_1 = require_comment();
    var parserDirective_1 = require_parserDirective();
    var instruction_1 = require_instruction();
    var add_1 = require_add();
    var arg_1 = require_arg();
    var cmd_1 = require_cmd();
    var copy_1 = require_copy();
    var env_1 = require_env();
    var entrypoint_1 = require_entrypoint();
    var from_1 = require_from();
    var healthcheck_1 = require_healthcheck();
    var label_1 = require_label();
    var onbuild_1 = require_onbuild();
    var run_1 = require_run();
    var shell_1 = require_shell();
    var stopsignal_1 = require_stopsignal();
    var workdir_1 = require_workdir();
    var user_1 = require_user();
    var volume_1 = require_volume();
    var dockerfile_1 = require_dockerfile();
    var util_1 = require_util();
    var main_1 = require_main();
    var Parser3 = class _Parser {
      constructor() {
        this.escapeChar = null;
      }
      static createInstruction(document, dockerfile, escapeChar, lineRange, instruction2, instructionRange) {
        switch (instruction2.toUpperCase()) {
          case "ADD":
            return new add_1.Add(document, lineRange, dockerfile, escapeChar, instruction2, instructionRange);
          case "ARG":
            return new arg_1.Arg(document, lineRange, dockerfile, escapeChar, instruction2, instructionRange);
          case "CMD":
            return new cmd_1.Cmd(document, lineRange, dockerfile, escapeChar, instruction2, instructionRange);
          case "COPY":
            return new copy_1.Copy(document, lineRange, dockerfile, escapeChar, instruction2, instructionRange);
          case "ENTRYPOINT":
            return new entrypoint_1.Entrypoint(document, lineRange, dockerfile, escapeChar, instruction2, instructionRange);
          case "ENV":
            return new env_1.Env(document, lineRange, dockerfile, escapeChar, instruction2, instructionRange);
          case "FROM":
            return new from_1.From(document, lineRange, dockerfile, escapeChar, instruction2, instructionRange);
          case "HEALTHCHECK":
            return new healthcheck_1.Healthcheck(document, lineRange, dockerfile, escapeChar, instruction2, instructionRange);
          case "LABEL":
            return new label_1.Label(document, lineRange, dockerfile, escapeChar, instruction2, instructionRange);
          case "ONBUILD":
            return new onbuild_1.Onbuild(document, lineRange, dockerfile, escapeChar, instruction2, instructionRange);
          case "RUN":
            return new run_1.Run(document, lineRange, dockerfile, escapeChar, instruction2, instructionRange);
          case "SHELL":
            return new shell_1.Shell(document, lineRange, dockerfile, escapeChar, instruction2, instructionRange);
          case "STOPSIGNAL":
            return new stopsignal_1.Stopsignal(document, lineRange, dockerfile, escapeChar, instruction2, instructionRange);
          case "WORKDIR":
            return new workdir_1.Workdir(document, lineRange, dockerfile, escapeChar, instruction2, instructionRange);
          case "USER":
            return new user_1.User(document, lineRange, dockerfile, escapeChar, instruction2, instructionRange);
          case "VOLUME":
            return new volume_1.Volume(document, lineRange, dockerfile, escapeChar, instruction2, instructionRange);
        }
        return new instruction_1.Instruction(document, lineRange, dockerfile, escapeChar, instruction2, instructionRange);
      }
      getParserDirectives(document, buffer) {
        const directives = [];
        this.escapeChar = "";
        const offset = util_1.Util.isUTF8BOM(buffer.substring(0, 1)) ? 1 : 0;
        directiveCheck: for (let i = offset; i < buffer.length; i++) {
          switch (buffer.charAt(i)) {
            case " ":
            case "	":
              break;
            case "\r":
            case "\n":
              break directiveCheck;
            case "#":
              let directiveStart = -1;
              let directiveEnd = -1;
              for (let j = i + 1; j < buffer.length; j++) {
                let char = buffer.charAt(j);
                switch (char) {
                  case " ":
                  case "	":
                    if (directiveStart !== -1 && directiveEnd === -1) {
                      directiveEnd = j;
                    }
                    break;
                  case "\r":
                  case "\n":
                    break directiveCheck;
                  case "=":
                    let valueStart = -1;
                    let valueEnd = -1;
                    if (directiveEnd === -1) {
                      directiveEnd = j;
                    }
                    let lineEnd = buffer.length;
                    directiveValue: for (let k = j + 1; k < buffer.length; k++) {
                      char = buffer.charAt(k);
                      switch (char) {
                        case "\r":
                        case "\n":
                          if (valueStart !== -1 && valueEnd === -1) {
                            valueEnd = k;
                          }
                          lineEnd = k;
                          break directiveValue;
                        case "	":
                        case " ":
                          if (valueStart !== -1 && valueEnd === -1) {
                            valueEnd = k;
                          }
                          continue;
                        default:
                          if (valueStart === -1) {
                            valueStart = k;
                          }
                          break;
                      }
                    }
                    if (directiveStart === -1) {
                      break directiveCheck;
                    }
                    if (valueStart === -1) {
                      valueStart = j + 1;
                      valueEnd = lineEnd;
                    } else if (valueEnd === -1) {
                      valueEnd = buffer.length;
                    }
                    const lineRange = vscode_languageserver_types_1.Range.create(document.positionAt(i), document.positionAt(lineEnd));
                    const nameRange = vscode_languageserver_types_1.Range.create(document.positionAt(directiveStart), document.positionAt(directiveEnd));
                    const valueRange = vscode_languageserver_types_1.Range.create(document.positionAt(valueStart), document.positionAt(valueEnd));
                    directives.push(new parserDirective_1.ParserDirective(document, lineRange, nameRange, valueRange));
                    directiveStart = -1;
                    if (buffer.charAt(valueEnd) === "\r") {
                      i = valueEnd + 1;
                    } else {
                      i = valueEnd;
                    }
                    continue directiveCheck;
                  default:
                    if (directiveStart === -1) {
                      directiveStart = j;
                    }
                    break;
                }
              }
              break;
            default:
              break directiveCheck;
          }
        }
        return directives;
      }
      parse(buffer) {
        this.document = vscode_languageserver_textdocument_1.TextDocument.create("", "", 0, buffer);
        this.buffer = buffer;
        let dockerfile = new dockerfile_1.Dockerfile(this.document);
        let directives = this.getParserDirectives(this.document, this.buffer);
        let offset = 0;
        this.escapeChar = "\\";
        if (directives.length > 0) {
          dockerfile.setDirectives(directives);
          this.escapeChar = dockerfile.getEscapeCharacter();
          offset = this.document.offsetAt(vscode_languageserver_types_1.Position.create(directives.length, 0));
        } else if (util_1.Util.isUTF8BOM(buffer.substring(0, 1))) {
          offset = 1;
        }
        for (let i = offset; i < this.buffer.length; i++) {
          const char = this.buffer.charAt(i);
          switch (char) {
            case " ":
            case "	":
            case "\r":
            case "\n":
              break;
            case "#":
              i = this.processComment(dockerfile, i);
              break;
            default:
              i = this.processInstruction(dockerfile, char, i);
              break;
          }
        }
        dockerfile.organizeComments();
        return dockerfile;
      }
      processInstruction(dockerfile, char, start) {
        let instruction2 = char;
        let instructionEnd = -1;
        let escapedInstruction = false;
        instructionCheck: for (let i = start + 1; i < this.buffer.length; i++) {
          char = this.buffer.charAt(i);
          switch (char) {
            case this.escapeChar:
              escapedInstruction = true;
              char = this.buffer.charAt(i + 1);
              if (char === "\r" || char === "\n") {
                if (instructionEnd === -1) {
                  instructionEnd = i;
                }
                i++;
              } else if (char === " " || char === "	") {
                for (let j = i + 2; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      i = j;
                      continue instructionCheck;
                    default:
                      instructionEnd = i + 1;
                      instruction2 = instruction2 + this.escapeChar;
                      i = j - 2;
                      continue instructionCheck;
                  }
                }
                instructionEnd = i + 1;
                instruction2 = instruction2 + this.escapeChar;
                break instructionCheck;
              } else {
                instructionEnd = i + 1;
                instruction2 = instruction2 + this.escapeChar;
                escapedInstruction = false;
              }
              break;
            case " ":
            case "	":
              if (escapedInstruction) {
                escapeCheck: for (let j = i + 1; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      i = j;
                      continue instructionCheck;
                    default:
                      break escapeCheck;
                  }
                }
                escapedInstruction = false;
              }
              if (instructionEnd === -1) {
                instructionEnd = i;
              }
              i = this.processArguments(dockerfile, instruction2, instructionEnd, start, i);
              dockerfile.addInstruction(this.createInstruction(dockerfile, instruction2, start, instructionEnd, i));
              return i;
            case "\r":
            case "\n":
              if (escapedInstruction) {
                continue;
              }
              if (instructionEnd === -1) {
                instructionEnd = i;
              }
              dockerfile.addInstruction(this.createInstruction(dockerfile, instruction2, start, i, i));
              return i;
            case "#":
              if (escapedInstruction) {
                continue;
              }
            default:
              instructionEnd = i + 1;
              instruction2 = instruction2 + char;
              escapedInstruction = false;
              break;
          }
        }
        if (instructionEnd === -1) {
          instructionEnd = this.buffer.length;
        }
        dockerfile.addInstruction(this.createInstruction(dockerfile, instruction2, start, instructionEnd, this.buffer.length));
        return this.buffer.length;
      }
      processHeredocs(instruction2, offset) {
        let keyword = instruction2.getKeyword();
        if (keyword === main_1.Keyword.ONBUILD) {
          instruction2 = instruction2.getTriggerInstruction();
          if (instruction2 === null) {
            return offset;
          }
          keyword = instruction2.getKeyword();
        }
        if (keyword !== main_1.Keyword.ADD && keyword !== main_1.Keyword.COPY && keyword !== main_1.Keyword.RUN) {
          return offset;
        }
        const heredocs = [];
        let tabbed = false;
        for (const arg of instruction2.getArguments()) {
          const value = arg.getValue();
          if (value.startsWith("<<") && value.length > 2) {
            if (value.startsWith("<<-")) {
              tabbed = true;
            }
            const name = util_1.Util.parseHeredocName(value);
            if (name !== null) {
              heredocs.push(name);
            }
          }
        }
        if (heredocs.length > 0) {
          for (const heredoc of heredocs) {
            offset = this.parseHeredoc(heredoc, offset, tabbed);
          }
        }
        return offset;
      }
      processArguments(dockerfile, instruction2, instructionEnd, start, offset) {
        let escaped = false;
        argumentsCheck: for (let i = offset + 1; i < this.buffer.length; i++) {
          switch (this.buffer.charAt(i)) {
            case "\r":
            case "\n":
              if (escaped) {
                continue;
              }
              return this.processHeredocs(this.createInstruction(dockerfile, instruction2, start, instructionEnd, i), i);
            case this.escapeChar:
              const next = this.buffer.charAt(i + 1);
              if (next === "\n" || next === "\r") {
                escaped = true;
                i++;
              } else if (next === " " || next === "	") {
                for (let j = i + 2; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      escaped = true;
                    default:
                      i = j;
                      continue argumentsCheck;
                  }
                }
                return this.buffer.length;
              }
              continue;
            case "#":
              if (escaped) {
                i = this.processComment(dockerfile, i);
                continue argumentsCheck;
              }
              break;
            case " ":
            case "	":
              break;
            default:
              if (escaped) {
                escaped = false;
              }
              break;
          }
        }
        return this.buffer.length;
      }
      processComment(dockerfile, start) {
        let end = this.buffer.length;
        commentLoop: for (let i = start + 1; i < this.buffer.length; i++) {
          switch (this.buffer.charAt(i)) {
            case "\r":
            case "\n":
              end = i;
              break commentLoop;
          }
        }
        const range = vscode_languageserver_types_1.Range.create(this.document.positionAt(start), this.document.positionAt(end));
        dockerfile.addComment(new comment_1.Comment(this.document, range));
        return end;
      }
      parseHeredoc(heredocName, offset, tabbed) {
        let startWord = -1;
        let lineStart = true;
        for (let i = offset; i < this.buffer.length; i++) {
          switch (this.buffer.charAt(i)) {
            case " ":
              lineStart = false;
              break;
            case "	":
              if (!tabbed) {
                lineStart = false;
              }
              break;
            case "\r":
            case "\n":
              if (startWord !== -1 && heredocName === this.buffer.substring(startWord, i)) {
                return i;
              }
              startWord = -1;
              lineStart = true;
              break;
            default:
              if (lineStart) {
                startWord = i;
                lineStart = false;
              }
              break;
          }
        }
        return this.buffer.length;
      }
      createInstruction(dockerfile, instruction2, start, instructionEnd, end) {
        const startPosition = this.document.positionAt(start);
        const instructionRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(instructionEnd));
        const lineRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(end));
        return _Parser.createInstruction(this.document, dockerfile, this.escapeChar, lineRange, instruction2, instructionRange);
      }
    };
    exports.Parser = Parser3;
  }
});

// node_modules/dockerfile-ast/lib/main.js
var require_main = __commonJS({
  "node_modules/dockerfile-ast/lib/main.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DockerfileParser = exports.DefaultVariables = exports.Directive = exports.Keyword = exports.Workdir = exports.Volume = exports.User = exports.Stopsignal = exports.Shell = exports.Run = exports.PropertyInstruction = exports.Onbuild = exports.ModifiableInstruction = exports.Label = exports.JSONInstruction = exports.Heredoc = exports.Healthcheck = exports.From = exports.Env = exports.Entrypoint = exports.Copy = exports.Cmd = exports.Arg = exports.Add = exports.Variable = exports.Property = exports.ParserDirective = exports.Line = exports.Instruction = exports.Flag = exports.Comment = exports.JSONArgument = exports.Argument = void 0;
    var argument_1 = require_argument();
    Object.defineProperty(exports, "Argument", { enumerable: true, get: function() {
      return argument_1.Argument;
    } });
    var jsonArgument_1 = require_jsonArgument();
    Object.defineProperty(exports, "JSONArgument", { enumerable: true, get: function() {
      return jsonArgument_1.JSONArgument;
    } });
    var comment_1 = require_comment();
    Object.defineProperty(exports, "Comment", { enumerable: true, get: function() {
      return comment_1.Comment;
    } });
    var parser_1 = require_parser2();
    var flag_1 = require_flag();
    Object.defineProperty(exports, "Flag", { enumerable: true, get: function() {
      return flag_1.Flag;
    } });
    var instruction_1 = require_instruction();
    Object.defineProperty(exports, "Instruction", { enumerable: true, get: function() {
      return instruction_1.Instruction;
    } });
    var line_1 = require_line();
    Object.defineProperty(exports, "Line", { enumerable: true, get: function() {
      return line_1.Line;
    } });
    var parserDirective_1 = require_parserDirective();
    Object.defineProperty(exports, "ParserDirective", { enumerable: true, get: function() {
      return parserDirective_1.ParserDirective;
    } });
    var property_1 = require_property();
    Object.defineProperty(exports, "Property", { enumerable: true, get: function() {
      return property_1.Property;
    } });
    var variable_1 = require_variable();
    Object.defineProperty(exports, "Variable", { enumerable: true, get: function() {
      return variable_1.Variable;
    } });
    var add_1 = require_add();
    Object.defineProperty(exports, "Add", { enumerable: true, get: function() {
      return add_1.Add;
    } });
    var arg_1 = require_arg();
    Object.defineProperty(exports, "Arg", { enumerable: true, get: function() {
      return arg_1.Arg;
    } });
    var cmd_1 = require_cmd();
    Object.defineProperty(exports, "Cmd", { enumerable: true, get: function() {
      return cmd_1.Cmd;
    } });
    var copy_1 = require_copy();
    Object.defineProperty(exports, "Copy", { enumerable: true, get: function() {
      return copy_1.Copy;
    } });
    var entrypoint_1 = require_entrypoint();
    Object.defineProperty(exports, "Entrypoint", { enumerable: true, get: function() {
      return entrypoint_1.Entrypoint;
    } });
    var env_1 = require_env();
    Object.defineProperty(exports, "Env", { enumerable: true, get: function() {
      return env_1.Env;
    } });
    var from_1 = require_from();
    Object.defineProperty(exports, "From", { enumerable: true, get: function() {
      return from_1.From;
    } });
    var healthcheck_1 = require_healthcheck();
    Object.defineProperty(exports, "Healthcheck", { enumerable: true, get: function() {
      return healthcheck_1.Healthcheck;
    } });
    var heredoc_1 = require_heredoc();
    Object.defineProperty(exports, "Heredoc", { enumerable: true, get: function() {
      return heredoc_1.Heredoc;
    } });
    var jsonInstruction_1 = require_jsonInstruction();
    Object.defineProperty(exports, "JSONInstruction", { enumerable: true, get: function() {
      return jsonInstruction_1.JSONInstruction;
    } });
    var label_1 = require_label();
    Object.defineProperty(exports, "Label", { enumerable: true, get: function() {
      return label_1.Label;
    } });
    var modifiableInstruction_1 = require_modifiableInstruction();
    Object.defineProperty(exports, "ModifiableInstruction", { enumerable: true, get: function() {
      return modifiableInstruction_1.ModifiableInstruction;
    } });
    var onbuild_1 = require_onbuild();
    Object.defineProperty(exports, "Onbuild", { enumerable: true, get: function() {
      return onbuild_1.Onbuild;
    } });
    var propertyInstruction_1 = require_propertyInstruction();
    Object.defineProperty(exports, "PropertyInstruction", { enumerable: true, get: function() {
      return propertyInstruction_1.PropertyInstruction;
    } });
    var run_1 = require_run();
    Object.defineProperty(exports, "Run", { enumerable: true, get: function() {
      return run_1.Run;
    } });
    var shell_1 = require_shell();
    Object.defineProperty(exports, "Shell", { enumerable: true, get: function() {
      return shell_1.Shell;
    } });
    var stopsignal_1 = require_stopsignal();
    Object.defineProperty(exports, "Stopsignal", { enumerable: true, get: function() {
      return stopsignal_1.Stopsignal;
    } });
    var user_1 = require_user();
    Object.defineProperty(exports, "User", { enumerable: true, get: function() {
      return user_1.User;
    } });
    var volume_1 = require_volume();
    Object.defineProperty(exports, "Volume", { enumerable: true, get: function() {
      return volume_1.Volume;
    } });
    var workdir_1 = require_workdir();
    Object.defineProperty(exports, "Workdir", { enumerable: true, get: function() {
      return workdir_1.Workdir;
    } });
    var Keyword;
    (function(Keyword2) {
      Keyword2["ADD"] = "ADD";
      Keyword2["ARG"] = "ARG";
      Keyword2["CMD"] = "CMD";
      Keyword2["COPY"] = "COPY";
      Keyword2["ENTRYPOINT"] = "ENTRYPOINT";
      Keyword2["ENV"] = "ENV";
      Keyword2["EXPOSE"] = "EXPOSE";
      Keyword2["FROM"] = "FROM";
      Keyword2["HEALTHCHECK"] = "HEALTHCHECK";
      Keyword2["LABEL"] = "LABEL";
      Keyword2["MAINTAINER"] = "MAINTAINER";
      Keyword2["ONBUILD"] = "ONBUILD";
      Keyword2["RUN"] = "RUN";
      Keyword2["SHELL"] = "SHELL";
      Keyword2["STOPSIGNAL"] = "STOPSIGNAL";
      Keyword2["USER"] = "USER";
      Keyword2["VOLUME"] = "VOLUME";
      Keyword2["WORKDIR"] = "WORKDIR";
    })(Keyword || (exports.Keyword = Keyword = {}));
    var Directive;
    (function(Directive2) {
      Directive2["escape"] = "escape";
      Directive2["syntax"] = "syntax";
    })(Directive || (exports.Directive = Directive = {}));
    exports.DefaultVariables = [
      "ALL_PROXY",
      "all_proxy",
      "FTP_PROXY",
      "ftp_proxy",
      "HTTP_PROXY",
      "http_proxy",
      "HTTPS_PROXY",
      "https_proxy",
      "NO_PROXY",
      "no_proxy"
    ];
    var DockerfileParser2;
    (function(DockerfileParser3) {
      function parse(content) {
        let parser2 = new parser_1.Parser();
        return parser2.parse(content);
      }
      DockerfileParser3.parse = parse;
    })(DockerfileParser2 || (exports.DockerfileParser = DockerfileParser2 = {}));
  }
});

// node_modules/@balena/dockerignore/ignore.js
var require_ignore = __commonJS({
  "node_modules/@balena/dockerignore/ignore.js"(exports, module) {
    "use strict";
    var path20 = __require("path");
    var factory = (options) => new IgnoreBase(options);
    factory.default = factory;
    module.exports = factory;
    function make_array(subject) {
      return Array.isArray(subject) ? subject : [subject];
    }
    var REGEX_TRAILING_SLASH = /(?<=.)\/$/;
    var REGEX_TRAILING_BACKSLASH = /(?<=.)\\$/;
    var REGEX_TRAILING_PATH_SEP = path20.sep === "\\" ? REGEX_TRAILING_BACKSLASH : REGEX_TRAILING_SLASH;
    var KEY_IGNORE = typeof Symbol !== "undefined" ? /* @__PURE__ */ Symbol.for("dockerignore") : "dockerignore";
    function cleanPath(file) {
      return path20.normalize(file).replace(REGEX_TRAILING_PATH_SEP, "");
    }
    function toSlash(file) {
      if (path20.sep === "/") {
        return file;
      }
      return file.replace(/\\/g, "/");
    }
    function fromSlash(file) {
      if (path20.sep === "/") {
        return file;
      }
      return file.replace(/\//g, path20.sep);
    }
    var IgnoreBase = class {
      constructor({
        // https://github.com/kaelzhang/node-ignore/blob/5.1.4/index.js#L372
        ignorecase = true
      } = {}) {
        this._rules = [];
        this._ignorecase = ignorecase;
        this[KEY_IGNORE] = true;
        this._initCache();
      }
      _initCache() {
        this._cache = {};
      }
      // @param {Array.<string>|string|Ignore} pattern
      add(pattern) {
        this._added = false;
        if (typeof pattern === "string") {
          pattern = pattern.split(/\r?\n/g);
        }
        make_array(pattern).forEach(this._addPattern, this);
        if (this._added) {
          this._initCache();
        }
        return this;
      }
      // legacy
      addPattern(pattern) {
        return this.add(pattern);
      }
      _addPattern(pattern) {
        if (pattern && pattern[KEY_IGNORE]) {
          this._rules = this._rules.concat(pattern._rules);
          this._added = true;
          return;
        }
        if (this._checkPattern(pattern)) {
          const rule = this._createRule(pattern.trim());
          if (rule !== null) {
            this._added = true;
            this._rules.push(rule);
          }
        }
      }
      _checkPattern(pattern) {
        return pattern && typeof pattern === "string" && pattern.indexOf("#") !== 0 && pattern.trim() !== "";
      }
      filter(paths) {
        return make_array(paths).filter((path21) => this._filter(path21));
      }
      createFilter() {
        return (path21) => this._filter(path21);
      }
      ignores(path21) {
        return !this._filter(path21);
      }
      // https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go#L41-L53
      // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L29-L55
      _createRule(pattern) {
        const origin = pattern;
        let negative = false;
        if (pattern[0] === "!") {
          negative = true;
          pattern = pattern.substring(1).trim();
        }
        if (pattern.length > 0) {
          pattern = cleanPath(pattern);
          pattern = toSlash(pattern);
          if (pattern.length > 1 && pattern[0] === "/") {
            pattern = pattern.slice(1);
          }
        }
        if (negative) {
          pattern = "!" + pattern;
        }
        pattern = pattern.trim();
        if (pattern === "") {
          return null;
        }
        pattern = cleanPath(pattern);
        if (pattern[0] === "!") {
          if (pattern.length === 1) {
            return null;
          }
          negative = true;
          pattern = pattern.substring(1);
        } else {
          negative = false;
        }
        return {
          origin,
          pattern,
          // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L54
          dirs: pattern.split(path20.sep),
          negative
        };
      }
      // @returns `Boolean` true if the `path` is NOT ignored
      _filter(path21) {
        if (!path21) {
          return false;
        }
        if (path21 in this._cache) {
          return this._cache[path21];
        }
        return this._cache[path21] = this._test(path21);
      }
      // @returns {Boolean} true if a file is NOT ignored
      // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L62
      _test(file) {
        file = fromSlash(file);
        const parentPath = cleanPath(path20.dirname(file));
        const parentPathDirs = parentPath.split(path20.sep);
        let matched = false;
        this._rules.forEach((rule) => {
          let match = this._match(file, rule);
          if (!match && parentPath !== ".") {
            if (rule.dirs.includes("**")) {
              for (let i = rule.dirs.filter((x) => x !== "**").length; i <= parentPathDirs.length; i++) {
                match = match || this._match(parentPathDirs.slice(0, i).join(path20.sep), rule);
              }
            } else if (rule.dirs.length <= parentPathDirs.length) {
              match = this._match(parentPathDirs.slice(0, rule.dirs.length).join(path20.sep), rule);
            }
          }
          if (match) {
            matched = !rule.negative;
          }
        });
        return !matched;
      }
      // @returns {Boolean} true if a file is matched by a rule
      _match(file, rule) {
        return this._compile(rule).regexp.test(file);
      }
      // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L139
      _compile(rule) {
        if (rule.regexp) {
          return rule;
        }
        let regStr = "^";
        let escapedSlash = path20.sep === "\\" ? "\\\\" : path20.sep;
        for (let i = 0; i < rule.pattern.length; i++) {
          const ch = rule.pattern[i];
          if (ch === "*") {
            if (rule.pattern[i + 1] === "*") {
              i++;
              if (rule.pattern[i + 1] === path20.sep) {
                i++;
              }
              if (rule.pattern[i + 1] === void 0) {
                regStr += ".*";
              } else {
                regStr += `(.*${escapedSlash})?`;
              }
            } else {
              regStr += `[^${escapedSlash}]*`;
            }
          } else if (ch === "?") {
            regStr += `[^${escapedSlash}]`;
          } else if (ch === "." || ch === "$") {
            regStr += `\\${ch}`;
          } else if (ch === "\\") {
            if (path20.sep === "\\") {
              regStr += escapedSlash;
              continue;
            }
            if (rule.pattern[i + 1] !== void 0) {
              regStr += "\\" + rule.pattern[i + 1];
              i++;
            } else {
              regStr += "\\";
            }
          } else {
            regStr += ch;
          }
        }
        regStr += "$";
        rule.regexp = new RegExp(regStr, this._ignorecase ? "i" : "");
        return rule;
      }
    };
  }
});

// lib/cli/bulk-worker.ts
import { parentPort, workerData } from "node:worker_threads";

// lib/core/shell.ts
import { createRequire } from "node:module";
import { setFlagsFromString } from "node:v8";
import { Parser, Language } from "web-tree-sitter";
var SyntaxNode = class {
  constructor(source, id, type, isNamed, startIndex, endIndex, fieldName) {
    this.source = source;
    this.id = id;
    this.type = type;
    this.isNamed = isNamed;
    this.startIndex = startIndex;
    this.endIndex = endIndex;
    this.fieldName = fieldName;
  }
  source;
  id;
  type;
  isNamed;
  startIndex;
  endIndex;
  fieldName;
  children = [];
  parent = null;
  /** True when this node or a descendant is a syntax error or a missing token. */
  hasError = false;
  named = null;
  get text() {
    return this.source.slice(this.startIndex, this.endIndex);
  }
  get namedChildren() {
    return this.named ??= this.children.filter((child) => child.isNamed);
  }
  get lastChild() {
    return this.children[this.children.length - 1] ?? null;
  }
  childForFieldName(name) {
    return this.children.find((child) => child.fieldName === name) ?? null;
  }
  childrenForFieldName(name) {
    return this.children.filter((child) => child.fieldName === name);
  }
  descendantsOfType(type) {
    const found = [];
    walk(this, (node) => {
      if (node !== this && node.type === type) found.push(node);
    });
    return found;
  }
};
var nextNodeId = 1;
function symbolTable(language) {
  const named = [];
  return {
    types: language.types,
    fields: language.fields,
    named: (typeId) => named[typeId] ??= language.nodeTypeIsNamed(typeId)
  };
}
function copyTree(wasm, source, symbols) {
  const cursor = wasm.walk();
  try {
    const make = (parent) => {
      const typeId = cursor.nodeTypeId;
      const type = symbols.types[typeId] ?? "ERROR";
      const node = new SyntaxNode(source, nextNodeId++, type, symbols.named(typeId), cursor.startIndex, cursor.endIndex, parent ? symbols.fields[cursor.currentFieldId] ?? null : null);
      node.parent = parent;
      node.hasError = type === "ERROR" || node.startIndex === node.endIndex && cursor.nodeIsMissing;
      return node;
    };
    const root = make(null);
    root.hasError = wasm.rootNode.hasError;
    let current = root;
    let descended = cursor.gotoFirstChild();
    while (descended || current !== root) {
      if (descended) {
        const child = make(current);
        current.children.push(child);
        current = child;
        descended = cursor.gotoFirstChild();
        continue;
      }
      const finished = current;
      current = finished.parent;
      if (finished.hasError) current.hasError = true;
      if (cursor.gotoNextSibling()) {
        const sibling = make(current);
        current.children.push(sibling);
        current = sibling;
        descended = cursor.gotoFirstChild();
      } else {
        cursor.gotoParent();
        descended = false;
        if (current === root) break;
      }
    }
    return { rootNode: root };
  } finally {
    cursor.delete();
    wasm.delete();
  }
}
var shared = null;
function loadShellParser() {
  shared ??= (async () => {
    const require2 = createRequire(import.meta.url);
    setFlagsFromString("--liftoff-only");
    await Parser.init();
    const bash = await Language.load(require2.resolve("tree-sitter-bash/tree-sitter-bash.wasm"));
    const parser2 = new Parser();
    parser2.setLanguage(bash);
    const symbols = symbolTable(bash);
    const cache2 = /* @__PURE__ */ new Map();
    return {
      parse(text) {
        let tree = cache2.get(text);
        if (!tree) {
          tree = copyTree(parser2.parse(text), text, symbols);
          if (cache2.size >= 512) cache2.delete(cache2.keys().next().value);
          cache2.set(text, tree);
        }
        return tree;
      }
    };
  })();
  return shared;
}
function walk(node, visit) {
  const stack = [node];
  while (stack.length) {
    const current = stack.pop();
    if (visit(current) === false) continue;
    const children = current.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push(child);
    }
  }
}
var ISOLATING = /* @__PURE__ */ new Set(["subshell", "command_substitution", "process_substitution"]);
var PLAIN_WORD = /^[\w./:=@%+,-]+$/;
function literalValue(node) {
  switch (node.type) {
    case "word":
    case "number": {
      const text = node.text;
      if (PLAIN_WORD.test(text)) return text;
      if (/[*?[\]{}~]/.test(text[0] === "~" ? text : text.replace(/\\./g, ""))) return null;
      if (/^~/.test(text)) return null;
      if (node.children.some((c) => c && c.type !== "word" && c.isNamed)) return null;
      return text.replace(/\\(.)/g, "$1");
    }
    case "raw_string":
      return node.text.slice(1, -1);
    case "string": {
      let value = "";
      for (const child of node.namedChildren) {
        if (!child) continue;
        if (child.type !== "string_content") return null;
        value += child.text.replace(/\\([$`"\\\n])/g, "$1");
      }
      return value;
    }
    case "concatenation": {
      let value = "";
      for (const child of node.namedChildren) {
        if (!child) continue;
        const part = literalValue(child);
        if (part === null) return null;
        value += part;
      }
      return value;
    }
    default:
      return null;
  }
}
function describeCommand(node, inMainShell) {
  const nameNode = node.childForFieldName("name");
  const args = [];
  let hasAssignments = false;
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === "variable_assignment") hasAssignments = true;
  }
  for (const arg of node.childrenForFieldName("argument")) {
    if (arg) args.push(arg);
  }
  const parent = node.parent;
  const redirected = parent !== null && parent.type === "redirected_statement" && parent.childForFieldName("body")?.id === node.id;
  const nameWord = nameNode?.namedChildren[0] ?? null;
  return {
    node,
    name: nameWord ? literalValue(nameWord) : null,
    args,
    argValues: args.map(literalValue),
    hasAssignments,
    redirected,
    inMainShell
  };
}
function simpleCommands(root) {
  const commands = [];
  const stack = [{ node: root, main: true }];
  while (stack.length) {
    const { node, main } = stack.pop();
    if (node.type === "command") commands.push(describeCommand(node, main));
    const childMain = main && !ISOLATING.has(node.type) && node.type !== "pipeline";
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push({ node: child, main: childMain });
    }
  }
  return commands;
}
function hasBackgroundJob(root) {
  let found = false;
  walk(root, (node) => {
    if (!node.isNamed && node.type === "&") found = true;
    return !found;
  });
  return found;
}
function hasSyntaxError(root) {
  return root.hasError;
}
function topLevelStatements(root) {
  const statements = [];
  for (const child of root.children) {
    if (!child) continue;
    if (child.isNamed) {
      if (child.type === "comment") continue;
      statements.push({ node: child, separator: null });
    } else if (statements.length && (child.type === ";" || child.type === "&" || child.type === "\n")) {
      statements[statements.length - 1].separator = child.type;
    }
  }
  return statements;
}
function andChain(node) {
  if (node.type !== "list") return [node];
  const operator = node.children.find((c) => c && !c.isNamed);
  if (!operator || operator.type !== "&&") return [node];
  const left = node.namedChildren[0];
  const right = node.namedChildren[node.namedChildren.length - 1];
  if (!left || !right) return [node];
  return [...andChain(left), right];
}

// lib/registry.ts
import { pathToFileURL } from "node:url";

// transforms/copy-deps-first/index.ts
var import_picomatch = __toESM(require_picomatch2(), 1);
import path7 from "node:path";

// lib/facts/index.ts
import path4 from "node:path";

// lib/knowledge/releases.ts
var debian = (version, codename, status) => ({ distro: "debian", version, codename, status });
var ubuntu = (version, codename, status, lts = false) => ({ distro: "ubuntu", version, codename, status, ...lts ? { lts } : {} });
var alpine = (version, status) => ({ distro: "alpine", version, codename: null, status });
var rpm = (distro, version, status) => ({ distro, version, codename: null, status, ...Number(version) >= 8 ? { yumIsDnf: true } : {} });
var RELEASES = [
  // Debian: https://deb.debian.org/debian/dists/<codename>/Release answers for the releases still on the
  // main mirrors (checked with curl: bullseye, bookworm, trixie 200; stretch, buster 404). Buster moved to
  // archive.debian.org in 2024, after its LTS ended; bullseye is in its LTS (to August 2026), still mirrored.
  debian("8", "jessie", "archived"),
  debian("9", "stretch", "archived"),
  debian("10", "buster", "archived"),
  debian("11", "bullseye", "supported"),
  debian("12", "bookworm", "supported"),
  debian("13", "trixie", "supported"),
  // Ubuntu: http://archive.ubuntu.com/ubuntu/dists/<codename>/Release (checked with curl: xenial, bionic,
  // focal, jammy, noble, plucky, questing 200; trusty, kinetic, lunar, mantic, oracular 404). LTS releases
  // past standard support stay on the archive (their ESM updates need a subscription), except trusty,
  // which is gone from it; interim releases leave it some months after their nine months of support.
  ubuntu("14.04", "trusty", "archived", true),
  ubuntu("16.04", "xenial", "eol", true),
  ubuntu("18.04", "bionic", "eol", true),
  ubuntu("20.04", "focal", "eol", true),
  ubuntu("20.10", "groovy", "archived"),
  ubuntu("21.04", "hirsute", "archived"),
  ubuntu("21.10", "impish", "archived"),
  ubuntu("22.04", "jammy", "supported", true),
  ubuntu("22.10", "kinetic", "archived"),
  ubuntu("23.04", "lunar", "archived"),
  ubuntu("23.10", "mantic", "archived"),
  ubuntu("24.04", "noble", "supported", true),
  ubuntu("24.10", "oracular", "archived"),
  ubuntu("25.04", "plucky", "eol"),
  ubuntu("25.10", "questing", "supported"),
  // Alpine: every branch stays on dl-cdn.alpinelinux.org after its two years of support (not checked from
  // here: that mirror does not answer this machine). Support ends per alpinelinux.org/releases.
  ...["3.12", "3.13", "3.14", "3.15", "3.16", "3.17", "3.18", "3.19", "3.20"].map((v) => alpine(v, "eol")),
  ...["3.21", "3.22", "3.23", "3.24"].map((v) => alpine(v, "supported")),
  // RHEL family, from the vendors' life-cycle pages. CentOS 7 and 8 are past their end and their mirrors
  // moved to vault.centos.org, so `yum install` fails on the stock images: archived by the definition above.
  rpm("rhel", "8", "supported"),
  rpm("rhel", "9", "supported"),
  rpm("rhel", "10", "supported"),
  rpm("rocky", "8", "supported"),
  rpm("rocky", "9", "supported"),
  rpm("alma", "8", "supported"),
  rpm("alma", "9", "supported"),
  rpm("oraclelinux", "7", "eol"),
  rpm("oraclelinux", "8", "supported"),
  rpm("oraclelinux", "9", "supported"),
  rpm("centos", "7", "archived"),
  rpm("centos", "8", "archived"),
  rpm("amazonlinux", "2", "supported"),
  rpm("amazonlinux", "2023", "supported")
];
function findRelease(distro, key) {
  const k = key.toLowerCase();
  return RELEASES.find((r) => r.distro === distro && (r.version === k || r.codename === k || k.startsWith(`${r.version}.`))) ?? null;
}
function releaseByCodename(codename) {
  const k = codename.toLowerCase();
  return RELEASES.find((r) => r.codename === k) ?? null;
}
function releaseName(release) {
  return `${release.distro} ${release.version}${release.codename ? ` (${release.codename})` : ""}`;
}
function installsWork(release) {
  return release.status !== "archived";
}

// lib/knowledge/tags.ts
var DOCKER_HUB = /* @__PURE__ */ new Set(["docker.io", "index.docker.io", "registry-1.docker.io"]);
var ARCH_NAMESPACES = {
  amd64: "amd64",
  arm32v5: "arm32v5",
  arm32v6: "arm32v6",
  arm32v7: "arm32v7",
  arm64v8: "arm64v8",
  i386: "i386",
  mips64le: "mips64le",
  ppc64le: "ppc64le",
  riscv64: "riscv64",
  s390x: "s390x",
  winamd64: "windows-amd64"
};
function parseImageRef(raw) {
  const dynamic = raw.includes("$");
  let rest = raw;
  let digest = null;
  const at = rest.indexOf("@");
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry = null;
  const firstSlash = rest.indexOf("/");
  if (firstSlash !== -1) {
    const head = rest.slice(0, firstSlash);
    if (head.includes(".") || head.includes(":") || head === "localhost") {
      registry = head;
      rest = rest.slice(firstSlash + 1);
    }
  }
  let tag = null;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const hub = registry === null || DOCKER_HUB.has(registry);
  const repository = (hub ? rest.replace(/^library\//, "") : rest).toLowerCase();
  const name = hub ? repository : `${registry.toLowerCase()}/${repository}`;
  const slash = repository.indexOf("/");
  const namespace = hub && slash > 0 && repository.indexOf("/", slash + 1) < 0 ? repository.slice(0, slash) : null;
  const arch = namespace !== null && Object.hasOwn(ARCH_NAMESPACES, namespace) ? ARCH_NAMESPACES[namespace] : null;
  return { raw, registry, repository, name, tag, digest, dynamic, arch };
}
var ALIASES = /* @__PURE__ */ new Set(["latest", "lts", "stable", "current", "mainline", "rolling", "edge"]);
var JAVA_VENDORS = /* @__PURE__ */ new Set(["temurin", "openjdk", "amazoncorretto", "corretto", "graalvm", "sapmachine", "liberica", "zulu", "ibm-semeru", "semeru"]);
function parseTag(tag) {
  const text = tag ?? "latest";
  const words3 = text.toLowerCase().split("-").filter(Boolean);
  const lead = /^v?(\d+(?:\.\d+)*)$/.exec(words3[0] ?? "");
  const version = lead ? lead[1].split(".").map(Number) : null;
  const alias = !lead && ALIASES.has(words3[0] ?? "") ? words3[0] : null;
  let alpine2 = null;
  let release = null;
  let java = null;
  let javaVersion = null;
  let windows = null;
  words3.forEach((word, i) => {
    const a = /^alpine(\d+(?:\.\d+)*)?$/.exec(word);
    if (a) alpine2 = a[1] ?? "";
    release ??= releaseByCodename(word);
    if (word === "ubuntu" && words3[i + 1]) release ??= findRelease("ubuntu", words3[i + 1]);
    const jdk = /^(jre|jdk)(\d+)?$/.exec(word);
    if (jdk) {
      java ??= jdk[1];
      const n = jdk[2] ?? (/^\d+$/.test(words3[i + 1] ?? "") ? words3[i + 1] : void 0);
      if (n && i > 0) javaVersion ??= Number(n);
    }
    if (JAVA_VENDORS.has(word) && /^\d+$/.test(words3[i + 1] ?? "")) javaVersion ??= Number(words3[i + 1]);
    if (word === "windowsservercore" || word === "nanoserver") windows ??= word;
  });
  return {
    tag: text,
    version,
    alias,
    slim: words3.includes("slim"),
    alpine: alpine2,
    release,
    java,
    javaVersion,
    distroless: words3.includes("distroless"),
    chiseled: words3.includes("chiseled"),
    windows,
    words: words3
  };
}
function compareVersion(version, bound) {
  for (let i = 0; i < bound.length; i++) {
    if (i >= version.length) return 1;
    if (version[i] !== bound[i]) return version[i] - bound[i];
  }
  return 0;
}

// lib/knowledge/images.ts
var DEFAULT_PATH = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];
var OS_PACKAGE_MANAGERS = {
  debian: "apt",
  alpine: "apk",
  rhel: "dnf",
  suse: "zypper",
  none: null,
  unknown: null
};
var archived = (image) => image.release?.status === "archived" ? `${image.ref.raw} is on ${releaseName(image.release)}, which is archived: a new stage should not be built on it` : null;
var slimLast = (repo) => (image) => {
  const t = image.tag;
  if (t.slim || t.alpine !== null) return { image: image.ref.raw };
  return { image: `${repo}:${t.tag === "latest" ? "slim" : `${t.tag}-slim`}` };
};
var slimBeforeRelease = (repo) => (image) => {
  const t = image.tag;
  if (t.slim || t.alpine !== null) return { image: image.ref.raw };
  if (t.tag === "latest") return { image: `${repo}:slim` };
  const last = t.words.length - 1;
  if (t.release && t.words[last] === t.release.codename) {
    return { image: `${repo}:${t.words.slice(0, last).join("-")}-slim-${t.release.codename}` };
  }
  return { image: `${repo}:${t.tag}-slim` };
};
var DISTROLESS_DEBIAN = /* @__PURE__ */ new Set(["11", "12", "13"]);
var distroless = (image, linkage) => {
  if (image.tag.alpine !== null) {
    if (linkage === "dynamic") return { none: `${image.ref.raw} links against musl, and distroless images have glibc` };
    return { image: "gcr.io/distroless/static-debian13" };
  }
  const release = image.release;
  if (!release || release.distro !== "debian") return { none: `the Debian release of ${image.ref.raw} is not known` };
  if (!DISTROLESS_DEBIAN.has(release.version)) return { none: `distroless has no images for ${releaseName(release)}` };
  return { image: `gcr.io/distroless/${linkage === "static" ? "static" : "base"}-debian${release.version}` };
};
var temurinJre = (javaVersion, image) => javaVersion === null ? { none: `the Java version of ${image.ref.raw} is not named in its tag` } : { image: `eclipse-temurin:${javaVersion}-jre${image.tag.alpine !== null ? "-alpine" : ""}` };
var osOfRelease = (image) => {
  const r = image.release;
  if (!r || !image.tag.release) return { none: `${image.ref.raw} names no Debian or Ubuntu release in its tag` };
  return { image: r.distro === "ubuntu" ? `ubuntu:${r.codename}` : `debian:${r.codename}-slim` };
};
var IMAGE_FAMILIES = [
  { id: "scratch", match: /^scratch$/, os: "none" },
  // distroless: the `nonroot` (65532) and `nobody` accounts of GoogleContainerTools/distroless base/passwd.
  { id: "distroless", match: /(^|\/)distroless\//, os: "none", users: ["nonroot", "nobody"] },
  // Chainguard's `-dev` tags add a shell and apk (Wolfi's, not Alpine's): see describeImage.
  { id: "chainguard", match: /^(cgr\.dev\/|chainguard\/)/, os: "none" },
  { id: "busybox", match: /^busybox$/, os: "none", hasShell: true, runs: { entrypoint: null, cmd: ["sh"], user: null } },
  { id: "alpine", match: /^alpine$/, os: "alpine", versionIsRelease: "alpine", latest: "3.24", runs: { entrypoint: null, cmd: ["/bin/sh"], user: null } },
  { id: "debian", match: /^debian$/, os: "debian", versionIsRelease: "debian", latest: "trixie", runs: { entrypoint: null, cmd: ["bash"], user: null, workdir: "/" }, runtime: (image) => {
    const t = image.tag;
    if (t.slim) return { none: `${image.ref.raw} is already slim` };
    return { image: `debian:${t.tag === "latest" ? "stable" : t.tag}-slim` };
  } },
  { id: "ubuntu", match: /^ubuntu$/, os: "debian", versionIsRelease: "ubuntu", latest: "noble", runs: { entrypoint: null, cmd: ["/bin/bash"], user: null, workdir: "/" }, runtime: (image) => ({ image: image.ref.raw }) },
  { id: "buildpack-deps", match: /^buildpack-deps$/, os: "debian", runtime: osOfRelease },
  { id: "minideb", match: /^bitnami\/minideb$/, os: "debian" },
  // Fedora is not RHEL: its own repositories, not EPEL, are where its packages come from.
  { id: "fedora", match: /^fedora$/, os: "rhel" },
  { id: "rhel-like", match: /^(centos|rockylinux|almalinux|oraclelinux|amazonlinux|rockylinux\/rockylinux)$/, os: "rhel" },
  { id: "ubi", match: /^(registry\.access\.redhat\.com\/)?(ubi\d*|ubi\d+\/ubi(-minimal|-micro|-init)?|redhat\/ubi\d+(-minimal|-micro)?)$/, os: "rhel" },
  { id: "suse", match: /^(registry\.suse\.com\/.*|opensuse\/.*|suse\/.*)$/, os: "suse" },
  // node: its Dockerfiles create the `node` account (uid 1000) and set no WORKDIR.
  {
    id: "node",
    match: /^node$/,
    os: "debian",
    language: "node",
    runtime: slimLast("node"),
    users: ["node"],
    runs: { entrypoint: ["docker-entrypoint.sh"], cmd: ["node"], user: null, entrypointActsOn: [], entrypointCommands: ["node", "npm", "npx", "yarn", "yarnpkg", "corepack", "sh"], workdir: "/", since: [16] },
    releases: [
      { from: [10], release: "stretch" },
      { from: [14], release: "buster" },
      { from: [15], release: "stretch" },
      { from: [16], release: "buster" },
      { from: [17], release: "bullseye" },
      { from: [18], release: "bookworm" },
      { from: [26], release: "trixie" }
    ]
  },
  // python 2.7: CMD ["python2"]; its last images (2.7.18, 2020) were built on buster (and alpine3.11).
  {
    id: "python",
    match: /^python$/,
    os: "debian",
    language: "python",
    runtime: slimBeforeRelease("python"),
    runs: [
      { entrypoint: null, cmd: ["python2"], user: null, workdir: "/", since: [2, 7], until: [3] },
      { entrypoint: null, cmd: ["python3"], user: null, workdir: "/", since: [3, 6] }
    ],
    releases: [{ from: [2, 7], release: "buster" }, { from: [3], release: null }, { from: [3, 7], release: "bookworm" }, { from: [3, 9], release: "trixie" }]
  },
  {
    id: "golang",
    match: /^golang$/,
    os: "debian",
    language: "go",
    runtime: distroless,
    // No CMD of its own: it inherits buildpack-deps' (Debian's `bash`), which dfmod does not assume.
    // Its Dockerfiles end with `WORKDIR $GOPATH`, and GOPATH is /go.
    runs: { entrypoint: null, cmd: void 0, user: null, workdir: "/go", since: [1, 16] },
    releases: [
      { from: [1, 14], release: "buster" },
      { from: [1, 16], release: "bullseye" },
      { from: [1, 19], release: "bookworm" },
      { from: [1, 23], release: "trixie" }
    ]
  },
  { id: "eclipse-temurin", match: /^eclipse-temurin$/, os: "debian", language: "java", runtime: (image) => {
    const t = image.tag;
    if (t.java === "jre") return { none: `${image.ref.raw} is already a JRE` };
    if (t.java === "jdk") return { image: `eclipse-temurin:${t.words.map((w) => w === "jdk" ? "jre" : w).join("-")}` };
    if (!t.version) return { none: `the Java version of ${image.ref.raw} is not named in its tag` };
    return { image: `eclipse-temurin:${[t.words[0], "jre", ...t.words.slice(1)].join("-")}` };
  } },
  { id: "openjdk", match: /^openjdk$/, os: "debian", language: "java", runtime: (image) => temurinJre(image.tag.version?.[0] ?? null, image) },
  { id: "maven", match: /^maven$/, os: "debian", language: "java", runtime: (image) => temurinJre(image.tag.javaVersion, image) },
  { id: "gradle", match: /^gradle$/, os: "debian", language: "java", runtime: (image) => temurinJre(image.tag.javaVersion, image) },
  // Amazon Corretto's default tags are Amazon Linux 2 (yum), not Debian.
  { id: "amazoncorretto", match: /^amazoncorretto$/, os: "rhel", packageManager: "yum", language: "java" },
  { id: "ruby", match: /^ruby$/, os: "debian", language: "ruby", runs: { entrypoint: null, cmd: ["irb"], user: null, since: [2, 7] } },
  // php's CMD is per variant (cli: php -a, fpm: php-fpm, apache: apache2-foreground).
  { id: "php", match: /^php$/, os: "debian", language: "php", runs: { entrypoint: ["docker-php-entrypoint"], cmd: void 0, user: null, entrypointActsOn: [], entrypointCommands: ["php", "php-fpm", "apache2-foreground", "sh"], since: [8] } },
  { id: "rust", match: /^rust$/, os: "debian", language: "rust" },
  { id: "gcc", match: /^gcc$/, os: "debian", runtime: osOfRelease },
  { id: "debian-based", match: /^(perl|erlang|elixir|haskell|julia|r-base|swift)$/, os: "debian" },
  { id: "nginx", match: /^nginx$/, os: "debian", runs: { entrypoint: ["/docker-entrypoint.sh"], cmd: ["nginx", "-g", "daemon off;"], user: null, entrypointActsOn: ["nginx", "nginx-debug"], entrypointCommands: ["nginx", "nginx-debug"], since: [1, 22] } },
  { id: "httpd", match: /^httpd$/, os: "debian", runs: { entrypoint: null, cmd: ["httpd-foreground"], user: null, since: [2, 4] } },
  { id: "redis", match: /^redis$/, os: "debian", runs: { entrypoint: ["docker-entrypoint.sh"], cmd: ["redis-server"], user: null, entrypointActsOn: ["redis-server"], since: [6] } },
  { id: "postgres", match: /^postgres$/, os: "debian", runs: { entrypoint: ["docker-entrypoint.sh"], cmd: ["postgres"], user: null, entrypointActsOn: ["postgres"], since: [10] } },
  { id: "mongo", match: /^mongo$/, os: "debian", runs: { entrypoint: ["docker-entrypoint.sh"], cmd: ["mongod"], user: null, entrypointActsOn: ["mongod"], since: [5] } },
  { id: "memcached", match: /^memcached$/, os: "debian", runs: { entrypoint: ["docker-entrypoint.sh"], cmd: ["memcached"], user: "memcache", entrypointActsOn: ["memcached"], since: [1, 6] } },
  { id: "mariadb", match: /^mariadb$/, os: "debian" },
  { id: "rabbitmq", match: /^rabbitmq$/, os: "debian", runs: { entrypoint: ["docker-entrypoint.sh"], cmd: ["rabbitmq-server"], user: null, entrypointActsOn: ["rabbitmq-server"], since: [3, 8] } },
  // mysql's default tags are Oracle Linux slim (`8.0-oracle`, microdnf); `-debian` tags refine below.
  { id: "mysql", match: /^mysql$/, os: "rhel", packageManager: "microdnf", runs: { entrypoint: ["docker-entrypoint.sh"], cmd: ["mysqld"], user: null, entrypointActsOn: ["mysqld"], since: [8] } },
  { id: "traefik", match: /^traefik$/, os: "alpine", runs: { entrypoint: ["/entrypoint.sh"], cmd: ["traefik"], user: null, since: [2] } },
  { id: "caddy", match: /^caddy$/, os: "alpine" },
  {
    id: "dotnet",
    match: /^(mcr\.microsoft\.com\/)?dotnet\/(sdk|aspnet|runtime|runtime-deps)$/,
    os: "debian",
    language: "dotnet",
    releases: [{ from: [8], release: "bookworm" }, { from: [10], release: "noble" }]
  }
];
var HUB_MIRRORS = {
  "mirror.gcr.io": /^(library\/)?/,
  "public.ecr.aws": /^docker\/library\//
};
function lookupName(ref) {
  const prefix = ref.registry ? HUB_MIRRORS[ref.registry] : void 0;
  if (prefix && prefix.test(ref.repository)) return ref.repository.replace(prefix, "");
  return ref.arch ? ref.repository.slice(ref.repository.indexOf("/") + 1) : ref.name;
}
var inWindowsNamespace = (ref) => ref.arch?.startsWith("windows-") === true;
function familyOf(raw) {
  const ref = typeof raw === "string" ? parseImageRef(raw) : raw;
  if (ref.dynamic) return null;
  const name = lookupName(ref);
  return IMAGE_FAMILIES.find((f) => f.match.test(name)) ?? null;
}
var TAG_VARIANTS = [
  { test: (t) => t.windows !== null, os: "unknown", packageManager: () => null },
  { test: (t) => t.chiseled || t.distroless, os: "none", packageManager: () => null },
  { test: (t) => t.alpine !== null, os: "alpine", packageManager: () => "apk" },
  // Azure Linux (CBL-Mariner) variants of Microsoft's images install with tdnf, which dfmod does not drive.
  { test: (t) => t.words.some((w) => /^(azurelinux|mariner|cbl)/.test(w)), os: "unknown", packageManager: () => null, hasShell: true },
  { test: (t) => t.release !== null || t.words.some((w) => w === "debian" || w === "slim" || w === "ubuntu"), os: "debian", packageManager: () => "apt" },
  {
    test: (t) => t.words.some((w) => /^(ubi\d*|centos\d*|rockylinux|al2|al2023|oracle|oraclelinux\d*|amazoncorretto)$/.test(w)),
    os: "rhel",
    packageManager: (t) => t.words.includes("minimal") || t.words.includes("oracle") ? "microdnf" : t.words.includes("al2023") || t.words.some((w) => /^ubi\d/.test(w)) ? "dnf" : t.words.includes("amazoncorretto") || t.words.includes("al2") ? "yum" : "dnf"
  },
  { test: (t) => t.java !== null, os: "debian", packageManager: () => "apt" }
];
function releaseOf(ref, tag, family) {
  if (ref.dynamic || ref.tag === null && ref.digest !== null) return null;
  if (tag.alpine !== null) return tag.alpine ? findRelease("alpine", tag.alpine) : null;
  if (tag.release) return tag.release;
  if (!family) return null;
  if (family.versionIsRelease) {
    const first = tag.words[0] ?? "";
    if (tag.alias === "latest" || tag.alias === "stable") return family.latest ? findRelease(family.versionIsRelease, family.latest) : null;
    return findRelease(family.versionIsRelease, first.replace(/^v/, ""));
  }
  const rows = family.releases;
  if (!rows?.length) return null;
  const codename = tag.alias === "latest" ? rows[rows.length - 1].release : tag.version ? [...rows].reverse().find((r) => compareVersion(tag.version, r.from) >= 0)?.release ?? null : null;
  return codename === null ? null : releaseByCodename(codename);
}
function packageManagerOf(family, os, ref, release) {
  if (os === "none" || os === "unknown") return null;
  const name = lookupName(ref);
  if (family.id === "ubi" || family.id === "rhel-like") {
    if (/ubi-micro|ubi\d+-micro/.test(name)) return null;
    if (/minimal/.test(name) || /(^|-)(minimal|slim)(-|$)/.test(ref.tag ?? "")) return "microdnf";
    if (release?.distro === "centos" || release?.distro === "amazonlinux" && release.version === "2" || release?.distro === "oraclelinux" && release.version === "7") return "yum";
  }
  return family.packageManager !== void 0 && os === family.os ? family.packageManager : OS_PACKAGE_MANAGERS[os];
}
var RPM_DISTROS = { centos: "centos", rockylinux: "rocky", "rockylinux/rockylinux": "rocky", almalinux: "alma", oraclelinux: "oraclelinux", amazonlinux: "amazonlinux" };
function describeImage(raw) {
  const ref = parseImageRef(raw);
  const tag = parseTag(ref.tag);
  const family = familyOf(ref);
  const unknown2 = { ref, tag, family: null, os: "unknown", packageManager: null, hasShell: null, release: null, defaults: null, language: null, users: family?.users ?? [] };
  if (!family) return unknown2;
  const language = family.language ?? null;
  if (inWindowsNamespace(ref)) return { ...unknown2, family: family.id, os: "unknown", hasShell: false, language };
  let os = family.os;
  let packageManager;
  let hasShell = family.hasShell ?? os !== "none";
  let release = releaseOf(ref, tag, family);
  const ubi = /ubi(\d+)/.exec(lookupName(ref));
  if (ubi) release = findRelease("rhel", ubi[1]);
  if (RPM_DISTROS[family.id === "rhel-like" ? lookupName(ref) : ""]) release = findRelease(RPM_DISTROS[lookupName(ref)], tag.words[0] ?? "");
  if (family.id === "chainguard") {
    const dev = tag.words.includes("dev");
    return { ...unknown2, family: family.id, os: dev ? "unknown" : "none", hasShell: dev, packageManager: dev ? "apk" : null, language };
  }
  if (os !== "none") {
    const variant = TAG_VARIANTS.find((v) => v.test(tag));
    if (variant) {
      os = variant.os;
      packageManager = variant.packageManager(tag);
      hasShell = variant.hasShell ?? (os === "unknown" ? false : os !== "none");
      if (variant.os === "none" || variant.os === "unknown") {
        return { ...unknown2, family: family.id, os, hasShell, release: tag.windows ? null : release, language };
      }
      if (variant.os !== family.os) {
        return { ...unknown2, family: family.id, os, packageManager, hasShell, release, language, defaults: defaultsOf(family, tag) };
      }
    }
  }
  packageManager = packageManagerOf(family, os, ref, release);
  return { ref, tag, family: family.id, os, packageManager, hasShell, release, defaults: defaultsOf(family, tag), language, users: unknown2.users };
}
function defaultsOf(family, tag) {
  const rows = family.runs === void 0 ? [] : Array.isArray(family.runs) ? family.runs : [family.runs];
  const row2 = tag.version ? rows.find((r) => !(r.since && compareVersion(tag.version, r.since) < 0) && !(r.until && compareVersion(tag.version, r.until) >= 0)) : rows[rows.length - 1];
  if (!row2) return null;
  const runs2 = { entrypoint: row2.entrypoint, cmd: row2.cmd, user: row2.user };
  if (row2.workdir !== void 0) runs2.workdir = row2.workdir;
  if (row2.entrypointActsOn !== void 0) runs2.entrypointActsOn = row2.entrypointActsOn;
  if (row2.entrypointCommands !== void 0) runs2.entrypointCommands = row2.entrypointCommands;
  return runs2;
}
var WINDOWS_REPOSITORY_WORDS = /* @__PURE__ */ new Set(["windows", "windowsservercore", "nanoserver", "servercore"]);
function isWindowsImage(raw, platform = null) {
  if ((platform ?? "").toLowerCase().startsWith("windows")) return true;
  const ref = parseImageRef(raw);
  if (inWindowsNamespace(ref)) return true;
  if (ref.repository.split("/").some((segment) => WINDOWS_REPOSITORY_WORDS.has(segment.split("-")[0]))) return true;
  return parseTag(ref.tag).windows !== null;
}
function libcOf(raw) {
  const image = describeImage(raw);
  if (image.family === "scratch") return "none";
  if (image.family === "distroless") return /(^|\/)distroless\/static(-|$)/.test(image.ref.name) ? "none" : "glibc";
  if (image.os === "alpine") return "musl";
  if (image.os === "debian" || image.os === "rhel" || image.os === "suse") return "glibc";
  return null;
}
function runtimeImage(raw, linkage = "static") {
  const image = describeImage(raw);
  const family = image.family ? IMAGE_FAMILIES.find((f) => f.id === image.family) : void 0;
  if (!family?.runtime) return { none: `dfmod knows no runtime image for ${raw}` };
  if (image.os === "unknown" || image.os === "none") return { none: `dfmod knows no runtime image for ${raw}` };
  if (image.ref.dynamic) return { none: `${raw} uses a build argument` };
  if (image.ref.digest) return { none: `${raw} is pinned by digest, and the runtime image's digest is not known` };
  const old = archived(image);
  if (old) return { none: old };
  const choice = family.runtime(image, linkage);
  return image.ref.arch && "image" in choice ? sameNamespace(image.ref, choice) : choice;
}
function sameNamespace(ref, choice) {
  if (choice.image === ref.raw) return choice;
  const runtime = parseImageRef(choice.image);
  if (runtime.registry !== null || runtime.repository.includes("/")) {
    return { none: `${ref.raw} is built for ${ref.arch} only, and its runtime image ${runtime.name} has no per-architecture repository` };
  }
  return { image: `${ref.repository.split("/")[0]}/${choice.image}` };
}
function languageOf(raw) {
  const ref = parseImageRef(raw);
  return IMAGE_FAMILIES.find((f) => f.match.test(ref.repository))?.language ?? null;
}

// lib/knowledge/packages.ts
var INIT_PATHS = {
  tini: { debian: "/usr/bin/tini", ubuntu: "/usr/bin/tini", alpine: "/sbin/tini" },
  "dumb-init": { debian: "/usr/bin/dumb-init", ubuntu: "/usr/bin/dumb-init", alpine: "/usr/bin/dumb-init" }
};
var TINI_STATIC = "/usr/bin/tini-static";
var row = (distro, version, tini, dumbInit) => ({ distro, version, tini, "dumb-init": dumbInit });
var INIT_PACKAGES = [
  row("debian", "9", null, "not checked"),
  row("debian", "10", "0.18.0-1", "not checked"),
  row("debian", "11", "0.19.0-1", "1.2.5-1"),
  row("debian", "12", "0.19.0-1+b3", "1.2.5-2"),
  row("debian", "13", "0.19.0-3+b8", "1.2.5-3"),
  row("ubuntu", "14.04", null, null),
  row("ubuntu", "16.04", null, null),
  row("ubuntu", "18.04", null, "1.2.1-1"),
  row("ubuntu", "20.04", "0.18.0-1", "1.2.2-1.2"),
  row("ubuntu", "22.04", "0.19.0-1", "1.2.5-2"),
  row("ubuntu", "24.04", "0.19.0-1", "1.2.5-3"),
  row("ubuntu", "25.04", "0.19.0-1", "1.2.5-3"),
  row("ubuntu", "25.10", "0.19.0-3", "1.2.5-3"),
  ...RELEASES.filter((r) => r.distro === "alpine").map((r) => row("alpine", r.version, "community", "community"))
];
var EPEL = (init, where) => ({ missing: `${init} is in EPEL or nowhere, not in the base repositories of ${where}`, reason: "not-in-base-repositories" });
function initPackage(release, init) {
  const name = releaseName(release);
  if (!installsWork(release)) {
    return { missing: `${name} is archived: its package sources are gone from the mirrors, so installing ${init} fails`, reason: "archived" };
  }
  const found = INIT_PACKAGES.find((r) => r.distro === release.distro && r.version === release.version);
  if (!found) {
    return release.distro === "debian" || release.distro === "ubuntu" || release.distro === "alpine" ? { missing: `dfmod has not checked whether ${name} carries ${init}`, reason: "not-checked" } : EPEL(init, name);
  }
  if (found[init] === null) return { missing: `${name} has no ${init} package`, reason: "no-package" };
  return { package: init, path: INIT_PATHS[init][release.distro] };
}
function initPackageOfManager(manager, init, family = null) {
  if (family === "fedora") return { missing: `dfmod has not checked which Fedora releases carry ${init}`, reason: "not-checked" };
  switch (manager) {
    case "apt":
      return { package: init, path: INIT_PATHS[init].debian };
    case "apk":
      return { package: init, path: INIT_PATHS[init].alpine, everyRelease: true };
    case "dnf":
    case "yum":
    case "microdnf":
      return EPEL(init, "RHEL-family images");
    case "zypper":
      return { missing: `dfmod does not know a ${init} package for SUSE images`, reason: "no-known-package" };
  }
}
var INIT_PROGRAMS = [
  "tini",
  "tini-static",
  "dumb-init",
  "docker-init",
  "catatonit",
  "pid1",
  "s6-svscan",
  "runsvdir",
  "my_init",
  "supervisord",
  "systemd",
  "runit",
  "openrc-init"
];
var INIT_WRAPPERS = {
  tini: { valueOptions: ["-p", "-e"] },
  "tini-static": { valueOptions: ["-p", "-e"] },
  "docker-init": { valueOptions: ["-p", "-e"] },
  "dumb-init": { valueOptions: ["-r", "--rewrite"] }
};
function afterInitWrapper(argv) {
  const wrapper = argv.length ? INIT_WRAPPERS[argv[0].slice(argv[0].lastIndexOf("/") + 1)] : void 0;
  if (!wrapper) return null;
  let i = 1;
  while (i < argv.length && argv[i].startsWith("-")) {
    if (argv[i] === "--") return argv.slice(i + 1);
    i += wrapper.valueOptions.includes(argv[i]) ? 2 : 1;
  }
  return argv.slice(i);
}
var INIT_PROGRAM_PATHS = ["/init", "/sbin/init", "/usr/sbin/init", "/bin/init"];
function isInitProgram(word) {
  return INIT_PROGRAMS.includes(word.slice(word.lastIndexOf("/") + 1)) || INIT_PROGRAM_PATHS.includes(word);
}
var BUILD_TOOL_PACKAGES = /* @__PURE__ */ new Set([
  "gcc",
  "g++",
  "cpp",
  "make",
  "cmake",
  "build-essential",
  "pkg-config",
  "pkgconf",
  "autoconf",
  "automake",
  "libtool",
  "git",
  "ca-certificates",
  "curl",
  "wget",
  "libc6-dev",
  "libc-dev",
  "binutils",
  "ninja-build",
  "patch",
  "unzip",
  "xz-utils",
  "bzip2"
]);
var FETCH_TOOL_PACKAGES = /* @__PURE__ */ new Set([
  "git",
  "ca-certificates",
  "curl",
  "wget",
  "patch",
  "unzip",
  "xz-utils",
  "bzip2"
]);
var FETCH_TOOL_CALLERS = {
  git: ["npm", "npx", "yarn", "pnpm", "pip", "pip3", "python", "python3", "go", "cargo", "bundle", "gem", "composer", "mvn", "gradle"],
  "xz-utils": ["tar"],
  bzip2: ["tar"]
};
var RUNTIME_PACKAGE_RELEASES = /* @__PURE__ */ new Set(["12"]);
var DEV_RUNTIME_PACKAGES = {
  "libpq-dev": ["libpq5"],
  "libssl-dev": ["libssl3"],
  "libsqlite3-dev": ["libsqlite3-0"],
  "libxml2-dev": ["libxml2"],
  "libcurl4-openssl-dev": ["libcurl4"],
  "zlib1g-dev": ["zlib1g"],
  "libjpeg-dev": ["libjpeg62-turbo"],
  "libjpeg62-turbo-dev": ["libjpeg62-turbo"],
  "libpng-dev": ["libpng16-16"],
  "libffi-dev": ["libffi8"],
  "libyaml-dev": ["libyaml-0-2"],
  "libmariadb-dev": ["libmariadb3"],
  "default-libmysqlclient-dev": ["libmariadb3"],
  "libcairo2-dev": ["libcairo2"],
  "libpango1.0-dev": ["libpango-1.0-0", "libpangocairo-1.0-0"],
  "libgif-dev": ["libgif7"],
  "librsvg2-dev": ["librsvg2-2"],
  "linux-libc-dev": []
};
var LINK_FLAG_PACKAGES = {
  c: [],
  m: [],
  pthread: [],
  dl: [],
  rt: [],
  util: [],
  resolv: [],
  "stdc++": [],
  gcc_s: [],
  crypto: ["libssl3"],
  ssl: ["libssl3"],
  z: ["zlib1g"],
  pq: ["libpq5"],
  sqlite3: ["libsqlite3-0"],
  curl: ["libcurl4"],
  xml2: ["libxml2"],
  ffi: ["libffi8"],
  yaml: ["libyaml-0-2"],
  png: ["libpng16-16"],
  jpeg: ["libjpeg62-turbo"],
  gif: ["libgif7"],
  cairo: ["libcairo2"],
  gomp: ["libgomp1"]
};
var LANGUAGE_PACKAGE_LIBRARIES = {
  pypi: {
    psycopg2: ["libpq5"],
    mysqlclient: ["libmariadb3"]
  },
  npm: {
    canvas: ["libcairo2", "libpango-1.0-0", "libpangocairo-1.0-0", "libjpeg62-turbo", "libgif7", "librsvg2-2"],
    gm: ["graphicsmagick"]
  }
};
var PROGRAM_PACKAGES = {
  convert: "imagemagick",
  identify: "imagemagick",
  mogrify: "imagemagick",
  magick: "imagemagick",
  gm: "graphicsmagick",
  git: "git",
  curl: "curl",
  wget: "wget",
  unzip: "unzip",
  patch: "patch",
  xz: "xz-utils",
  bzip2: "bzip2"
};
var BUILDPACK_DEPS_FAMILIES = /* @__PURE__ */ new Set(["node", "python", "golang", "buildpack-deps", "ruby"]);
function shipsBuildpackDeps(family, tag) {
  return family !== null && BUILDPACK_DEPS_FAMILIES.has(family) && !tag.slim && tag.alpine === null;
}

// lib/knowledge/package-managers.ts
var RPM_INSTALL_VERBS = ["install", "groupinstall", "localinstall", "reinstall", "update", "upgrade", "downgrade", "distro-sync", "group"];
var RPM_PROMPT_VERBS = [...RPM_INSTALL_VERBS, "remove", "erase", "autoremove", "swap", "module"];
var APT_GET_VALUE_OPTIONS = ["-o", "-c", "-t", "-a", "--option", "--config-file", "--target-release", "--default-release", "--host-architecture"];
var RPM_VALUE_OPTIONS = ["--setopt", "--enablerepo", "--disablerepo", "--installroot", "--releasever", "-c", "--config", "--repo", "--repoid", "-x", "--exclude", "--forcearch"];
var PACKAGE_MANAGER_FACTS = {
  "apt-get": {
    programs: ["apt-get"],
    installVerbs: ["install", "upgrade", "dist-upgrade", "build-dep"],
    addVerbs: ["install"],
    system: "apt",
    yes: { flag: "-y", spellings: ["-y", "--yes", "--assume-yes", "-o APT::Get::Assume-Yes=true"] },
    cacheDirs: ["/var/lib/apt/lists", "/var/cache/apt"],
    // The official Debian and Ubuntu images already clean /var/cache/apt after each install (docker-clean).
    cleanup: ["rm -rf /var/lib/apt/lists/*"],
    noCacheFlag: null,
    installScript: "apt-get update && apt-get install -y --no-install-recommends {packages} && rm -rf /var/lib/apt/lists/*",
    installScriptKeepingIndex: "apt-get update && apt-get install -y --no-install-recommends {packages}",
    promptVerbs: ["install", "upgrade", "dist-upgrade", "remove", "purge", "autoremove", "build-dep"],
    indexVerbs: ["update"],
    indexReaders: ["apt-cache", "aptitude"],
    valueOptions: APT_GET_VALUE_OPTIONS,
    indexDir: "/var/lib/apt/lists",
    indexFreeVerbs: ["update", "clean", "autoclean", "remove", "purge", "autoremove", "check", "help", "moo", "dist-clean"],
    // apt 2.7+: `apt-get dist-clean` removes the package lists as well as the cache.
    indexCleanVerbs: ["dist-clean"],
    // sources.list(5), add-apt-repository(1), apt-key(8), dpkg --add-architecture.
    sourceMarkers: ["/etc/apt", "sources.list", "add-apt-repository", "apt-key", "--add-architecture"]
  },
  // `apt` is for people: its command line may change; scripts use apt-get.
  apt: {
    programs: ["apt"],
    installVerbs: ["install", "upgrade", "full-upgrade", "dist-upgrade"],
    addVerbs: ["install"],
    system: "apt",
    yes: { flag: "-y", spellings: ["-y", "--yes", "--assume-yes"] },
    cacheDirs: ["/var/lib/apt/lists", "/var/cache/apt"],
    cleanup: ["rm -rf /var/lib/apt/lists/*"],
    noCacheFlag: null,
    valueOptions: APT_GET_VALUE_OPTIONS,
    indexDir: "/var/lib/apt/lists",
    // apt(8): list, search, show, edit-sources… have no apt-get counterpart.
    scriptEquivalent: {
      program: "apt-get",
      verbs: {
        install: "install",
        update: "update",
        upgrade: "upgrade --with-new-pkgs",
        // apt upgrade may install new dependencies; plain apt-get upgrade does not
        "full-upgrade": "dist-upgrade",
        "dist-upgrade": "dist-upgrade",
        remove: "remove",
        purge: "purge",
        autoremove: "autoremove",
        clean: "clean",
        autoclean: "autoclean"
      }
    }
  },
  apk: {
    programs: ["apk"],
    installVerbs: ["add"],
    addVerbs: ["add"],
    system: "apk",
    valueOptions: ["-t", "--virtual", "-X", "--repository", "-p", "--root", "--arch", "--keys-dir", "--repositories-file", "--cache-dir"],
    yes: null,
    // apk never prompts
    cacheDirs: ["/var/cache/apk", "/etc/apk/cache"],
    cleanup: ["rm -rf /var/cache/apk/*"],
    noCacheFlag: "--no-cache",
    installScript: "apk add --no-cache {packages}",
    noCacheSpellings: ["--no-cache"],
    // Installs only from packages already in the cache or given as files: nothing is downloaded to keep.
    offlineFlags: ["--no-network"],
    indexVerbs: ["update"],
    removeVerbs: ["del"]
  },
  dnf: {
    programs: ["dnf", "dnf5"],
    installVerbs: RPM_INSTALL_VERBS,
    addVerbs: ["install"],
    system: "dnf",
    valueOptions: RPM_VALUE_OPTIONS,
    yes: { flag: "-y", spellings: ["-y", "--assumeyes"] },
    cacheDirs: ["/var/cache/dnf", "/var/cache/libdnf5"],
    cleanup: ["dnf clean all", "rm -rf /var/cache/dnf"],
    noCacheFlag: null,
    installScript: "dnf install -y {packages} && dnf clean all",
    promptVerbs: RPM_PROMPT_VERBS,
    cleanVerbs: ["clean"],
    offlineFlags: ["-C", "--cacheonly"]
  },
  yum: {
    programs: ["yum"],
    installVerbs: RPM_INSTALL_VERBS,
    addVerbs: ["install"],
    system: "yum",
    valueOptions: RPM_VALUE_OPTIONS,
    yes: { flag: "-y", spellings: ["-y", "--assumeyes"] },
    cacheDirs: ["/var/cache/yum", "/var/cache/dnf"],
    cleanup: ["yum clean all", "rm -rf /var/cache/yum"],
    // Where yum is dnf (RHEL 8 on), its cache is dnf's.
    cleanupWhereYumIsDnf: ["yum clean all", "rm -rf /var/cache/dnf"],
    noCacheFlag: null,
    installScript: "yum install -y {packages} && yum clean all",
    promptVerbs: RPM_PROMPT_VERBS,
    cleanVerbs: ["clean"],
    offlineFlags: ["-C", "--cacheonly"]
  },
  microdnf: {
    programs: ["microdnf"],
    installVerbs: ["install", "update", "upgrade", "reinstall"],
    addVerbs: ["install"],
    system: "microdnf",
    valueOptions: RPM_VALUE_OPTIONS,
    yes: { flag: "-y", spellings: ["-y", "--assumeyes"] },
    cacheDirs: ["/var/cache/yum", "/var/cache/dnf"],
    cleanup: ["microdnf clean all"],
    noCacheFlag: null,
    installScript: "microdnf install -y {packages} && microdnf clean all",
    cleanVerbs: ["clean"]
  },
  zypper: {
    programs: ["zypper"],
    installVerbs: ["install", "in", "update", "up", "dist-upgrade", "dup", "patch"],
    addVerbs: ["install", "in"],
    system: "zypper",
    valueOptions: ["-r", "--repo", "--from", "-R", "--root", "-D", "--reposd-dir", "-C", "--cache-dir"],
    // A global option: before the subcommand (`zypper -n install`).
    yes: { flag: "-n", spellings: ["-n", "--non-interactive", "-y", "--no-confirm"], global: true },
    cacheDirs: ["/var/cache/zypp"],
    cleanup: ["zypper clean -a"],
    noCacheFlag: null,
    installScript: "zypper -n install {packages} && zypper clean -a",
    promptVerbs: ["install", "in", "remove", "rm", "update", "up", "dist-upgrade", "dup", "patch"],
    cacheVerbs: ["refresh", "ref"],
    cleanVerbs: ["clean", "cc"]
  },
  pip: {
    programs: ["pip", "pip3"],
    programPrefix: "pip",
    installVerbs: ["install"],
    addVerbs: ["install"],
    // pip's general options that take a value: `pip --cache-dir /c install`.
    valueOptions: [
      "--proxy",
      "--cache-dir",
      "--log",
      "--timeout",
      "--retries",
      "--exists-action",
      "--trusted-host",
      "--cert",
      "--client-cert",
      "--python",
      "--src",
      "--root-user-action",
      "--keyring-provider",
      "--use-feature",
      "--use-deprecated"
    ],
    yes: null,
    cacheDirs: ["/root/.cache/pip", ".cache/pip"],
    cleanup: [],
    noCacheFlag: "--no-cache-dir",
    // --cache-dir: the cache is somewhere the user chose. pip takes any
    // unambiguous prefix of a long option, and `--no-cache` is the one people write.
    noCacheSpellings: ["--no-cache-dir", "--no-cache", "--cache-dir"],
    cacheDisabledBy: ["PIP_NO_CACHE_DIR"]
  },
  npm: {
    programs: ["npm"],
    installVerbs: ["install", "i", "ci", "add", "isntall"],
    yes: null,
    cacheDirs: ["/root/.npm", ".npm"],
    cleanup: ["npm cache clean --force"],
    noCacheFlag: null,
    cleanVerbs: ["cache"],
    offlineFlags: ["--offline", "--prefer-offline", "--cache-min"],
    // A cache the user placed (often a committed offline cache): `npm cache clean` would empty it.
    cacheDisabledBy: ["npm_config_cache", "--cache=", "--cache "]
  },
  // Yarn classic (1.x). Yarn Berry's `yarn cache clean` deletes the project's own zip cache.
  yarn: {
    programs: ["yarn"],
    installVerbs: ["install", "add", ""],
    yes: null,
    cacheDirs: ["/usr/local/share/.cache/yarn", ".cache/yarn", ".yarn"],
    cleanup: ["yarn cache clean"],
    noCacheFlag: null,
    cleanVerbs: ["cache"],
    offlineFlags: ["--offline", "--prefer-offline"],
    // `yarn` alone installs; `yarn --version` prints and exits.
    infoOptions: ["--version", "-v", "--help", "-h"]
  },
  gem: {
    programs: ["gem"],
    installVerbs: ["install"],
    yes: null,
    cacheDirs: [],
    cleanup: [],
    // Not a cache: the documentation gem would build and keep.
    noCacheFlag: "--no-document",
    // --document/--[no-]ri/--[no-]rdoc: the user chose what to build; --doc and --no-doc are their abbreviations.
    noCacheSpellings: ["--no-document", "-N", "--no-doc", "--no-rdoc", "--no-ri", "--document", "--doc", "--rdoc", "--ri"],
    cacheDisabledBy: ["gemrc"]
  },
  conda: {
    programs: ["conda", "mamba"],
    installVerbs: ["install", "create", "update", "env create", "env update"],
    yes: { flag: "-y", spellings: ["-y", "--yes"] },
    cacheDirs: ["/opt/conda/pkgs", "pkgs"],
    cleanup: ["conda clean -afy"],
    noCacheFlag: null,
    cleanVerbs: ["clean"],
    // Environments linked to the package cache (allow_softlinks) would break when it is removed.
    cacheDisabledBy: ["softlink"]
  }
};
function managerOfProgram(program) {
  const base = program.split("/").pop() ?? program;
  for (const [name, facts] of Object.entries(PACKAGE_MANAGER_FACTS)) {
    if (facts.programs.includes(base)) return name;
    if (facts.programPrefix && base.startsWith(facts.programPrefix) && /^[\d.]*$/.test(base.slice(facts.programPrefix.length))) return name;
  }
  return null;
}
function systemManagerOf(program) {
  const manager = managerOfProgram(program);
  return manager === null ? null : PACKAGE_MANAGER_FACTS[manager].system ?? null;
}
function answersPrompt(manager, word) {
  const yes = PACKAGE_MANAGER_FACTS[manager].yes;
  if (!yes) return false;
  if (yes.spellings.includes(word)) return true;
  const letters = yes.spellings.filter((s) => /^-[a-zA-Z]$/.test(s)).map((s) => s[1]);
  if (/^-[a-zA-Z]+$/.test(word) && letters.some((l) => word.includes(l))) return true;
  const options = yes.spellings.filter((s) => s.startsWith("-o ")).map((s) => s.slice(3).split("=")[0].toLowerCase());
  return options.some((option) => word.toLowerCase().includes(option));
}
var SCRIPT_PROGRAM = {
  apt: "apt-get",
  apk: "apk",
  dnf: "dnf",
  yum: "yum",
  microdnf: "microdnf",
  zypper: "zypper"
};
function installScript(manager, packages, keepIndex = false) {
  const row2 = PACKAGE_MANAGER_FACTS[SCRIPT_PROGRAM[manager]];
  return ((keepIndex ? row2.installScriptKeepingIndex : void 0) ?? row2.installScript).replace("{packages}", packages.join(" "));
}

// lib/knowledge/languages.ts
var CROSS_BUILDS = {
  go: { kind: "cross-compiles" },
  java: { kind: "portable" },
  node: { kind: "platform-bound", why: "node_modules may hold native addons compiled for the build platform" },
  python: { kind: "platform-bound", why: "the virtualenv may hold compiled extensions for the build platform" },
  rust: { kind: "platform-bound", why: "cross-compiling Rust needs a target toolchain dfmod does not add" }
};
function crossBuild(language) {
  return language ? CROSS_BUILDS[language] ?? null : null;
}

// lib/knowledge/programs.ts
var SELF_REAPING_SERVERS = {
  ...Object.fromEntries(["supervisord", "s6-svscan", "runsvdir"].map((p) => [p, "a process manager, which reaps its children and handles SIGTERM"])),
  ...Object.fromEntries(["gunicorn", "uwsgi", "unicorn", "nginx", "httpd", "httpd-foreground", "apache2", "apache2-foreground", "php-fpm", "haproxy"].map((p) => [p, "a server whose master process reaps its workers and handles SIGTERM"])),
  puma: "a server whose master process reaps its workers and handles SIGTERM",
  ...Object.fromEntries(["postgres", "postmaster", "mysqld", "mariadbd", "redis-server", "mongod"].map((p) => [p, "a database server, which reaps its own children and handles SIGTERM"])),
  ...Object.fromEntries(["caddy", "traefik", "envoy"].map((p) => [p, "a single proxy binary, which handles SIGTERM and starts no children"]))
};
var SERVER_SUBCOMMANDS = {
  rails: { subcommands: ["s", "server"], server: "puma" }
};
var EXEC_WRAPPERS = {
  gosu: { skip: 2 },
  "su-exec": { skip: 2 },
  "s6-setuidgid": { skip: 2 },
  bundle: { skip: 2, subcommand: "exec" }
};
var ONE_SHOT_TOOLS = /* @__PURE__ */ new Set([
  "jq",
  "yq",
  "hadolint",
  "shellcheck",
  "shfmt",
  "curl",
  "wget",
  "dig",
  "ping",
  "openssl",
  "git",
  "ffmpeg",
  "pandoc",
  "trivy",
  "grype",
  "syft",
  "cosign",
  "crane",
  "skopeo",
  "markdownlint",
  "yamllint",
  "sqlite3",
  "psql",
  "mysql",
  "aws",
  "gcloud",
  "az",
  "kubectl",
  "helm",
  "terraform",
  "envsubst"
]);
var ONE_SHOT_CHECKS = /* @__PURE__ */ new Set([
  "cmp",
  "diff",
  "test",
  "[",
  "true",
  "false",
  ":",
  "echo",
  "printf",
  "exit",
  "ls",
  "stat",
  "uname",
  "which",
  "sha1sum",
  "sha256sum",
  "sha512sum",
  "md5sum"
]);
var SERVICE_NAME_WORDS = /* @__PURE__ */ new Set([
  "app",
  "application",
  "main",
  "server",
  "serve",
  "service",
  "svc",
  "srv",
  "daemon",
  "agent",
  "api",
  "web",
  "http",
  "grpc",
  "gateway",
  "proxy",
  "controller",
  "operator",
  "manager",
  "exporter",
  "worker",
  "runner",
  "scheduler",
  "broker",
  "bot",
  "backend",
  "frontend",
  "hub",
  "collector",
  "relay",
  "listener",
  "webhook",
  "watcher",
  "monitor",
  "node",
  "bridge",
  "sidecar",
  "router",
  "registry",
  "queue",
  "consumer",
  "producer",
  "poller",
  "syncer",
  "launcher",
  "start",
  "run",
  "entrypoint",
  "init"
]);
var SERVICE_ARGS = /* @__PURE__ */ new Set(["serve", "server", "start", "run", "daemon", "agent", "web", "api", "listen", "up", "watch", "worker"]);
var LISTEN_OPTION = /^--?(port|listen|addr|address|bind|host|http|grpc|metrics)[-.\w]*(=|$)/i;
var COMPILED_BUILDS = {
  go: { subcommands: ["build", "install"], runtime: "Go" },
  cargo: { subcommands: ["build", "install"], runtime: "Rust" },
  dotnet: { subcommands: ["publish"], runtime: ".NET" }
};
function programKey(word) {
  const name = word.slice(word.lastIndexOf("/") + 1);
  if (SELF_REAPING_SERVERS[name] !== void 0 || ONE_SHOT_TOOLS.has(name)) return name;
  return name.replace(/[\d.]+$/, "");
}
var words = (text) => new Set(text.trim().split(/\s+/));
var SCRIPT_RUNNERS = {
  npm: { run: ["run", "run-script", "rum", "urn"], named: { start: "start", test: "test", t: "test", tst: "test" }, commands: null },
  yarn: {
    run: ["run"],
    named: { start: "start", test: "test" },
    commands: words(`access add audit autoclean bin cache check config constraints create dedupe dlx exec explain
      generate-lock-entry global help import info init install licenses link list lockfile login logout node npm outdated
      owner pack patch patch-commit plugin policies prune publish rebuild remove run search self-update set stage tag team
      unlink unplug up upgrade upgrade-interactive version versions why workspace workspaces`)
  },
  pnpm: {
    run: ["run", "run-script"],
    named: { start: "start", test: "test", t: "test", tst: "test" },
    commands: words(`add i install it install-test up update upgrade rm remove uninstall un ln link unlink import rb rebuild
      prune fetch dedupe patch patch-commit patch-remove audit ls list ll la outdated why licenses run run-script exec dlx
      create publish pack recursive m multi server store root bin setup init deploy doctor c config get set env cat-file
      cat-index find-hash self-update help approve-builds ignored-builds completion sbom clean pm cache version
      access adduser bugs deprecate dist-tag docs edit info login logout owner ping prefix profile pkg repo s se search
      set-script show star stars team token unpublish unstar view whoami xmas`)
  }
};
function packageScriptRun(argv) {
  const runner = argv.length ? argv[0].slice(argv[0].lastIndexOf("/") + 1) : "";
  const known = SCRIPT_RUNNERS[runner];
  const sub = argv[1];
  if (!known || sub === void 0) return null;
  if (sub.startsWith("-")) return argv.length > 2 ? { runner, script: null, words: 0 } : null;
  if (Object.hasOwn(known.named, sub)) return { runner, script: known.named[sub], words: 2 };
  if (known.run.includes(sub)) return argv[2] && !argv[2].startsWith("-") ? { runner, script: argv[2], words: 3 } : null;
  if (known.commands && !known.commands.has(sub)) return { runner, script: sub, words: 2 };
  return null;
}

// lib/knowledge/shells.ts
var POSIX_SHELLS = /* @__PURE__ */ new Set(["sh", "bash", "dash", "ash", "zsh", "ksh", "mksh"]);
var NEUTRAL_SHELL_FLAGS = /* @__PURE__ */ new Set(["e", "u", "x", "v", "c"]);
var NEUTRAL_SHELL_OPTION_NAMES = /* @__PURE__ */ new Set(["pipefail", "errexit", "nounset", "xtrace", "verbose"]);
function isNeutralPosixShell(shell2) {
  const program = (shell2[0] ?? "").split("/").pop() ?? "";
  if (!POSIX_SHELLS.has(program) || shell2[shell2.length - 1] !== "-c") return false;
  for (let i = 1; i < shell2.length - 1; i++) {
    const word = shell2[i];
    if (word === "-o" || word === "+o") {
      if (!NEUTRAL_SHELL_OPTION_NAMES.has(shell2[++i] ?? "")) return false;
    } else if (!/^[-+][a-z]+$/.test(word) || ![...word.slice(1)].every((f) => NEUTRAL_SHELL_FLAGS.has(f))) {
      return false;
    }
  }
  return true;
}

// lib/facts/argv.ts
var SHELL_ONLY_BUILTINS = /* @__PURE__ */ new Set([
  ".",
  ":",
  "alias",
  "bg",
  "bind",
  "break",
  "builtin",
  "cd",
  "command",
  "continue",
  "declare",
  "dirs",
  "enable",
  "eval",
  "exit",
  "export",
  "fc",
  "fg",
  "getopts",
  "hash",
  "history",
  "jobs",
  "let",
  "local",
  "logout",
  "popd",
  "pushd",
  "read",
  "readonly",
  "return",
  "set",
  "shift",
  "shopt",
  "source",
  "suspend",
  "times",
  "trap",
  "type",
  "typeset",
  "ulimit",
  "umask",
  "unalias",
  "unset",
  "wait"
]);
var SHELL_SYNTAX = {
  simple_expansion: ["variable-expansion", "variable expansion"],
  expansion: ["variable-expansion", "variable expansion"],
  command_substitution: ["command-substitution", "command substitution"],
  process_substitution: ["process-substitution", "process substitution"],
  arithmetic_expansion: ["arithmetic-expansion", "arithmetic expansion"],
  file_redirect: ["redirection", "a redirection"],
  heredoc_redirect: ["here-document", "a here-document"],
  herestring_redirect: ["here-string", "a here-string"],
  pipeline: ["pipe", "a pipe"],
  list: ["and-or-list", "a `&&`/`||` list"],
  subshell: ["subshell", "a subshell"],
  compound_statement: ["group", "a `{ }` group"],
  if_statement: ["if", "an `if`"],
  for_statement: ["loop", "a loop"],
  c_style_for_statement: ["loop", "a loop"],
  while_statement: ["loop", "a loop"],
  case_statement: ["case", "a `case`"],
  function_definition: ["function-definition", "a function definition"],
  variable_assignment: ["variable-assignment", "a variable assignment"],
  declaration_command: ["declaration", "a declaration"],
  unset_command: ["unset", "an `unset`"],
  negated_command: ["negation", "a `!` negation"],
  test_command: ["test-expression", "a `[[ ]]` test"],
  comment: ["comment", "a comment"],
  ansi_c_string: ["ansi-c-string", "an ANSI-C string"],
  brace_expression: ["brace-expansion", "brace expansion"]
};
var uses = ([id, what]) => ({ id, reason: `it uses ${what}` });
function shellFeature(root) {
  if (root.hasError) return uses(["shell-syntax", "shell syntax dfmod cannot parse"]);
  if (root.namedChildren.some((n) => n?.type === "comment")) return uses(SHELL_SYNTAX.comment);
  const statements = root.namedChildren.filter((n) => n !== null);
  if (statements.length !== 1) return statements.length ? uses(["several-commands", "several commands"]) : uses(["empty-command", "an empty command"]);
  let found = null;
  walk(root, (node) => {
    if (found) return false;
    if (!node.isNamed && (node.type === "&" || node.type === ";")) found = uses(["background-or-semicolon", "a background job or `;`"]);
    else if (SHELL_SYNTAX[node.type]) found = uses(SHELL_SYNTAX[node.type]);
    return !found;
  });
  if (found) return found;
  const command = statements[0];
  if (command.type !== "command") return uses(["shell-syntax", "shell syntax"]);
  for (const word of command.namedChildren) {
    if (!word || word.type === "command_name") continue;
    if (literalValue(word) === null) return uses(["expansion", `\`${word.text}\`, which the shell would expand`]);
  }
  return null;
}
function scriptArgv(root) {
  const feature = shellFeature(root);
  if (feature) return feature;
  const command = root.namedChildren[0];
  const nameNode = command.childForFieldName("name")?.namedChildren[0];
  const name = nameNode ? literalValue(nameNode) : null;
  if (name === null) return { id: "computed-command", reason: "its command name is computed by the shell" };
  const argv = [name, ...command.childrenForFieldName("argument").map((a) => literalValue(a))];
  if (argv[0] === "exec" && argv.length > 1 && !argv[1].startsWith("-")) argv.shift();
  if (SHELL_ONLY_BUILTINS.has(argv[0])) return { id: "builtin", reason: `\`${argv[0]}\` is a shell builtin` };
  return { argv };
}
function readsPositionalParameters(root) {
  let reads = false;
  walk(root, (node) => {
    if (reads) return false;
    if (node.type === "variable_name" && /^\d+$/.test(node.text) || node.type === "special_variable_name" && ["@", "*", "#"].includes(node.text)) {
      reads = true;
      return false;
    }
    return true;
  });
  return reads;
}

// lib/facts/commands.ts
var WRAPPERS = {
  sudo: ["-u", "-g", "-h", "-p", "-C", "-D", "-U", "-r", "-t", "-T"],
  env: ["-u", "-C", "-S", "--unset", "--chdir"],
  xargs: ["-a", "-d", "-E", "-e", "-I", "-i", "-L", "-l", "-n", "-P", "-s"],
  nice: ["-n"],
  nohup: [],
  time: []
};
var ROOT_NAMES = /* @__PURE__ */ new Set(["root", "0", "#0"]);
function programName(word) {
  return word.slice(word.lastIndexOf("/") + 1);
}
var NONE = { words: [], nodes: [], wrappers: [], sudoAsRoot: false };
function unwrap(command) {
  const nameNode = command.node.childForFieldName("name")?.namedChildren[0];
  if (!nameNode) return NONE;
  const words3 = [command.name, ...command.argValues];
  const nodes = [nameNode, ...command.args];
  const wrappers = [];
  let sudoAsRoot = false;
  let i = 0;
  while (i < words3.length && words3[i] !== null && WRAPPERS[programName(words3[i])]) {
    const wrapper = programName(words3[i]);
    wrappers.push(wrapper);
    let user = "root";
    i++;
    while (i < words3.length) {
      const word = words3[i];
      if (word === null) return NONE;
      if (word === "--") {
        i++;
        break;
      }
      if (word.startsWith("-")) {
        if (wrapper === "sudo" && word === "-u") user = words3[i + 1] ?? "";
        else if (wrapper === "sudo" && word.startsWith("--user=")) user = word.slice("--user=".length);
        i += WRAPPERS[wrapper].includes(word) ? 2 : 1;
        continue;
      }
      if (wrapper === "env" && /^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) {
        i++;
        continue;
      }
      break;
    }
    if (wrapper === "sudo") sudoAsRoot = ROOT_NAMES.has(user);
  }
  if (i >= words3.length || words3[i] === null) return NONE;
  return { words: words3.slice(i), nodes: nodes.slice(i), wrappers, sudoAsRoot };
}
function commandsOf(run) {
  return simpleCommands(run.root).map((command) => {
    const unwrapped = unwrap(command);
    const first = unwrapped.words[0];
    return { command, program: first ? programName(first) : null, ...unwrapped };
  });
}
var PIP = PACKAGE_MANAGER_FACTS.pip;
function isPipProgram(word) {
  return managerOfProgram(programName(word)) === "pip";
}
function pipCommand(words3) {
  if (!words3[0]) return null;
  const program = programName(words3[0]);
  let i;
  if (isPipProgram(program)) i = 1;
  else if (/^python[\d.]*$/.test(program)) {
    i = 1;
    while (i < words3.length && /^-[BEIOsSuqv]+$/.test(words3[i] ?? "")) i++;
    if (words3[i] !== "-m" || !isPipProgram(words3[i + 1] ?? "")) return null;
    i += 2;
  } else return null;
  const at = subcommandAt(words3, i, PIP.valueOptions ?? []);
  const subcommand = at === null ? null : words3[at];
  if (at === null || !subcommand) return null;
  return { subcommand, args: words3.slice(at + 1), options: words3.slice(i, at) };
}
function isPipInstall(words3) {
  return pipCommand(words3)?.subcommand === "install";
}
function isPackageInstall(words3) {
  if (!words3[0]) return null;
  const name = managerOfProgram(programName(words3[0]));
  const row2 = name === null ? null : PACKAGE_MANAGER_FACTS[name];
  if (!row2?.system) return null;
  const verbs = row2.addVerbs ?? [];
  const valueOptions = row2.valueOptions ?? [];
  const flags = [];
  const packages = [];
  const packageAt = [];
  let computed = false;
  let verb = null;
  let optionsEnded = false;
  for (let i = 1; i < words3.length; i++) {
    const word = words3[i];
    if (word !== null && !optionsEnded && word.startsWith("-")) {
      if (word === "--") {
        optionsEnded = true;
        continue;
      }
      flags.push(word);
      if (valueOptions.includes(word) && i + 1 < words3.length) flags.push(words3[++i] ?? "");
      continue;
    }
    if (verb === null) {
      if (word === null || !verbs.includes(word)) return null;
      verb = word;
      continue;
    }
    packageAt.push(i);
    if (word === null) computed = true;
    else packages.push(word);
  }
  return verb === null ? null : { manager: row2.system, verb, packages, flags, computed, packageAt };
}
function managerCommand(words3) {
  if (!words3[0]) return null;
  const first = managerOfProgram(programName(words3[0]));
  if (first === null || first === "pip") {
    const pip = pipCommand(words3);
    if (!pip) return null;
    const programIndex = words3.indexOf("-m") + 1;
    const subcommandIndex = words3.length - pip.args.length - 1;
    return { manager: "pip", programIndex, program: programName(words3[programIndex]), subcommand: pip.subcommand, subcommandIndex };
  }
  const at = subcommandAt(words3, 1, PACKAGE_MANAGER_FACTS[first].valueOptions ?? []);
  if (at === null) return { manager: first, programIndex: 0, program: programName(words3[0]), subcommand: null, subcommandIndex: null };
  const sub = words3[at];
  if (sub === null) return null;
  const compound = `${sub} ${words3[at + 1] ?? ""}`;
  if (PACKAGE_MANAGER_FACTS[first].installVerbs.includes(compound)) {
    return { manager: first, programIndex: 0, program: programName(words3[0]), subcommand: compound, subcommandIndex: at + 1 };
  }
  return { manager: first, programIndex: 0, program: programName(words3[0]), subcommand: sub, subcommandIndex: at };
}
function subcommandAt(words3, start, valueOptions) {
  let i = start;
  while (i < words3.length && words3[i]?.startsWith("-")) i += valueOptions.includes(words3[i]) ? 2 : 1;
  return i < words3.length ? i : null;
}
var FILE_WRITERS = { ln: "last", cp: "last", mv: "last", install: "last", rm: "all", unlink: "all" };
var FILE_VALUE_OPTIONS = /* @__PURE__ */ new Set(["-t", "--target-directory", "-S", "--suffix", "-m", "--mode", "-o", "--owner", "-g", "--group"]);
function writtenPaths(words3) {
  const program = words3[0] ? programName(words3[0]) : null;
  if (program === null) return [];
  if (program === "update-alternatives") {
    const at = words3.findIndex((w) => w === "--install" || w === "--set");
    if (at < 0) return [];
    if (words3[at] === "--set") return [];
    const link = words3[at + 1];
    return link === void 0 ? [] : link === null ? null : [link];
  }
  if (program === "dpkg-divert") {
    const file = words3[words3.length - 1];
    return file === null ? null : file !== void 0 && file.startsWith("/") ? [file] : [];
  }
  const how = FILE_WRITERS[program];
  if (!how) return [];
  const operands = [];
  let target = null;
  let optionsEnded = false;
  for (let i = 1; i < words3.length; i++) {
    const word = words3[i];
    if (word === null) return null;
    if (!optionsEnded && word === "--") optionsEnded = true;
    else if (!optionsEnded && (word === "-t" || word === "--target-directory")) target = words3[++i] ?? null;
    else if (!optionsEnded && word.startsWith("--target-directory=")) target = word.slice("--target-directory=".length);
    else if (!optionsEnded && FILE_VALUE_OPTIONS.has(word)) i++;
    else if (!optionsEnded && word.startsWith("-") && word !== "-") continue;
    else operands.push(word);
  }
  if (how === "all") return operands;
  if (target !== null) return operands.map((o) => `${target}/${programName(o)}`);
  if (operands.length === 0) return [];
  if (operands.length === 1) return program === "ln" ? [programName(operands[0])] : [];
  const dest = operands[operands.length - 1];
  const sources = operands.slice(0, -1);
  if (dest.endsWith("/") || sources.length > 1) return sources.map((s) => `${dest.replace(/\/+$/, "")}/${programName(s)}`);
  return [dest];
}
var GLOBAL_INSTALLS = {
  npm: { verbs: ["install", "i", "add", "in", "isntall", "update", "up"], global: (w) => w === "-g" || w === "--global" || w === "--location=global" },
  pnpm: { verbs: ["add", "install", "i", "update", "up"], global: (w) => w === "-g" || w === "--global" },
  pip: { verbs: ["install"], global: () => true, always: true },
  gem: { verbs: ["install", "update"], global: () => true, always: true }
};
var PACKAGE_COMMANDS = {
  pip: ["pip", "pip3"],
  bundler: ["bundle", "bundler"],
  typescript: ["tsc", "tsserver"],
  corepack: ["corepack", "yarn", "pnpm"]
};
function installedCommands(words3) {
  const program = words3[0] ? programName(words3[0]) : null;
  if (program === null) return [];
  const names = (packages) => packages.flatMap((p) => {
    const bare = p.replace(/^(@[^/]+\/)?([^@=<>~!\s]+).*$/, "$2").toLowerCase();
    return PACKAGE_COMMANDS[bare] ?? [bare];
  });
  if (program === "corepack" && words3[1] === "enable") return ["yarn", "pnpm", ...words3.slice(2).filter((w) => w !== null && !w.startsWith("-"))];
  const system = isPackageInstall(words3);
  if (system) return names(system.packages);
  const manager = managerCommand(words3);
  const pipInstall = manager?.manager === "pip" ? pipCommand(words3) : null;
  if (pipInstall?.subcommand === "install") return names(pipInstall.args.filter((a) => a !== null && !a.startsWith("-")));
  const row2 = GLOBAL_INSTALLS[program];
  if (row2) {
    const rest = words3.slice(1);
    const at = rest.findIndex((w) => w !== null && !w.startsWith("-"));
    if (at < 0 || !row2.verbs.includes(rest[at])) return [];
    if (!row2.always && !rest.some((w) => w !== null && row2.global(w))) return [];
    return names(rest.slice(at + 1).filter((w) => w !== null && !w.startsWith("-")));
  }
  if (program === "yarn" && words3[1] === "global" && words3[2] === "add") return names(words3.slice(3).filter((w) => w !== null && !w.startsWith("-")));
  const written = writtenPaths(words3) ?? [];
  return written.filter((p) => /^\/(usr\/(local\/)?)?s?bin\/[^/]+$/.test(p)).map((p) => programName(p));
}

// lib/facts/words.ts
var NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
var BRACED = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([\s\S]*))?$/;
function expandWord(text, lookup, escape = "\\") {
  let out = "";
  let quote = null;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else out += c;
      i++;
      continue;
    }
    if (c === escape && i + 1 < text.length) {
      const next = text[i + 1];
      out += quote === '"' && next !== '"' && next !== "$" && next !== escape ? c + next : next;
      i += 2;
      continue;
    }
    if (quote === null && (c === '"' || c === "'")) {
      quote = c;
      i++;
      continue;
    }
    if (quote === '"' && c === '"') {
      quote = null;
      i++;
      continue;
    }
    if (c !== "$") {
      out += c;
      i++;
      continue;
    }
    if (text[i + 1] === "{") {
      const close = matchingBrace(text, i + 1);
      if (close < 0) return null;
      const value2 = expandBraced(text.slice(i + 2, close), lookup, escape);
      if (value2 === null) return null;
      out += value2;
      i = close + 1;
      continue;
    }
    const name = NAME.exec(text.slice(i + 1))?.[0];
    if (!name) {
      out += c;
      i++;
      continue;
    }
    const value = lookup(name);
    if (value === null) return null;
    out += value ?? "";
    i += 1 + name.length;
  }
  return quote === null ? out : null;
}
function matchingBrace(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  return -1;
}
function expandBraced(inner, lookup, escape) {
  const match = BRACED.exec(inner);
  if (!match) return null;
  const [, name, operator, word] = match;
  const value = lookup(name);
  if (value === null) return null;
  const set = value !== void 0;
  const nonEmpty = set && value !== "";
  switch (operator) {
    case void 0:
      return value ?? "";
    case ":-":
      return nonEmpty ? value : expandWord(word, lookup, escape);
    case "-":
      return set ? value : expandWord(word, lookup, escape);
    case ":+":
      return nonEmpty ? expandWord(word, lookup, escape) : "";
    case "+":
      return set ? expandWord(word, lookup, escape) : "";
    default:
      return null;
  }
}

// lib/facts/stages.ts
var globalArgCache = /* @__PURE__ */ new WeakMap();
function globalArgDefaults(model) {
  let args = globalArgCache.get(model);
  if (!args) {
    const found = /* @__PURE__ */ new Map();
    for (const node of model.globalArgs) {
      const declared = argDeclaration(model, node, (name) => found.has(name) ? found.get(name) : void 0);
      if (declared) found.set(declared.name, declared.value ?? null);
    }
    args = found;
    globalArgCache.set(model, args);
  }
  return args;
}
function argDeclaration(model, node, lookup) {
  const property = node.ast.getProperty?.() ?? null;
  if (!property) return null;
  const raw = propertyValueText(model, property);
  return { name: property.getName(), value: raw === null ? void 0 : expandWord(raw, lookup, model.escapeChar) };
}
function propertyValueText(model, property) {
  const range = property.getValueRange();
  if (!range) return null;
  const start = model.source.offsetAt(range.start);
  const end = model.source.offsetAt(range.end);
  return start === end ? null : model.logicalText(start, end).text;
}
function expandFromImage(model, image) {
  if (!image.includes("$")) return image;
  const args = globalArgDefaults(model);
  const expanded = expandWord(image, (name) => args.has(name) ? args.get(name) : void 0, model.escapeChar);
  return expanded ? expanded : null;
}
function fromImage(model, stage) {
  return expandFromImage(model, stage.image);
}
function rootStageOf(model, stage) {
  let current = stage;
  while (current.parent) current = current.parent;
  return current;
}
function baseImageOf(model, stage) {
  return fromImage(model, rootStageOf(model, stage));
}
function isWindowsStage(model, stage) {
  const root = rootStageOf(model, stage);
  return isWindowsImage(fromImage(model, root) ?? root.image, root.platform);
}

// lib/facts/run.ts
var REFUSALS = {
  heredoc: (keyword) => `it is a heredoc ${keyword}`,
  "exec-form": () => "it is in JSON (exec) form",
  empty: () => "it is empty",
  windows: () => "a Windows image runs it under cmd.exe, not a POSIX shell",
  "non-posix-shell": (_, shell2) => `it runs under SHELL ${JSON.stringify(shell2)}, not a POSIX shell`,
  "shell-syntax-error": () => "dfmod cannot parse its shell syntax"
};
function refused(id, node, shell2 = null) {
  return { kind: "refused", refusal: { id, reason: REFUSALS[id](node.keyword, shell2) } };
}
function readRunScript(model, shell2, node) {
  if (node.form === "heredoc") return refused("heredoc", node);
  if (node.form === "exec") return refused("exec-form", node);
  if (node.form !== "shell") return refused("empty", node);
  if (node.stage && isWindowsStage(model, node.stage)) return refused("windows", node);
  if (!model.hasPosixShell(node)) return refused("non-posix-shell", node, model.shellOf(node));
  const script = model.shellScript(node);
  const root = shell2.parse(script.text).rootNode;
  if (root.hasError) return refused("shell-syntax-error", node);
  return { kind: "script", node, script, root, flags: node.flags, mounts: mounts(node) };
}
function mounts(node) {
  return mountFields(node).flatMap((fields) => {
    const target = fields.get("target") ?? fields.get("dst") ?? fields.get("destination");
    return target ? [{ type: fields.get("type") ?? "bind", target: target.replace(/^["']|["']$/g, "") }] : [];
  });
}
function mountCovers(mount, path20) {
  const target = mount.target.replace(/\/+$/, "") || "/";
  const dir = path20.replace(/\/+$/, "");
  return dir === target || dir.startsWith(target === "/" ? "/" : target + "/") || target.startsWith(dir + "/");
}
function mountFields(node) {
  const result = [];
  for (const flag of node.flags) {
    if (flag.name !== "mount" || !flag.value) continue;
    const fields = /* @__PURE__ */ new Map();
    for (const part of flag.value.split(",")) {
      const eq = part.indexOf("=");
      if (eq > 0) fields.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
    }
    result.push(fields);
  }
  return result;
}

// lib/facts/file-kind.ts
var GENERATED_MARKERS = [
  /\bDO NOT EDIT\b/i,
  /\b(auto-?generated|automatically generated|code generated)\b/i,
  /\bgenerated\b.*\b(from|by|via|using|with)\b.*\b(template|script|\.sh|\.py|jinja2?|tool)\b/i
];
var VENDOR_FOLDERS = /* @__PURE__ */ new Set(["vendor", "third_party", "third-party", "thirdparty"]);
var TEST_FOLDERS = /* @__PURE__ */ new Set(["test", "tests", "testdata", "testfiles", "test-fixtures", "fixtures", "__fixtures__", "integration"]);
var HEADER_LINES = 15;
function fileKind(model, filename) {
  const last = Math.min(HEADER_LINES, model.instructions[0] ? model.instructions[0].line - 1 : model.source.lineStarts.length);
  for (let line = 0; line < last; line++) {
    const text = model.source.lineText(line);
    if (!/^\s*#/.test(text)) continue;
    if (GENERATED_MARKERS.some((marker) => marker.test(text))) {
      return { kind: "generated-file", line: line + 1, reason: `generated file (line ${line + 1}: "${clip(text.replace(/^\s*#\s*/, ""))}"): left as written; change what generates it` };
    }
  }
  if (filename) {
    const folders = filename.split(/[\\/]+/).slice(0, -1);
    const vendor = folders.find((f) => VENDOR_FOLDERS.has(f.toLowerCase()));
    if (vendor) return { kind: "vendored-file", line: 1, reason: `vendored file (under ${vendor}/): left as written; change it where it comes from` };
    const test = folders.find((f) => TEST_FOLDERS.has(f.toLowerCase()));
    if (test) return { kind: "test-fixture", line: 1, reason: `test file (under ${test}/): its instructions may be what the test checks; left as written` };
  }
  return null;
}
function clip(text) {
  const trimmed = text.trim();
  return trimmed.length > 60 ? `${trimmed.slice(0, 57)}...` : trimmed;
}

// lib/facts/signals.ts
var import_yaml = __toESM(require_dist(), 1);
import path from "node:path";
var PASS_THROUGH_ENTRYPOINT = /^docker-.*entrypoint(\.sh)?$/;
var SHELLS = /* @__PURE__ */ new Set(["sh", "bash", "dash", "ash", "zsh"]);
var NOT_EXECABLE = /* @__PURE__ */ new Set(["cd", "export", "set", "unset", "trap", "wait", "exit", "return", "source", ".", "eval", "exec", ":", "true", "false", "read", "shift", "umask", "ulimit", "local", "readonly", "alias", "echo", "printf", "test", "["]);
var basename = (word) => word.slice(word.lastIndexOf("/") + 1);
function lastCommand(root) {
  if (root.hasError) return { none: "dfmod cannot parse it" };
  let trap = false;
  let background = false;
  const functions = /* @__PURE__ */ new Set();
  walk(root, (n) => {
    if (n.type === "command" && n.childForFieldName("name")?.text === "trap") trap = true;
    if (!n.isNamed && n.type === "&") background = true;
    if (n.type === "function_definition") functions.add(n.childForFieldName("name")?.text ?? "");
  });
  const busy = trap ? "it sets a trap, which exec would skip" : background ? "it starts a background job" : null;
  const statements = topLevelStatements(root);
  const last = statements[statements.length - 1];
  if (!last) return { none: "it runs nothing" };
  const chain = andChain(last.node);
  let command = chain[chain.length - 1];
  if (command.type === "redirected_statement") command = command.childForFieldName("body") ?? command;
  const none = (why) => ({ none: busy ?? why });
  if (command.type !== "command") return none(`its last command is ${command.type === "list" ? "a `||` list" : `a ${command.type.replace(/_/g, " ")}`}`);
  const name = command.childForFieldName("name");
  if (!name) return none("its last command is only assignments");
  const words3 = [literalValue(name.namedChildren[0] ?? name), ...command.childrenForFieldName("argument").map((a) => literalValue(a))];
  const program = words3[0];
  if (program === "exec" && !(last.separator === "&")) return { command, name, words: words3, execs: true, notProgram: null, busy };
  if (busy) return { none: busy };
  const notProgram = program === null ? "named by an expansion dfmod does not read" : NOT_EXECABLE.has(program) ? "a shell builtin" : functions.has(program) ? "a function the script defines, which exec cannot run" : null;
  return { command, name, words: words3, execs: false, notProgram, busy: null };
}
var IDLE_HANDLER = /* @__PURE__ */ new Set(["exit", "echo", "printf", "true", ":", "return", "logger"]);
function trapsTerm(root, shell2) {
  if (root.hasError) return null;
  const functions = /* @__PURE__ */ new Map();
  walk(root, (n) => {
    if (n.type === "function_definition") {
      const body = n.childForFieldName("body");
      const name = n.childForFieldName("name")?.text;
      if (name && body) functions.set(name, body);
    }
  });
  const commands = simpleCommands(root);
  if (!commands.some((c) => c.name === "wait")) return null;
  for (const c of commands) {
    if (c.name !== "trap" || c.argValues.length < 2) continue;
    const signals = c.argValues.slice(1);
    if (!signals.some((s) => s !== null && /^(SIG)?TERM$|^15$/i.test(s))) continue;
    const raw = c.args[0].text;
    const handler = c.argValues[0] ?? (/^(["']).*\1$/s.test(raw) ? raw.slice(1, -1) : raw);
    if (handler.trim() === "" || handler === "-") continue;
    const names = simpleCommands(shell2.parse(handler).rootNode).flatMap((h) => {
      const body = h.name === null ? void 0 : functions.get(h.name);
      return body ? simpleCommands(body).map((b) => b.name) : [h.name];
    });
    if (names.some((n) => n === null || !IDLE_HANDLER.has(n))) return `it traps SIGTERM (\`${c.node.text}\`) and waits for its app`;
  }
  return null;
}
function contextSourceAt(facts, stage, target) {
  const chain = [];
  for (let s = stage; s; s = facts.parentOf(s)) chain.unshift(s);
  let found = null;
  for (const s of chain) {
    for (const node of s.instructions) {
      const copy = facts.copyOperands(node);
      if (!copy || copy.from !== null || copy.destResolved === null) continue;
      const dest = copy.destResolved;
      for (const source of copy.sources) {
        const clean = source.replace(/^\.\/+/, "").replace(/^\/+/, "");
        if (clean === "" || clean === ".") {
          const rel = path.posix.relative(dest, target);
          if (rel && !rel.startsWith("..") && !path.posix.isAbsolute(rel)) found = rel;
          continue;
        }
        const into = copy.destIsDirectory || copy.dest.endsWith("/") ? path.posix.join(dest, basename(clean)) : dest;
        if (/[*?[]/.test(clean)) {
          const pattern = new RegExp(`^${basename(clean).replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]")}$`);
          if (path.posix.dirname(target) === dest && pattern.test(basename(target))) found = path.posix.join(path.posix.dirname(clean), basename(target));
        } else if (into === target) found = clean;
      }
    }
  }
  return found;
}
function signalPath(facts, stage, context, shell2) {
  const command = facts.command(stage);
  const entrypoint = command.entrypoint ?? [];
  const cmd = command.cmd ?? [];
  const steps = [];
  if (entrypoint.length) steps.push({ argv: [...entrypoint, ...cmd], node: command.entrypointNode, inherited: command.entrypointNode === null });
  else steps.push({ argv: cmd, node: command.cmdNode, inherited: command.cmdNode === null });
  return follow(facts, stage, context, shell2, steps[0], command.cmdNode, 0);
}
function follow(facts, stage, context, shell2, step, cmdNode, depth) {
  const { argv } = step;
  if (!argv.length || depth > 4) return { kind: "direct" };
  const program = basename(argv[0]);
  if (PASS_THROUGH_ENTRYPOINT.test(program) && (step.inherited || !argv[0].includes("/") || argv[0] === `/usr/local/bin/${program}`) && !scriptInContext(facts, stage, context, argv[0])) {
    const rest = argv.slice(1);
    return follow(facts, stage, context, shell2, { argv: rest, node: cmdNode, inherited: cmdNode === null }, cmdNode, depth + 1);
  }
  const c = argv.indexOf("-c");
  if (SHELLS.has(program) && c > 0 && c + 1 < argv.length) {
    const script2 = argv[c + 1];
    const root = shell2.parse(script2).rootNode;
    const last = lastCommand(root);
    if (!("command" in last && last.execs) && trapsTerm(root, shell2)) return { kind: "direct" };
    if ("none" in last) return forcedShell(`the shell script \`${script2}\``, last.none);
    const words3 = last.words.slice(last.execs ? 1 : 0);
    const rest = words3.every((w) => w !== null) ? words3 : [];
    const then = follow(facts, stage, context, shell2, { argv: rest, node: null, inherited: step.inherited }, null, depth + 1);
    if (last.execs) return then;
    if (last.notProgram) return forcedShell(`the shell script \`${script2}\``, `its last command \`${last.command.text}\` is ${last.notProgram}`);
    if (step.node && step.node.form === "shell") {
      return { kind: "add-exec", node: step.node, offset: last.name.startIndex, command: last.command.text, then };
    }
    return forcedShell(`the shell script \`${script2}\`${step.inherited ? " of the base image" : ""}`, `it runs \`${last.command.text}\` without exec`);
  }
  const scriptRun = packageScriptRun(argv);
  if (scriptRun) return runScript(facts, stage, context, shell2, step, scriptRun.runner, argv, scriptRun.script, scriptRun.words);
  const script = scriptInContext(facts, stage, context, argv[0]);
  if (script) {
    const text = context.read(script.source);
    if (text === null || !/^#!\s*\S*\b(sh|bash|dash|ash)\b/.test(text)) return { kind: "direct" };
    const root = shell2.parse(text).rootNode;
    const last = lastCommand(root);
    if ("command" in last && last.execs) return { kind: "direct" };
    if (trapsTerm(root, shell2)) return { kind: "direct" };
    if ("none" in last) return forcedShell(`the script ${script.source}`, last.none);
    const line = text.slice(0, last.command.startIndex).split("\n").length;
    return {
      kind: "forced",
      why: `the script ${script.source} runs \`${last.command.text}\` (its line ${line}) without exec, so its shell exits at SIGTERM and the container ends with it`,
      fix: last.notProgram ? `end it by exec'ing the app (its last command is ${last.notProgram})` : `write \`exec ${last.command.text}\` there`
    };
  }
  return { kind: "direct" };
}
function forcedShell(what, why) {
  return { kind: "forced", why: `${what} is run by a shell that exits at SIGTERM (${why}), and the container ends with it`, fix: "run the app with exec, or in JSON form" };
}
function scriptInContext(facts, stage, context, word) {
  if (!context) return null;
  const workdir = facts.finalWorkdir(stage);
  let target = null;
  if (word.startsWith("/")) target = path.posix.normalize(word);
  else if (word.includes("/") && workdir !== null) target = path.posix.resolve(workdir, word);
  else if (!word.includes("/")) {
    for (const dir of ["/usr/local/bin", "/usr/bin", "/bin"]) {
      const source2 = contextSourceAt(facts, stage, path.posix.join(dir, word));
      if (source2 !== null && context.exists(source2)) return { source: source2 };
    }
    return null;
  }
  if (target === null) return null;
  const source = contextSourceAt(facts, stage, target);
  return source !== null && context.exists(source) ? { source } : null;
}
function runScript(facts, stage, context, shell2, step, program, argv, name, words3) {
  const forced = (why, fix = 'run the script\'s command itself in the CMD (`CMD ["node", "server.js"]`)') => ({
    kind: "forced",
    why: `\`${argv.join(" ")}\`: ${program} exits at SIGTERM without waiting for the script it started, and the container ends with it${why ? ` (dfmod cannot run the script's command instead: ${why})` : ""}`,
    fix
  });
  if (!step.node || step.node.form !== "exec" || !context || name === null) return forced("");
  if (argv.length > words3) return forced("");
  const workdir = facts.finalWorkdir(stage);
  if (workdir === null) return forced("");
  const source = contextSourceAt(facts, stage, path.posix.join(workdir, "package.json"));
  const text = source === null ? null : context.read(source);
  if (text === null) return forced("dfmod cannot see which package.json it reads");
  let scripts;
  try {
    scripts = JSON.parse(text).scripts ?? {};
  } catch {
    return forced(`${source} is not JSON`);
  }
  const body = scripts[name];
  if (typeof body !== "string") return forced(`${source} has no \`${name}\` script`);
  const steps = scriptSteps(shell2, scripts, name);
  if (steps) {
    if (steps.parallel) return forced(`its \`${name}\` script runs several programs at once: ${steps.what}`, `run each in a container of its own, or under a process manager, in place of \`${argv.join(" ")}\``);
    const last = steps.last ? `exec ${steps.last}` : "exec node \u2026";
    return forced(`its \`${name}\` script runs several steps: ${steps.what}`, `run the steps from a wrapper script that ends in \`${last}\`, so that node replaces its shell, and make that script the CMD`);
  }
  if (program === "yarn") {
    const pnp = yarnPnp(context, source, text);
    if (pnp) return forced(`the project uses Yarn Plug'n'Play (${pnp}), so node alone cannot load its packages`);
  }
  const parsed = scriptArgv(shell2.parse(body).rootNode);
  if (!("argv" in parsed)) return forced(`its \`${name}\` script needs a shell: ${parsed.reason}`);
  if (parsed.argv[0] !== "node") return forced(`its \`${name}\` script runs \`${parsed.argv[0]}\`, which ${program} finds in node_modules/.bin`);
  const entry = parsed.argv.slice(1).find((a) => !a.startsWith("-"));
  const entrySource = entry ? contextSourceAt(facts, stage, path.posix.resolve(workdir, entry)) : null;
  const entryText = entrySource === null ? null : context.read(entrySource);
  if (entryText === null) return forced(`dfmod cannot read ${entry ?? "the script's entry file"} to check it reads no npm_* variable`);
  if (/\bnpm_(package|config|lifecycle)_|\bnpm_lifecycle_event\b/.test(entryText)) return forced(`${entrySource} reads npm's environment (npm_*)`);
  return { kind: "run-script", node: step.node, runner: argv, argv: parsed.argv, then: { kind: "direct" } };
}
function scriptSteps(shell2, scripts, name) {
  const body = scripts[name];
  const hooks = [`pre${name}`, `post${name}`].filter((hook) => typeof scripts[hook] === "string");
  const own = commandSteps(shell2, body);
  if (hooks.length) {
    const post = hooks.includes(`post${name}`);
    const order = [...hooks.includes(`pre${name}`) ? [`pre${name}`] : [], name, ...post ? [`post${name}`] : []];
    return { what: order.map((s) => s === name ? `\`${s}\`` : `package.json's \`${s}\``).join(", then "), last: post ? null : lastNodeStep(shell2, scripts, name, 0), parallel: false };
  }
  if (own.length > 1) return { what: `\`${body.trim()}\``, last: lastNodeStep(shell2, scripts, name, 0), parallel: false };
  const runner = own.length === 1 ? scriptRunnerSteps(own[0]) : null;
  if (runner && runner.scripts.length > 1) return { what: `\`${body.trim()}\``, last: runner.parallel ? null : lastNodeStep(shell2, scripts, name, 0), parallel: runner.parallel };
  return null;
}
function commandSteps(shell2, script) {
  const root = shell2.parse(script).rootNode;
  if (root.hasError) return [];
  const steps = [];
  for (const statement of topLevelStatements(root)) {
    for (const part of andChain(statement.node)) {
      const command = part.type === "redirected_statement" ? part.childForFieldName("body") ?? part : part;
      if (command.type !== "command") {
        steps.push([null]);
        continue;
      }
      const nameNode = command.childForFieldName("name");
      steps.push([nameNode ? literalValue(nameNode.namedChildren[0] ?? nameNode) : null, ...command.childrenForFieldName("argument").map((a) => literalValue(a))]);
    }
  }
  return steps;
}
var SCRIPT_SEQUENCERS = { "npm-run-all": false, "npm-run-all2": false, "run-s": false, "run-p": true, concurrently: true };
function scriptRunnerSteps(words3) {
  const program = words3[0] ? basename(words3[0]) : null;
  if (program === null || !Object.hasOwn(SCRIPT_SEQUENCERS, program)) return null;
  const args = words3.slice(1);
  const parallel = SCRIPT_SEQUENCERS[program] || args.some((a) => a === "-p" || a === "--parallel" || a === "-P");
  return { scripts: args.filter((a) => a !== null && !a.startsWith("-")), parallel };
}
function lastNodeStep(shell2, scripts, name, depth) {
  const body = scripts[name];
  if (typeof body !== "string" || depth > 4) return null;
  const steps = commandSteps(shell2, body);
  const last = steps[steps.length - 1];
  if (!last || last.some((w) => w === null)) return null;
  const words3 = last;
  if (words3[0] === "node") return words3.join(" ");
  const run = packageScriptRun(words3);
  if (run?.script && run.words === words3.length) return lastNodeStep(shell2, scripts, run.script, depth + 1);
  const runner = scriptRunnerSteps(words3);
  if (runner && !runner.parallel && runner.scripts.length) return lastNodeStep(shell2, scripts, runner.scripts[runner.scripts.length - 1], depth + 1);
  return null;
}
function yarnPnp(context, packageJson, text) {
  const dir = path.posix.dirname(packageJson);
  const at = (file) => dir === "." ? file : path.posix.join(dir, file);
  for (const file of [".pnp.cjs", ".pnp.js"]) if (context.exists(at(file))) return at(file);
  let manager;
  try {
    manager = JSON.parse(text).packageManager;
  } catch {
    manager = void 0;
  }
  const major = typeof manager === "string" ? /^yarn@(\d+)/.exec(manager)?.[1] : void 0;
  const berry = major !== void 0 && Number(major) >= 2;
  const rc = context.read(at(".yarnrc.yml"));
  if (rc !== null && (berry || major === void 0)) {
    let linker;
    try {
      linker = (0, import_yaml.parse)(rc)?.nodeLinker;
    } catch {
      return `${at(".yarnrc.yml")} is not YAML dfmod can read`;
    }
    return linker === "node-modules" || linker === "pnpm" ? null : `${at(".yarnrc.yml")} sets no nodeLinker: node-modules`;
  }
  return berry && rc === null ? `package.json names ${manager}, whose default is Plug'n'Play` : null;
}
function appArgv(facts, stage, context, shell2) {
  const command = facts.command(stage);
  if (command.entrypoint === void 0 || command.cmd === void 0) return null;
  const entrypoint = command.entrypoint ?? [];
  const argv = entrypoint.length ? [...entrypoint, ...command.cmd ?? []] : command.cmd ?? [];
  const assumed = { script: null };
  const app = followApp(facts, stage, context, shell2, argv, command.entrypointNode === null && entrypoint.length > 0, 0, assumed);
  return app ? { argv: app, assumed: assumed.script } : null;
}
var ENTRYPOINT_NAMED = /(^|[-_.])entrypoint([-_.]|$)/;
function execWords(command, args) {
  const name = command.childForFieldName("name");
  const nodes = [name?.namedChildren[0] ?? name, ...command.childrenForFieldName("argument")].filter((n) => !!n);
  const words3 = [];
  for (const node of nodes) {
    if (node.text === '"$@"' || node.text === "$@") {
      words3.push(...args);
      continue;
    }
    const value = literalValue(node);
    if (value === null) return null;
    words3.push(value);
  }
  return words3[0] === "exec" ? words3.slice(1) : words3;
}
function followApp(facts, stage, context, shell2, argv, inherited, depth, assumed) {
  if (!argv.length || depth > 6) return null;
  const program = basename(argv[0]);
  const next = (rest) => followApp(facts, stage, context, shell2, rest, inherited, depth + 1, assumed);
  const afterInit = afterInitWrapper(argv);
  if (afterInit) return next(afterInit);
  const wrapper = EXEC_WRAPPERS[program];
  if (wrapper && (wrapper.subcommand === void 0 || argv[1] === wrapper.subcommand) && argv.length > wrapper.skip) return next(argv.slice(wrapper.skip));
  if (PASS_THROUGH_ENTRYPOINT.test(program) && (inherited || !argv[0].includes("/") || argv[0] === `/usr/local/bin/${program}`) && !scriptInContext(facts, stage, context, argv[0])) {
    return next(argv.slice(1));
  }
  const c = argv.indexOf("-c");
  if (SHELLS.has(program) && c > 0 && c + 1 < argv.length) {
    const last = lastCommand(shell2.parse(argv[c + 1]).rootNode);
    if ("none" in last || !last.execs) return null;
    const words3 = execWords(last.command, argv.slice(c + 3));
    return words3 ? next(words3) : null;
  }
  const script = scriptInContext(facts, stage, context, argv[0]);
  if (script) {
    const text = context.read(script.source);
    if (text === null || !/^#!\s*\S*\b(sh|bash|dash|ash)\b/.test(text)) return null;
    const last = lastCommand(shell2.parse(text).rootNode);
    if ("none" in last || !last.execs) return null;
    const words3 = execWords(last.command, argv.slice(1));
    return words3 ? next(words3) : null;
  }
  if (ENTRYPOINT_NAMED.test(program) && argv.length > 1 && assumed.script === null && (!context || !scriptInContext(facts, stage, context, argv[0]))) {
    assumed.script = argv[0];
    return next(argv.slice(1));
  }
  return argv;
}
function pid1Sufficient(facts, stage, context, shell2) {
  const check = oneShotCheck(facts, stage, shell2);
  if (check) {
    const programs = check.programs.map((p) => `\`${p}\``).join(", ");
    return { id: "one-shot-tool", reason: `the command \`${check.command}\` is a one-shot check (${programs}), which exits when done and starts nothing to stop or reap` };
  }
  const app = appArgv(facts, stage, context, shell2);
  if (!app) return null;
  const found = sufficientArgv(facts, stage, app.argv);
  if (!found || !app.assumed) return found;
  return { ...found, reason: `${found.reason}, if \`${app.assumed}\` ends by exec'ing its arguments` };
}
function sufficientArgv(facts, stage, argv) {
  const program = programKey(argv[0]);
  const server = SELF_REAPING_SERVERS[program];
  if (server !== void 0) return { id: "server-reaps", reason: `PID 1 is \`${program}\`, ${server}` };
  const sub = SERVER_SUBCOMMANDS[program];
  if (sub && sub.subcommands.includes(argv[1] ?? "")) {
    return { id: "server-reaps", reason: `PID 1 is \`${program} ${argv[1]}\` (${sub.server}), ${SELF_REAPING_SERVERS[sub.server]}` };
  }
  if (ONE_SHOT_TOOLS.has(program)) return { id: "one-shot-tool", reason: `PID 1 is the command-line tool \`${program}\`, which runs once and starts no children` };
  const built = compiledProgram(facts, stage, argv);
  if (built) return { id: "single-binary", reason: `PID 1 is ${built}, which handles SIGTERM itself and starts no children` };
  return null;
}
function compiledProgram(facts, stage, argv) {
  if (basename(argv[0]) === "dotnet" && argv.length >= 2 && argv[1].endsWith(".dll")) {
    const image = facts.baseImage(stage);
    if (image && describeImage(image).language === "dotnet") return `\`dotnet ${argv[1]}\`, one .NET process`;
    return null;
  }
  const workdir = facts.finalWorkdir(stage);
  const target = argv[0].startsWith("/") ? path.posix.normalize(argv[0]) : argv[0].includes("/") && workdir !== null ? path.posix.resolve(workdir, argv[0]) : null;
  if (target === null) return null;
  const from = copiedFromStage(facts, stage, target);
  if (!from) return null;
  const runtime = compilesIn(facts, from);
  return runtime ? `\`${argv[0]}\`, a ${runtime} program built in stage \`${from.name ?? from.index}\`` : null;
}
function copiedFromStage(facts, stage, target) {
  return copyAt(facts, stage, target)?.fromStage ?? null;
}
function copyAt(facts, stage, target) {
  let found = null;
  const chain = [];
  for (let s = stage; s; s = facts.parentOf(s)) chain.unshift(s);
  for (const s of chain) {
    for (const node of s.instructions) {
      const copy = facts.copyOperands(node);
      if (!copy || copy.destResolved === null) continue;
      const hit = copy.sources.some((source) => {
        const into = copy.destIsDirectory || copy.dest.endsWith("/") ? path.posix.join(copy.destResolved, basename(source.replace(/\/+$/, ""))) : copy.destResolved;
        return into === target;
      });
      if (hit) found = copy;
    }
  }
  return found;
}
var BIN_FOLDERS = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];
function copiedProgram(facts, stage, word) {
  const workdir = facts.finalWorkdir(stage);
  const candidates = word.startsWith("/") ? [path.posix.normalize(word)] : word.includes("/") ? workdir === null ? [] : [path.posix.resolve(workdir, word)] : BIN_FOLDERS.map((dir) => path.posix.join(dir, word));
  for (const target of candidates) {
    const copy = copyAt(facts, stage, target);
    if (copy) return { path: target, copy, compiled: copy.fromStage ? compilesIn(facts, copy.fromStage) : null };
  }
  return null;
}
function oneShotCheck(facts, stage, shell2) {
  const command = facts.command(stage);
  if (command.entrypoint === void 0 || command.cmd === void 0) return null;
  const entrypoint = command.entrypoint ?? [];
  let argv = entrypoint.length ? [...entrypoint, ...command.cmd ?? []] : command.cmd ?? [];
  argv = afterInitWrapper(argv) ?? argv;
  if (argv.length && PASS_THROUGH_ENTRYPOINT.test(basename(argv[0])) && (command.entrypointNode === null || !argv[0].includes("/") || argv[0] === `/usr/local/bin/${basename(argv[0])}`)) argv = argv.slice(1);
  if (!argv.length) return null;
  const c = argv.indexOf("-c");
  if (SHELLS.has(basename(argv[0])) && c > 0 && c + 1 < argv.length) {
    const script = argv[c + 1];
    const root = shell2.parse(script).rootNode;
    if (root.hasError) return null;
    let loops = false;
    walk(root, (n) => {
      if (/^(while|until|for|c_style_for)_statement$/.test(n.type) || !n.isNamed && n.type === "&") loops = true;
      return !loops;
    });
    const commands = simpleCommands(root);
    if (loops || !commands.length || !commands.every((x) => x.name !== null && ONE_SHOT_CHECKS.has(x.name))) return null;
    return { command: script, programs: [...new Set(commands.map((x) => x.name))] };
  }
  const program = basename(argv[0]);
  return ONE_SHOT_CHECKS.has(program) ? { command: argv.join(" "), programs: [program] } : null;
}
function compilesIn(facts, stage) {
  for (let s = stage; s; s = facts.parentOf(s)) {
    for (const node of s.instructions) {
      if (node.keyword !== "RUN") continue;
      const read = facts.readRun(node);
      if (read.kind !== "script") continue;
      for (const c of facts.commandsOf(read)) {
        const build = c.program ? COMPILED_BUILDS[c.program] : void 0;
        const subcommand = c.words.slice(1).find((w) => w === null || !/^[-+]/.test(w));
        if (build && subcommand && build.subcommands.includes(subcommand)) return build.runtime;
      }
    }
  }
  return null;
}

// lib/facts/roles.ts
var DEV_STAGE_NAMES = /* @__PURE__ */ new Set([
  "dev",
  "devel",
  "develop",
  "development",
  "test",
  "tests",
  "testing",
  "validate",
  "validation",
  "lint",
  "ci",
  "debug"
]);
var TOOLBOX_FILE_NAMES = /* @__PURE__ */ new Set(["base", "toolbox", "tools", "ci", "builder", "buildenv"]);
var OS_IMAGES = /* @__PURE__ */ new Set(["debian", "ubuntu", "alpine", "buildpack-deps", "centos", "oraclelinux", "fedora", "amazonlinux"]);
var SAMPLE_PATH_WORDS = /* @__PURE__ */ new Set(["sample", "samples", "tutorial", "tutorials", "lesson", "lessons", "course", "courses", "workshop", "exercise", "exercises"]);
var CI_FOLDERS = /* @__PURE__ */ new Set([
  ".kokoro",
  ".circleci",
  ".github",
  ".gitlab",
  ".buildkite",
  ".ci",
  ".travis",
  ".woodpecker",
  ".drone",
  ".azure-pipelines",
  ".tekton",
  "ci",
  "prow"
]);
var DEV_FOLDER_WORDS = {
  hack: "where projects keep their development scripts and tools",
  tilt: "Tilt's local development setup",
  playwright: "a browser-test setup",
  cypress: "a browser-test setup"
};
var TEST_FOLDER_WORD = /^(tests?|testing|testdata|testenvs?|testbeds?|testsuites?|testinfra|testharness|testkit|testutils?|e2e|e2etests?|integrationtests?|itests?|smoketests?|systemtests?|acceptancetests?)$/;
var DEV_FILE_WORDS = {
  tilt: "the file is named for Tilt, which builds it for a local development loop",
  e2e: "the file is named as an `e2e` (end-to-end test) image"
};
var GENERATED_HEADER = /\bDO NOT EDIT\b/i;
var KEEP_ALIVE = [
  { program: "sleep", args: (args) => args.length === 1 && (args[0] === "infinity" || /^\d{5,}$/.test(args[0])) },
  { program: "tail", args: (args) => args.includes("/dev/null") && args.some((a) => a === "-f" || a === "-F") }
];
var REPLS = {
  sh: ["-l", "-i"],
  bash: ["-l", "--login", "-i"],
  ash: ["-l", "-i"],
  dash: ["-l", "-i"],
  zsh: ["-l", "-i"],
  python: ["-i"],
  node: ["-i", "--interactive"],
  irb: [],
  php: ["-a"],
  jshell: [],
  iex: [],
  erl: [],
  ghci: [],
  julia: []
};
var PASS_THROUGH_ENTRYPOINT2 = /^docker-.*entrypoint(\.sh)?$/;
var ENTRYPOINT_SCRIPT = /entrypoint(\.(sh|bash))?$/;
var TOOL_PROGRAMS = /* @__PURE__ */ new Set([
  "mvn",
  "gradle",
  "ant",
  "sbt",
  "lein",
  "make",
  "cmake",
  "cargo",
  "go",
  "dotnet",
  "npm",
  "yarn",
  "pnpm",
  "pip",
  "composer",
  "bundle",
  "rake",
  "kubectl",
  "helm",
  "terraform",
  "aws",
  "gcloud",
  "az",
  "gsutil",
  "docker",
  "git",
  "ansible",
  "ansible-playbook",
  "pylint",
  "flake8",
  "bandit",
  "eslint",
  "flutter",
  "ng",
  "firebase",
  "gh"
]);
var SUPPORT_FILE = /\.(sh|bash|conf|ini|cnf|json|ya?ml|xml|properties|toml|exclude|template|deb|rpm)$/i;
function basename2(word) {
  return word.slice(word.lastIndexOf("/") + 1);
}
function replOf(argv) {
  if (!argv.length) return null;
  const program = basename2(argv[0]);
  const accepted = REPLS[program] ?? REPLS[program.replace(/[\d.]+$/, "")];
  if (!accepted) return null;
  return argv.slice(1).every((arg) => accepted.includes(arg)) ? program : null;
}
function devName(stage) {
  if (!stage.name) return null;
  return stage.name.split(/[-_.]/).some((word) => DEV_STAGE_NAMES.has(word)) ? stage.name : null;
}
function fileNameWords(filename) {
  if (!filename) return [];
  const name = basename2(filename.replace(/\\/g, "/")).toLowerCase();
  return name.replace(/(^|[._-])(dockerfile|containerfile)([._-]|$)/g, ".").split(/[-_.]/).filter(Boolean);
}
function keepAlive(argv) {
  const program = basename2(argv[0] ?? "");
  const found = KEEP_ALIVE.find((k) => k.program === program && k.args(argv.slice(1)));
  return found ? argv.join(" ") : null;
}
function generatedHeader(facts) {
  const model = facts.model;
  const first = model.instructions[0];
  const last = first ? first.line - 1 : model.source.lineStarts.length;
  for (let line = 0; line < last; line++) {
    const text = model.source.lineText(line);
    if (/^\s*#/.test(text) && GENERATED_HEADER.test(text)) return true;
  }
  return false;
}
function roleOf(facts, stage, filename, target, context = null) {
  if (filename && filename.split(/[\\/]/).includes(".devcontainer")) {
    return { role: "devcontainer", reason: "the file is in a .devcontainer folder" };
  }
  const folders = filename ? filename.split(/[\\/]/) : [];
  if (fileKind(facts.model, filename)?.kind === "vendored-file") return { role: "vendored", reason: "the file is in a vendor folder" };
  const where = nonProductionFolder(folders.slice(0, -1));
  if (where) return where;
  const sample = folders.find((part) => part.toLowerCase().split(/[-_.]/).some((w) => SAMPLE_PATH_WORDS.has(w)));
  if (sample) return { role: "sample", reason: `the file is in \`${sample}\`, named as a teaching sample` };
  if (!facts.isDeployed(stage, target)) {
    const users = facts.usedBy(stage);
    if (users.length) return { role: "build-only", reason: "it is not the build target, and only other stages use it" };
    const dev2 = devName(stage);
    if (dev2) return { role: "dev-or-test", reason: `it is a build target named \`${dev2}\`` };
    return { role: "application", reason: "no other stage uses it, so it is built as a target of its own" };
  }
  const dev = devName(stage);
  if (dev) return { role: "dev-or-test", reason: `the build target is named \`${dev}\`` };
  const words3 = fileNameWords(filename);
  const toolWord = words3.find((w) => TOOLBOX_FILE_NAMES.has(w));
  if (toolWord) return { role: "toolbox", reason: `the file is named as a \`${toolWord}\` image` };
  const devWord = words3.find((w) => DEV_STAGE_NAMES.has(w) || Object.hasOwn(DEV_FILE_WORDS, w));
  if (devWord) return { role: "dev-or-test", reason: Object.hasOwn(DEV_FILE_WORDS, devWord) ? DEV_FILE_WORDS[devWord] : `the file is named as a \`${devWord}\` image` };
  const command = facts.command(stage);
  const direct = (node, stored) => node ? facts.argvOf(node)?.direct ?? stored : stored;
  const cmdWords = direct(command.cmdNode, command.cmd);
  const entrypointWords = direct(command.entrypointNode, command.entrypoint);
  const passThrough = command.entrypoint === null || command.entrypoint === void 0 && command.entrypointNode === null || entrypointWords?.length === 1 && ENTRYPOINT_SCRIPT.test(basename2(entrypointWords[0]));
  const alive = passThrough && cmdWords ? keepAlive(cmdWords) : null;
  if (alive) return { role: "toolbox", reason: `its command \`${alive}\` only keeps the container up for \`docker exec\`` };
  if (passThrough && cmdWords?.length === 1 && TOOL_PROGRAMS.has(basename2(cmdWords[0]))) {
    return { role: "toolbox", reason: `its command is the tool \`${cmdWords[0]}\`, which \`docker run\` hands the arguments of a build or job` };
  }
  if (generatedHeader(facts)) return { role: "official-image", reason: 'the file carries the "DO NOT EDIT" header of generated image definitions' };
  const root = rootImageName(facts, stage);
  if (root && OS_IMAGES.has(root) && command.entrypointNode && command.entrypoint?.length === 1 && PASS_THROUGH_ENTRYPOINT2.test(basename2(command.entrypoint[0])) && command.cmd?.length === 1 && !command.cmd[0].includes("/")) {
    return {
      role: "official-image",
      reason: `it is built on \`${root}\` with a pass-through \`${command.entrypoint[0]}\` and the bare command \`${command.cmd[0]}\`, as official-image definitions are`
    };
  }
  const repl = passThrough && cmdWords ? replOf(cmdWords) : entrypointWords && !cmdWords?.length ? replOf(entrypointWords) : null;
  if (repl) {
    const node = passThrough && cmdWords ? command.cmdNode : command.entrypointNode;
    const where2 = node ? `line ${node.line} sets` : `it inherits from ${facts.baseImage(stage)}`;
    return { role: "base", reason: `${where2} the command \`${repl}\`, an interactive shell or REPL, as base images do`, ...node ? { line: node.line } : {} };
  }
  const packaged = packagedRelease(facts, stage, context);
  if (packaged) {
    return {
      role: "official-image",
      reason: `it installs a pinned upstream release (\`ENV ${packaged}\`) and copies only scripts and configuration from the build context, as official-image definitions do`
    };
  }
  if (command.entrypointNode && entrypointWords?.length === 1 && TOOL_PROGRAMS.has(basename2(entrypointWords[0])) && !cmdWords?.length) {
    return { role: "toolbox", reason: `its ENTRYPOINT is the tool \`${entrypointWords[0]}\`, which \`docker run\` hands the arguments of a build or job` };
  }
  const tool = commandLineTool(facts, stage, entrypointWords, cmdWords, context);
  if (tool) {
    return { role: "toolbox", reason: `its ENTRYPOINT \`${tool}\` is a program copied into the image, with no CMD, EXPOSE or HEALTHCHECK: a command-line tool, which \`docker run\` hands its arguments` };
  }
  const chain = [];
  for (let s = stage; s; s = facts.parentOf(s)) chain.push(s);
  const instructions = chain.flatMap((s) => s.instructions);
  const setsCommand = instructions.some((i) => i.keyword === "CMD" || i.keyword === "ENTRYPOINT");
  if (!setsCommand && instructions.some((i) => i.keyword === "ONBUILD")) {
    return { role: "base", reason: "it sets no CMD or ENTRYPOINT and has ONBUILD triggers, for images built FROM it" };
  }
  const chosenBy = setsCommand || command.cmd !== void 0 && command.entrypoint !== void 0 ? null : baseArgument(chain[chain.length - 1].image);
  if (chosenBy) {
    return { role: "base", reason: `it sets no CMD or ENTRYPOINT, and builds on whatever image the build argument ${chosenBy} names, as base images made for several bases do` };
  }
  return { role: "application", reason: "it is the build target" };
}
function nonProductionFolder(folders) {
  const ci = folders.find((f) => CI_FOLDERS.has(f.toLowerCase()));
  if (ci) return { role: "toolbox", reason: `the file is in \`${ci}/\`, a CI system's folder, for the images its jobs run in` };
  for (const folder of folders) {
    const lower = folder.toLowerCase();
    const words3 = lower.split(/[-_.]/).filter(Boolean);
    const dev = words3.find((w) => Object.hasOwn(DEV_FOLDER_WORDS, w));
    if (dev) return { role: "dev-or-test", reason: `the file is in \`${folder}/\`, ${DEV_FOLDER_WORDS[dev]}` };
    if (TEST_FOLDERS.has(lower) || words3.some((w) => TEST_FOLDER_WORD.test(w))) return { role: "dev-or-test", reason: `the file is in \`${folder}/\`, a test folder` };
  }
  return null;
}
var BASE_ARG_WORDS = /* @__PURE__ */ new Set(["BASE", "IMAGE", "OS", "DISTRO", "DISTRIBUTION", "FROM", "PARENT"]);
function baseArgument(image) {
  const whole = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(image);
  if (whole) return whole[1];
  for (const match of image.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
    if (match[1].toUpperCase().split("_").some((w) => BASE_ARG_WORDS.has(w))) return match[1];
  }
  return null;
}
var SCRIPT_NAME = /\.(sh|bash|py|rb|pl|js|mjs|cjs|php|ps1|jar)$/i;
function commandLineTool(facts, stage, entrypoint, cmd, context) {
  const command = facts.command(stage);
  const node = command.entrypointNode;
  if (!node || node.form !== "exec" || !entrypoint?.length || cmd?.length || command.cmd === void 0) return null;
  const chain = chainOf(facts, stage);
  if (chain.some((s) => s.instructions.some((i) => i.keyword === "EXPOSE" || i.keyword === "HEALTHCHECK"))) return null;
  const image = facts.baseImage(stage);
  const info = image === null ? null : describeImage(image);
  if (!info || info.family === null) return null;
  const defaults = info.defaults;
  if (defaults?.cmd?.length && SELF_REAPING_SERVERS[programKey(defaults.cmd[0])] !== void 0) return null;
  const [program, ...args] = entrypoint;
  const name = basename2(program);
  const key = programKey(program);
  if (SELF_REAPING_SERVERS[key] !== void 0 || ONE_SHOT_TOOLS.has(key) || SCRIPT_NAME.test(name) || ENTRYPOINT_SCRIPT.test(name)) return null;
  const lower = name.toLowerCase();
  if (lower.split(/[-_.]/).some((w) => SERVICE_NAME_WORDS.has(w)) || [...SERVICE_NAME_WORDS].some((w) => w.length >= 5 && lower.includes(w))) return null;
  if (args.some((a) => SERVICE_ARGS.has(a) || LISTEN_OPTION.test(a))) return null;
  const last = stage.instructions[stage.instructions.length - 1];
  if ([...facts.envAt(last).keys()].some((k) => /(^|_)PORT$/i.test(k))) return null;
  const copied = copiedProgram(facts, stage, program);
  if (!copied || copied.compiled) return null;
  if (copied.copy.from === null && context) {
    const source = copied.copy.sources.find((s) => basename2(s.replace(/\/+$/, "")) === basename2(copied.path)) ?? (copied.copy.sources.length === 1 ? copied.copy.sources[0] : null);
    const text = source && !/[*?[]/.test(source) && !/^[a-z]+:\/\//i.test(source) ? context.read(source.replace(/^\.\//, "")) : null;
    if (text?.startsWith("#!")) return null;
  }
  return entrypoint.join(" ");
}
function rootImageName(facts, stage) {
  const image = facts.baseImage(stage);
  if (image === null) return null;
  const name = image.split("@")[0].replace(/:[^/]*$/, "").toLowerCase();
  return name.replace(/^(docker\.io\/)?(library\/)?/, "");
}
function initHelps(role) {
  return role.role === "application";
}
function chainOf(facts, stage) {
  const chain = [];
  for (let s = stage; s; s = facts.parentOf(s)) chain.push(s);
  return chain;
}
function packagedRelease(facts, stage, context) {
  const chain = chainOf(facts, stage);
  let version = null;
  let copies = 0;
  for (const s of chain) {
    for (const node of s.instructions) {
      if (node.keyword === "ENV") {
        const name = /^\s*([A-Z][A-Z0-9_]*_VERSION)[\s=]/.exec(facts.model.rawArguments(node))?.[1];
        if (name) version ??= name;
      }
      const copy = facts.copyOperands(node);
      if (!copy || copy.from !== null) continue;
      copies++;
      for (const source of copy.sources) {
        if (copy.node.keyword === "ADD" && /^[a-z]+:\/\//i.test(source)) continue;
        const name = basename2(source.replace(/\/+$/, ""));
        if (SUPPORT_FILE.test(name) || ENTRYPOINT_SCRIPT.test(name)) continue;
        const text = context && !/[*?[]/.test(source) ? context.read(source.replace(/^\.\//, "")) : null;
        if (text?.startsWith("#!")) continue;
        return null;
      }
    }
  }
  return version && copies > 0 ? version : version && copies === 0 ? version : null;
}

// lib/facts/scripts.ts
import path2 from "node:path";
var SHELL_VALUE_OPTIONS = /* @__PURE__ */ new Set(["-o", "+o", "-O", "+O", "--rcfile", "--init-file"]);
var SYSTEM_BIN = /^\/(usr\/(local\/)?)?s?bin\//;
function scriptRunBy(command, lookup) {
  const w = command.words;
  const program = command.program;
  if (program === null) return null;
  const what = w.map((x) => x ?? "\u2026").slice(0, 3).join(" ");
  if (POSIX_SHELLS.has(program)) {
    let i = 1;
    for (; i < w.length; i++) {
      const word = w[i];
      if (word === null) return unknown(what, "script", "its arguments are computed by the shell");
      if (word === "-c" || /^-[a-zA-Z]+$/.test(word) && word.includes("c")) {
        const text = w[i + 1];
        if (text === void 0 || text === null) return unknown(what, "inline", "its script is computed by the shell");
        const root = lookup.shell.parse(text).rootNode;
        return root.hasError ? unknown(what, "inline", "dfmod cannot parse its script") : { what, kind: "inline", file: null, roots: [root], unknown: null };
      }
      if (word === "--" || word === "-") {
        i++;
        break;
      }
      if (SHELL_VALUE_OPTIONS.has(word)) {
        i++;
        continue;
      }
      if (!word.startsWith("-") && !word.startsWith("+")) break;
    }
    if (i >= w.length) return unknown(what, "script", "it reads its script from standard input");
    return fileScript(what, w[i], lookup);
  }
  if (program === "." || program === "source") {
    return w[1] ? fileScript(what, w[1], lookup) : unknown(what, "script", "it names no file");
  }
  if (program === "make" || program === "gmake") return makeRun(what, command, lookup);
  const first = w[0];
  if (first.includes("/")) return SYSTEM_BIN.test(first) && typeof contextFile(first, lookup) !== "string" ? null : fileScript(what, first, lookup);
  for (const dir of DEFAULT_PATH) {
    if (typeof contextFile(`${dir}/${first}`, lookup) === "string") return fileScript(what, `${dir}/${first}`, lookup);
  }
  return null;
}
function unknown(what, kind, why) {
  return { what, kind, file: null, roots: null, unknown: why };
}
function fileScript(what, word, lookup) {
  if (word === null) return unknown(what, "script", "its path is computed by the shell");
  const file = contextFile(word, lookup);
  if (typeof file !== "string") return unknown(what, "script", file.why);
  const text = lookup.context.read(file);
  if (text === null) return unknown(what, "script", `${file} cannot be read from the build context`);
  if (/^#!.*\b(python|perl|ruby|node)/.test(text)) return unknown(what, "script", `${file} is not a shell script`);
  const root = lookup.shell.parse(text).rootNode;
  if (root.hasError) return { what, kind: "script", file, roots: null, unknown: `dfmod cannot parse ${file}` };
  return { what, kind: "script", file, roots: [root], unknown: null };
}
function contextFile(word, lookup) {
  if (!lookup.context) return { why: "no build context is known" };
  let target;
  if (word.startsWith("/")) target = path2.posix.normalize(word);
  else if (lookup.workdir !== null) target = path2.posix.resolve(lookup.workdir, word);
  else return { why: "the WORKDIR is not known" };
  for (const copy of [...lookup.copies].reverse()) {
    if (copy.from !== null || copy.node.keyword === "ADD" && copy.sources.some((s) => /^[a-z]+:\/\//i.test(s))) {
      if (copy.destResolved !== null && covers(copy.destResolved, target)) return { why: `${word} may come from \`${copy.node.keyword} ${copy.sources.join(" ")}\`` };
      continue;
    }
    if (copy.destResolved === null) return { why: `a ${copy.node.keyword} with a destination dfmod cannot resolve may have put ${word} there` };
    for (const raw of copy.sources) {
      const source = path2.posix.normalize(raw.replace(/^\.\//, "")).replace(/\/+$/, "") || ".";
      if (/[*?[]/.test(source)) {
        if (covers(copy.destResolved, target)) return { why: `${word} may come from the pattern \`${raw}\`` };
        continue;
      }
      const isFolder = source === "." || lookup.context.list(source).length > 0 && lookup.context.read(source) === null;
      let candidate = null;
      if (isFolder) {
        if (covers(copy.destResolved, target)) candidate = path2.posix.join(source, path2.posix.relative(copy.destResolved, target));
      } else if (target === path2.posix.join(copy.destResolved, path2.posix.basename(source))) {
        candidate = source;
      } else if (!copy.destIsDirectory && target === copy.destResolved) candidate = source;
      if (candidate !== null) {
        candidate = path2.posix.normalize(candidate);
        if (lookup.context.isIgnored(candidate)) return { why: `.dockerignore keeps ${candidate} out of the build context` };
        if (lookup.context.read(candidate) === null) continue;
        return candidate;
      }
    }
  }
  return { why: `no COPY of the stage puts ${word} there from the build context` };
}
var covers = (folder, target) => folder === "/" || target === folder || target.startsWith(folder + "/");
var MAKE_VALUE_OPTIONS = /* @__PURE__ */ new Set(["-C", "-f", "--file", "--makefile", "--directory", "-I", "--include-dir", "-j", "--jobs", "-l", "-o", "-W"]);
var MAKEFILES = ["GNUmakefile", "makefile", "Makefile"];
function makeRun(what, command, lookup) {
  const w = command.words;
  let dir = null;
  let file = null;
  const targets2 = [];
  for (let i = 1; i < w.length; i++) {
    const word = w[i];
    if (word === null) return unknown(what, "make", "its arguments are computed by the shell");
    if (word === "-C" || word === "--directory") dir = w[++i] ?? null;
    else if (word === "-f" || word === "--file" || word === "--makefile") file = w[++i] ?? null;
    else if (MAKE_VALUE_OPTIONS.has(word)) i++;
    else if (word.startsWith("-")) continue;
    else if (word.includes("=")) continue;
    else targets2.push(word);
  }
  const base = dir === null ? "." : dir;
  const names = file !== null ? [file.startsWith("/") ? file : path2.posix.join(base, file)] : MAKEFILES.map((m) => path2.posix.join(base, m));
  let found = { why: "no Makefile" };
  for (const name of names) {
    found = contextFile(name, lookup);
    if (typeof found === "string") break;
  }
  if (typeof found !== "string") return unknown(what, "make", `its Makefile is not known: ${found.why}`);
  const text = lookup.context.read(found);
  const recipes = makeRecipes(text, targets2);
  if ("why" in recipes) return { what, kind: "make", file: found, roots: null, unknown: recipes.why };
  const roots = [];
  for (const recipe of recipes.lines) {
    const root = lookup.shell.parse(recipe).rootNode;
    if (root.hasError) return { what, kind: "make", file: found, roots: null, unknown: `dfmod cannot parse the recipe \`${recipe}\`` };
    roots.push(root);
  }
  return { what, kind: "make", file: found, roots, unknown: null };
}
function makeRecipes(text, targets2) {
  const rules = /* @__PURE__ */ new Map();
  const variables = /* @__PURE__ */ new Map([["MAKE", "make"], ["CC", "cc"], ["CXX", "g++"], ["RM", "rm -f"], ["SHELL", "/bin/sh"]]);
  let defaultGoal = null;
  let current = [];
  const lines = text.replace(/\\\r?\n/g, " ").split(/\r?\n/);
  for (const line of lines) {
    if (line.startsWith("	")) {
      for (const rule2 of current) rule2.recipe.push(line.slice(1));
      continue;
    }
    const stripped = line.replace(/(^|[^\\])#.*$/, "$1").trim();
    if (!stripped) continue;
    if (/^(ifeq|ifneq|ifdef|ifndef|else|endif|include|-include|sinclude|define|endef|export|override|vpath)\b/.test(stripped)) {
      if (/^(ifeq|ifneq|ifdef|ifndef|include|-include|sinclude|define)\b/.test(stripped)) return { why: "its Makefile uses conditionals, includes or defines" };
      continue;
    }
    const assignment = /^([A-Za-z_][A-Za-z0-9_.]*)\s*(\?|:|::|\+|!)?=\s*(.*)$/.exec(stripped);
    if (assignment) {
      const [, name, op, value] = assignment;
      if (name === ".DEFAULT_GOAL") defaultGoal = value.trim();
      else if (op === "+") variables.set(name, `${variables.get(name) ?? ""} ${value}`.trim());
      else if (op !== "?" || !variables.has(name)) variables.set(name, value);
      current = [];
      continue;
    }
    const rule = /^([^:=]+?)\s*::?\s*(.*)$/.exec(stripped);
    if (!rule) {
      current = [];
      continue;
    }
    const [prereqs, inline] = rule[2].split(";", 2);
    current = [];
    for (const target of rule[1].split(/\s+/)) {
      const entry = rules.get(target) ?? { prerequisites: [], recipe: [] };
      entry.prerequisites.push(...prereqs.split(/\s+/).filter(Boolean));
      if (inline?.trim()) entry.recipe.push(inline.trim());
      rules.set(target, entry);
      current.push(entry);
      if (defaultGoal === null && !target.startsWith(".") && !target.includes("%")) defaultGoal = target;
    }
  }
  const goals = targets2.length ? targets2 : defaultGoal ? [defaultGoal] : [];
  if (!goals.length) return { why: "its Makefile has no target" };
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const visit = (target, depth) => {
    if (seen.has(target)) return null;
    seen.add(target);
    const rule = rules.get(target);
    if (!rule) return null;
    if (depth > 20) return "its Makefile nests too deep";
    for (const p of rule.prerequisites) {
      const why = visit(p, depth + 1);
      if (why) return why;
    }
    for (const line of rule.recipe) out.push(shellOfRecipe(line, variables));
    return null;
  };
  for (const goal of goals) {
    if (/[%$]/.test(goal)) return { why: `the target ${goal} is computed` };
    if (!rules.has(goal) && !rules.has("%")) return { why: `its Makefile has no rule for ${goal}` };
    const why = visit(goal, 0);
    if (why) return { why };
  }
  return { lines: out };
}
function shellOfRecipe(line, variables) {
  let text = line.trim().replace(/^[@+-]+/, "");
  for (let round = 0; round < 5; round++) {
    const next = text.replace(/\$[({]([A-Za-z_][A-Za-z0-9_.]*)[)}]/g, (whole, name) => variables.get(name) ?? whole);
    if (next === text) break;
    text = next;
  }
  return text.replace(/\$\$/g, "\0").replace(/\$[@<^*?+|]/g, "target").replace(/\u0000/g, "$");
}

// lib/facts/meaning.ts
function imageMeaning(facts) {
  const model = facts.model;
  const stages = model.stages.map((stage) => stageMeaning(facts, model, stage));
  return { stages, deployed: model.finalStage ? model.finalStage.index : null };
}
function stageMeaning(facts, model, stage) {
  const parent = facts.parentOf(stage);
  const uses2 = [...new Set([...facts.copiedFrom(stage), ...mountedStages(facts, stage)].map((s) => s.index))].sort((a, b) => a - b);
  const steps = [];
  for (const node of stage.instructions) {
    if (node.keyword === "RUN") steps.push(runStep(facts, model, node));
    else if (node.keyword === "COPY" || node.keyword === "ADD") steps.push(copyStep(facts, model, node));
  }
  return {
    index: stage.index,
    line: stage.from.line,
    name: stage.name,
    base: facts.baseImage(stage) ?? stage.image,
    platform: stage.platform,
    parent: parent ? parent.index : null,
    uses: uses2,
    config: stageConfig(facts, model, stage),
    steps
  };
}
function mountedStages(facts, stage) {
  return facts.mountedFrom(stage);
}
function stageConfig(facts, model, stage) {
  const end = facts.stageEnd(stage);
  const chain = [];
  for (let s = stage; s; s = facts.parentOf(s)) chain.unshift(s);
  const expose = /* @__PURE__ */ new Set();
  const volume = /* @__PURE__ */ new Set();
  const label = {};
  const onbuild = [];
  let stopsignal = null;
  let healthcheck = null;
  for (const s of chain) {
    for (const node of s.instructions) {
      const text = argsText(model, node);
      switch (node.keyword) {
        case "EXPOSE":
          for (const port of words2(text)) expose.add(normalPort(facts.expand(node, port) ?? port));
          break;
        case "VOLUME":
          for (const v of volumeList(text)) volume.add(facts.expand(node, v) ?? v);
          break;
        case "LABEL":
          Object.assign(label, labels(node));
          break;
        case "STOPSIGNAL":
          stopsignal = text;
          break;
        case "HEALTHCHECK":
          healthcheck = [...node.flags.map((f) => f.text).sort(), normalSpace(text)].join(" ");
          break;
        case "ONBUILD":
          onbuild.push(normalSpace(text));
          break;
      }
    }
  }
  return {
    env: record(end.env),
    arg: record(end.args),
    user: end.user,
    workdir: end.workdir,
    shell: end.shell ? JSON.stringify(end.shell) : null,
    expose: [...expose].sort(),
    volume: [...volume].sort(),
    label,
    stopsignal,
    healthcheck,
    onbuild,
    command: commandMeaning(facts, stage)
  };
}
function commandMeaning(facts, stage) {
  const command = facts.command(stage);
  const show2 = (argv) => argv === void 0 ? void 0 : JSON.stringify(argv);
  let process2;
  let stored;
  let takesArguments;
  if (command.entrypoint !== void 0 && command.cmd !== void 0) stored = [...command.entrypoint ?? [], ...command.cmd ?? []];
  if (command.entrypoint === void 0) {
    process2 = void 0;
  } else if (command.entrypoint !== null && command.entrypoint.length > 0) {
    const node = command.entrypointNode;
    const ignoresArguments = node?.form === "shell" && !readsArguments(facts, node);
    takesArguments = !ignoresArguments;
    if (ignoresArguments) process2 = directArgv(facts, node) ?? command.entrypoint;
    else process2 = command.cmd === void 0 ? void 0 : [...command.entrypoint, ...passedCommand(facts, command)];
  } else if (command.cmd !== void 0) {
    takesArguments = true;
    process2 = command.cmd === null ? [] : command.cmdNode?.form === "shell" ? directArgv(facts, command.cmdNode) ?? command.cmd : command.cmd;
  }
  const written = (node) => {
    if (!node) return null;
    const argv = facts.argvOf(node);
    return JSON.stringify([node.form === "shell" ? "shell" : "exec", argv ? argv.direct ?? argv.stored : null]);
  };
  return {
    entrypoint: show2(command.entrypoint),
    cmd: show2(command.cmd),
    stored,
    process: process2,
    takesArguments,
    written: { entrypoint: written(command.entrypointNode), cmd: written(command.cmdNode) }
  };
}
function passedCommand(facts, command) {
  const cmd = command.cmd ?? [];
  const node = command.cmdNode;
  const actsOn = command.entrypointActsOn;
  if (!node || node.form !== "shell" || actsOn === null) return cmd;
  const direct = directArgv(facts, node);
  if (!direct || direct.length === 0) return cmd;
  const first = direct[0];
  const plainCommand = !first.startsWith("-") && (!first.includes("/") || first.startsWith("/"));
  const passes = (word) => !actsOn.includes(word) && !actsOn.includes(word.split("/").pop());
  return plainCommand && passes(first) && passes(cmd[0] ?? "") ? direct : cmd;
}
function readsArguments(facts, node) {
  const read = facts.readRun(node);
  return read.kind !== "script" || readsPositionalParameters(read.root);
}
function directArgv(facts, node) {
  return facts.argvOf(node)?.direct ?? null;
}
function runStep(facts, model, node) {
  const read = facts.readRun(node);
  const commands = read.kind === "script" ? facts.commandsOf(read).map((c) => normalSpace(c.command.node.text)) : [normalSpace(argsText(model, node))];
  return { kind: "RUN", line: node.line, commands, context: contextOf(facts, node, true) };
}
function copyStep(facts, model, node) {
  const operands = facts.copyOperands(node);
  const what = operands ? JSON.stringify([node.flags.map((f) => f.text).sort(), operands.sources, operands.destResolved ?? operands.dest]) : normalSpace(argsText(model, node));
  return { kind: node.keyword, line: node.line, what, context: contextOf(facts, node, false) };
}
function contextOf(facts, node, run) {
  if (!run) return JSON.stringify({ user: facts.userAt(node) });
  return JSON.stringify({
    flags: node.flags.map((f) => f.text).sort(),
    user: facts.userAt(node),
    workdir: facts.workdirAt(node),
    shell: facts.shellAt(node),
    env: record(facts.envAt(node)),
    args: record(facts.argsAt(node))
  });
}
function argsText(model, node) {
  return model.logicalText(node.argsStart, node.end).text.trim();
}
function normalSpace(text) {
  return text.replace(/\s+/g, " ").trim();
}
function words2(text) {
  return text.split(/\s+/).filter(Boolean);
}
function normalPort(port) {
  return /\/tcp$/i.test(port) ? port.slice(0, -4) : port.toLowerCase();
}
function volumeList(text) {
  if (text.startsWith("[")) {
    try {
      const list = JSON.parse(text);
      if (Array.isArray(list)) return list.map(String);
    } catch {
    }
  }
  return words2(text);
}
function labels(node) {
  const result = {};
  const properties = node.ast.getProperties?.() ?? [];
  for (const property of properties) result[property.getName()] = property.getValue() ?? "";
  return result;
}
function record(map) {
  return Object.fromEntries([...map].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
}

// lib/facts/app-files.ts
import path3 from "node:path";
var EXTENSIONS = {
  go: [".go"],
  java: [".java"],
  c: [".c", ".cc", ".cpp", ".h"],
  js: [".js", ".mjs", ".cjs", ".ts"],
  python: [".py"]
};
var READ_CALLS = {
  go: /\b(os\.(?:Open|OpenFile|ReadFile|ReadDir|Stat|DirFS)|ioutil\.(?:ReadFile|ReadDir)|http\.Dir|template\.(?:ParseFiles|ParseGlob|Must\(template\.ParseFiles)|http\.ServeFile\([^,]*,[^,]*,)\(?\s*(`[^`]*`|"(?:[^"\\]|\\.)*"|[^)\s,]*)/g,
  // java.nio's Files.* take a Path: the Path.of or Paths.get that made it names the file.
  java: /\b(new\s+File(?:InputStream|Reader)?|Paths\.get|Path\.of)\(\s*("(?:[^"\\]|\\.)*"|[^)\s,]*)/g,
  c: /\b(fopen|open|opendir|ifstream)\s*\(\s*("(?:[^"\\]|\\.)*"|[^)\s,]*)/g
};
var RUN_CALLS = {
  go: /\bexec\.Command(?:Context\([^,]*,)?\(\s*"([^"]*)"/g,
  java: /\b(?:new\s+ProcessBuilder|\.exec)\(\s*(?:List\.of\(|Arrays\.asList\(|new\s+String\[\]\s*\{)?\s*"([^"]*)"/g,
  c: /\b(?:system|popen|execlp|execvp)\s*\(\s*"([^"]*)"/g,
  js: /\b(?:execSync|execFileSync|spawnSync|exec|execFile|spawn)\(\s*["'`]([^"'`]*)["'`]/g,
  python: /\b(?:subprocess\.(?:run|call|check_call|check_output|Popen)|os\.system|os\.popen)\(\s*\[?\s*f?["']([^"']*)["']/g
};
function sourceFiles(context, languages, limit = 2e3) {
  const found = [];
  const visit = (dir, depth) => {
    if (depth > 12 || found.length >= limit) return;
    for (const name of context.list(dir)) {
      if (name === ".git" || name === "node_modules" || name === "vendor") continue;
      const rel = dir === "." ? name : `${dir}/${name}`;
      if (context.isIgnored(rel)) continue;
      const language = languages.find((l) => EXTENSIONS[l].some((ext) => name.endsWith(ext)));
      if (language && context.read(rel) !== null) found.push({ file: rel, language });
      else if (context.list(rel).length) visit(rel, depth + 1);
    }
  };
  visit(".", 0);
  return found;
}
function fileReads(context, languages) {
  const reads = [];
  for (const { file, language } of sourceFiles(context, languages)) {
    const pattern = READ_CALLS[language];
    if (!pattern) continue;
    for (const match of (context.read(file) ?? "").matchAll(pattern)) {
      if (/^(Path\.of|Paths\.get|new)\b/.test(match[2])) continue;
      const call = match[1].replace(/\($/, "").replace(/^new\s+/, "new ");
      reads.push({ path: stringLiteral(match[2]), call, file });
    }
  }
  return reads;
}
function programRuns(context, languages, parse) {
  const runs2 = [];
  for (const { file, language } of sourceFiles(context, languages)) {
    const pattern = RUN_CALLS[language];
    if (!pattern) continue;
    for (const match of (context.read(file) ?? "").matchAll(pattern)) {
      const program = match[1].trim().split(/\s+/)[0];
      if (program) runs2.push({ program: path3.posix.basename(program), file });
    }
  }
  for (const { file } of shellScripts(context)) {
    for (const command of simpleCommands(parse(context.read(file) ?? ""))) {
      if (command.name) runs2.push({ program: path3.posix.basename(command.name), file });
    }
  }
  return runs2;
}
function shellScripts(context) {
  const found = [];
  const visit = (dir, depth) => {
    if (depth > 6 || found.length >= 200) return;
    for (const name of context.list(dir)) {
      if (name === ".git" || name === "node_modules") continue;
      const rel = dir === "." ? name : `${dir}/${name}`;
      if (name.endsWith(".sh") && context.read(rel) !== null) found.push({ file: rel });
      else if (context.list(rel).length) visit(rel, depth + 1);
    }
  };
  visit(".", 0);
  return found;
}
function stringLiteral(text) {
  if (/^`[^`]*`$/.test(text)) return text.slice(1, -1);
  if (/^"(?:[^"\\]|\\.)*"$/.test(text) && !text.includes("\\")) return text.slice(1, -1);
  return null;
}
function runMakes(commands, workdir) {
  const makes = { folders: [], owners: /* @__PURE__ */ new Map(), modes: [], computed: false };
  const resolve = (word) => word.startsWith("/") ? path3.posix.normalize(word) : workdir === null ? null : path3.posix.resolve(workdir, word);
  for (const command of commands) {
    if (!["mkdir", "chown", "chmod"].includes(command.program ?? "")) continue;
    const args = command.words.slice(1);
    if (args.some((a) => a === null)) {
      makes.computed = true;
      continue;
    }
    const words3 = args;
    const flags = words3.filter((w) => w.startsWith("-"));
    const operands = words3.filter((w) => !w.startsWith("-"));
    if (command.program === "mkdir") {
      const modeAt = words3.findIndex((w) => w === "-m" || w === "--mode");
      const named = operands.filter((w) => modeAt === -1 || w !== words3[modeAt + 1]);
      for (const word of named) {
        const resolved = resolve(word);
        if (resolved === null) makes.computed = true;
        else makes.folders.push(resolved);
        if (modeAt !== -1 || flags.some((f) => f.startsWith("--mode=") || /^-[^-]*m/.test(f))) {
          if (resolved) makes.modes.push(resolved);
        }
      }
      continue;
    }
    const [first, ...targets2] = operands;
    const recursive = flags.some((f) => f === "-R" || f === "--recursive" || /^-[^-]*R/.test(f));
    for (const word of targets2) {
      const resolved = resolve(word);
      if (resolved === null) {
        makes.computed = true;
        continue;
      }
      if (command.program === "chown") makes.owners.set(resolved, { owner: first, recursive });
      else makes.modes.push(resolved);
    }
  }
  return makes;
}
function redirectTargets(root) {
  const targets2 = [];
  walk(root, (n) => {
    if (n.type !== "file_redirect") return;
    const target = n.childForFieldName("destination");
    const value = target ? literalValue(target) : null;
    if (value === "/dev/null" || /^&?\d$/.test(value ?? "") || /^\d?>&/.test(n.text) || n.text.trimStart().startsWith("<")) return;
    targets2.push({ text: n.text, path: value });
  });
  return targets2;
}

// lib/facts/index.ts
var GLOB = /[*?[]/;
var EMPTY = /* @__PURE__ */ new Map();
var DIRECTORY_CHANGERS = /* @__PURE__ */ new Set(["cd", "pushd", "popd"]);
var DEFAULT_SHELL = ["/bin/sh", "-c"];
var WINDOWS_SHELL = ["cmd", "/S", "/C"];
var SCRATCH = { entrypoint: null, cmd: null, user: null, workdir: "/" };
var unknownImage = () => null;
var FileFacts = class {
  constructor(model, shell2, options = {}) {
    this.model = model;
    this.shell = shell2;
    this.imageDefaults = options.imageDefaults ?? unknownImage;
  }
  model;
  shell;
  scans = /* @__PURE__ */ new Map();
  runs = /* @__PURE__ */ new Map();
  argvs = /* @__PURE__ */ new Map();
  copies = /* @__PURE__ */ new Map();
  commands = /* @__PURE__ */ new Map();
  copied = /* @__PURE__ */ new Map();
  /** By parsed script: transforms ask for a RUN's commands once per question they ask of it. */
  runCommands = /* @__PURE__ */ new WeakMap();
  users = null;
  imageDefaults;
  // ------------------------------------------------------------ per instruction
  /**
   * The working directory `node` runs in (for a WORKDIR, the one before it),
   * as BuildKit resolves it: a relative WORKDIR joins the previous one,
   * variables expand from the ENV/ARG in scope (ARG defaults: a --build-arg
   * may differ), and a stage built FROM another starts in that one's. A stage
   * on an external image starts in the image's WORKDIR: '/' for scratch or
   * when imageDefaults gives it, otherwise unknown, so a relative WORKDIR
   * there is unknown too. Windows paths are not resolved (null).
   */
  workdirAt(node) {
    return this.scopeAt(node).workdir;
  }
  /** The USER in effect (variables expanded when known), inherited from parent stages; null for root/the image default. */
  userAt(node) {
    return this.scopeAt(node).user;
  }
  /** The SHELL in effect (its JSON array), inherited from parent stages; null for the default shell. */
  shellAt(node) {
    return this.scopeAt(node).shell;
  }
  /** ENV set in the file and in scope at `node` (before it), inherited from parent stages; a value is null when it cannot be known. */
  envAt(node) {
    return this.scopeAt(node).env;
  }
  /**
   * The folders at the front of PATH at `node` that ENV names literally,
   * before the PATH it inherits: `['/opt/venv/bin']` after
   * `ENV PATH=/opt/venv/bin:$PATH` (envAt's value is unknown there, since
   * the base image's PATH is). Inherited from parent stages; empty when no
   * ENV sets PATH, or when its first folder is computed.
   */
  pathHeadAt(node) {
    return node.stage ? this.pathHead(node.stage, node.index) : [];
  }
  /**
   * ARGs in scope at `node` with their defaults (null: none, or computed). A
   * stage sees a global ARG only when it declares it again (`ARG NAME`, which
   * takes the global default); ARGs pass on to stages built FROM the stage.
   */
  argsAt(node) {
    return this.scopeAt(node).args;
  }
  /** A Dockerfile word (`$HOME/app`, `"${V:-1}"`) expanded with what is in scope at `node`; null when unknown. */
  expand(node, word) {
    return expandWord(word, this.lookup(this.scopeAt(node), node.stage), this.model.escapeChar);
  }
  /** The operands of a COPY or ADD; null for other instructions and heredoc COPY. */
  copyOperands(node) {
    if (node.keyword !== "COPY" && node.keyword !== "ADD") return null;
    let operands = this.copies.get(node);
    if (operands === void 0) {
      operands = this.readCopy(node);
      this.copies.set(node, operands);
    }
    return operands;
  }
  /**
   * The one RUN reader: the parsed shell script of a RUN (shell-form CMD and
   * ENTRYPOINT read the same way), or why dfmod does not read it: a heredoc,
   * JSON form, nothing to run, a Windows image, a SHELL that is not POSIX, or
   * a syntax error.
   */
  readRun(node) {
    let read = this.runs.get(node);
    if (!read) {
      read = readRunScript(this.model, this.shell, node);
      this.runs.set(node, read);
    }
    return read;
  }
  /** The simple commands of a read RUN, past their wrappers. */
  commandsOf(run) {
    let commands = this.runCommands.get(run.root);
    if (!commands) {
      commands = commandsOf(run);
      this.runCommands.set(run.root, commands);
    }
    return commands;
  }
  /**
   * The RUNs after `node` that see the files it leaves, as branches: first the
   * rest of its own stage, then, one branch each, the stages built FROM it
   * (directly or through other stages, also through a global ARG), each from
   * its first instruction on. Empty for an instruction outside any stage.
   */
  laterRuns(node) {
    const stage = node.stage;
    if (!stage) return [];
    const branches = [stage.instructions.filter((i) => i.index > node.index)];
    for (const other of this.model.stages) {
      if (other === stage) continue;
      for (let parent = this.parentOf(other); parent; parent = this.parentOf(parent)) {
        if (parent === stage) {
          branches.push(other.instructions.slice(1));
          break;
        }
      }
    }
    return branches.map((branch) => branch.filter((i) => i.keyword === "RUN"));
  }
  /**
   * What a command of the RUN `node` runs besides its own words: a script
   * file or Makefile recipes read from the build context (where a COPY/ADD
   * of the stage or the stages it builds on put them), or inline `sh -c`
   * text; null when it runs only its own program.
   */
  scriptRunBy(node, command, context, within) {
    const copies = [];
    const chain = [];
    for (let stage = node.stage; stage; stage = this.parentOf(stage)) chain.unshift(stage);
    for (const stage of chain) {
      for (const instruction2 of stage.instructions) {
        if (instruction2.stage === node.stage && instruction2.index >= node.index) break;
        const operands = this.copyOperands(instruction2);
        if (operands) copies.push(operands);
      }
    }
    const read = this.readRun(node);
    const moves = (root) => this.commandsOf({ root }).some((c) => c.program !== null && DIRECTORY_CHANGERS.has(c.program));
    const moved = read.kind === "script" && moves(read.root) || within !== void 0 && moves(within.root);
    return scriptRunBy(command, { context, shell: this.shell, workdir: moved ? null : this.workdirAt(node), copies });
  }
  /** The argv of a CMD, ENTRYPOINT or RUN; null for other instructions, heredocs and empty ones. */
  argvOf(node) {
    let argv = this.argvs.get(node);
    if (argv === void 0) {
      argv = this.readArgv(node);
      this.argvs.set(node, argv);
    }
    return argv;
  }
  // ------------------------------------------------------------ per stage
  /** The earlier stage `stage` builds on (`FROM build`, also through a global ARG), or null. */
  parentOf(stage) {
    return stage.parent;
  }
  /** The external image at the root of the FROM chain, global ARGs substituted; null when an ARG has no literal default. */
  baseImage(stage) {
    return baseImageOf(this.model, stage);
  }
  /** The one Windows predicate (the root image or its --platform is Windows). */
  isWindows(stage) {
    return isWindowsStage(this.model, stage);
  }
  /** ENV, ARGs, WORKDIR, USER and SHELL at the end of the stage: what its image carries (ARGs: what a stage built FROM it sees). */
  stageEnd(stage) {
    return this.scan(stage).end;
  }
  /** The working directory at the end of the stage: where its container starts. */
  finalWorkdir(stage) {
    return this.scan(stage).end.workdir;
  }
  /**
   * ENTRYPOINT and CMD as Docker resolves them: the base image's (from
   * imageDefaults), then each stage of the FROM chain in order; a new
   * ENTRYPOINT resets a CMD inherited from an earlier stage or the image.
   */
  command(stage) {
    let command = this.commands.get(stage);
    if (!command) {
      command = this.resolveCommand(stage);
      this.commands.set(stage, command);
    }
    return command;
  }
  /**
   * Whether the stage starts with apt package lists an earlier stage of its
   * FROM chain downloaded (`apt-get update`) and did not delete: lists the
   * stage did not make, which its own installs may read. A RUN dfmod cannot
   * read counts as leaving them as they were.
   */
  aptListsInherited(stage) {
    const chain = [];
    for (let s = this.parentOf(stage); s; s = this.parentOf(s)) chain.unshift(s);
    let left = false;
    for (const s of chain) {
      for (const node of s.instructions) {
        if (node.keyword !== "RUN") continue;
        const read = this.readRun(node);
        if (read.kind !== "script") continue;
        for (const c of this.commandsOf(read)) {
          const manager = managerCommand(c.words);
          if (manager && (manager.manager === "apt-get" || manager.manager === "apt") && manager.subcommand === "update") left = true;
          else if (c.program === "rm" && c.nodes.some((n) => /^\/var\/lib\/apt\/lists\/?\*?$/.test(n.text.replace(/["']/g, "")))) left = false;
        }
      }
    }
    return left;
  }
  /** The stages `stage` copies files from with COPY --from (by name or index), in order, each once. */
  copiedFrom(stage) {
    let stages = this.copied.get(stage);
    if (!stages) {
      stages = [];
      for (const node of stage.instructions) {
        const from = this.copyOperands(node)?.fromStage;
        if (from && !stages.includes(from)) stages.push(from);
      }
      this.copied.set(stage, stages);
    }
    return stages;
  }
  /** The stages built FROM `stage`, directly or through others (also through a global ARG), in file order. */
  stagesBuiltOn(stage) {
    return this.model.stages.filter((other) => {
      for (let parent = this.parentOf(other); parent; parent = this.parentOf(parent)) if (parent === stage) return true;
      return false;
    });
  }
  /** What the ENTRYPOINT in effect at the end of `stage` does with the CMD (see CmdReceiver). */
  cmdReceiver(stage) {
    const command = this.command(stage);
    const node = command.entrypointNode;
    if (command.entrypoint === null) return { kind: "none" };
    if (node?.form === "shell") return { kind: "ignored", node };
    if (command.entrypoint === void 0) return node ? { kind: "unknown", node, entrypoint: null } : { kind: "unknown-image" };
    const wrapped = afterInitWrapper(command.entrypoint);
    const init = wrapped ? command.entrypoint[0] : null;
    const rest = wrapped ?? command.entrypoint;
    if (!rest.length) return { kind: "runs", node, init, script: null };
    const image = this.baseImage(stage);
    const defaults = this.defaultsOf(stage);
    const own = defaults?.entrypoint;
    const same = own && own.length === rest.length && own.every((word, i) => word === rest[i] || i === 0 && basename3(word) === basename3(rest[0]));
    if (image && same && defaults?.entrypointActsOn) {
      return { kind: "runs", node, init, script: { argv: rest, image, actsOn: defaults.entrypointActsOn, commands: defaults.entrypointCommands ?? [] } };
    }
    return { kind: "unknown", node, entrypoint: command.entrypoint };
  }
  /**
   * The context file a path of the image holds at `node` (before it), when a
   * COPY or ADD of the stage or a stage it builds on put it there from the
   * build context (COPY --from another stage followed into that stage).
   * null: no COPY of the file puts it there (a RUN made it, or the base
   * image has it); undefined: dfmod cannot tell (a destination or source it
   * cannot resolve, a glob, ADD of a URL or archive).
   */
  contextFileAt(node, imagePath, context) {
    const stage = node.stage;
    if (!stage) return null;
    return this.traceFile(stage, node.index, path4.posix.normalize(imagePath), context, 0);
  }
  /**
   * The file a command name runs: a path (relative to the working directory
   * the container starts in), or a name looked up on the PATH in effect at
   * `node`, traced to the context as contextFileAt does. For a name, the
   * first PATH folder a COPY fills wins; null when none does.
   */
  programFile(node, program, context) {
    const stage = node.stage;
    if (!stage) return null;
    if (program.includes("/")) {
      const workdir = this.finalWorkdir(stage);
      if (!program.startsWith("/") && workdir === null) return { path: program, source: void 0 };
      const full = path4.posix.resolve(workdir ?? "/", program);
      return { path: full, source: this.contextFileAt(node, full, context) };
    }
    const pathVariable = this.envAt(node).get("PATH");
    for (const dir of (pathVariable === void 0 ? DEFAULT_PATH : (pathVariable ?? "").split(":")).filter((d) => d.startsWith("/"))) {
      const full = path4.posix.join(dir, program);
      const source = this.contextFileAt(node, full, context);
      if (source !== null) return { path: full, source };
    }
    return null;
  }
  /** The stages that use `stage`: build FROM it, COPY --from it, or RUN --mount from it. */
  usedBy(stage) {
    if (!this.users) {
      const users = /* @__PURE__ */ new Map();
      const add = (used, by) => {
        const list = users.get(used) ?? [];
        if (!list.includes(by)) list.push(by);
        users.set(used, list);
      };
      for (const s of this.model.stages) {
        const parent = this.parentOf(s);
        if (parent) add(parent, s);
        for (const used of this.copiedFrom(s)) add(used, s);
        for (const used of this.mountedFrom(s)) add(used, s);
      }
      this.users = users;
    }
    return this.users.get(stage) ?? [];
  }
  // ------------------------------------------------------------ the build
  /** The build target: the stage named `target`, or the last stage; null when there is none. */
  deployedStage(target) {
    if (target === void 0) return this.model.finalStage;
    return this.model.stages.find((s) => s.name === target.toLowerCase()) ?? null;
  }
  /** Whether `stage` is the build target: its image is what the build produces. Stages other stages only build on or copy from are not. */
  isDeployed(stage, target) {
    return this.deployedStage(target) === stage;
  }
  /**
   * Whether the layers of `stage` ship: it is the build target or a stage the
   * target is built FROM. A stage that is only copied or mounted from is
   * built but its layers are discarded.
   */
  shipsLayers(stage, target) {
    for (let s = this.deployedStage(target); s; s = this.parentOf(s)) if (s === stage) return true;
    return false;
  }
  /** The stages a build of `target` runs: the target and every stage it builds on, copies or mounts from. */
  builtStages(target) {
    const built = /* @__PURE__ */ new Set();
    const pending = [this.deployedStage(target)].filter((s) => s !== null);
    while (pending.length) {
      const stage = pending.pop();
      if (built.has(stage)) continue;
      built.add(stage);
      const parent = this.parentOf(stage);
      if (parent) pending.push(parent);
      pending.push(...this.copiedFrom(stage), ...this.mountedFrom(stage));
    }
    return built;
  }
  /** What a stage is for, with the reason (see roles.ts for the rules). */
  stageRole(stage, filename, target, context = null) {
    return roleOf(this, stage, filename, target, context);
  }
  /**
   * Whether an init as PID 1 helps the stage's container: it is the deployed
   * stage of an application image, whose command runs an application. Not a
   * base, toolbox or official-image definition (every image built FROM it
   * would inherit the init), a dev container, or a dev/test or build stage.
   * The role says which case it is. Nor an application whose PID 1 already
   * is a proper one (`sufficient` says why): a server whose master reaps its
   * workers, a single compiled program, a one-shot CLI tool.
   */
  initHelps(stage, filename, target, context = null) {
    const role = this.stageRole(stage, filename, target, context);
    if (!initHelps(role)) return { helps: false, role, sufficient: null };
    const sufficient = pid1Sufficient(this, stage, context, this.shell);
    return { helps: sufficient === null, role, sufficient };
  }
  // ------------------------------------------------------------ internals
  /** Stages a RUN of `stage` mounts (`--mount=from=<stage>`). */
  mountedFrom(stage) {
    const stages = [];
    for (const node of stage.instructions) {
      if (node.keyword !== "RUN") continue;
      for (const fields of mountFields(node)) {
        const from = fields.get("from");
        const used = from ? this.stageNamed(from, stage) : null;
        if (used && !stages.includes(used)) stages.push(used);
      }
    }
    return stages;
  }
  /** The stage a `--from` value names: an earlier stage's index, or any other stage's name. */
  stageNamed(value, from) {
    const name = value.toLowerCase();
    if (/^\d+$/.test(name)) {
      const index = Number(name);
      return from === null || index < from.index ? this.model.stages[index] ?? null : null;
    }
    return this.model.stages.find((s) => s.name === name && s !== from) ?? null;
  }
  traceFile(stage, before, imagePath, context, depth) {
    if (depth > this.model.stages.length) return void 0;
    const chain = [];
    for (let s = stage; s; s = this.parentOf(s)) chain.push(s);
    for (const s of chain) {
      const instructions = s.instructions.filter((i) => s !== stage || i.index < before).reverse();
      for (const instruction2 of instructions) {
        const copy = this.copyOperands(instruction2);
        if (!copy) continue;
        if (copy.destResolved === null) return void 0;
        for (const source of [...copy.sources].reverse()) {
          const candidate = copySourceOf(copy, source, imagePath, (p) => copy.from === null ? context.exists(p) && context.list(p).length > 0 : null);
          if (candidate === null) continue;
          if (candidate === void 0) return void 0;
          if (copy.from !== null) {
            if (!copy.fromStage) return void 0;
            const end = copy.fromStage.instructions.length ? copy.fromStage.instructions[copy.fromStage.instructions.length - 1].index + 1 : 0;
            const found = this.traceFile(copy.fromStage, end, "/" + candidate, context, depth + 1);
            if (found !== null) return found;
            continue;
          }
          if (instruction2.keyword === "ADD" && /\.(tar|tgz|gz|bz2|xz|zst)$|^[a-z]+:\/\//i.test(source)) return void 0;
          if (context.exists(candidate) && !context.isIgnored(candidate)) return { file: candidate, copy };
        }
      }
    }
    return null;
  }
  pathHead(stage, before) {
    const parent = this.parentOf(stage);
    let head = parent ? this.pathHead(parent, Infinity) : [];
    for (const instruction2 of stage.instructions) {
      if (instruction2.index >= before) break;
      if (instruction2.keyword !== "ENV") continue;
      for (const property of instruction2.ast.getProperties()) {
        if (property.getName() !== "PATH") continue;
        const raw = propertyValueText(this.model, property) ?? "$";
        const quote = /^(["'])(.*)\1$/s.exec(raw);
        const next = [];
        for (const folder of (quote ? quote[2] : raw).split(":")) {
          if ((folder === "$PATH" || folder === "${PATH}") && quote?.[1] !== "'") {
            next.push(...head);
            break;
          }
          if (folder.includes("$") || !folder.startsWith("/")) break;
          next.push(folder);
        }
        head = next;
      }
    }
    return head;
  }
  scopeAt(node) {
    if (!node.stage) return this.globalScope(node);
    return this.scan(node.stage).before.get(node);
  }
  /** Before the first FROM only global ARGs exist. */
  globalScope(node) {
    const args = /* @__PURE__ */ new Map();
    for (const arg of this.model.globalArgs) {
      if (arg.index >= node.index) break;
      const declared = argDeclaration(this.model, arg, (name) => args.has(name) ? args.get(name) : void 0);
      if (declared) args.set(declared.name, declared.value ?? null);
    }
    return { env: EMPTY, args, workdir: null, user: null, shell: null };
  }
  defaultsOf(stage) {
    const image = this.baseImage(stage);
    if (image === null) return null;
    if (image.toLowerCase() === "scratch") return SCRATCH;
    return this.imageDefaults(image);
  }
  scan(stage) {
    let scan = this.scans.get(stage);
    if (scan) return scan;
    const parent = this.parentOf(stage);
    let scope;
    if (parent) scope = this.scan(parent).end;
    else {
      const defaults = this.defaultsOf(stage);
      scope = { env: EMPTY, args: EMPTY, workdir: defaults?.workdir ?? null, user: defaults?.user ?? null, shell: null };
    }
    const before = /* @__PURE__ */ new Map();
    for (const node of stage.instructions) {
      before.set(node, scope);
      scope = this.apply(scope, node, stage);
    }
    scan = { before, end: scope };
    this.scans.set(stage, scan);
    return scan;
  }
  /**
   * How a variable reads at a point: ENV wins over an ARG of the same name; a
   * name the file never sets is unset on scratch, and unknown elsewhere
   * (the base image's environment may set it).
   */
  lookup(scope, stage) {
    const scratch = stage !== null && this.baseImage(stage)?.toLowerCase() === "scratch";
    return (name) => {
      if (scope.env.has(name)) return scope.env.get(name);
      if (scope.args.has(name)) return scope.args.get(name);
      return stage === null || scratch ? void 0 : null;
    };
  }
  apply(scope, node, stage) {
    const model = this.model;
    const lookup = this.lookup(scope, stage);
    const argsText3 = () => model.logicalText(node.argsStart, node.end).text.trim();
    switch (node.keyword) {
      case "ENV": {
        const properties = node.ast.getProperties();
        const env = new Map(scope.env);
        for (const property of properties) {
          const raw = propertyValueText(model, property);
          if (raw !== null) env.set(property.getName(), expandWord(raw, lookup, model.escapeChar));
        }
        return { ...scope, env };
      }
      case "ARG": {
        const declared = argDeclaration(model, node, lookup);
        if (!declared) return scope;
        const globals = globalArgDefaults(model);
        const value = declared.value !== void 0 ? declared.value : globals.has(declared.name) ? globals.get(declared.name) : null;
        return { ...scope, args: new Map(scope.args).set(declared.name, value) };
      }
      case "WORKDIR": {
        const value = expandWord(argsText3(), lookup, model.escapeChar);
        let workdir = null;
        if (value !== null && !this.isWindows(stage)) {
          if (value.startsWith("/")) workdir = path4.posix.resolve(value);
          else if (scope.workdir !== null) workdir = path4.posix.resolve(scope.workdir, value);
        }
        return { ...scope, workdir };
      }
      case "USER": {
        const raw = argsText3();
        return { ...scope, user: expandWord(raw, lookup, model.escapeChar) ?? raw };
      }
      case "SHELL":
        return node.execArgs ? { ...scope, shell: node.execArgs } : scope;
      default:
        return scope;
    }
  }
  readCopy(node) {
    const model = this.model;
    const raw = model.rawArguments(node);
    if (raw.includes("<<")) {
      const heredocs = node.ast.getHeredocs?.() ?? [];
      if (heredocs.length) return null;
    }
    const text = model.logicalText(node.argsStart, node.end).text.trim();
    let words3 = null;
    let json = false;
    if (text.startsWith("[")) {
      try {
        const value = JSON.parse(text);
        if (Array.isArray(value) && value.every((v) => typeof v === "string")) {
          words3 = value;
          json = true;
        }
      } catch {
      }
    }
    words3 ??= text.split(/\s+/).filter(Boolean);
    if (words3.length < 2) return null;
    const sources = words3.slice(0, -1);
    const dest = words3[words3.length - 1];
    const flag = (name) => node.flags.find((f) => f.name === name);
    const from = flag("from")?.value ?? null;
    const fromName = from === null ? null : this.expand(node, from);
    const link = flag("link");
    const expandedDest = this.expand(node, dest);
    const workdir = this.workdirAt(node);
    let destResolved = null;
    if (expandedDest !== null && node.stage && !this.isWindows(node.stage)) {
      if (expandedDest.startsWith("/")) destResolved = path4.posix.resolve(expandedDest);
      else if (workdir !== null) destResolved = path4.posix.resolve(workdir, expandedDest);
    }
    return {
      node,
      sources,
      dest,
      destResolved,
      destIsDirectory: dest.endsWith("/") || sources.length > 1,
      from,
      fromStage: fromName === null ? null : this.stageNamed(fromName, node.stage),
      chown: flag("chown")?.value ?? null,
      chmod: flag("chmod")?.value ?? null,
      link: link !== void 0 && (link.value === null || link.value.toLowerCase() === "true"),
      isWholeContext: from === null && sources.some((s) => s === "." || s === "./"),
      json,
      flags: node.flags
    };
  }
  readArgv(node) {
    if (!["CMD", "ENTRYPOINT", "RUN"].includes(node.keyword)) return null;
    if (node.form === "exec") return { stored: node.execArgs, direct: node.execArgs, needsShell: null };
    if (node.form !== "shell") return null;
    const windows = node.stage !== null && this.isWindows(node.stage);
    const shell2 = this.shellAt(node);
    const script = this.model.shellScript(node).text.trimEnd();
    const stored = [...shell2 ?? (windows ? WINDOWS_SHELL : DEFAULT_SHELL), script];
    if (windows) return { stored, direct: null, needsShell: { id: "windows-shell", reason: "a Windows image runs shell form under cmd.exe" } };
    if (shell2 && !isNeutralPosixShell(shell2)) return { stored, direct: null, needsShell: { id: "shell-instruction", reason: `the stage sets SHELL [${shell2.map((w) => JSON.stringify(w)).join(", ")}], which JSON form would bypass` } };
    const parsed = scriptArgv(this.shell.parse(this.model.shellScript(node).text).rootNode);
    return "argv" in parsed ? { stored, direct: parsed.argv, needsShell: null } : { stored, direct: null, needsShell: parsed };
  }
  resolveCommand(stage) {
    const chain = [];
    for (let s = stage; s; s = this.parentOf(s)) chain.unshift(s);
    const defaults = this.defaultsOf(stage);
    let entrypoint = defaults ? defaults.entrypoint : void 0;
    let cmd = defaults ? defaults.cmd : void 0;
    let entrypointNode = null;
    let cmdNode = null;
    const stored = (node) => {
      const argv = this.argvOf(node);
      if (argv === null) return void 0;
      return argv.stored.length && !(node.keyword === "ENTRYPOINT" && node.form === "exec" && argv.stored.length === 1 && argv.stored[0] === "") ? argv.stored : null;
    };
    for (const s of chain) {
      let cmdSet = false;
      for (const node of s.instructions) {
        if (node.keyword === "ENTRYPOINT") {
          entrypoint = stored(node);
          entrypointNode = node;
          if (!cmdSet) {
            cmd = null;
            cmdNode = null;
          }
        } else if (node.keyword === "CMD") {
          cmd = stored(node);
          cmdNode = node;
          cmdSet = true;
        }
      }
    }
    const user = this.scan(stage).end.user;
    return { entrypoint, cmd, entrypointNode, cmdNode, user, known: entrypoint !== void 0 && cmd !== void 0, entrypointActsOn: this.actsOn(entrypoint, entrypointNode, defaults) };
  }
  /**
   * What the entrypoint in effect acts on before it execs its arguments: the
   * image's script as the knowledge base knows it, also behind an init that
   * execs it (`["tini", "--", "docker-entrypoint.sh"]`); nothing for an init
   * alone. Null when not known.
   */
  actsOn(entrypoint, node, defaults) {
    if (node === null) return defaults?.entrypointActsOn ?? null;
    if (!entrypoint || node.form !== "exec") return null;
    const rest = afterInitWrapper(entrypoint);
    if (rest === null) return null;
    if (rest.length === 0) return [];
    if (defaults?.entrypoint && JSON.stringify(rest) === JSON.stringify(defaults.entrypoint)) return defaults.entrypointActsOn ?? null;
    return null;
  }
};
function basename3(word) {
  return word.slice(word.lastIndexOf("/") + 1);
}
function copySourceOf(copy, source, imagePath, isFolder) {
  const dest = copy.destResolved;
  const relativeSource = path4.posix.normalize(source.replace(/^\/+/, "")).replace(/\/+$/, "");
  const under2 = (folder2) => imagePath === folder2 ? "" : imagePath.startsWith(folder2.replace(/\/+$/, "") + "/") ? imagePath.slice(folder2.replace(/\/+$/, "").length + 1) : null;
  const inDest = under2(dest);
  if (GLOB.test(source)) return inDest === null ? null : void 0;
  const join2 = (rest) => relativeSource === "." ? rest : `${relativeSource}/${rest}`;
  if (relativeSource === ".") return inDest ? inDest : null;
  const folder = isFolder(relativeSource);
  if (folder === true) return inDest ? join2(inDest) : null;
  if (path4.posix.join(dest, path4.posix.basename(relativeSource)) === imagePath) return relativeSource;
  if (!copy.destIsDirectory && dest === imagePath) return relativeSource;
  if (folder === null && inDest) return join2(inDest);
  return null;
}
var cache = /* @__PURE__ */ new WeakMap();
function fileFacts(model, shell2, options = {}) {
  let entries = cache.get(model);
  if (!entries) {
    entries = [];
    cache.set(model, entries);
  }
  const found = entries.find((e) => e.shell === shell2 && e.lookup === options.imageDefaults);
  if (found) return found.facts;
  const facts = new FileFacts(model, shell2, options);
  entries.push({ shell: shell2, lookup: options.imageDefaults, facts });
  return facts;
}

// transforms/copy-deps-first/ecosystems.ts
import path5 from "node:path";
var refusal = (id, reason) => ({ refuse: { id, reason } });
var VALUE_FLAGS = {
  npm: ["--omit", "--include", "--only", "--registry", "--cache", "--loglevel", "--prefix", "--workspace", "-w", "--install-strategy"],
  yarn: ["--network-timeout", "--modules-folder", "--cache-folder", "--mutex", "--registry", "--network-concurrency"],
  pnpm: ["--filter", "-F", "--reporter", "--registry", "--store-dir", "--network-concurrency", "--dir", "-C"],
  pip: [
    "-r",
    "--requirement",
    "-c",
    "--constraint",
    "-e",
    "--editable",
    "-i",
    "--index-url",
    "--extra-index-url",
    "-f",
    "--find-links",
    "-t",
    "--target",
    "--prefix",
    "--root",
    "--cache-dir",
    "--trusted-host",
    "--platform",
    "--python-version",
    "--implementation",
    "--abi",
    "--progress-bar",
    "--timeout",
    "--retries",
    "--src",
    "--upgrade-strategy",
    "--no-binary",
    "--only-binary",
    "--config-settings",
    "-C",
    "--global-option",
    "--log",
    "--proxy",
    "--cert",
    "--client-cert",
    "--report",
    // pip's own options, before the subcommand.
    "--python",
    "--exists-action",
    "--root-user-action",
    "--keyring-provider",
    "--use-feature",
    "--use-deprecated"
  ],
  pipenv: ["--python", "--pypi-mirror", "--categories"],
  poetry: ["--only", "--with", "--without", "-E", "--extras", "--directory", "-C", "--project", "-P"],
  bundle: ["--jobs", "-j", "--retry", "--path", "--without", "--with", "--gemfile", "--binstubs", "--standalone", "--target-rbconfig"],
  composer: ["--working-dir", "-d", "--prefer-install", "--ignore-platform-req"],
  go: ["-o", "-mod", "-tags", "-ldflags", "-gcflags", "-p", "-C", "-modfile", "-pkgdir", "-buildmode", "-compiler", "-asmflags", "-toolexec", "-overlay", "-pgo"]
};
var PROGRAMS = {
  npm: "npm",
  yarn: "yarn",
  pnpm: "pnpm",
  pipenv: "pipenv",
  poetry: "poetry",
  bundle: "bundle",
  composer: "composer",
  "composer.phar": "composer",
  go: "go"
};
function isEcosystemCommand(words3) {
  const program = words3[0];
  return !!program && (programName(program) in PROGRAMS || isPipProgram(program) || pipCommand(words3) !== null);
}
function parseCommand(words3) {
  if (words3.length === 0 || words3.some((w) => w === null)) return null;
  const literal = words3;
  const pip = pipCommand(literal);
  let name;
  let args;
  if (pip) {
    name = "pip";
    args = [...pip.options, pip.subcommand, ...pip.args];
  } else {
    const program = programName(literal[0]);
    name = PROGRAMS[program] ?? program;
    args = literal.slice(1);
  }
  const valueFlags = VALUE_FLAGS[name] ?? [];
  const positional = [];
  const flags = /* @__PURE__ */ new Map();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith("-") && arg.length > 1) {
      const eq = arg.indexOf("=");
      if (eq > 0) flags.set(arg.slice(0, eq), arg.slice(eq + 1));
      else if (valueFlags.includes(arg) && i + 1 < args.length) flags.set(arg, args[++i]);
      else if (/^-[rc].+/.test(arg) && name === "pip") flags.set(arg.slice(0, 2), arg.slice(2));
      else flags.set(arg, true);
    } else positional.push(arg);
  }
  return { name, args, positional, flags };
}
var NPM_INSTALL_SCRIPTS = ["preinstall", "install", "postinstall", "prepublish", "preprepare", "prepare", "postprepare", "dependencies"];
var LOCAL_PATH_DEPENDENCY = "local-path-dependency";
var ECOSYSTEMS = [
  {
    id: "npm",
    detect: (c) => c.name === "npm" && ["ci", "clean-install", "install", "i"].includes(c.positional[0] ?? ""),
    required: ["package.json"],
    optional: ["package-lock.json", "npm-shrinkwrap.json", ".npmrc"],
    installDir: "node_modules",
    settings: { files: [".npmrc"], envPrefixes: ["npm_config_"] },
    plan: (c) => nodePlan(c, ["--prefix", "-w", "--workspace", "--workspaces", "-g", "--global", "--location"]),
    check: (ctx) => packageJsonProblem(ctx)
  },
  {
    id: "yarn",
    detect: (c) => c.name === "yarn" && (c.positional.length === 0 ? !asksForInfo(c) : c.positional[0] === "install"),
    required: ["package.json"],
    optional: ["yarn.lock", ".yarnrc", ".npmrc"],
    installDir: "node_modules",
    settings: { files: [".yarnrc", ".npmrc"], envPrefixes: ["YARN_", "npm_config_"] },
    plan: (c) => nodePlan(c, ["--modules-folder", "--cwd"]),
    check: (ctx) => ctx.exists(".yarn") || ctx.exists(".yarnrc.yml") || ctx.exists(".pnp.cjs") ? yarnBerry(ctx) : packageJsonProblem(ctx)
  },
  {
    id: "pnpm",
    detect: (c) => c.name === "pnpm" && ["install", "i"].includes(c.positional[0] ?? ""),
    required: ["package.json"],
    optional: ["pnpm-lock.yaml", ".npmrc", ".pnpmfile.cjs"],
    installDir: "node_modules",
    settings: { files: [".npmrc"], envPrefixes: ["npm_config_", "PNPM_"] },
    plan: (c) => nodePlan(c, ["--filter", "-F", "--dir", "-C", "-r", "--recursive", "-g", "--global"]),
    check: (ctx) => {
      if (ctx.exists("pnpm-workspace.yaml")) return { id: "workspaces", reason: "pnpm-workspace.yaml makes it a workspace, whose packages the install reads" };
      const pkg = readJson(ctx, "package.json");
      if (pkg && isObject(pkg.pnpm) && "patchedDependencies" in pkg.pnpm) {
        return { id: "patched-dependencies", reason: "package.json has pnpm.patchedDependencies, whose patch files the install reads" };
      }
      return packageJsonProblem(ctx);
    }
  },
  {
    id: "pip",
    detect: (c) => c.name === "pip" && c.positional[0] === "install" && (c.flags.has("-r") || c.flags.has("--requirement")),
    required: [],
    optional: [],
    installDir: null,
    settings: { files: [], envPrefixes: ["PIP_"] },
    plan: (c) => pipPlan(c),
    manifests: (c, ctx, cwd2) => requirementFiles(c, ctx, cwd2)
  },
  {
    id: "pipenv",
    detect: (c) => c.name === "pipenv" && ["install", "sync"].includes(c.positional[0] ?? ""),
    required: ["Pipfile"],
    optional: ["Pipfile.lock"],
    installDir: ".venv",
    settings: { files: [], envPrefixes: ["PIPENV_", "PIP_"] },
    plan: (c) => c.positional.length > 1 ? refusal("named-packages", "`pipenv install <package>` changes the Pipfile") : c.flags.has("-e") || c.flags.has("--editable") ? refusal("editable-install", "an editable install needs the source") : { kind: "install" },
    check: (ctx) => /^\s*[\w.-]+\s*=\s*\{[^}]*\bpath\s*=/m.test(ctx.read("Pipfile") ?? "") ? { id: LOCAL_PATH_DEPENDENCY, reason: "the Pipfile has a local path dependency" } : null
  },
  {
    id: "poetry",
    detect: (c) => c.name === "poetry" && c.positional[0] === "install",
    required: ["pyproject.toml"],
    optional: ["poetry.lock", "poetry.toml"],
    installDir: ".venv",
    plan: (c) => {
      if (c.positional.length > 1) return refusal("unexpected-arguments", "unexpected arguments to `poetry install`");
      if (["--only-root", "--directory", "-C", "--project", "-P"].some((f) => c.flags.has(f))) {
        return refusal("install-elsewhere", "it installs only the project, or from another folder");
      }
      if (c.flags.has("--no-root")) return { kind: "install" };
      return { kind: "prefetch", command: [c.name, ...c.args, "--no-root"].join(" ") };
    },
    check: (ctx) => /\bpath\s*=/.test(ctx.read("pyproject.toml") ?? "") ? { id: LOCAL_PATH_DEPENDENCY, reason: "pyproject.toml has a local path dependency" } : null
  },
  {
    id: "bundler",
    detect: (c) => c.name === "bundle" && (c.positional.length === 0 ? !asksForInfo(c) : c.positional[0] === "install"),
    required: ["Gemfile"],
    optional: ["Gemfile.lock", ".bundle/config"],
    installDir: "vendor/bundle",
    settings: { files: [], envPrefixes: ["BUNDLE_"] },
    plan: (c) => c.positional.length > 1 ? refusal("unexpected-arguments", "unexpected arguments to `bundle install`") : ["--gemfile", "--binstubs", "--standalone"].some((f) => c.flags.has(f)) ? refusal("source-tree-path", "its flags write into or read from the source tree") : { kind: "install" },
    check: (ctx) => {
      const gemfile = ctx.read("Gemfile") ?? "";
      const found = /^\s*(gemspec\b|eval_gemfile\b)|\bpath:|:path\s*=>|\bFile\.|\brequire_relative\b|\bfile:/m.exec(gemfile);
      return found ? { id: "gemfile-reads-files", reason: `the Gemfile reads other files (\`${found[0].trim()}\`)` } : null;
    }
  },
  {
    id: "composer",
    detect: (c) => c.name === "composer" && c.positional[0] === "install",
    required: ["composer.json"],
    optional: ["composer.lock", "auth.json"],
    installDir: "vendor",
    plan: (c) => {
      if (c.positional.length > 1) return refusal("unexpected-arguments", "unexpected arguments to `composer install`");
      if (c.flags.has("--working-dir") || c.flags.has("-d")) return refusal("install-elsewhere", "it installs in another folder");
      const missing = ["--no-scripts", "--no-autoloader"].filter((f) => !c.flags.has(f));
      if (missing.length === 0) return { kind: "install" };
      return { kind: "prefetch", command: [c.name, ...c.args, ...missing].join(" ") };
    },
    check: (ctx) => {
      const json = readJson(ctx, "composer.json");
      if (!json) return { id: "unreadable-manifest", reason: "composer.json could not be read" };
      const repos = Array.isArray(json.repositories) ? json.repositories : Object.values(json.repositories ?? {});
      if (repos.some((r) => isObject(r) && r.type === "path")) return { id: LOCAL_PATH_DEPENDENCY, reason: "composer.json has a path repository" };
      if (isObject(json.extra) && "installer-paths" in json.extra) {
        return { id: "installs-into-source", reason: "composer.json installs packages into the source tree (installer-paths)" };
      }
      if (isObject(json.config) && "vendor-dir" in json.config) return { id: "install-dir-moved", reason: "composer.json moves vendor-dir" };
      return null;
    }
  },
  {
    id: "go",
    detect: (c) => c.name === "go" && ["build", "install"].includes(c.positional[0] ?? "") && !c.positional.some((p) => p.includes("@")),
    required: ["go.mod"],
    optional: ["go.sum"],
    installDir: null,
    plan: (c) => c.flags.has("-mod") && c.flags.get("-mod") !== "mod" && c.flags.get("-mod") !== "readonly" ? refusal("vendored-go-modules", "it builds from vendor/") : c.flags.has("-modfile") ? refusal("other-go-mod", "it uses another go.mod") : { kind: "prefetch", command: "go mod download" },
    check: (ctx) => {
      if (ctx.exists("go.work")) return { id: "workspaces", reason: "go.work makes it a workspace of several modules" };
      if (ctx.exists("vendor/modules.txt")) return { id: "vendored-go-modules", reason: "the module is vendored (vendor/modules.txt)" };
      if (/^\s*(replace\s+)?\S+(\s+\S+)?\s*=>\s*\.{0,2}\//m.test(ctx.read("go.mod") ?? "")) {
        return { id: LOCAL_PATH_DEPENDENCY, reason: "go.mod replaces a module with a local folder" };
      }
      return null;
    }
  }
];
var UNSUPPORTED = [
  {
    detect: (c) => c.name === "cargo" && ["build", "install"].includes(c.positional[0] ?? ""),
    id: "no-download-step",
    reason: "cargo cannot fetch or build dependencies without the source targets"
  },
  {
    detect: (c) => c.name === "mvn" || c.name === "mvnw",
    id: "no-download-step",
    reason: "Maven dependency:go-offline does not resolve every plugin dependency, and can fail where the build succeeds"
  },
  { detect: (c) => c.name === "gradle" || c.name === "gradlew", id: "no-download-step", reason: "Gradle has no reliable download-only task" },
  {
    detect: (c) => c.name === "dotnet" && ["publish", "build", "restore"].includes(c.positional[0] ?? ""),
    id: "project-references",
    reason: "dotnet restore needs every project file and their references, which are not inferred"
  },
  {
    detect: (c) => c.name === "pip" && c.positional[0] === "install" && !c.flags.has("-r") && !c.flags.has("--requirement") && c.positional.slice(1).some(isLocalPath),
    id: "pip-install-dot",
    reason: "it installs the project itself (`pip install .`), which needs the source"
  },
  {
    detect: (c) => c.name === "pip" && c.positional[0] === "install" && (c.flags.has("-e") || c.flags.has("--editable")),
    id: "editable-install",
    reason: "an editable install (`-e`) needs the source"
  }
];
function asksForInfo(c) {
  return ["-v", "--version", "-h", "--help", "-V"].some((f) => c.flags.has(f));
}
function nodePlan(c, refusedFlags) {
  const extra = c.positional.slice(c.name === "yarn" && c.positional[0] !== "install" ? 0 : 1);
  const global = ["-g", "--global", "--location=global"].some((f) => c.flags.has(f));
  if (extra.length && global) return refusal("global-install", `\`${c.name} ${c.args.join(" ")}\` installs a global tool, not the project's dependencies`);
  if (extra.length) return refusal("named-packages", `\`${c.name} ${c.args.join(" ")}\` installs named packages, which changes package.json`);
  const flag = refusedFlags.find((f) => c.flags.has(f));
  if (flag) return refusal("install-elsewhere", `\`${flag}\` installs another package or folder`);
  return { kind: "install" };
}
function pipPlan(c) {
  if (c.flags.has("-e") || c.flags.has("--editable")) return refusal("editable-install", "an editable install (`-e`) needs the source");
  const local = c.positional.slice(1).find(isLocalPath);
  if (local) return refusal(LOCAL_PATH_DEPENDENCY, `it installs \`${local}\`, a local path`);
  return { kind: "install" };
}
var PIP_PATH_OPTIONS = [
  "-f",
  "--find-links",
  "-i",
  "--index-url",
  "--extra-index-url",
  "--cert",
  "--client-cert",
  "-t",
  "--target",
  "--prefix",
  "--root",
  "--src"
];
function optionValues(args, options) {
  const found = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.indexOf("=");
    if (arg.startsWith("--") && eq > 0 && options.includes(arg.slice(0, eq))) found.push({ option: arg.slice(0, eq), value: arg.slice(eq + 1) });
    else if (options.includes(arg) && i + 1 < args.length) found.push({ option: arg, value: args[++i] });
    else if (/^-[a-z]./.test(arg) && !arg.startsWith("--") && options.includes(arg.slice(0, 2))) found.push({ option: arg.slice(0, 2), value: arg.slice(2) });
  }
  return found;
}
function sourceTreePath(value, cwd2) {
  let v = value.trim().replace(/^(["'])(.*)\1$/, "$2");
  if (/^(git\+)?file:/i.test(v)) v = v.replace(/^(git\+)?file:(\/\/(localhost)?)?/i, "");
  else if (/^[a-z][a-z0-9+.-]+:/i.test(v)) return null;
  if (v === "" || v.startsWith("~")) return null;
  if (!v.startsWith("/") || cwd2 === null) return v;
  const normal = path5.posix.normalize(v);
  const root = cwd2.replace(/\/+$/, "");
  return normal === cwd2 || normal === root || normal.startsWith(root + "/") ? normal : null;
}
function isLocalPath(spec) {
  const at = /\s@\s*(\S+)/.exec(spec) ?? /^[\w.[\],-]+@(\S+:\S+)$/.exec(spec);
  if (at) return /^(git\+)?file:/i.test(at[1]);
  if (/^(git\+)?file:/i.test(spec)) return true;
  if (spec.includes("://")) return false;
  return spec === "." || spec.startsWith("./") || spec.startsWith("../") || spec.startsWith("/") || spec.includes("/") || /\.(whl|zip|tar\.gz|tgz)$/.test(spec);
}
function localTarget(line) {
  const at = /^[^\s@]+(?:\s*\[[^\]]*\])?\s*@\s*(\S+)/.exec(line);
  if (at) return /^(git\+)?file:/i.test(at[1]) ? at[1] : null;
  const spec = line.split(/[\s;]/)[0];
  return isLocalPath(spec) ? spec : null;
}
function requirementLines(text) {
  const joined = text.replace(/\\\r?\n/g, " ");
  return joined.split(/\r?\n/).map((raw) => raw.replace(/(^|\s)#.*$/, "").trim()).filter(Boolean);
}
function requirementFiles(c, ctx, cwd2) {
  for (const { option, value } of optionValues(c.args, PIP_PATH_OPTIONS)) {
    const inTree = sourceTreePath(value, cwd2);
    if (inTree !== null) return refusal("source-tree-path", `\`${option} ${value}\` is a path in the source tree, which is copied only after the install`);
  }
  const named = optionValues(c.args, ["-r", "--requirement", "-c", "--constraint"]).map((o) => o.value);
  const files = [];
  const queue = named.map((n) => contextPath(n, cwd2));
  let unknown2 = false;
  while (queue.length) {
    const file = queue.shift();
    if (file === null) return refusal("requirements-outside-copy", "a requirements file lies outside the copied folder");
    if (files.includes(file)) continue;
    files.push(file);
    if (!ctx) {
      unknown2 = true;
      continue;
    }
    const text = ctx.read(file);
    if (text === null) return refusal("manifest-missing", `${file} is not in the build context`);
    for (const line of requirementLines(text)) {
      const words3 = line.split(/\s+/);
      const [include] = optionValues(words3, ["-r", "--requirement", "-c", "--constraint"]);
      if (include) {
        if (include.value.includes("://")) continue;
        queue.push(include.value.startsWith("/") ? contextPath(include.value, cwd2) : contextPath(path5.posix.join(path5.posix.dirname(file), include.value), null));
        continue;
      }
      if (/^(-e|--editable)\b/.test(line)) return refusal("editable-install", `${file} has an editable install (\`${line}\`), which needs the source`);
      const [pathOption] = optionValues(words3, PIP_PATH_OPTIONS).filter((o) => sourceTreePath(o.value, cwd2) !== null);
      if (pathOption) {
        return refusal("local-find-links", `${file} has \`${pathOption.option} ${pathOption.value}\`, a path in the source tree, which is copied only after the install`);
      }
      if (line.startsWith("-")) continue;
      const local = localTarget(line);
      if (local !== null && sourceTreePath(local, cwd2) !== null) return refusal(LOCAL_PATH_DEPENDENCY, `${file} installs \`${local}\`, a local path in the source tree`);
      if (local === null && /\$\{/.test(line)) return refusal("requirements-variable", `${file} has \`${line}\`, whose variable pip expands from the environment`);
    }
  }
  return { files, unknown: unknown2 };
}
function contextPath(name, cwd2) {
  let relative;
  if (name.startsWith("/")) {
    if (cwd2 === null) return null;
    relative = path5.posix.relative(cwd2, path5.posix.normalize(name));
  } else relative = path5.posix.normalize(name);
  return relative === "" || relative === "." || relative.startsWith("..") ? null : relative;
}
var PATH_SETTINGS = /* @__PURE__ */ new Set([
  // pip
  "find-links",
  "index-url",
  "extra-index-url",
  "cert",
  "client-cert",
  "target",
  "prefix",
  "root",
  "src",
  "config-file",
  "constraint",
  "requirement",
  // npm, pnpm
  "cafile",
  "cache",
  "userconfig",
  "globalconfig",
  "init-module",
  "tmp",
  "logs-dir",
  "store-dir",
  "virtual-store-dir",
  // yarn classic
  "yarn-offline-mirror",
  "offline-mirror",
  "cache-folder",
  "modules-folder",
  "global-folder",
  // bundler
  "path",
  "gemfile",
  "app-config"
]);
var PATH_LIKE = /^(\.{1,2}\/|\/|(git\+)?file:)/i;
function settingLines(file, text) {
  const pairs = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith(";")) continue;
    const match = file === ".yarnrc" ? /^("[^"]*"|\S+)\s+(.*)$/.exec(line) : /^([^=]+?)\s*=\s*(.*)$/.exec(line);
    if (match) pairs.push([match[1].replace(/^"(.*)"$/, "$1"), match[2].trim().replace(/^(["'])(.*)\1$/, "$2")]);
  }
  return pairs;
}
function settingPath(key, value, cwd2) {
  const name = key.toLowerCase().replace(/_/g, "-").replace(/^--([a-z]+\.)?/, "");
  if (!PATH_SETTINGS.has(name) && !PATH_LIKE.test(value)) return null;
  return sourceTreePath(value, cwd2);
}
function settingsProblem(eco, context, env, cwd2) {
  if (!eco.settings) return null;
  for (const [name, value] of env) {
    const prefix = eco.settings.envPrefixes.find((p) => name.toLowerCase().startsWith(p.toLowerCase()));
    if (!prefix || value === null) continue;
    const inTree = settingPath(name.slice(prefix.length), value, cwd2);
    if (inTree !== null) {
      return { id: "settings-name-source", reason: `ENV ${name}=${value} names a path in the source tree, which is copied only after the install` };
    }
  }
  for (const file of context ? eco.settings.files : []) {
    const text = context.read(file);
    if (text === null || context.isIgnored(file)) continue;
    for (const [key, value] of settingLines(file, text)) {
      if (settingPath(key, value, cwd2) !== null) {
        return { id: "settings-name-source", reason: `${file} names \`${value}\` (${key}), a path in the source tree, which is copied only after the install` };
      }
    }
  }
  return null;
}
function yarnBerry(ctx) {
  const yml = ctx.read(".yarnrc.yml") ?? "";
  const named = [...yml.matchAll(/^\s*(yarnPath|cacheFolder|globalFolder|installStatePath|pnpUnpluggedFolder|patchFolder|virtualFolder)\s*:\s*["']?([^"'\s#]+)/gm)].filter((m) => !m[2].startsWith("/") && !m[2].startsWith("~")).map((m) => `${m[1]}: ${m[2]}`);
  const names = named.length ? `; .yarnrc.yml names ${named.join(", ")} in the source tree` : "";
  return { id: "yarn-berry", reason: `Yarn Berry files (.yarnrc.yml, .yarn/) are not handled${names}` };
}
function readJson(ctx, file) {
  const text = ctx.read(file);
  if (text === null) return null;
  try {
    const value = JSON.parse(text);
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function packageJsonProblem(ctx) {
  const pkg = readJson(ctx, "package.json");
  if (!pkg) return { id: "unreadable-manifest", reason: "package.json could not be read" };
  const scripts = isObject(pkg.scripts) ? pkg.scripts : {};
  const script = NPM_INSTALL_SCRIPTS.find((s) => s in scripts);
  if (script) return { id: "install-script", reason: `package.json has a \`${script}\` script, which runs during the install and may read the source` };
  if ("workspaces" in pkg) return { id: "workspaces", reason: "package.json declares workspaces, whose packages the install reads" };
  if (ctx.exists("binding.gyp")) return { id: "native-build", reason: "binding.gyp makes the install build native code from the source" };
  for (const field of ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies", "overrides", "resolutions"]) {
    const deps = pkg[field];
    if (!isObject(deps)) continue;
    for (const [name, spec] of Object.entries(deps)) {
      if (typeof spec === "string" && isLocalNodeSpec(spec)) {
        return { id: LOCAL_PATH_DEPENDENCY, reason: `package.json depends on a local path (${name}: ${spec})` };
      }
    }
  }
  for (const [lockfile, local] of LOCKFILE_LOCAL_ENTRIES) {
    const found = local.exec(ctx.read(lockfile) ?? "");
    if (found) return { id: LOCAL_PATH_DEPENDENCY, reason: `${lockfile} resolves a package from a local path (\`${found[0].trim()}\`)` };
  }
  return null;
}
function isLocalNodeSpec(spec) {
  return /^(file:|link:|portal:|git\+file:|\.{1,2}(\/|$)|~\/|\/)/.test(spec) || !spec.includes("://") && /\.(tgz|tar\.gz|tar)$/i.test(spec);
}
var LOCKFILE_LOCAL_ENTRIES = [
  ["package-lock.json", /"resolved"\s*:\s*"file:[^"]*"|"link"\s*:\s*true/],
  ["npm-shrinkwrap.json", /"resolved"\s*:\s*"file:[^"]*"|"link"\s*:\s*true/],
  ["yarn.lock", /^\s*resolved\s+"?file:\S*|@(file|link):[^",:\s]*/m],
  ["pnpm-lock.yaml", /\b(file|link):[^\s'",]+/]
];

// transforms/copy-deps-first/edits.ts
import path6 from "node:path";

// lib/core/edits.ts
function jsonArray(argv) {
  return `[${argv.map((arg) => JSON.stringify(arg)).join(", ")}]`;
}
function startWithComments(model, node, floor = null) {
  const top = floor ? floor.endLine : 0;
  let line = node.line - 1;
  while (line > top && /^\s*#/.test(model.source.lineText(line - 1))) line--;
  return model.source.lineStarts[line];
}
function closeOpenContinuation(model) {
  const last = model.instructions[model.instructions.length - 1];
  const text = model.source.text;
  if (!last || last.end !== text.length) return null;
  const escape = model.escapeChar;
  for (let line = last.endLine - 1; line >= last.line - 1; line--) {
    const content = model.source.lineText(line);
    const trimmed = content.replace(/\s+$/, "");
    if (trimmed === "" || line > last.line - 1 && /^\s*#/.test(content)) continue;
    if (!trimmed.endsWith(escape)) return null;
    const at = model.source.lineStarts[line] + trimmed.length - 1;
    let start = at;
    while (start > model.source.lineStarts[line] && /[ \t]/.test(text[start - 1])) start--;
    return { start, end: at + 1, text: "" };
  }
  return null;
}
function execFormPrefix(model, node, words3) {
  if (node.form !== "exec" || !node.execArgs?.length || !words3.length) return null;
  const script = model.logicalText(node.argsStart, node.end);
  const open = script.text.indexOf("[");
  if (open < 0 || script.text.slice(0, open).trim() !== "") return null;
  let first = open + 1;
  while (first < script.text.length && /\s/.test(script.text[first])) first++;
  if (script.text[first] !== '"') return null;
  return { at: script.offsets[first], text: `${words3.map((w) => JSON.stringify(w)).join(", ")}, ` };
}
function execFormWithPrefix(model, node, words3) {
  const prefix = execFormPrefix(model, node, words3);
  if (!prefix) return null;
  const text = model.source.text;
  return text.slice(node.argsStart, prefix.at) + prefix.text + text.slice(prefix.at, node.end);
}

// transforms/copy-deps-first/edits.ts
function instructionText(node, model, words3) {
  const keyword = model.source.text.slice(node.start, node.start + node.keyword.length);
  return [keyword, ...node.flags.map((f) => f.text), ...words3].join(" ");
}
function ownsLines(node, model) {
  const src = model.source;
  const firstLine = node.line - 1;
  const lastLine = node.endLine - 1;
  return src.text.slice(src.lineStarts[firstLine], node.start).trim() === "" && src.text.slice(node.end, src.lineEnd(lastLine)).trim() === "";
}
function splitFix(copy, dest, sources, site, plan2, model) {
  const run = site.run.node;
  if (!ownsLines(copy, model) || !ownsLines(run, model)) return null;
  const eol = model.source.eol;
  const base = dest === "." || dest === "./" ? "./" : dest.endsWith("/") ? dest : dest + "/";
  const byDir = /* @__PURE__ */ new Map();
  for (const s of sources) {
    const dir = path6.posix.dirname(s);
    byDir.set(dir, [...byDir.get(dir) ?? [], s]);
  }
  const copies = [...byDir.entries()].sort(([a], [b]) => a === "." ? -1 : b === "." ? 1 : a.localeCompare(b)).map(([dir, files]) => instructionText(copy, model, [...files, dir === "." ? base : `${base}${dir}/`]));
  const indent = model.source.indentOf(copy.line - 1);
  const originalCopy = model.source.text.slice(copy.start, copy.end);
  const edits2 = [{ start: copy.start, end: copy.end, text: copies.join(eol + indent) }];
  const runIndent = model.source.indentOf(run.line - 1);
  const names = sources.map((s) => s.replace(/\*$/, "")).join(", ");
  let message;
  if (plan2.kind === "prefetch") {
    const runText = instructionText(run, model, [plan2.command]);
    edits2.push({ start: run.start, end: run.start, text: runText + eol + runIndent + originalCopy + eol + runIndent });
    message = `copy ${names} first and pre-fetch with \`${plan2.command}\`, so source edits keep the download cached`;
  } else if (site.second) {
    const offsets = site.run.script.offsets;
    const start = offsets[site.first.endIndex];
    const end = offsets[site.second.startIndex];
    const rest = instructionText(run, model, []) + " ";
    edits2.push({ start, end, text: eol + runIndent + originalCopy + eol + runIndent + rest });
    message = `copy ${names} first and install before \`COPY . .\`, so source edits keep \`${site.first.text}\` cached`;
  } else {
    edits2.push({ start: run.end, end: run.end, text: eol + runIndent + originalCopy });
    message = `copy ${names} first and install before \`COPY . .\`, so source edits keep \`${site.first.text}\` cached`;
  }
  return { line: run.line, message, edits: edits2 };
}
function hoistFix(copy, run, model) {
  if (!ownsLines(copy, model) || !ownsLines(run, model)) return null;
  const src = model.source;
  const start = startWithComments(model, run, copy);
  const firstLine = src.positionAt(start).line;
  let end = src.lineEndWithBreak(run.endLine - 1);
  let moved = src.text.slice(start, end);
  let deleteStart = start;
  if (end === src.text.length && src.lineEnd(run.endLine - 1) === end) {
    moved += src.eol;
    deleteStart = src.lineEnd(firstLine - 1);
    end = src.text.length;
  }
  const at = src.lineStarts[copy.line - 1];
  return {
    line: run.line,
    message: "system packages installed before `COPY . .`: they read nothing from the context, so source edits keep them cached",
    edits: [{ start: at, end: at, text: moved }, { start: deleteStart, end, text: "" }]
  };
}

// transforms/copy-deps-first/index.ts
var SYSTEM_FILE_COMMANDS = /* @__PURE__ */ new Set(["rm", "ln", "mkdir", "true"]);
var SYSTEM_DIRS = /^\/(etc|usr|var|lib|lib64|bin|sbin)?(\/|$)/;
var KEPT_COPY_FLAGS = /* @__PURE__ */ new Set(["chown", "chmod", "link"]);
var MOVABLE_MOUNTS = /* @__PURE__ */ new Set(["cache", "secret", "ssh", "tmpfs"]);
var PASSABLE = /* @__PURE__ */ new Set(["ENV", "ARG", "LABEL", "EXPOSE", "USER"]);
var LABEL = "dependencies not copied first";
function sourceCopy(node, facts) {
  if (node.keyword !== "COPY") return null;
  const operands = facts.copyOperands(node);
  return operands && operands.isWholeContext && !operands.json && operands.sources.length === 1 ? operands : null;
}
var isDot = (dest) => dest === "." || dest === "./";
function runFlagProblem(node) {
  const mounts2 = mountFields(node);
  let next = 0;
  for (const flag of node.flags) {
    if (flag.name === "network") continue;
    if (flag.name === "mount" && flag.value) {
      const fields = mounts2[next++];
      if (MOVABLE_MOUNTS.has(fields.get("type") ?? "bind") && !fields.has("from")) continue;
    }
    return { id: "run-flag", reason: `the RUN has ${flag.text}` };
  }
  return null;
}
function isSystemInstall(run, facts, dest) {
  let ok = true;
  walk(run.root, (n) => {
    if (["command_substitution", "process_substitution", "heredoc_redirect", "herestring_redirect", "function_definition"].includes(n.type)) ok = false;
    if (n.type === "file_redirect") {
      const target = n.namedChildren[n.namedChildren.length - 1]?.text ?? "";
      if (!/^(\/dev\/\w+|&?\d)$/.test(target)) ok = false;
    }
    return ok;
  });
  if (!ok) return false;
  let installs = false;
  for (const command of facts.commandsOf(run)) {
    if (command.program === null || command.wrappers.includes("xargs")) return false;
    const args = command.words.slice(1);
    if (systemManagerOf(command.program)) {
      installs ||= isPackageInstall(command.words) !== null;
      if (args.some((v) => v === null || v.includes("/") || /\.(deb|rpm|apk)$/.test(v))) return false;
    } else if (SYSTEM_FILE_COMMANDS.has(command.program)) {
      for (const [i, literal] of args.entries()) {
        const text = command.nodes[i + 1].text;
        const v = literal ?? (/^\/[\w/.*?-]*$/.test(text) ? text : null);
        if (v === null) return false;
        if (v.startsWith("-")) continue;
        if (!v.startsWith("/") || v === dest || v.startsWith(dest + "/") || dest.startsWith(v.replace(/\/?$/, "/"))) return false;
      }
    } else return false;
  }
  return installs;
}
function findInstall(run, facts) {
  const commands = facts.commandsOf(run);
  let hit = null;
  for (const command of commands) {
    const cmd = parseCommand(command.words);
    if (!cmd) continue;
    const eco = ECOSYSTEMS.find((e) => e.detect(cmd));
    if (eco) {
      hit = { eco, cmd, command };
      break;
    }
    const unsupported = UNSUPPORTED.find((u) => u.detect(cmd));
    if (unsupported) return refusal(unsupported.id, unsupported.reason);
  }
  if (!hit) {
    const computed = commands.find((c) => c.program !== null && c.words.includes(null) && isEcosystemCommand(c.words));
    return computed ? refusal("computed-arguments", `\`${computed.command.node.text}\` has arguments the shell computes`) : null;
  }
  const simple = hit.command.command;
  if (hit.command.wrappers.includes("xargs")) return refusal("computed-arguments", `\`${simple.node.text}\` takes arguments from xargs`);
  const plan2 = hit.eco.plan(hit.cmd);
  if ("kind" in plan2 && plan2.kind === "prefetch") return { eco: hit.eco, cmd: hit.cmd, run, first: null, second: null };
  const statements = topLevelStatements(run.root);
  if (statements.length !== 1) return refusal("several-commands", "the RUN has several top-level commands (`;` or newlines)");
  const chain = andChain(statements[0].node);
  if (chain[0].id !== simple.node.id) return refusal("not-first-command", `\`${simple.node.text}\` is not the first command of the RUN's \`&&\` chain`);
  if (!simple.inMainShell || simple.redirected) return refusal("pipeline-or-redirect", `\`${simple.node.text}\` runs in a pipeline or with redirections`);
  return { eco: hit.eco, cmd: hit.cmd, run, first: chain[0], second: chain[1] ?? null };
}
var copyDepsFirst = {
  id: "copy-deps-first",
  level: "safe",
  effects: ["copies", "order", "run-grouping", "run-commands"],
  description: "Copy dependency manifests and install before `COPY . .`, so source edits keep the install cached",
  rationale: "A layer is rebuilt when any file it copies changes. After `COPY . .` every source edit invalidates the dependency install below it; copying only the manifests first keeps the install layer cached until they change.",
  hadolintRules: [],
  run(ctx) {
    const fixes = [];
    const notes = [];
    for (const stage of ctx.dockerfile.stages) {
      const outcome = stageOutcome(stage, ctx);
      if (outcome.fix) fixes.push(outcome.fix);
      notes.push(...outcome.notes);
    }
    return { fixes, notes };
  }
};
function stageOutcome(stage, ctx) {
  const facts = ctx.facts;
  const notes = [];
  const copyIndex = stage.instructions.findIndex((i) => sourceCopy(i, facts) !== null);
  if (copyIndex < 0) return { notes };
  const copy = stage.instructions[copyIndex];
  const operands = sourceCopy(copy, facts);
  const copied = stage.instructions.slice(0, copyIndex).flatMap((i) => facts.copyOperands(i)?.sources.map((s) => path7.posix.basename(s)) ?? []);
  const brings = (manifest) => copied.some((c) => c === manifest || import_picomatch.default.isMatch(manifest, c, { dot: true }));
  const done = ECOSYSTEMS.filter((e) => e.id === "pip" ? copied.some((c) => /requirements.*\.txt$/.test(c)) : e.required.some(brings));
  for (const eco2 of done) notes.push(...ignoreNotes(eco2, copy, ctx.context));
  const gap = [];
  let target = null;
  for (const node of stage.instructions.slice(copyIndex + 1)) {
    if (node.keyword === "RUN") {
      target = node;
      break;
    }
    gap.push(node);
  }
  if (!target) return { notes };
  if (ctx.locked(copy) || ctx.locked(target)) return { notes };
  const read = facts.readRun(target);
  if (read.kind !== "script") return { notes };
  const run = read;
  const refuse2 = ({ id, reason }) => ({ notes: [...notes, { line: target.line, id, message: `${LABEL}: ${reason}` }] });
  const otherFlag = operands.flags.find((f) => !KEPT_COPY_FLAGS.has(f.name));
  if (otherFlag) {
    const found2 = findInstall(run, facts);
    return found2 && "eco" in found2 ? refuse2({ id: "copy-flag", reason: `the COPY has --${otherFlag.name}` }) : { notes };
  }
  const dest = operands.dest;
  const workdir = facts.workdirAt(copy);
  const destPath = operands.destResolved;
  const cwdIsDest = isDot(dest) || destPath !== null && destPath === workdir;
  if (gap.length === 0 && destPath !== null && !SYSTEM_DIRS.test(destPath + "/") && runFlagProblem(target) === null && isSystemInstall(run, facts, destPath)) {
    const hoist = hoistFix(copy, target, ctx.dockerfile);
    if (hoist) return { fix: hoist, notes };
  }
  const found = findInstall(run, facts);
  if (!found) return { notes };
  if ("refuse" in found) return refuse2(found.refuse);
  const { eco, cmd } = found;
  if (done.includes(eco)) return { notes };
  const bad = gap.find((i) => !PASSABLE.has(i.keyword));
  if (bad) return refuse2({ id: "instruction-between", reason: `${bad.keyword} at line ${ctx.originalLine(bad.line)} stands between the COPY and the install` });
  if (dest.includes("$") && gap.length) return refuse2({ id: "dest-variable", reason: "the COPY destination uses a variable" });
  if (!cwdIsDest) return refuse2({ id: "install-not-in-dest", reason: `the install does not run in the COPY destination (${dest})` });
  const flagProblem = runFlagProblem(target);
  if (flagProblem) return refuse2(flagProblem);
  const plan2 = eco.plan(cmd);
  if ("refuse" in plan2) return refuse2(plan2.refuse);
  const context = ctx.context;
  if (context && eco.check) {
    const problem = eco.check(context);
    if (problem) return refuse2(problem);
  }
  const settings = settingsProblem(eco, context, facts.envAt(target), destPath);
  if (settings) return refuse2(settings);
  if (context && eco.installDir && sendsFilesUnder(context, eco.installDir)) {
    return refuse2({
      id: "context-install-dir-not-ignored",
      reason: `the context has ${eco.installDir}/ and .dockerignore does not exclude ${context.isIgnored(eco.installDir) ? "all of it" : "it"}, so \`COPY . .\` would overwrite the installed one`
    });
  }
  let required = [...eco.required];
  let optional = [...eco.optional];
  let unknownIncludes = false;
  if (eco.manifests) {
    const extra = eco.manifests(cmd, context, destPath);
    if ("refuse" in extra) return refuse2(extra.refuse);
    required = extra.files;
    unknownIncludes = extra.unknown;
  }
  let sources;
  if (context) {
    const missing = required.find((f) => !context.exists(f) || context.isIgnored(f));
    if (missing) return refuse2({ id: "manifest-missing", reason: `${missing} is not in the build context` });
    sources = [...required, ...optional.filter((f) => context.read(f) !== null && !context.isIgnored(f))];
  } else {
    optional = optional.filter((f) => !f.includes("/"));
    sources = [...required, ...optional.map((f) => `${f}*`)];
  }
  const unsafe = sources.find((s) => !/^[\w.@+*-][\w.@+*/-]*$/.test(s));
  if (unsafe) return refuse2({ id: "manifest-needs-quoting", reason: `\`${unsafe}\` needs quoting in a COPY` });
  const fix = splitFix(copy, dest, sources, found, plan2, ctx.dockerfile);
  if (!fix) return refuse2({ id: "shared-lines", reason: "the instructions are not on lines of their own" });
  if (!context) {
    fix.message += ` (no build context: ${unknownIncludes ? "files named inside requirement files, " : ""}install scripts, local and vendored dependencies were not checked)`;
  }
  notes.push(...ignoreNotes(eco, copy, context));
  return { fix, notes };
}
function sendsFilesUnder(context, dir) {
  return context.sendsFilesUnder ? context.sendsFilesUnder(dir) : context.exists(dir) && !context.isIgnored(dir);
}
function excludesFolder(context, dir) {
  if (context.exists(dir) && sendsFilesUnder(context, dir)) return false;
  return context.isIgnored(dir) || context.isIgnored(`${dir}/any-package/index.js`);
}
function ignoreNotes(eco, copy, context) {
  if (!eco.installDir || !context) return [];
  const hasIgnoreFile = context.dockerignore() !== null;
  if (hasIgnoreFile && excludesFolder(context, eco.installDir)) return [];
  return [{
    line: copy.line,
    id: "install-dir-not-ignored",
    message: `${hasIgnoreFile ? ".dockerignore does not exclude" : "no .dockerignore excludes"} ${eco.installDir}/: a local one would overwrite the installed dependencies at \`COPY . .\``
  }];
}

// transforms/merge-runs.ts
import path8 from "node:path";

// lib/core/run-script.ts
var REFUSED = {
  "no-command": { id: "no-command", reason: "it has no command" },
  "background-job": { id: "background-job", reason: "it runs a background job (`&`)" },
  "several-statements": { id: "several-statements", reason: "it has several top-level commands, which would still run when the update failed" },
  "or-list": { id: "or-list", reason: "it uses `||`, which would run when the update failed" }
};
function sourceStart(run, node) {
  return run.script.offsets[node.startIndex];
}
function sourceEnd(run, node) {
  return run.script.offsets[node.endIndex - 1] + 1;
}
function unquoted(node) {
  return node.text.replace(/["']/g, "");
}
function operatorStyle(model, nodes) {
  const escape = model.escapeChar;
  const count = (runs2) => {
    let score2 = 0;
    for (const node of runs2) {
      for (let line = node.line; line < node.endLine; line++) {
        const text = model.source.lineText(line - 1).trimEnd();
        const next = model.source.lineText(line).trimStart();
        if (text.endsWith(escape) && /(&&|\|\|)$/.test(text.slice(0, -escape.length).trimEnd())) score2++;
        else if (/^(&&|\|\|)/.test(next)) score2--;
      }
    }
    return score2;
  };
  const own = count(nodes);
  const score = own !== 0 ? own : count(model.stages.flatMap((s) => s.instructions.filter((i) => i.keyword === "RUN")));
  return score > 0 ? "trailing" : "leading";
}
function appendCommand(model, run, commands) {
  const statements = topLevelStatements(run.root);
  if (statements.length === 0) return REFUSED["no-command"];
  if (hasBackgroundJob(run.root)) return REFUSED["background-job"];
  const last = statements[statements.length - 1];
  const at = sourceEnd(run, last.node);
  const src = model.source;
  const line = src.positionAt(at).line;
  const indent = line + 1 > run.node.line ? src.indentOf(line) : "    ";
  const escape = model.escapeChar;
  const trailing = operatorStyle(model, [run.node]) === "trailing";
  const text = commands.map((c) => trailing ? ` && ${escape}${src.eol}${indent}${c}` : ` ${escape}${src.eol}${indent}&& ${c}`).join("");
  return { start: at, end: at, text };
}
function prependCommand(run, command) {
  const statements = topLevelStatements(run.root);
  if (statements.length !== 1) return REFUSED["several-statements"];
  if (hasBackgroundJob(run.root)) return REFUSED["background-job"];
  if (andChain(statements[0].node).some((n) => n.type === "list")) return REFUSED["or-list"];
  const at = sourceStart(run, statements[0].node);
  return { start: at, end: at, text: `${command} && ` };
}
function removeChainElement(model, run, command) {
  const statements = topLevelStatements(run.root);
  if (statements.length !== 1) return null;
  const chain = andChain(statements[0].node);
  const i = chain.findIndex((n) => n.id === command.id);
  if (i < 0 || chain.length < 2) return null;
  const start = i === chain.length - 1 ? sourceEnd(run, chain[i - 1]) : sourceStart(run, chain[i]);
  const end = i === chain.length - 1 ? sourceEnd(run, chain[i]) : sourceStart(run, chain[i + 1]);
  if (/(^|[\r\n])[ \t]*#/.test(model.source.text.slice(start, end))) return null;
  return { start, end, text: "" };
}
function deleteInstruction(model, node) {
  const src = model.source;
  return { start: src.lineStarts[node.line - 1], end: src.lineEndWithBreak(node.endLine - 1), text: "" };
}
function insertListWord(model, run, items, word, key = (t) => t) {
  if (!items.length) throw new Error("insertListWord: an empty list");
  const src = model.source;
  const escape = model.escapeChar;
  const spans = items.map((item) => {
    const start = sourceStart(run, item.node);
    const end = sourceEnd(run, item.node);
    const line = src.positionAt(start).line;
    const before = src.text.slice(src.lineStarts[line], start);
    return { ...item, start, end, line, ownLine: /^[ \t]*$/.test(before) ? before : null };
  });
  const lines = new Set(spans.map((s) => s.line));
  const onePerLine = lines.size === spans.length && spans.every((s) => src.positionAt(s.end - 1).line === s.line) && (spans.length > 1 || spans[0].ownLine !== null);
  const literal = spans.filter((s) => !s.computed);
  const last = literal[literal.length - 1] ?? null;
  if (!onePerLine) {
    return last ? { start: last.end, end: last.end, text: ` ${word}` } : { start: spans[0].start, end: spans[0].start, text: `${word} ` };
  }
  const indentNear = (i) => {
    for (let d = 0; d < spans.length; d++) {
      const found = spans[i + d]?.ownLine ?? spans[i - d]?.ownLine;
      if (found !== void 0 && found !== null) return found;
    }
    return "    ";
  };
  let sep = " ";
  for (const s of spans) {
    const after = /^([ \t]*)(.?)/.exec(src.text.slice(s.end, src.lineEnd(s.line)));
    if (after[2] === escape && src.text.slice(s.end + after[0].length, src.lineEnd(s.line)).trim() === "") {
      sep = after[1] || " ";
      break;
    }
  }
  const eol = src.eol;
  const commented = [...Array(spans[spans.length - 1].line - spans[0].line).keys()].some((d) => /^\s*#/.test(src.lineText(spans[0].line + d + 1)));
  const keys = literal.map((s) => key(unquoted(s.node)).toLowerCase());
  const sorted = literal.length > 1 && !commented && keys.every((k, i) => i === 0 || keys[i - 1] <= k);
  const next = sorted ? literal.find((_, i) => keys[i] > key(word).toLowerCase()) : void 0;
  const target = next ?? (last ? null : spans[0]);
  if (target) {
    const i = spans.indexOf(target);
    if (target.ownLine !== null) {
      const at = src.lineStarts[target.line];
      return { start: at, end: at, text: `${target.ownLine}${word}${sep}${escape}${eol}` };
    }
    return { start: target.start, end: target.start, text: `${word}${sep}${escape}${eol}${indentNear(i + 1)}` };
  }
  return { start: last.end, end: last.end, text: `${sep}${escape}${eol}${indentNear(spans.indexOf(last))}${word}` };
}

// transforms/merge-runs.ts
var ID = "merge-runs";
var HADOLINT_RULES = ["DL3059"];
var INDENT = "    ";
var STATE_BUILTINS = /* @__PURE__ */ new Set([
  "cd",
  "pushd",
  "popd",
  "export",
  "set",
  "shift",
  "umask",
  "ulimit",
  "trap",
  "alias",
  "unalias",
  "shopt",
  "unset",
  "source",
  ".",
  "exec",
  "exit",
  "return",
  "eval",
  "read",
  "readonly",
  "local",
  "declare",
  "typeset",
  "let",
  "getopts",
  "hash",
  "enable",
  "builtin",
  "command",
  "mapfile",
  "readarray",
  // zsh and ksh, which SHELL may name
  "setopt",
  "unsetopt",
  "emulate",
  "zmodload",
  "autoload",
  "integer",
  "float",
  "nameref",
  "disable"
]);
var SPECIAL_BUILTINS = /* @__PURE__ */ new Set([
  ":",
  ".",
  "break",
  "continue",
  "eval",
  "exec",
  "exit",
  "export",
  "readonly",
  "return",
  "set",
  "shift",
  "times",
  "trap",
  "unset"
]);
var STATE_SYNTAX = {
  function_definition: "a function definition",
  declaration_command: "a declaration",
  unset_command: "`unset`",
  variable_assignments: "a variable assignment",
  for_statement: "a `for` loop, which leaves its variable set",
  c_style_for_statement: "a `for` loop, which leaves its variable set",
  select_statement: "a `select` loop, which leaves its variable set"
};
var ASSIGNING_OPERATORS = /* @__PURE__ */ new Set(["=", ":=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "^=", "|=", "++", "--"]);
var CHILD_PROCESS = /* @__PURE__ */ new Set(["subshell", "command_substitution", "process_substitution"]);
var COMPOUND = /* @__PURE__ */ new Set([
  "subshell",
  "compound_statement",
  "if_statement",
  "while_statement",
  "for_statement",
  "c_style_for_statement",
  "case_statement",
  "function_definition",
  "command_substitution",
  "process_substitution",
  "select_statement"
]);
var FRESH_SHELL_VARIABLES = /* @__PURE__ */ new Set(["_", "SECONDS", "BASH_COMMAND"]);
function tokenText(node) {
  return node.text.length > 40 ? `${node.text.slice(0, 37)}...` : node.text;
}
function commandName(node) {
  const word = node.childForFieldName("name")?.namedChildren[0];
  return word ? literalValue(word) : null;
}
function inArithmetic(node) {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (parent.type === "test_command") return false;
    if (parent.type === "arithmetic_expansion" || parent.type === "c_style_for_statement") return true;
    if (parent.type === "compound_statement" && parent.children[0]?.type === "((") return true;
  }
  return false;
}
function stateChange(node) {
  if (node.type === "command") {
    const name = commandName(node);
    if (name === null) return `\`${tokenText(node.childForFieldName("name") ?? node)}\` may name a builtin such as \`cd\``;
    if (STATE_BUILTINS.has(name)) return `\`${name}\` changes the shell`;
    const args = node.childrenForFieldName("argument").map((a) => a ? literalValue(a) : null);
    if (name === "printf" && (args[0] === null || args[0]?.startsWith("-v"))) return "`printf -v` sets a variable";
    const assigns = node.namedChildren.some((c) => c?.type === "variable_assignment");
    if (assigns && SPECIAL_BUILTINS.has(name)) return `an assignment before \`${name}\` stays in the shell`;
    return null;
  }
  if (STATE_SYNTAX[node.type]) return STATE_SYNTAX[node.type];
  if (node.type === "variable_assignment" && node.parent?.type !== "command") return "a variable assignment";
  if (!node.isNamed && ASSIGNING_OPERATORS.has(node.type)) {
    if (node.parent?.type === "expansion") return `an assigning expansion \`${tokenText(node.parent)}\``;
    if (inArithmetic(node)) return "an arithmetic assignment";
  }
  return null;
}
var SHELL_VARIABLES = /* @__PURE__ */ new Set([
  "PATH",
  "HOME",
  "IFS",
  "CDPATH",
  "ENV",
  "BASH_ENV",
  "PS1",
  "PS2",
  "PS3",
  "PS4",
  "OPTIND",
  "OPTARG",
  "OPTERR",
  "LANG",
  "LANGUAGE",
  "LC_ALL",
  "LC_CTYPE",
  "LC_COLLATE",
  "LC_MESSAGES",
  "LC_NUMERIC",
  "PWD",
  "OLDPWD",
  "SHELLOPTS",
  "BASHOPTS",
  "POSIXLY_CORRECT",
  "GLOBIGNORE",
  "TMOUT",
  "FPATH",
  "TMPDIR",
  "TZ",
  "USER",
  "SHELL",
  "TERM",
  "LD_LIBRARY_PATH",
  "LD_PRELOAD",
  "DEBIAN_FRONTEND",
  "HOSTNAME",
  "MAIL",
  "MAILPATH",
  "HISTFILE",
  "TIMEFORMAT"
]);
function assignedName(node) {
  const name = node.childForFieldName("name")?.text ?? node.text;
  return /^[A-Za-z_][A-Za-z0-9_]*/.exec(name)?.[0] ?? name;
}
function stateEffect(node) {
  if (node.type === "command") {
    const name = commandName(node);
    if (name === "cd") return { kind: "cwd", reason: "`cd` changes the shell" };
    if (name === "set") {
      const args = node.childrenForFieldName("argument").map((a) => a ? literalValue(a) : null);
      if (args.length > 0 && args.every((a) => a !== null && /^[-+][xv]+$/.test(a))) return "harmless";
    }
  }
  if (node.type === "variable_assignment" && node.parent?.type !== "command") {
    return { kind: "variable", name: assignedName(node), reason: "a variable assignment" };
  }
  if (node.type === "variable_assignments") return null;
  if (node.type === "for_statement" || node.type === "select_statement") {
    const variable = node.childForFieldName("variable");
    if (variable) return { kind: "variable", name: variable.text, reason: STATE_SYNTAX[node.type] };
  }
  const reason = stateChange(node);
  return reason ? { kind: "other", reason } : null;
}
function shellEffects(root) {
  const effects = [];
  const stack = [{ node: root, inShell: true }];
  while (stack.length) {
    const { node, inShell } = stack.pop();
    const own = inShell && !CHILD_PROCESS.has(node.type);
    const found = own ? stateEffect(node) : null;
    if (found && found !== "harmless") effects.push(found);
    const children = node.children;
    const lastStage = node.type === "pipeline" ? children.filter((c) => c.isNamed).pop() : void 0;
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ node: children[i], inShell: own && (lastStage === void 0 || children[i] === lastStage) });
    }
  }
  return effects;
}
var READS_ANY_VARIABLE = /* @__PURE__ */ new Set(["eval", "source", ".", "compgen"]);
var LISTS_VARIABLES = /* @__PURE__ */ new Set(["declare", "typeset", "set", "local", "readonly", "export"]);
function variablesRead(root) {
  const names = /* @__PURE__ */ new Set();
  let any = false;
  walk(root, (node) => {
    if (node.type === "variable_name") names.add(node.text);
    else if (node.type === "expansion" && node.text.startsWith("${!")) any = true;
    else if (node.type === "command") {
      const name = commandName(node);
      const args = node.childrenForFieldName("argument").map((arg) => arg ? literalValue(arg) : null);
      if (name === null || READS_ANY_VARIABLE.has(name)) any = true;
      else if (LISTS_VARIABLES.has(name) && (args.length === 0 || args.some((arg) => arg === null || arg === "-p"))) any = true;
    }
    return !any;
  });
  return any ? null : names;
}
function startsWithAbsoluteCd(statements) {
  let node = statements[0]?.node ?? null;
  while (node && node.type === "list") node = node.namedChildren[0] ?? null;
  if (!node || node.type !== "command" || commandName(node) !== "cd") return false;
  const args = node.childrenForFieldName("argument").map((a) => a ? literalValue(a) : null);
  return args.length === 1 && args[0] !== null && args[0].startsWith("/");
}
var MANY_COMMANDS = 6;
var REMOVING_VERBS = /* @__PURE__ */ new Set(["remove", "purge", "autoremove", "clean", "autoclean", "dist-clean", "erase", "uninstall", "del", "cache"]);
var APT_LISTS = "/var/lib/apt/lists";
function removes(command) {
  if (command.program === "rm" || command.program === "unlink") return true;
  if (command.program === "find") return command.words.includes("-delete");
  const manager = managerCommand(command.words);
  if (!manager?.subcommand) return false;
  const facts = PACKAGE_MANAGER_FACTS[manager.manager];
  const verb = manager.subcommand.split(" ")[0];
  return REMOVING_VERBS.has(verb) || (facts.removeVerbs ?? []).includes(verb) || (facts.cleanVerbs ?? []).includes(verb);
}
function aptIndexSteps(commands) {
  const steps = [];
  for (const command of commands) {
    const manager = managerCommand(command.words);
    const apt = manager !== null && PACKAGE_MANAGER_FACTS[manager.manager].system === "apt";
    if (apt && manager.subcommand === "update") steps.push("update");
    else if (apt && manager.subcommand === "dist-clean") steps.push("removal");
    else if (command.program === "rm" && command.words.some((w) => w !== null && w.startsWith(APT_LISTS))) steps.push("removal");
  }
  return steps;
}
function isSubstantial(commands, aptIndex) {
  if (commands.length >= MANY_COMMANDS) return true;
  return commands.some((command) => {
    const system = isPackageInstall(command.words);
    if (system) return system.manager !== "apt" || aptIndex.includes("update");
    const manager = managerCommand(command.words);
    return manager !== null && PACKAGE_MANAGER_FACTS[manager.manager].installVerbs.includes(manager.subcommand ?? "");
  });
}
function errexitSource(root) {
  let found = null;
  walk(root, (node) => {
    if (found || node.type !== "command") return !found;
    const name = commandName(node);
    const args = node.childrenForFieldName("argument").filter((a) => a !== null).map(literalValue);
    if (name === "set") {
      for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === "--" || arg === "-") break;
        if (arg === null || /^-[a-zA-Z]*e/.test(arg) || arg === "-o" && (args[i + 1] ?? null) === null || arg === "-o" && args[i + 1] === "errexit") {
          found = "turns on `set -e`";
        }
      }
    } else if (name === "trap" && args.some((a) => a === null || a === "ERR")) {
      found = "sets an ERR trap";
    } else if (name === "eval" || name === "source" || name === ".") {
      found = `runs \`${name}\`, which may turn on \`set -e\``;
    }
    return !found;
  });
  return found;
}
function readsFreshShellState(root) {
  let found = null;
  walk(root, (node) => {
    if (!found && (node.type === "special_variable_name" || node.type === "variable_name") && (node.parent?.type === "simple_expansion" || node.parent?.type === "expansion") && FRESH_SHELL_VARIABLES.has(node.text)) {
      found = `it reads \`$${node.text}\`, which differs in a fresh shell`;
    }
    return !found;
  });
  return found;
}
function hasType(root, types) {
  let found = false;
  walk(root, (node) => {
    if (types.has(node.type)) found = true;
    return !found;
  });
  return found;
}
var TRAILING_BACKSLASH = /\\\s*$/;
var TRAILING_BACKSLASH_REFUSAL = { id: "trailing-backslash", reason: "its script ends with a backslash, which would escape the join" };
function readPart(node, ctx) {
  const { dockerfile: model } = ctx;
  const read = ctx.facts.readRun(node);
  if (read.kind === "refused") {
    if (read.refusal.id === "shell-syntax-error" && TRAILING_BACKSLASH.test(model.shellScript(node).text)) return TRAILING_BACKSLASH_REFUSAL;
    return read.refusal;
  }
  const comment = ctx.suppressionComment(node);
  if (comment) return { id: "suppression-comment", reason: `the comment \`${comment}\` above it applies to this RUN only` };
  const { script, root } = read;
  const facts = scriptFacts(root, script.text);
  if ("reason" in facts) return facts;
  const { statements, trailing } = facts;
  const last = statements[statements.length - 1].node;
  const bodyEnd = script.offsets[last.endIndex - 1] + 1;
  const tail = model.source.text.slice(bodyEnd, node.end);
  const layout = /^[ \t]*(?:;[ \t]*)?(#[^\r\n]*)?$/.exec(tail);
  if (!layout) {
    return trailing ? { id: "comment-continues", reason: "its trailing comment continues onto another line" } : { id: "line-after-last-command", reason: "its last command is followed by another line" };
  }
  const commands = ctx.facts.commandsOf(read);
  const env = ctx.facts.envAt(node);
  const aptIndex = aptIndexSteps(commands);
  return {
    node,
    body: model.source.text.slice(node.argsStart, bodyEnd),
    tail,
    comment: layout[1] ? layout[1].trimEnd() : null,
    changesShell: facts.changesShell,
    // A variable the environment already has is exported: assigning it changes what every later program sees.
    effects: facts.effects.map((e) => e.kind === "variable" && (env.has(e.name) || SHELL_VARIABLES.has(e.name)) ? { kind: "other", reason: `it assigns \`${e.name}\`, which the shell or the programs it starts read` } : e),
    reads: facts.reads,
    startsWithAbsoluteCd: facts.startsWithAbsoluteCd,
    substantial: isSubstantial(commands, aptIndex),
    cleanup: commands.length > 0 && commands.every(removes),
    aptIndex,
    isList: facts.isList,
    script: facts.script,
    errexit: facts.errexit,
    compound: facts.compound,
    endsGroup: replacesShell(ctx, node, commands) ?? writesBashEnv(ctx, node, commands, root),
    calls: new Set(commands.flatMap((c) => c.program === null ? [] : [c.program])),
    installs: new Set(commands.flatMap((c) => installedCommands(c.words)))
  };
}
function shellPaths(ctx, node) {
  const program = ctx.dockerfile.shellOf(node)?.[0] ?? "/bin/sh";
  const paths = /* @__PURE__ */ new Set([program]);
  if (program.startsWith("/usr/")) paths.add(program.slice(4));
  else if (program.startsWith("/")) paths.add(`/usr${program}`);
  return paths;
}
function replacesShell(ctx, node, commands) {
  const shell2 = shellPaths(ctx, node);
  const workdir = ctx.facts.workdirAt(node);
  for (const command of commands) {
    if (command.program === "dpkg-reconfigure" && command.words.includes("dash")) {
      return { id: "replaces-shell", reason: "the RUN above runs `dpkg-reconfigure dash`, which may change what /bin/sh is; each later RUN starts the shell afresh, joined they would run in the old one" };
    }
    for (const written of writtenPaths(command.words) ?? []) {
      const full = written.startsWith("/") ? path8.posix.normalize(written) : workdir === null ? null : path8.posix.resolve(workdir, written);
      if (full !== null && shell2.has(full)) {
        return { id: "replaces-shell", reason: `the RUN above replaces ${full}, the shell each later RUN starts; joined, they would run in the old shell` };
      }
    }
  }
  return null;
}
function writesBashEnv(ctx, node, commands, root) {
  const shell2 = ctx.dockerfile.shellOf(node)?.[0] ?? "/bin/sh";
  if (!/(^|\/)bash$/.test(shell2)) return null;
  const env = ctx.facts.envAt(node);
  if (!env.has("BASH_ENV")) return null;
  const file = env.get("BASH_ENV");
  let names = false;
  walk(root, (n) => {
    if (n.type === "variable_name" && n.text === "BASH_ENV") names = true;
    else if (file && (n.type === "word" || n.type === "string" || n.type === "raw_string") && n.text.includes(file)) names = true;
    return !names;
  });
  const script = names ? null : commands.find((c) => ctx.facts.scriptRunBy(node, c, ctx.context) !== null);
  if (!names && !script) return null;
  const why = names ? "writes to or names the file BASH_ENV names" : `runs \`${script.words.map((w) => w ?? "\u2026").slice(0, 3).join(" ")}\`, which may write the file BASH_ENV names`;
  return { id: "bash-env", reason: `the RUN above ${why}${file ? ` (${file})` : ""}; bash reads it as each RUN starts, and joined it would be read once, before` };
}
var factsByScript = /* @__PURE__ */ new WeakMap();
function scriptFacts(root, text) {
  let facts = factsByScript.get(root);
  if (!facts) {
    facts = readScript(root, text);
    factsByScript.set(root, facts);
  }
  return facts;
}
function readScript(root, text) {
  if (TRAILING_BACKSLASH.test(text)) return TRAILING_BACKSLASH_REFUSAL;
  if (hasType(root, /* @__PURE__ */ new Set(["heredoc_redirect"]))) return { id: "heredoc-redirect", reason: "its script feeds a command a heredoc" };
  if (hasBackgroundJob(root) || hasCoproc(root)) {
    return { id: "background-job", reason: "it starts a background job, which a separate RUN ends and a joined one would keep running" };
  }
  const fresh = readsFreshShellState(root);
  if (fresh) return { id: "fresh-shell-state", reason: fresh };
  const comments = root.descendantsOfType("comment");
  const trailing = root.lastChild?.type === "comment" ? root.lastChild : null;
  if (comments.some((c) => c !== trailing)) return { id: "inner-comment", reason: "it has a shell comment inside a command" };
  const statements = topLevelStatements(root);
  if (statements.length === 0) return { id: "no-command", reason: "it runs no command" };
  const last = statements[statements.length - 1].node;
  const effects = shellEffects(root);
  return {
    statements,
    trailing,
    changesShell: effects[0]?.reason ?? null,
    effects,
    reads: variablesRead(root),
    startsWithAbsoluteCd: startsWithAbsoluteCd(statements),
    isList: hasOrList(last),
    script: statements.length > 1,
    errexit: errexitSource(root),
    compound: statements.length > 1 || hasType(root, COMPOUND)
  };
}
function hasOrList(node) {
  if (!["list", "redirected_statement", "negated_command"].includes(node.type)) return false;
  return node.children.some((child) => child !== null && (child.type === "||" || hasOrList(child)));
}
function hasCoproc(root) {
  let found = false;
  walk(root, (node) => {
    if (node.type === "command" && commandName(node) === "coproc") found = true;
    return !found;
  });
  return found;
}
function shellHasErrexit(node, model) {
  const args = (model.shellOf(node) ?? []).slice(1, -1);
  return args.some((a, i) => /^-[a-zA-Z]*e/.test(a) || a === "-o" && args[i + 1] === "errexit");
}
function endsChain(part, errexitShell) {
  if (part.endsGroup) return part.endsGroup;
  if (part.errexit) {
    return { id: "errexit", reason: `the RUN above ${part.errexit}, which the shell ignores left of \`&&\`` };
  }
  if (errexitShell && (part.compound || part.changesShell)) {
    return { id: "shell-errexit", reason: "SHELL runs with `-e`, which the shell ignores inside the commands of the RUN above left of `&&`" };
  }
  return null;
}
function commentBetween(a, b, model) {
  for (let line = a.endLine + 1; line < b.line; line++) if (model.source.lineText(line - 1).trim().startsWith("#")) return true;
  return false;
}
function continuationIndent(parts, model) {
  const runs2 = [...parts.map((p) => p.node), ...model.stages.flatMap((s) => s.instructions.filter((i) => i.keyword === "RUN"))];
  for (const node of runs2) {
    for (let line = node.line + 1; line <= node.endLine; line++) {
      const text = model.source.lineText(line - 1);
      const indent = /^[ \t]+(?=\S)/.exec(text)?.[0];
      if (indent) return indent.startsWith("	") ? "	" : INDENT;
    }
  }
  return INDENT;
}
function affectsLater(part, later, nextIsolated) {
  for (const effect of part.effects) {
    if (effect.kind === "other") return effect.reason;
    if (effect.kind === "cwd") {
      const readsDirectory = later.some((p) => p.reads === null || p.reads.has("PWD") || p.reads.has("OLDPWD"));
      if (!later[0].startsWithAbsoluteCd || nextIsolated || readsDirectory) return effect.reason;
    }
    if (effect.kind === "variable" && later.some((p) => p.reads === null || p.reads.has(effect.name))) return effect.reason;
  }
  return null;
}
function aptIndexFits(steps) {
  const updates = steps.filter((s) => s === "update").length;
  const removals = steps.filter((s) => s === "removal").length;
  return updates <= 1 && removals <= 1 && !(removals && steps.indexOf("update") > steps.indexOf("removal"));
}
function isStep(part) {
  return part.substantial && !part.cleanup;
}
function partition(chain, separate) {
  const groups = [];
  let current = [];
  const fits = (group, part) => !(isStep(part) && group.some(isStep)) && aptIndexFits([...group, part].flatMap((p) => p.aptIndex));
  for (const part of chain) {
    if (current.length && !fits(current, part)) {
      let keep = current.length;
      if (isStep(part) && current.some(isStep)) {
        let step = current.length - 1;
        while (!isStep(current[step])) step--;
        while (keep - 1 > step && !current[keep - 1].cleanup) keep--;
        separate(current[keep] ?? part);
      }
      const carried = current.slice(keep);
      groups.push(current.slice(0, keep));
      current = carried;
      if (current.length && !fits(current, part)) {
        groups.push(current);
        current = [];
      }
    }
    current.push(part);
  }
  if (current.length) groups.push(current);
  return groups;
}
function join(parts, model) {
  const eol = model.source.eol;
  const escape = model.escapeChar;
  const indent = continuationIndent(parts, model);
  const trailing = operatorStyle(model, parts.map((p) => p.node)) === "trailing";
  let text = "";
  let isolated = 0;
  const subshell = parts.map(() => false);
  for (let i = parts.length - 2; i >= 0; i--) subshell[i] = affectsLater(parts[i], parts.slice(i + 1), subshell[i + 1]) !== null;
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    let body = part.body;
    let grouped = false;
    if (subshell[i]) {
      body = `( ${body} )`;
      grouped = true;
      isolated++;
    } else if (i > 0 && part.isList) {
      body = `{ ${body}; }`;
      grouped = true;
    }
    if (i > 0) text += trailing ? indent : `${indent}&& `;
    text += body;
    if (last) {
      text += grouped ? part.comment ? ` ${part.comment}` : "" : part.tail;
      return;
    }
    text += trailing ? ` && ${escape}${eol}` : ` ${escape}${eol}`;
    if (part.comment) text += indent + part.comment + eol;
  });
  const first = parts[0].node;
  const subshells = isolated ? `; ${isolated > 1 ? `${isolated} of them run` : "one runs"} in a subshell so ${isolated > 1 ? "their" : "its"} shell changes stay local` : "";
  return {
    line: first.line,
    message: `merged ${parts.length} RUN instructions into one layer${subshells}`,
    edits: [{ start: first.argsStart, end: parts[parts.length - 1].node.end, text }]
  };
}
function sameFlags(a, b) {
  return a.flags.length === b.flags.length && a.flags.every((f, i) => f.text === b.flags[i].text);
}
var mergeRuns = {
  id: ID,
  level: "safe",
  effects: ["run-grouping"],
  description: "Merge consecutive RUN instructions of a stage into one RUN joined with &&",
  rationale: "Each RUN adds a layer; files deleted in a later layer still ship in the earlier one. One RUN per step makes fewer, smaller layers. Each RUN starts a fresh shell, so commands that change the shell (cd, export, set, ...) are kept in a subshell and the build fails at the same command as before.",
  hadolintRules: HADOLINT_RULES,
  run(ctx) {
    const { dockerfile } = ctx;
    const fixes = [];
    const notes = [];
    for (const stage of dockerfile.stages) {
      const instructions = stage.instructions;
      if (!ctx.facts.shipsLayers(stage)) {
        const second = instructions.find((node, i) => node.keyword === "RUN" && instructions[i - 1]?.keyword === "RUN");
        if (second) {
          const name = stage.name ? `\`${stage.name}\`` : `${stage.index + 1}`;
          notes.push({
            line: instructions[instructions.indexOf(second) - 1].line,
            id: "unshipped-stage",
            message: `RUNs of stage ${name} not merged: its layers are not in the image (only what is copied out of it is), so one layer would save no bytes and lose cache points`
          });
        }
        continue;
      }
      let chain = [];
      let separated = false;
      let called = /* @__PURE__ */ new Set();
      let hashed = /* @__PURE__ */ new Set();
      const separate = (part) => {
        if (separated) return;
        separated = true;
        notes.push({
          line: part.node.line,
          id: "separate-steps",
          message: "not merged with the RUN above: each installs packages or runs many commands of its own, and neither cleans up after the other; one layer would save no bytes, and a failure here would rerun the RUN above (further such RUNs of this stage are left apart too)"
        });
      };
      let scripted = false;
      const leaveApart = (script) => {
        if (scripted) return;
        scripted = true;
        notes.push({
          line: script.node.line,
          id: "semicolon-script",
          message: "not merged with the RUNs beside it: it is a `;` script, which joined with `&&` would need braces; left as its own layer (further such RUNs of this stage are left apart too)"
        });
      };
      const flush2 = () => {
        if (chain.length > 1) {
          for (const group of partition(chain, separate)) if (group.length > 1) fixes.push(join(group, dockerfile));
        }
        chain = [];
        called = /* @__PURE__ */ new Set();
        hashed = /* @__PURE__ */ new Set();
      };
      instructions.forEach((node, i) => {
        if (node.keyword !== "RUN" || ctx.locked(node)) {
          flush2();
          return;
        }
        const neighbour = instructions[i - 1]?.keyword === "RUN" || instructions[i + 1]?.keyword === "RUN";
        const part = readPart(node, ctx);
        if ("reason" in part) {
          if (neighbour) notes.push({ line: node.line, id: part.id, message: `RUN not merged: ${part.reason}` });
          flush2();
          return;
        }
        const previous = chain[chain.length - 1];
        if (previous && commentBetween(previous.node, node, dockerfile)) flush2();
        else if (previous) {
          const stale = [...part.calls].find((name) => hashed.has(name));
          const refusal2 = !sameFlags(previous.node, node) ? { id: "different-flags", reason: "different flags" } : endsChain(previous, shellHasErrexit(node, dockerfile)) ?? (stale ? { id: "command-hash", reason: `it runs \`${stale}\`, which a RUN above reinstalls after the shell looked it up; a fresh RUN finds the new one, a joined one the old path the shell remembers` } : null);
          if (refusal2) {
            notes.push({ line: node.line, id: refusal2.id, message: `not merged with the RUN above: ${refusal2.reason}` });
            flush2();
          } else if (part.script || previous.script) {
            leaveApart(part.script ? part : previous);
            flush2();
          }
        }
        chain.push(part);
        for (const name of part.calls) called.add(name);
        for (const name of part.installs) if (called.has(name)) hashed.add(name);
      });
      flush2();
    }
    return { fixes, notes };
  }
};

// transforms/apt-cleanup.ts
var APT_GET = PACKAGE_MANAGER_FACTS["apt-get"];
var APT = PACKAGE_MANAGER_FACTS.apt;
var LISTS = APT_GET.indexDir;
var CLEANUP = APT_GET.cleanup[0];
var SOURCE_MARKERS = APT_GET.sourceMarkers;
var PROMPTING = APT_GET.promptVerbs;
var LIST_FREE = APT_GET.indexFreeVerbs;
var VALUE_OPTIONS = APT_GET.valueOptions;
var RECOMMENDS = /^(--no-install-recommends|--install-recommends|.*Install-Recommends.*)$/i;
var isListPath = (word) => word === LISTS || word === `${LISTS}/` || word === `${LISTS}/*` || word === `${LISTS}*`;
var changesSources = (text) => SOURCE_MARKERS.some((m) => text.includes(m));
var OPAQUE = /* @__PURE__ */ new Set(["eval"]);
var SCRIPT_DEPTH = 4;
function aptCommand(node, words3, nodes, program) {
  const found = managerCommand(words3);
  if (found && (found.manager === "apt-get" || found.manager === "apt")) {
    const at2 = found.subcommandIndex;
    return { node, program: found.program, programNode: nodes[0], sub: found.subcommand, subNode: at2 === null ? null : nodes[at2], words: words3, sudo: false };
  }
  if (program === null || !APT_GET.indexReaders.includes(program)) return null;
  const at = subcommandAt(words3, 1, VALUE_OPTIONS);
  return { node, program, programNode: nodes[0], sub: at === null ? null : words3[at], subNode: at === null ? null : nodes[at], words: words3, sudo: false };
}
function readListUse(ctx, node) {
  const read = ctx.facts.readRun(node);
  if (read.kind === "refused") {
    return { run: null, unreadable: read.refusal, events: [], apt: [] };
  }
  const events = [];
  const apt = [];
  for (const command of ctx.facts.commandsOf(read)) {
    const { words: words3, nodes, program } = command;
    const text = command.command.node.text;
    const found = program === null ? null : aptCommand(command.command.node, words3, nodes, program);
    if (found) {
      found.sudo = command.wrappers.includes("sudo") && command.sudoAsRoot;
      apt.push(found);
    }
    events.push(...commandEvents(ctx, node, command, text, found, 0));
  }
  return { run: read, unreadable: null, events, apt };
}
function commandEvents(ctx, node, command, text, apt, depth, within) {
  const { nodes, program } = command;
  const at = command.command.node;
  if (program === null) return [{ kind: "opaque", node: at, text }];
  if (apt) {
    if (apt.sub === "update") return [{ kind: "update", node: at, text }];
    if (apt.sub !== null && (APT_GET.indexCleanVerbs ?? []).includes(apt.sub)) return [{ kind: "clean", node: at, text, listsOnly: false }];
    if (apt.sub === null || !LIST_FREE.includes(apt.sub)) return [{ kind: "use", node: at, text }];
    return [];
  }
  if (program === "rm" && nodes.slice(1).some((n) => isListPath(unquoted(n)))) {
    const listsOnly = depth === 0 && nodes.slice(1).every((n) => isListPath(unquoted(n)) || /^-[a-zA-Z]+$/.test(unquoted(n)));
    return [{ kind: "clean", node: at, text, listsOnly }];
  }
  if (OPAQUE.has(program)) return [{ kind: "opaque", node: at, text }];
  const script = ctx.facts.scriptRunBy(node, command, ctx.context, within);
  if (!script) return [];
  const where = script.file ?? "its inline script";
  if (!script.roots) return [{ kind: "opaque", node: at, text, inside: `dfmod cannot read what it runs: ${script.unknown}` }];
  if (depth >= SCRIPT_DEPTH) return [{ kind: "opaque", node: at, text, inside: `it runs scripts nested deeper than dfmod reads (${where})` }];
  const events = [];
  for (const root of script.roots) {
    for (const inner of ctx.facts.commandsOf({ root })) {
      const innerApt = inner.program === null ? null : aptCommand(inner.command.node, inner.words, inner.nodes, inner.program);
      for (const event of commandEvents(ctx, node, inner, inner.command.node.text, innerApt, depth + 1, { root })) {
        const inside = event.inside ?? `\`${event.text.split(/\s+/).slice(0, 3).join(" ")}\` in ${where}`;
        events.push({ ...event, kind: event.kind === "use" ? "opaque" : event.kind, node: at, text, inside, listsOnly: false });
      }
    }
  }
  return events;
}
function firstEvent(use) {
  if (use.unreadable) return "unreadable";
  return use.events[0] ?? null;
}
function leavesLists(use) {
  const last = [...use.events].reverse().find((e) => e.kind === "update" || e.kind === "clean");
  return last?.kind === "update";
}
function isLoneUpdate(ctx, use) {
  if (!use.run) return false;
  const commands = ctx.facts.commandsOf(use.run);
  return commands.length > 0 && use.run.root.namedChildren.filter((n) => n && n.type !== "comment").length === 1 && commands.every((c) => use.apt.some((a) => a.node.id === c.command.node.id && a.sub === "update"));
}
function listsMounted(run) {
  return run.mounts.some((m) => mountCovers(m, LISTS));
}
function consumersOf(ctx, node, uses2) {
  const consumers = [];
  let cleaner = null;
  ctx.facts.laterRuns(node).forEach((branch, b) => {
    for (const later of branch) {
      const use = useOf(ctx, later, uses2);
      const first = firstEvent(use);
      if (first === null) continue;
      if (first === "unreadable") {
        consumers.push({ node: later, use, unreadable: use.unreadable, what: null, inside: null });
        break;
      }
      if (first.kind === "update") break;
      if (first.kind === "clean") {
        if (b === 0) cleaner = later;
        break;
      }
      consumers.push({ node: later, use, unreadable: null, what: first.text.split(/\s+/).slice(0, 3).join(" "), inside: first.inside ?? null });
      if (use.events.some((e) => e.kind === "clean" || e.kind === "update")) break;
    }
  });
  return { consumers, cleaner };
}
function useOf(ctx, node, uses2) {
  let use = uses2.get(node);
  if (!use) {
    use = readListUse(ctx, node);
    uses2.set(node, use);
  }
  return use;
}
var ROOT_USERS = /^(root|0)(:(root|0))?$/;
function asRoot(ctx, node, use, sub) {
  const user = ctx.facts.userAt(node);
  if (user === null || ROOT_USERS.test(user)) return "";
  return use.apt.some((a) => a.sudo && (sub === void 0 || a.sub === sub)) ? "sudo " : null;
}
function updateCommand(use) {
  const update = use.apt.find((a) => a.sub === "update");
  if (update && update.words.every((w) => w !== null) && update.program === "apt-get") {
    return update.words.join(" ");
  }
  return "apt-get update";
}
function sourcesChangeBetween(model, from, to) {
  const lastUpdate = [...from.events].reverse().find((e) => e.kind === "update");
  if (from.run && lastUpdate && changesSources(from.run.script.text.slice(lastUpdate.node.endIndex))) return true;
  const stage = from.run.node.stage;
  const between = stage.instructions.filter((i) => i.index > from.run.node.index && i.index < to.index);
  return between.some((i) => changesSources(model.rawArguments(i)));
}
function removeLaterCleanup(model, use) {
  const clean = use.events[0];
  if (!use.run || !clean || clean.kind !== "clean" || !clean.listsOnly || use.run.node.flags.length > 0) return null;
  const alone = use.run.root.namedChildren.filter((n) => n && n.type !== "comment");
  if (alone.length === 1 && alone[0].id === clean.node.id) return [deleteInstruction(model, use.run.node)];
  const edit = removeChainElement(model, use.run, clean.node);
  return edit ? [edit] : null;
}
var aptCleanup = {
  id: "apt-cleanup",
  level: "safe",
  effects: ["run-commands", "run-grouping"],
  description: "apt-get update, install -y and rm -rf /var/lib/apt/lists/* in the same RUN; apt-get rather than apt",
  rationale: "Package lists left in a layer add tens of MB that a later RUN cannot remove; an install reading the lists of an earlier, cached RUN installs from stale lists. -y keeps apt from aborting at its prompt, and apt-get has a stable command line for scripts where apt does not. Option noInstallRecommends (review) adds --no-install-recommends.",
  hadolintRules: ["DL3009", "DL3014", "DL3027", "DL3015"],
  run(ctx) {
    const { dockerfile } = ctx;
    const noRecommends = ctx.options.noInstallRecommends === true;
    const fixes = [];
    const notes = [];
    const uses2 = /* @__PURE__ */ new Map();
    for (const node of dockerfile.instructions) {
      if (node.keyword !== "RUN" || !node.stage) continue;
      const use = useOf(ctx, node, uses2);
      if (use.unreadable) {
        if (/\bapt(-get)?\b/.test(dockerfile.rawArguments(node))) {
          notes.push({ line: node.line, id: use.unreadable.id, message: `left alone: ${use.unreadable.reason}` });
        }
        continue;
      }
      for (const apt of use.apt) commandFix(apt, use.run, noRecommends, fixes, notes);
      listsFix(ctx, node, use, uses2, fixes, notes);
    }
    return { fixes, notes };
  }
};
function commandFix(apt, run, noRecommends, fixes, notes) {
  if (apt.program !== "apt" && apt.program !== "apt-get") return;
  if (apt.sub === null || !apt.subNode) return;
  const edits2 = [];
  const said = [];
  let sub = apt.sub;
  if (apt.program === "apt") {
    const equivalent = APT.scriptEquivalent.verbs[apt.sub];
    if (!equivalent) {
      notes.push({ line: run.node.line, id: "no-apt-get-equivalent", message: `\`apt ${apt.sub}\` left alone: apt-get has no ${apt.sub}` });
    } else if (apt.programNode.text === "apt") {
      edits2.push({ start: sourceStart(run, apt.programNode), end: sourceEnd(run, apt.programNode), text: "apt-get" });
      if (equivalent !== apt.sub) {
        edits2.push({ start: sourceStart(run, apt.subNode), end: sourceEnd(run, apt.subNode), text: equivalent });
      }
      said.push(`\`apt ${apt.sub}\` -> \`apt-get ${equivalent}\``);
      sub = equivalent.split(" ")[0];
    }
  }
  const flags = [];
  const rest = apt.words.slice(1);
  const computed = rest.some((w) => w === null);
  if (PROMPTING.includes(sub) && !rest.some((w) => w !== null && answersPrompt("apt-get", w))) {
    if (computed) notes.push({ line: run.node.line, id: "computed-arguments", message: "-y not added: some arguments of apt-get are computed by the shell" });
    else flags.push("-y");
  }
  if (noRecommends && sub === "install" && !computed && !rest.some((w) => w !== null && RECOMMENDS.test(w))) {
    flags.push("--no-install-recommends");
  }
  if (flags.length) {
    const at = sourceEnd(run, apt.subNode);
    edits2.push({ start: at, end: at, text: ` ${flags.join(" ")}` });
    said.push(`${flags.join(" ")} added`);
  }
  if (edits2.length === 0) return;
  fixes.push({ line: run.node.line, message: `apt: ${said.join(", ")}`, edits: edits2 });
}
function listsFix(ctx, node, use, uses2, fixes, notes) {
  const { dockerfile } = ctx;
  const run = use.run;
  if (!leavesLists(use)) {
    if (use.events.some((e) => e.kind === "update")) {
      const { cleaner: cleaner2 } = consumersOf(ctx, node, uses2);
      const removal = cleaner2 && useOf(ctx, cleaner2, uses2);
      const edits2 = removal && removeLaterCleanup(dockerfile, removal);
      if (cleaner2 && edits2) {
        fixes.push({ line: cleaner2.line, message: `removed a later \`${CLEANUP}\`: line ${ctx.originalLine(node.line)} already removes the lists in its own layer`, edits: edits2 });
      }
    }
    return;
  }
  if (listsMounted(run)) return;
  const { consumers, cleaner } = consumersOf(ctx, node, uses2);
  if (consumers.length === 0 && !isLoneUpdate(ctx, use) && !ctx.facts.shipsLayers(node.stage)) return;
  if (consumers.length === 0) {
    if (isLoneUpdate(ctx, use)) {
      notes.push({ line: node.line, id: "lone-update", message: "left alone: `apt-get update` alone in a RUN caches stale lists; update in the RUN that installs" });
      return;
    }
    const root = asRoot(ctx, node, use, "update");
    if (root === null) {
      notes.push({ line: node.line, id: "not-root", message: `lists not removed: the RUN runs as USER ${ctx.facts.userAt(node)}, and dfmod does not know how it removes them as root` });
      return;
    }
    const edit = appendCommand(dockerfile, run, [`${root}${CLEANUP}`]);
    if ("reason" in edit) {
      notes.push({ line: node.line, id: edit.id, message: `lists not removed: ${edit.reason}` });
      return;
    }
    const removal = cleaner && removeLaterCleanup(dockerfile, useOf(ctx, cleaner, uses2));
    if (cleaner && removal) {
      fixes.push({ line: node.line, message: `\`${CLEANUP}\` moved from line ${ctx.originalLine(cleaner.line)} into the RUN that downloaded the lists`, edits: [edit, ...removal] });
    } else {
      fixes.push({ line: node.line, message: `\`${CLEANUP}\` in the RUN that ran apt-get update: the lists stay out of the layer`, edits: [edit] });
    }
    return;
  }
  const next = node.stage.instructions[node.stage.instructions.indexOf(node) + 1];
  for (const consumer of consumers) {
    const readable = consumer.use.run && firstEvent(consumer.use) !== "unreadable" && consumer.use.events[0].kind === "use";
    if (!readable) {
      const at = `the RUN at line ${ctx.originalLine(consumer.node.line)}`;
      notes.push(consumer.unreadable ? { line: node.line, id: "lists-read-by-unread-run", message: `lists kept: ${at} may install packages from them, and dfmod does not read it: ${consumer.unreadable.reason}` } : { line: node.line, id: "lists-read-by-script", message: `lists kept: ${at} runs \`${consumer.what}\`, which may install packages from them${consumer.inside ? ` (${consumer.inside})` : ""}` });
      continue;
    }
    if (isLoneUpdate(ctx, use) && consumer.node === next && node.flags.length === 0) {
      const prepend2 = prependCommand(consumer.use.run, run.script.text.trim());
      if ("reason" in prepend2) {
        notes.push({ line: node.line, id: "lone-update-cannot-join", message: `left alone: \`apt-get update\` alone in a RUN caches stale lists, and it cannot join the next RUN: ${prepend2.reason}` });
        continue;
      }
      fixes.push({
        line: node.line,
        message: `\`apt-get update\` merged into the RUN that installs (line ${ctx.originalLine(consumer.node.line)}): alone, its cached lists go stale`,
        edits: [deleteInstruction(dockerfile, node), prepend2]
      });
      continue;
    }
    if (sourcesChangeBetween(dockerfile, use, consumer.node)) {
      notes.push({ line: node.line, id: "sources-change", message: `lists kept: the RUN at line ${ctx.originalLine(consumer.node.line)} installs from them, and apt's sources change in between` });
      continue;
    }
    const root = asRoot(ctx, consumer.node, consumer.use);
    if (root === null) {
      notes.push({ line: node.line, id: "not-root", message: `lists kept: the RUN at line ${ctx.originalLine(consumer.node.line)} installs from them as USER ${ctx.facts.userAt(consumer.node)}, and dfmod does not know how it updates them as root` });
      continue;
    }
    const prepend = prependCommand(consumer.use.run, `${root}${updateCommand(use)}`);
    if ("reason" in prepend) {
      notes.push({ line: node.line, id: prepend.id, message: `lists kept: the RUN at line ${ctx.originalLine(consumer.node.line)} installs from them without \`apt-get update\`, and one cannot be added: ${prepend.reason}` });
      continue;
    }
    fixes.push({
      line: consumer.node.line,
      message: `\`apt-get update\` in the RUN that installs: it read the lists of line ${ctx.originalLine(node.line)}, stale once that layer is cached`,
      edits: [prepend]
    });
  }
}

// transforms/cache-cleanup.ts
var import_picomatch2 = __toESM(require_picomatch2(), 1);
var MANAGERS = ["apk", "yum", "dnf", "microdnf", "zypper", "pip", "npm", "yarn", "gem", "conda"];
var spelt = (word, spellings) => spellings.some((s) => word === s || word.startsWith(`${s}=`));
function hygieneOf(manager) {
  const facts = PACKAGE_MANAGER_FACTS[manager];
  const installs = [...facts.installVerbs, ...facts.cacheVerbs ?? []].map((v) => v === "" ? null : v);
  let flag = null;
  if (facts.noCacheFlag) {
    const spellings = facts.noCacheSpellings ?? [facts.noCacheFlag];
    flag = { text: facts.noCacheFlag, present: (w) => spelt(w, spellings), on: facts.installVerbs, global: false };
  } else if (facts.yes && facts.promptVerbs) {
    flag = { text: facts.yes.flag, present: (w) => answersPrompt(manager, w), on: facts.promptVerbs, global: facts.yes.global === true };
  }
  return { facts, installs, flag, cleanup: facts.noCacheFlag ? [] : facts.cleanup };
}
var HYGIENE = Object.fromEntries(MANAGERS.map((m) => [m, hygieneOf(m)]));
function cleanupFor(hygiene, program, yumIsDnf2 = false) {
  const main = hygiene.facts.programs[0];
  const cleanup = yumIsDnf2 && hygiene.facts.cleanupWhereYumIsDnf ? hygiene.facts.cleanupWhereYumIsDnf : hygiene.cleanup;
  return cleanup.map((c) => c.startsWith(`${main} `) ? `${program}${c.slice(main.length)}` : c);
}
function inCacheDir(facts, path20) {
  return facts.cacheDirs.some((dir) => dir.startsWith("/") ? path20.startsWith(dir) : path20.startsWith(`${dir}/`) || path20 === dir || path20.includes(`/${dir}/`) || path20.endsWith(`/${dir}`));
}
function cleans(manager, command) {
  const facts = PACKAGE_MANAGER_FACTS[manager];
  if (command.program === "rm") return command.nodes.slice(1).some((n) => inCacheDir(facts, unquoted(n)));
  const found = managerCommand(command.words);
  return found?.manager === manager && (facts.cleanVerbs ?? []).includes(found.subcommand ?? "");
}
function cleanupPaths(facts) {
  return facts.cleanup.filter((c) => c.startsWith("rm ")).map((c) => c.split(" ").pop().replace(/\/\*?$/, ""));
}
function managerCommands(ctx, run) {
  const found = [];
  for (const command of ctx.facts.commandsOf(run)) {
    const m = managerCommand(command.words);
    if (!m || !MANAGERS.includes(m.manager)) continue;
    found.push({
      manager: m.manager,
      run: command,
      node: command.command.node,
      program: m.program,
      programNode: command.nodes[m.programIndex],
      sub: m.subcommand,
      subNode: m.subcommandIndex === null ? null : command.nodes[m.subcommandIndex],
      words: command.words.slice(m.programIndex)
    });
  }
  return found;
}
function mentioned(ctx, node, run, markers) {
  const texts = [run.script.text];
  for (const [name, value] of ctx.facts.envAt(node)) texts.push(`${name}=${value ?? ""}`);
  return texts.some((text) => markers.some((m) => text.toLowerCase().includes(m.toLowerCase())));
}
function cacheMounted(run, hygiene) {
  return run.mounts.some((m) => hygiene.facts.cacheDirs.some((dir) => dir.startsWith("/") ? mountCovers(m, dir) : m.target.replace(/\/+$/, "").endsWith(`/${dir}`) || m.target === dir));
}
function readsCache(hygiene, words3) {
  const flags = hygiene.facts.offlineFlags;
  return flags !== void 0 && words3.some((w) => w !== null && spelt(w, flags));
}
function laterReader(ctx, node, manager) {
  const hygiene = HYGIENE[manager];
  if (!hygiene.facts.offlineFlags) return null;
  for (const later of ctx.facts.laterRuns(node).flat()) {
    const run = ctx.facts.readRun(later);
    if (run.kind === "refused") continue;
    if (managerCommands(ctx, run).some((c) => c.manager === manager && readsCache(hygiene, c.words))) return later;
  }
  return null;
}
var BERRY_CLEAN = "whose `yarn cache clean` deletes the project cache";
function yarnBerryRisk(ctx, node) {
  const stageText = node.stage.instructions.map((i) => ctx.dockerfile.rawArguments(i)).join("\n");
  if (/corepack|yarn set version|yarnPath|\.yarnrc\.yml/.test(stageText)) return { id: "yarn-berry-stage", reason: `the stage may use Yarn Berry, ${BERRY_CLEAN}` };
  const context = ctx.context;
  if (!context) return { id: "yarn-version-unknown", reason: `without a build context dfmod cannot tell Yarn 1 from Yarn Berry, ${BERRY_CLEAN}` };
  const pkg = context.read("package.json");
  if (pkg === null) return { id: "yarn-version-unknown", reason: "no package.json in the build context to tell Yarn 1 from Yarn Berry" };
  if (context.exists(".yarnrc.yml") || context.exists(".yarn/releases")) return { id: "yarn-berry", reason: `the project uses Yarn Berry, ${BERRY_CLEAN}` };
  let packageManager;
  try {
    packageManager = JSON.parse(pkg).packageManager;
  } catch {
    return { id: "yarn-version-unknown", reason: "package.json does not parse" };
  }
  if (typeof packageManager === "string" && /^yarn@(?!1\.)/.test(packageManager)) return { id: "yarn-berry", reason: `package.json names ${packageManager}` };
  return null;
}
function npmrcCache(ctx) {
  const npmrc = ctx.context?.read(".npmrc");
  if (!npmrc) return null;
  const line = npmrc.split(/\r?\n/).find((l) => /^\s*cache\s*=/.test(l));
  return line ? { id: "cache-configured", reason: `the project's .npmrc places it (\`${line.trim()}\`), and \`npm cache clean\` would empty that folder` } : null;
}
var DOWNLOAD_OUTPUT = {
  curl: { short: "o", long: "--output" },
  wget: { short: "O", long: "--output-document" }
};
function leftoverArchives(ctx, run) {
  const commands = ctx.facts.commandsOf(run);
  const downloads = [];
  commands.forEach(({ words: words3, program, command }, index) => {
    const output = program ? DOWNLOAD_OUTPUT[program] : void 0;
    if (!output) return;
    const short = new RegExp(`^-[a-zA-Z]*${output.short}$`);
    for (let i = 1; i < words3.length; i++) {
      const word = words3[i];
      if (word === null) continue;
      const inline = word.startsWith(`${output.long}=`) && word.length > output.long.length + 1 ? word.slice(output.long.length + 1) : null;
      const path20 = inline ?? (word === output.long || short.test(word) ? words3[i + 1] : null);
      if (path20) downloads.push({ path: path20, index, inMain: command.inMainShell });
    }
  });
  const found = [];
  for (const download of downloads) {
    const { path: path20 } = download;
    if (path20 === "-" || !/^[\w./+-]+$/.test(path20)) continue;
    const after = commands.slice(download.index + 1);
    const extracted = after.some(({ words: words3, program }) => {
      if (program === "unzip") return words3.slice(1).includes(path20);
      if (program === "dpkg") return words3.some((w) => w === "-i" || w === "--install") && words3.slice(1).includes(path20);
      if (program === "apt-get" || program === "apt") return words3.includes("install") && words3.slice(1).some((w) => w === path20 || w === `./${path20}`);
      if (program !== "tar") return false;
      const extracting = words3.some((w, i) => w !== null && (w === "--extract" || w === "--get" || /^-[a-zA-Z]*x[a-zA-Z]*$/.test(w) || i === 1 && /^[a-zA-Z]*x[a-zA-Z]*$/.test(w)));
      return extracting && words3.slice(1).some((w) => w === path20 || w === `--file=${path20}`);
    });
    if (!extracted) continue;
    const removed = after.some(({ words: words3, program }) => program === "rm" && words3.includes(path20)) || after.some(({ command }) => command.node.text.includes("rm ") && command.node.text.includes(path20)) || after.some((c) => c.program === "rm" && c.nodes.slice(1).some((n) => removes2(unquoted(n), path20)));
    if (removed) continue;
    let refusal2 = null;
    const moves = after.some(({ command: c }) => c.inMainShell && ["cd", "pushd", "popd"].includes(c.name ?? ""));
    if (!path20.startsWith("/") && (moves || !download.inMain)) refusal2 = { id: "working-directory-changes", reason: "the working directory changes after the download" };
    else if (!path20.startsWith("/") && run.mounts.length > 0) refusal2 = { id: "relative-path-with-mounts", reason: "the RUN has mounts the relative path may be in" };
    else if (run.mounts.some((m) => mountCovers(m, path20))) refusal2 = { id: "archive-in-mount", reason: "it is in a mount, not in the layer" };
    else if (ctx.dockerfile.source.text.slice(run.node.end).includes(path20.slice(path20.lastIndexOf("/") + 1))) {
      refusal2 = { id: "archive-used-later", reason: "a later instruction names it" };
    } else if (commands.some(({ command: c }) => c.node.text.includes(path20) && /\brm\b|\bmv\b|\bcp\b/.test(c.name ?? ""))) {
      refusal2 = { id: "archive-moved", reason: "the RUN moves or copies it" };
    }
    found.push({ path: path20, refusal: refusal2 });
  }
  return found;
}
function removes2(operand, path20) {
  if (operand.startsWith("-") || operand === "") return false;
  const folder = operand.replace(/\/+$/, "");
  if (folder !== "" && path20.startsWith(`${folder}/`)) return true;
  return /[*?[]/.test(operand) && (0, import_picomatch2.default)(operand, { dot: true })(path20);
}
var cacheCleanup = {
  id: "cache-cleanup",
  level: "safe",
  effects: ["run-commands"],
  description: "Keep package-manager caches and downloaded archives out of the layer of the RUN that creates them",
  rationale: "A cache deleted in a later RUN still ships in the earlier layer. apk --no-cache, pip --no-cache-dir and gem --no-document never write it; yum/dnf/microdnf/zypper clean, npm/yarn cache clean and conda clean remove it in the same RUN; an archive extracted by the RUN that downloaded it is removed there. -y/-n keep installs from waiting on a prompt.",
  hadolintRules: ["DL3018", "DL3019", "DL3032", "DL3040", "DL3036", "DL3042", "DL3060", "DL3030", "DL3038", "DL3034", "DL3028"],
  run(ctx) {
    const { dockerfile } = ctx;
    const fixes = [];
    const notes = [];
    for (const node of dockerfile.instructions) {
      if (node.keyword !== "RUN" || !node.stage) continue;
      const run = ctx.facts.readRun(node);
      if (run.kind === "refused") continue;
      const commands = managerCommands(ctx, run);
      const inImage = inFinalImage(ctx, node);
      const appended = [];
      const said = [];
      let flagged = false;
      for (const manager of new Set(commands.map((c) => c.manager))) {
        const hygiene = HYGIENE[manager];
        const mine = commands.filter((c) => c.manager === manager);
        if (cacheMounted(run, hygiene)) continue;
        if (hygiene.facts.cacheDisabledBy && mentioned(ctx, node, run, hygiene.facts.cacheDisabledBy)) continue;
        const indexKept = mine.some((c) => (hygiene.facts.indexVerbs ?? []).includes(c.sub ?? "")) && !mine.every((c) => (hygiene.facts.indexVerbs ?? []).includes(c.sub ?? "") || hygiene.facts.installVerbs.includes(c.sub ?? "") || (hygiene.facts.removeVerbs ?? []).includes(c.sub ?? ""));
        const flagSavesNothing = hygiene.facts.noCacheFlag !== null && (!ctx.facts.shipsLayers(node.stage) || indexKept);
        for (const command of flagSavesNothing ? [] : mine) {
          const fix = flagFix(run, hygiene, command);
          if (fix) {
            fixes.push(fix);
            flagged = true;
          }
        }
        if (hygiene.cleanup.length === 0) continue;
        const installs = mine.filter((c) => hygiene.installs.includes(c.sub) && !readsCache(hygiene, c.words) && !onlyAsksInfo(hygiene, c));
        if (installs.length === 0 || !inImage) continue;
        const refusal2 = cleanupRefusal(ctx, run, manager, mine);
        if (refusal2 === ALREADY_CLEAN) continue;
        if (refusal2) {
          notes.push({ line: node.line, id: refusal2.id, message: `${manager} cache left: ${refusal2.reason}` });
          continue;
        }
        const last = installs[installs.length - 1];
        appended.push(...cleanupFor(hygiene, last.program, yumIsDnf(ctx, node)).map((c) => wrapperPrefix(last) + c));
        said.push(`${manager} cache`);
      }
      if (!flagged) redundantFixes(ctx, run, commands, fixes);
      for (const archive of inImage ? leftoverArchives(ctx, run) : []) {
        if (archive.refusal) {
          notes.push({ line: node.line, id: archive.refusal.id, message: `archive ${archive.path} left: ${archive.refusal.reason}` });
          continue;
        }
        appended.push(`rm -f ${archive.path}`);
        said.push(`downloaded ${archive.path.endsWith(".deb") ? "package" : "archive"} ${archive.path}`);
      }
      if (appended.length === 0) continue;
      const edit = appendCommand(dockerfile, run, appended);
      if ("reason" in edit) {
        notes.push({ line: node.line, id: edit.id, message: `${said.join(", ")} left: ${edit.reason}` });
        continue;
      }
      fixes.push({ line: node.line, message: `${said.join(", ")} removed in the RUN that created it: \`${appended.join(" && ")}\``, edits: [edit] });
    }
    return { fixes, notes };
  }
};
function yumIsDnf(ctx, node) {
  const image = node.stage ? ctx.facts.baseImage(node.stage) : null;
  return image !== null && describeImage(image).release?.yumIsDnf === true;
}
function onlyAsksInfo(hygiene, command) {
  const info = hygiene.facts.infoOptions;
  return command.sub === null && info !== void 0 && command.words.slice(1).some((w) => w !== null && info.includes(w));
}
function wrapperPrefix(use) {
  if (use.run.wrappers.length === 0) return "";
  const prefix = use.node.text.slice(0, use.programNode.startIndex - use.node.startIndex);
  return prefix.replace(/\\\r?\n/g, " ").replace(/\s+/g, " ").trimStart();
}
function expands(node) {
  let computed = false;
  walk(node, (n) => {
    if (EXPANSIONS.has(n.type)) computed = true;
    return !computed;
  });
  return computed;
}
var EXPANSIONS = /* @__PURE__ */ new Set(["simple_expansion", "expansion", "command_substitution", "process_substitution", "arithmetic_expansion"]);
function flagFix(run, hygiene, command) {
  const flag = hygiene.flag;
  if (!flag || !flag.on.includes(command.sub) || !command.subNode) return null;
  if (command.words.some((w) => w !== null && flag.present(w))) return null;
  if (readsCache(hygiene, command.words)) return null;
  if (command.run.nodes.some((node, i) => command.run.words[i] === null && expands(node))) return null;
  const at = flag.global ? sourceEnd(run, command.programNode) : sourceEnd(run, command.subNode);
  return {
    line: run.node.line,
    message: `\`${command.program} ${command.sub}\`: ${flag.text} added`,
    edits: [{ start: at, end: at, text: ` ${flag.text}` }]
  };
}
var ALREADY_CLEAN = { id: "already-cleaned", reason: "already cleaned" };
function inFinalImage(ctx, node) {
  for (let stage = ctx.facts.deployedStage(); stage; stage = ctx.facts.parentOf(stage)) if (stage === node.stage) return true;
  return false;
}
function cleanupRefusal(ctx, run, manager, mine) {
  const hygiene = HYGIENE[manager];
  const lastInstall = mine.map((c, i) => hygiene.installs.includes(c.sub) ? i : -1).reduce((a, b) => Math.max(a, b), -1);
  if (lastInstall < 0) return null;
  const others = ctx.facts.commandsOf(run).filter((c) => c.command.node.startIndex >= mine[lastInstall].node.endIndex);
  if (others.some((c) => cleans(manager, c))) return ALREADY_CLEAN;
  const program = mine[lastInstall].program;
  if (others.some(({ command: c }) => c.node.text.includes(program === "npm" ? "node" : program) && /\b(del|remove|uninstall|purge|erase|rm)\b/.test(c.node.text))) {
    return { id: "manager-removed", reason: `\`${program}\` may be removed before the end of the RUN` };
  }
  const reader = laterReader(ctx, run.node, manager);
  if (reader) return { id: "offline-install-later", reason: `the RUN at line ${ctx.originalLine(reader.line)} installs offline from it` };
  if (manager === "yarn") return yarnBerryRisk(ctx, run.node);
  if (manager === "npm") return npmrcCache(ctx);
  return null;
}
function redundantFixes(ctx, run, commands, fixes) {
  for (const manager of new Set(commands.map((c) => c.manager))) {
    const hygiene = HYGIENE[manager];
    const { facts, flag } = hygiene;
    if (!facts.noCacheFlag || !flag || !facts.indexVerbs) continue;
    if (cacheMounted(run, hygiene)) continue;
    const mine = commands.filter((c) => c.manager === manager);
    const flagged = (c) => facts.installVerbs.includes(c.sub ?? "") && c.words.some((w) => w !== null && flag.present(w));
    const indexOnly = (c) => facts.indexVerbs.includes(c.sub ?? "");
    const simple = mine.every((c) => flagged(c) || indexOnly(c) || (facts.removeVerbs ?? []).includes(c.sub ?? ""));
    if (!simple || !mine.some(flagged)) continue;
    const paths = cleanupPaths(facts);
    const cachePath = (word) => paths.some((p) => word === p || word === `${p}/` || word === `${p}/*`);
    for (const command of ctx.facts.commandsOf(run)) {
      const use = mine.find((c) => c.node.id === command.command.node.id);
      const rmOfCache = command.program === "rm" && command.words.length === command.nodes.length && command.nodes.slice(1).some((n) => cachePath(unquoted(n))) && command.nodes.slice(1).every((n) => unquoted(n).startsWith("-") || cachePath(unquoted(n)));
      if (!(use && indexOnly(use)) && !rmOfCache) continue;
      const edit = removeChainElement(ctx.dockerfile, run, command.command.node);
      if (edit) fixes.push({ line: run.node.line, message: `\`${command.command.node.text}\` removed: ${flag.text} already keeps the ${manager} cache out of the layer`, edits: [edit] });
    }
  }
}

// transforms/multi-stage/index.ts
import path17 from "node:path";

// transforms/multi-stage/plan.ts
import path9 from "node:path";
function refuse(id, reason) {
  return { refuse: { id, reason } };
}
function isRefusal(value) {
  return typeof value === "object" && value !== null && "refuse" in value;
}
function runtimeFor(stage, linkage) {
  const choice = runtimeImage(stage.image.ref.raw, linkage);
  return "image" in choice ? choice : refuse("no-runtime-image", `no runtime image: ${choice.none}`);
}
function programPath(stage, outputs) {
  const first = stage.argv[0] ?? "";
  if (first.includes("/")) return path9.posix.resolve(stage.finalWorkdir, first);
  return outputs.find((o) => path9.posix.basename(o) === first && DEFAULT_PATH.includes(path9.posix.dirname(o))) ?? null;
}
function insertBefore(run, command, text) {
  const offset = run.offsets[command.node.startIndex];
  return { start: offset, end: offset, text };
}
function contextFiles(context, ext, limit = 2e3) {
  const found = [];
  const visit = (dir, depth) => {
    if (depth > 12 || found.length >= limit) return;
    for (const name of context.list(dir)) {
      if (name === ".git" || name === "node_modules") continue;
      const rel = dir === "." ? name : `${dir}/${name}`;
      if (name.endsWith(ext) && context.read(rel) !== null) found.push(rel);
      else if (!name.includes(".") || context.list(rel).length) visit(rel, depth + 1);
    }
  };
  visit(".", 0);
  return found;
}
function argsText2(model, node) {
  return model.logicalText(node.argsStart, node.end).text.trim();
}

// transforms/multi-stage/build-steps.ts
var COMMON_COMMANDS = /* @__PURE__ */ new Set(["mkdir", "cd", "rm", "ls", "echo", "true", "chmod", "set", "test", "[", "apt-get", "apt", "touch", "chown"]);
var BUILD_COMMANDS = {
  go: /* @__PURE__ */ new Set(["go"]),
  node: /* @__PURE__ */ new Set(["npm", "npx", "node", "tsc"]),
  python: /* @__PURE__ */ new Set(["pip", "pip3", "python", "python3"]),
  java: /* @__PURE__ */ new Set(["mvn", "mvnw", "gradle", "gradlew", "javac", "jar"]),
  native: /* @__PURE__ */ new Set(["gcc", "g++", "cc", "c++", "make", "cmake", "configure", "strip", "ar", "ldconfig"])
};
var NPX_TOOLS = /* @__PURE__ */ new Set(["tsc", "webpack", "vite", "esbuild", "rollup", "parcel", "babel", "tsup", "ng", "next", "swc"]);
var APT_HOUSEKEEPING = /* @__PURE__ */ new Set(["update", "clean", "dist-clean", "distclean", "autoremove", "autoclean", "purge", "remove"]);
var NPM_SUBCOMMANDS = /* @__PURE__ */ new Set(["ci", "run", "run-script", "test", "t", "prune", "cache", "audit", "config", "set", "rebuild"]);
var PYTHON_MODULES = /* @__PURE__ */ new Set(["pip", "venv", "compileall"]);
function checkBuildSteps(stage, ctx) {
  const packages = [];
  for (const run of stage.runs) {
    const where = `line ${ctx.originalLine(run.node.line)}`;
    for (const command of run.commands) {
      const name = command.program;
      if (name === null) return refuse("computed-command", `${where}: a RUN command name is computed by the shell`);
      const unread = command.wrappers.includes("xargs") ? "xargs" : !COMMON_COMMANDS.has(name) && !BUILD_COMMANDS[stage.ecosystem].has(name) ? name : null;
      if (unread) return refuse("unknown-command", `${where}: RUN runs \`${unread}\`, whose effect on the runtime image dfmod cannot name`);
      const args = command.words.slice(1);
      if (name === "apt-get" || name === "apt") {
        const install = isPackageInstall(command.words);
        if (install) {
          if (install.computed) return refuse("apt-computed-package", `${where}: apt-get installs a package named by the shell`);
          for (const pkg of install.packages) packages.push(pkg.replace(/[=:].*$/, ""));
        } else {
          const subcommand = managerCommand(command.words)?.subcommand ?? "";
          if (!APT_HOUSEKEEPING.has(subcommand)) return refuse("apt-subcommand", `${where}: \`${name} ${subcommand}\` is not read`);
        }
      }
      const step = name === "npm" ? checkNpm(args, where) : name === "pip" || name === "pip3" ? checkPip(args, where) : name === "python" || name === "python3" ? checkPython(args, where) : null;
      if (step) return step;
      if (name === "npx" && !NPX_TOOLS.has(args.find((a) => a !== null && !a.startsWith("-")) ?? "")) {
        return refuse("npx-tool", `${where}: \`npx ${args.join(" ")}\` is not a known build tool`);
      }
    }
  }
  return packages;
}
function checkNpm(args, where) {
  const sub = args[0];
  if (args.some((a) => a === "-g" || a === "--global" || a === null)) return refuse("npm-global", `${where}: \`npm ${args.join(" ")}\` installs outside the app`);
  if (sub === "install" || sub === "i" || sub === "add") {
    if (args.slice(1).some((a) => a !== null && !a.startsWith("-"))) {
      return refuse("npm-install-package", `${where}: \`npm install <package>\` adds packages package.json does not list`);
    }
    return null;
  }
  if (!NPM_SUBCOMMANDS.has(sub ?? "")) return refuse("npm-subcommand", `${where}: \`npm ${sub}\` is not read`);
  return null;
}
function checkPip(args, where) {
  const bad = args.find((a) => a !== null && /^(--user|--target|-t|--prefix|--root)(=|$)/.test(a));
  return bad ? refuse("pip-outside-env", `${where}: \`pip ${bad}\` installs outside the environment`) : null;
}
function checkPython(args, where) {
  if (!(args[0] === "-m" && PYTHON_MODULES.has(args[1] ?? ""))) {
    return refuse("python-program", `${where}: RUN runs a Python program, whose effect dfmod cannot name`);
  }
  return args[1] === "pip" ? checkPip(args.slice(2), where) : null;
}

// transforms/multi-stage/closure.ts
import path10 from "node:path";
var SOURCES = {
  go: ["go"],
  java: ["java"],
  native: ["c"],
  node: ["js"],
  python: ["python"]
};
var COMPILED = /* @__PURE__ */ new Set(["go", "java", "native"]);
var PROVIDED = ["/proc", "/sys", "/dev", "/tmp", "/etc/hosts", "/etc/hostname", "/etc/resolv.conf", "/etc/passwd", "/etc/group", "/etc/ssl", "/usr/share/zoneinfo"];
var SOURCE_FILE = /(\.(c|cc|cpp|cxx|h|hpp|go|java|kt|s)|^(go\.mod|go\.sum|pom\.xml|build\.gradle(\.kts)?|settings\.gradle(\.kts)?|Makefile|CMakeLists\.txt|configure))$/;
var under = (dir, p) => p === dir || p.startsWith(dir.endsWith("/") ? dir : `${dir}/`);
function runtimeClosure(ctx, stage, chosen, healthPrograms) {
  const closure = { packages: [], copies: [], files: [], checks: [] };
  const packages = runtimePackages(ctx, stage, chosen, healthPrograms);
  if ("refuse" in packages) return packages;
  closure.packages = packages.packages;
  closure.checks.push(...packages.checks);
  if (closure.packages.length) {
    const release = stage.image.release;
    if (!release || !RUNTIME_PACKAGE_RELEASES.has(release.version) || release.distro !== "debian") {
      return refuse("runtime-packages-unchecked", `the runtime needs ${closure.packages.join(", ")}, and dfmod has checked those package names on Debian 12 only, not on ${release ? releaseName(release) : `the release of ${stage.image.ref.raw}`}`);
    }
    if (describeImage(chosen.runtime).packageManager !== "apt") {
      return refuse("runtime-packages-no-apt", `the runtime needs ${closure.packages.join(", ")}, and ${chosen.runtime} has no apt-get to install them`);
    }
  }
  const files = runtimeFiles(ctx, stage, chosen);
  if ("refuse" in files) return files;
  closure.copies = files.copies;
  closure.files = files.files;
  closure.checks.push(...files.checks);
  return closure;
}
function runtimePackages(ctx, stage, chosen, healthPrograms) {
  const found = [];
  const checks = [];
  const add = (...names) => {
    for (const n of names) if (!found.includes(n)) found.push(n);
  };
  const installed = stage.aptPackages.filter((p) => !stage.inits.includes(p));
  const unused = [];
  for (const pkg of installed) {
    const libraries = DEV_RUNTIME_PACKAGES[pkg];
    if (BUILD_TOOL_PACKAGES.has(pkg)) {
      if (FETCH_TOOL_PACKAGES.has(pkg) && unusedByBuild(stage, pkg)) {
        add(pkg);
        unused.push(pkg);
      }
      continue;
    }
    if (libraries) add(...libraries);
    else if (pkg.endsWith("-dev")) return refuse("dev-package-unknown", `the build installs ${pkg}, whose runtime library dfmod does not know`);
    else add(pkg);
  }
  const programs = /* @__PURE__ */ new Set();
  const context = ctx.context;
  if (context) for (const run of programRuns(context, SOURCES[stage.ecosystem], (text) => ctx.shell.parse(text).rootNode)) programs.add(run.program);
  for (const program of healthPrograms) programs.add(path10.posix.basename(program));
  const runtime = describeImage(chosen.runtime);
  const fullImage = shipsBuildpackDeps(stage.image.family, stage.image.tag);
  for (const program of programs) {
    const pkg = PROGRAM_PACKAGES[program];
    if (!pkg || shipsBuildpackDeps(runtime.family, runtime.tag)) continue;
    if (installed.includes(pkg) || fullImage) add(pkg);
  }
  for (const pkg of unused) {
    if ([...programs].some((program) => PROGRAM_PACKAGES[program] === pkg)) continue;
    checks.push(`that something runs ${pkg} at run time (the build installs it and never runs it, so the runtime keeps it)`);
  }
  if (found.some((p) => FETCH_TOOL_PACKAGES.has(p) && p !== "ca-certificates") && !found.includes("ca-certificates")) add("ca-certificates");
  const languagePackages = stage.ecosystem === "python" ? pythonPackages(ctx, stage) : stage.ecosystem === "node" ? nodePackages(ctx) : [];
  const table = stage.ecosystem === "python" ? LANGUAGE_PACKAGE_LIBRARIES.pypi : LANGUAGE_PACKAGE_LIBRARIES.npm;
  for (const name of languagePackages) if (table[name]) add(...table[name]);
  for (const run of stage.runs) {
    for (const command of run.commands) {
      if (!["gcc", "g++", "cc", "c++"].includes(command.program ?? "")) continue;
      for (let i = 1; i < command.words.length; i++) {
        const word = command.words[i];
        if (word === null || !word.startsWith("-l")) continue;
        const library = word === "-l" ? command.words[++i] ?? "" : word.slice(2);
        const libraries = LINK_FLAG_PACKAGES[library ?? ""];
        if (!libraries) return refuse("link-flag-unknown", `line ${ctx.originalLine(run.node.line)}: the program links -l${library}, whose Debian package dfmod does not know`);
        add(...libraries);
      }
      if (command.words.includes("-static")) checks.push("the program is linked with -static");
    }
  }
  if (stage.ecosystem === "native" && !ctx.context) checks.push("the libraries the program loads beyond its -l flags (dfmod reads no source without the build context)");
  return { packages: found, checks };
}
function unusedByBuild(stage, pkg) {
  const programs = /* @__PURE__ */ new Set([
    ...Object.entries(PROGRAM_PACKAGES).filter(([, p]) => p === pkg).map(([program]) => program),
    ...FETCH_TOOL_CALLERS[pkg] ?? []
  ]);
  if (!Object.values(PROGRAM_PACKAGES).includes(pkg)) return false;
  let installed = false;
  for (const run of stage.runs) {
    for (const command of run.commands) {
      if (!installed) {
        installed = isPackageInstall(command.words)?.packages.some((p) => p.replace(/[=:].*$/, "") === pkg) ?? false;
        continue;
      }
      if (command.program === null || programs.has(command.program)) return false;
    }
  }
  return installed;
}
function pythonPackages(ctx, stage) {
  const normalized2 = (name) => name.toLowerCase().replace(/[-_.]+/g, "-");
  const names = [];
  for (const line of (ctx.context?.read("requirements.txt") ?? "").split(/\r?\n/)) names.push(line.replace(/[\s#;<>=!~[].*$/, ""));
  for (const run of stage.runs) {
    for (const command of run.commands) {
      if (!isPipInstall(command.words)) continue;
      for (const word of command.words.slice(2)) if (word && !word.startsWith("-")) names.push(word.replace(/[<>=!~[].*$/, ""));
    }
  }
  return names.filter(Boolean).map(normalized2);
}
function nodePackages(ctx) {
  try {
    const pkg = JSON.parse(ctx.context?.read("package.json") ?? "{}");
    return Object.keys(pkg.dependencies ?? {});
  } catch {
    return [];
  }
}
function runtimeFiles(ctx, stage, chosen) {
  const app = stage.finalWorkdir;
  const compiled = COMPILED.has(stage.ecosystem);
  const covered = (p) => chosen.copied.some((c) => under(c, p));
  const wanted = /* @__PURE__ */ new Map();
  const checks = [];
  const want = (p, owner = null) => {
    if (!covered(p) && ![...wanted.keys()].some((w) => under(w, p))) wanted.set(p, owner);
  };
  const made = /* @__PURE__ */ new Map();
  for (const run of stage.runs) {
    const where = `line ${ctx.originalLine(run.node.line)}`;
    const read = ctx.facts.readRun(run.node);
    if (read.kind !== "script") continue;
    for (const target of redirectTargets(read.root)) {
      if (target.path === null) return refuse("run-writes-file", `${where}: RUN writes \`${target.text}\`, a file whose name the shell computes`);
      if (!target.path.startsWith("/") && (run.changesDir || run.workdir === null)) return refuse("run-writes-file", `${where}: RUN writes \`${target.text}\` after \`cd\`, in a folder dfmod does not know`);
      const file = path10.posix.resolve(run.workdir ?? "/", target.path);
      if (under("/etc/apt", file)) return refuse("apt-source", `${where}: RUN writes ${file}: the runtime's apt-get would not have that configuration`);
      if (under("/dev", file)) continue;
      if (compiled || !under(app, file)) want(file, null);
    }
    const makes = runMakes(run.commands, run.changesDir ? null : run.workdir);
    if (makes.computed) return refuse("run-makes-unread", `${where}: mkdir, chown or chmod acts on a path the shell computes or after \`cd\``);
    const user = ctx.facts.userAt(run.node);
    for (const folder of makes.folders) made.set(folder, user && user !== "root" && user !== "0" ? user : null);
    for (const [p, { owner, recursive }] of makes.owners) {
      if (p === app || !recursive && !made.has(p)) {
        if (p === app || covered(p)) return refuse("chown-copied-folder", `${where}: chown sets the owner of ${p}, and the runtime stage copies that folder's contents, not its own owner`);
      }
      if (made.has(p) || !covered(p)) made.set(p, owner);
    }
    for (const p of makes.modes) {
      if (made.has(p) || p === app) return refuse("chmod-copied-folder", `${where}: the mode of ${p} is set, and COPY --from gives the copied folder its default mode`);
    }
  }
  const workFolders = /* @__PURE__ */ new Set();
  for (const run of stage.runs) {
    if (run.workdir) workFolders.add(run.workdir);
    for (const c of run.commands) if (c.program === "cd" && typeof c.words[1] === "string") workFolders.add(path10.posix.resolve(run.workdir ?? "/", c.words[1]));
  }
  for (const node of stage.stage.instructions) {
    const copy = node.keyword === "COPY" || node.keyword === "ADD" ? ctx.facts.copyOperands(node) : null;
    if (copy?.destResolved) workFolders.add(copy.destResolved.replace(/\/$/, "") || "/");
  }
  for (const [folder, owner] of made) {
    if ([...workFolders].some((w) => under(folder, w)) || chosen.copied.some((c) => under(folder, c))) continue;
    if (!compiled && under(app, folder)) continue;
    want(folder, owner);
  }
  for (const node of stage.stage.instructions) {
    if (node.keyword !== "COPY" && node.keyword !== "ADD") continue;
    const copy = ctx.facts.copyOperands(node);
    const dest = copy.destResolved;
    if (under(app, dest) && app !== "/") continue;
    for (const source of copy.sources) {
      const name = path10.posix.basename(source.replace(/\/+$/, ""));
      const folder = source === "." || source.endsWith("/") || (ctx.context?.list(source).length ?? 0) > 0;
      if (compiled && (folder || SOURCE_FILE.test(name))) continue;
      if (folder) {
        if (dest === "/") return refuse("copy-outside-app", `${lineOf(ctx, node)}: ${node.keyword} puts a folder's files in /, which the runtime might need`);
        want(dest.replace(/\/$/, ""), chownOf(node));
      } else {
        const many = copy.sources.length > 1 || dest.endsWith("/") || copy.dest.endsWith("/");
        want(many ? path10.posix.join(dest, name) : dest, chownOf(node));
      }
    }
  }
  if (compiled && ctx.context) {
    for (const read of fileReads(ctx.context, SOURCES[stage.ecosystem])) {
      if (read.path === null) return refuse("reads-unnamed-file", `the program opens a file whose path it computes (${read.call} in ${read.file}), so what to copy is not known`);
      if (read.path === "" || PROVIDED.some((p) => under(p, read.path))) continue;
      const resolved = path10.posix.resolve(app, read.path.replace(/[*?[].*$/, "") || ".");
      const first = read.path.startsWith("/") ? resolved : path10.posix.join(app, path10.posix.relative(app, resolved).split("/")[0]);
      if (first === app || first === "/") return refuse("reads-app-folder", `the program reads the whole folder ${first} (${read.call} in ${read.file})`);
      if (deliveredByStage(ctx, stage, first, made)) want(first, null);
      else checks.push(`${read.path}, which the program opens (${read.call} in ${read.file}) and the build does not make`);
    }
  }
  const copies = [];
  for (const [p, owner] of wanted) copies.push(`COPY --from=build ${owner ? `--chown=${owner} ` : ""}${p} ${p}`);
  return { copies, files: [...wanted.keys()], checks };
}
function lineOf(ctx, node) {
  return `line ${ctx.originalLine(node.line)}`;
}
function chownOf(node) {
  return node.flags.find((f) => f.name === "chown")?.value ?? null;
}
function deliveredByStage(ctx, stage, target, made) {
  if ([...made.keys()].some((m) => under(m, target) || under(target, m))) return true;
  const context = ctx.context;
  for (const node of stage.stage.instructions) {
    if (node.keyword !== "COPY" && node.keyword !== "ADD") continue;
    const copy = ctx.facts.copyOperands(node);
    if (!copy?.destResolved) continue;
    const dest = copy.destResolved.replace(/\/$/, "") || "/";
    for (const source of copy.sources) {
      const clean = source.replace(/^\.\/?/, "").replace(/\/+$/, "");
      const isFolder = clean === "" || context.list(clean).length > 0;
      if (isFolder) {
        if (!under(dest, target)) continue;
        const rel = path10.posix.relative(dest, target);
        if (context.exists(clean ? path10.posix.join(clean, rel) : rel) && !context.isIgnored(clean ? path10.posix.join(clean, rel) : rel)) return true;
      } else if (target === dest || target === path10.posix.join(dest, path10.posix.basename(clean))) return true;
    }
  }
  return false;
}

// transforms/multi-stage/go.ts
import path11 from "node:path";

// lib/facts/go.ts
var ENVIRONMENT_WRAPPERS = /* @__PURE__ */ new Set(["sudo", "env"]);
function cgoSetting(facts, runNode, command) {
  if (command.wrappers.some((wrapper) => ENVIRONMENT_WRAPPERS.has(wrapper))) return null;
  const assigned = command.command.node.namedChildren.filter((child) => child?.type === "variable_assignment" && child.childForFieldName("name")?.text === "CGO_ENABLED");
  const last = assigned[assigned.length - 1];
  if (last) {
    const value = last.childForFieldName("value");
    return value ? literalValue(value) : "";
  }
  return facts.envAt(runNode).get("CGO_ENABLED") ?? null;
}

// transforms/multi-stage/go.ts
var planGo = (stage, ctx) => {
  const builds2 = [];
  for (const run of stage.runs) {
    const where = `line ${ctx.originalLine(run.node.line)}`;
    for (const command of run.commands) {
      if (command.program !== "go" || command.words[1] !== "build") continue;
      const args = command.words.slice(1);
      const i = args.findIndex((a) => a === "-o" || (a?.startsWith("-o=") ?? false));
      const raw = i === -1 ? null : args[i].startsWith("-o=") ? args[i].slice(3) : args[i + 1];
      if (!raw) return refuse("go-output-unnamed", `${where}: \`go build\` without a literal -o: the binary's name is not written`);
      if (!raw.startsWith("/") && run.changesDir) return refuse("go-output-after-cd", `${where}: \`go build -o ${raw}\` after \`cd\`: its path is not known`);
      if (!raw.startsWith("/") && run.workdir === null) return refuse("workdir-unknown", `${where}: \`go build -o ${raw}\` runs in a folder dfmod does not know`);
      const cgoOff = cgoSetting(ctx.facts, run.node, command) === "0";
      builds2.push({ run, command, output: path11.posix.resolve(run.workdir ?? "/", raw), cgoOff });
    }
  }
  if (!builds2.length) return null;
  const outputs = builds2.map((b) => b.output);
  const program = programPath(stage, outputs);
  if (!program || !outputs.includes(program)) {
    return refuse("not-build-output", `the container runs \`${stage.argv[0] ?? ""}\`, which is not the build's output (${outputs.join(", ")})`);
  }
  const context = ctx.context;
  const buildEdits = [];
  let linkage = builds2.every((b) => b.cgoOff) ? "static" : "dynamic";
  let why = linkage === "static" ? "CGO_ENABLED=0 is set" : "";
  const assignable = builds2.every((b) => b.cgoOff || !b.command.wrappers.length);
  if (linkage === "dynamic" && assignable && context && cgoFree(context)) {
    linkage = "static";
    why = 'no package imports "C", so the build sets CGO_ENABLED=0';
    for (const b of builds2) if (!b.cgoOff) buildEdits.push(insertBefore(b.run, b.command.command, "CGO_ENABLED=0 "));
  }
  if (linkage === "dynamic") why = context && importsC(context) ? 'a package imports "C", so the binary keeps glibc' : "cgo may be in use, so the binary keeps glibc";
  const runtime = runtimeFor(stage, linkage);
  if (isRefusal(runtime)) return runtime;
  return {
    runtime: runtime.image,
    payload: [`COPY --from=build ${program} ${program}`],
    buildEdits,
    buildTail: [],
    programs: [program],
    copied: [program],
    summary: `${program} (${why})`
  };
};
function cgoFree(context) {
  const mod = context.read("go.mod");
  if (mod === null || /^\s*require\b/m.test(mod)) return false;
  return !importsC(context);
}
function importsC(context) {
  return contextFiles(context, ".go").some((file) => /^\s*import\s+(\(\s*)?"C"/m.test(context.read(file) ?? "") || /^\s*"C"\s*$/m.test(context.read(file) ?? ""));
}

// transforms/multi-stage/java.ts
import path12 from "node:path";
var planJava = (stage, ctx) => {
  const argv = stage.argv;
  if (argv[0] !== "java" && !/\/java$/.test(argv[0] ?? "")) return refuse("not-java", `the container runs \`${argv[0]}\`, not java`);
  const wd = stage.finalWorkdir;
  const copies = [];
  const checks = [];
  const copy = (p) => copies.push({ from: p, to: p });
  let classPathNamed = false;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "-jar") {
      const jar = argv[i + 1];
      if (jar === void 0) return refuse("java-jar-unnamed", "`java -jar` without a jar");
      const file = path12.posix.resolve(wd, jar);
      const folder = path12.posix.dirname(file);
      if (folder === wd || folder === "/") {
        copy(file);
        checks.push(`the Class-Path of ${file}'s manifest (only the jar is copied)`);
      } else copy(folder);
      classPathNamed = true;
      break;
    }
    if (arg === "-cp" || arg === "-classpath" || arg === "--class-path") {
      for (const entry of (argv[++i] ?? "").split(":")) copy(path12.posix.resolve(wd, entry.replace(/\/?\*$/, "")));
      classPathNamed = true;
      continue;
    }
    if (arg.endsWith(".java")) return refuse("java-source-launch", "`java File.java` compiles at run time and needs the JDK");
    if (!arg.startsWith("-")) {
      if (classPathNamed) break;
      if (stage.stage.instructions.some((n) => n.keyword === "ENV" && /\bCLASSPATH\b/.test(ctx.dockerfile.rawArguments(n)))) {
        return refuse("java-classpath-env", "CLASSPATH is set, so the classes java loads are not named");
      }
      if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(arg)) return refuse("java-main-class", `\`${arg}\` is not a class name`);
      const parts = arg.split(".");
      if (parts.length === 1) copies.push({ from: path12.posix.join(wd, "*.class"), to: `${wd.replace(/\/$/, "")}/` });
      else copy(path12.posix.join(wd, parts[0]));
      checks.push(`the classes ${arg} loads are in ${parts.length === 1 ? `${wd}/*.class` : path12.posix.join(wd, parts[0])}`);
      classPathNamed = true;
      break;
    }
    if (arg === "-p" || arg === "--module-path" || arg === "-m" || arg === "--module") return refuse("java-modules", `java ${arg}: modules are not read`);
  }
  if (!copies.length) return refuse("java-classes-unnamed", "java runs without a class path or main class dfmod can name");
  if (copies.some((c) => c.from === wd || c.from === "/")) return refuse("java-classpath-whole-folder", "the class path is the whole working folder");
  const runtime = runtimeFor(stage, "dynamic");
  if (isRefusal(runtime)) return runtime;
  const unique = [...new Map(copies.map((c) => [c.from, c])).values()];
  return {
    runtime: runtime.image,
    payload: unique.map((c) => `COPY --from=build ${c.from} ${c.to}`),
    buildEdits: [],
    buildTail: [],
    programs: ["java"],
    copied: unique.map((c) => c.from.replace(/\/\*\.class$/, "")).filter((c) => c !== wd),
    summary: unique.map((c) => c.from).join(", "),
    checks
  };
};

// transforms/multi-stage/native.ts
import path13 from "node:path";
var COMPILERS = /* @__PURE__ */ new Set(["gcc", "g++", "cc", "c++"]);
var PREFIX_WORDS = /^(PREFIX|prefix|DESTDIR|-DCMAKE_INSTALL_PREFIX)=|^--prefix(=|$)/;
var planNative = (stage, ctx) => {
  const outputs = [];
  let makes = false;
  let installs = false;
  let ldconfig = false;
  for (const run of stage.runs) {
    let cwd2 = run.workdir;
    for (const command of run.commands) {
      const inSubshell = !command.command.inMainShell;
      if (command.program === "cd") {
        const to = command.words[1];
        cwd2 = !inSubshell && cwd2 !== null && typeof to === "string" && !to.startsWith("-") ? path13.posix.resolve(cwd2, to) : null;
        continue;
      }
      const here = inSubshell ? null : cwd2;
      if (COMPILERS.has(command.program ?? "")) {
        const i = command.words.findIndex((w) => w === "-o" || (w?.startsWith("-o") ?? false));
        const raw = i === -1 ? null : command.words[i] === "-o" ? command.words[i + 1] : command.words[i].slice(2);
        if (raw && (raw.startsWith("/") || here !== null)) outputs.push(path13.posix.resolve(here ?? "/", raw));
      }
      if (command.program === "make" || command.program === "cmake") {
        if (here === null && !command.words.includes("--install")) return refuse("make-after-cd", `line ${ctx.originalLine(run.node.line)}: make after \`cd\`: where it builds is not known`);
        makes = true;
        const words3 = command.words.slice(1);
        if (words3.some((w) => w === null || PREFIX_WORDS.test(w))) return refuse("install-prefix", `line ${ctx.originalLine(run.node.line)}: \`${command.program}\` sets where it installs`);
        if (command.program === "make" && words3.includes("install") || command.program === "cmake" && words3.includes("--install")) installs = true;
      }
      if (command.program === "configure" && command.words.slice(1).some((w) => w === null || PREFIX_WORDS.test(w))) {
        return refuse("install-prefix", `line ${ctx.originalLine(run.node.line)}: \`configure\` sets where make installs`);
      }
      if (command.program === "ldconfig") ldconfig = true;
    }
  }
  const argv0 = stage.argv[0] ?? "";
  if (installs && !argv0.includes("/")) outputs.push(path13.posix.join("/usr/local/bin", argv0));
  if (!outputs.length && !makes) return null;
  const first = stage.argv[0] ?? "";
  const program = programPath(stage, outputs);
  if (!program || !outputs.includes(program)) {
    if (!program || !makes) return refuse("not-build-output", `the container runs \`${first}\`, which is not a file the build names`);
    const context = ctx.context;
    if (!context) return refuse("make-needs-context", `the container runs ${program}, and without the build context dfmod cannot tell make builds it`);
    const fromContext = stage.stage.instructions.some((node) => {
      const copy = ctx.facts.copyOperands(node);
      if (!copy?.destResolved) return false;
      const rel = path13.posix.relative(copy.destResolved, program);
      return !rel.startsWith("..") && copy.sources.some((src) => context.exists(path13.posix.join(src, rel)) || context.exists(src) && path13.posix.basename(src) === path13.posix.basename(program));
    });
    if (fromContext) return refuse("program-from-context", `the container runs ${program}, which comes from the build context, not the build`);
  }
  const runtime = runtimeFor(stage, "dynamic");
  if (isRefusal(runtime)) return runtime;
  if (installs && program.startsWith("/usr/local/")) {
    const lastContent = Math.max(...stage.stage.instructions.map((n, i) => ["RUN", "COPY", "ADD"].includes(n.keyword) ? i : -1));
    const user = stage.stage.instructions.slice(0, lastContent).some((n) => n.keyword === "USER");
    if (ldconfig && user) return refuse("ldconfig-user", "ldconfig would run in the runtime under the USER the stage sets before its build");
    return {
      runtime: runtime.image,
      payload: ["COPY --from=build /usr/local /usr/local", ...ldconfig ? ["RUN ldconfig"] : []],
      buildEdits: [],
      buildTail: [],
      programs: [program],
      copied: ["/usr/local"],
      summary: `/usr/local, where \`make install\` put ${program}${ldconfig ? " (and ldconfig run again for its libraries)" : ""}`,
      checks: ["that the install put nothing the program needs outside /usr/local"]
    };
  }
  return {
    runtime: runtime.image,
    payload: [`COPY --from=build ${program} ${program}`],
    buildEdits: [],
    buildTail: [],
    programs: [program],
    copied: [program],
    summary: program
  };
};

// transforms/multi-stage/node.ts
import path14 from "node:path";
var STATIC_RUNTIME = { image: "nginx:stable", root: "/usr/share/nginx/html" };
var STATIC_SERVERS = {
  "http-server": { defaultPort: 8080, portFlags: ["-p", "--port"], hostFlags: ["-a"], spaFlags: [], otherFlags: /^(-c-?\d+|-s|--silent|-d|-i|-g|--gzip|-b|--brotli)$/ },
  serve: { defaultPort: 3e3, portFlags: ["-l", "--listen", "-p"], hostFlags: [], spaFlags: ["-s", "--single"], otherFlags: /^(-n|--no-clipboard|-u|--no-request-logging)$/ }
};
var isStart = (argv) => argv[0] === "npm" && (argv[1] === "start" || (argv[1] === "run" || argv[1] === "run-script") && argv[2] === "start");
var builds = (stage) => stage.runs.some((r) => r.commands.some((c) => ["npx", "tsc"].includes(c.program ?? "") || c.program === "npm" && ["run", "run-script"].includes(c.words[1] ?? "")));
var planNode = (stage, ctx) => {
  const appDir = stage.finalWorkdir;
  const installs = stage.runs.some((r) => r.commands.some((c) => c.program === "npm" && ["ci", "install", "i"].includes(c.words[1] ?? "")));
  if (!installs) return refuse("no-npm-install", "no `npm ci`/`npm install` in the stage, so production dependencies are not named");
  const context = ctx.context;
  const pkgText = context?.read("package.json") ?? null;
  let pkg = null;
  if (pkgText !== null) {
    try {
      pkg = JSON.parse(pkgText);
    } catch {
      return refuse("package-json-invalid", "package.json is not valid JSON");
    }
  }
  if (context && (context.exists("yarn.lock") || context.exists("pnpm-lock.yaml"))) {
    return refuse("not-npm", "the project has a yarn or pnpm lockfile; only npm installs are split");
  }
  let argv = stage.argv;
  if (isStart(argv)) {
    if (!pkg) return refuse("npm-start-without-package-json", "`npm start` runs a script from package.json, which is not in the build context");
    const script = pkg.scripts?.start ?? "node server.js";
    const read = scriptArgv(ctx.shell.parse(script).rootNode);
    if (!("argv" in read)) return refuse("start-script-unread", `the start script \`${script}\` is not a plain command`);
    argv = read.argv;
  }
  if (argv[0] === "npx") argv = argv.slice(1).filter((a, i) => i > 0 || !a.startsWith("-"));
  const server = STATIC_SERVERS[argv[0] ?? ""];
  if (server) return planStatic(stage, argv, server);
  if (argv[0] !== "node" && !/\/node$/.test(argv[0] ?? "")) {
    const bin = argv[0] ?? "";
    if (!pkg?.dependencies?.[bin] && !pkg?.devDependencies?.[bin]) return refuse("not-node", `the container runs \`${bin}\`, which is not node or a dependency's command dfmod can name`);
  }
  const devUsed = Object.keys(pkg?.devDependencies ?? {}).filter((dev) => argv.some((word) => word === dev || word.startsWith(`${dev}/`)));
  const local = pkg && localDependency(pkg, devUsed.length > 0);
  if (local) return local;
  const packages = [];
  if (context) {
    const addons = nativeAddons(context.read("package-lock.json"));
    for (const addon of addons) {
      const libraries = LANGUAGE_PACKAGE_LIBRARIES.npm[addon];
      if (!libraries) return refuse("native-addon", `${addon} has an install script (a native addon?): the libraries it links may be missing on the slim image`);
      packages.push(...libraries);
    }
  }
  const runtime = runtimeFor(stage, "dynamic");
  if (isRefusal(runtime)) return runtime;
  const building = builds(stage);
  if (runtime.image === stage.image.ref.raw.replace(/^docker\.io\/(library\/)?/, "") && !building && (!pkg || !Object.keys(pkg.devDependencies ?? {}).length || devUsed.length)) {
    return null;
  }
  const layout = depsLayout(stage, ctx, devUsed.length > 0);
  if (isRefusal(layout)) return layout;
  const modules = path14.posix.join(appDir, "node_modules");
  const chown = layout.owner ? `--chown=${layout.owner} ` : "";
  const noDependencies = pkg !== null && !devUsed.length && !Object.keys(pkg.dependencies ?? {}).length;
  const sources = sourceCopies(stage, ctx, building);
  if (sources) {
    return {
      runtime: runtime.image,
      payload: [...noDependencies ? [] : [`COPY --from=deps ${chown}${modules} ${modules}`], ...sources],
      buildEdits: [],
      buildTail: [],
      stages: noDependencies ? void 0 : layout.stage,
      programs: ["node", "npm"],
      copied: [appDir],
      packages,
      summary: `${noDependencies ? "no node_modules (package.json lists no dependencies)" : `${modules} from a \`deps\` stage (${devUsed.length ? `all dependencies: the start command uses ${devUsed.join(", ")}` : `\`${layout.install}\`, production dependencies only`})`}, then the source copied from the build context as the original copies it (the runtime uses nothing of the build stage)`,
      checks: devUsed.length ? [] : ["that nothing the app loads at run time is a devDependency"]
    };
  }
  if (noDependencies) {
    return {
      runtime: runtime.image,
      payload: [`COPY --from=build ${appDir} ${appDir}`],
      buildEdits: [layout.removeModules],
      buildTail: [],
      programs: ["node", "npm"],
      copied: [appDir],
      packages,
      summary: `${appDir}${building ? " with the build output" : ""}, without node_modules (package.json lists no dependencies)`,
      checks: ["that nothing the app loads at run time is a devDependency"]
    };
  }
  return {
    runtime: runtime.image,
    // Dependencies first, in their own layer: a source edit re-copies only the app.
    payload: [`COPY --from=deps ${chown}${modules} ${modules}`, `COPY --from=build ${appDir} ${appDir}`],
    buildEdits: [layout.removeModules],
    buildTail: [],
    stages: layout.stage,
    programs: ["node", "npm"],
    copied: [appDir],
    packages,
    summary: `${modules} from a \`deps\` stage (${devUsed.length ? `all dependencies: the start command uses ${devUsed.join(", ")}` : `\`${layout.install}\`, production dependencies only`}), then ${appDir}${building ? " with the build output" : ""}`,
    checks: [
      ...devUsed.length ? [] : ["that nothing the app loads at run time is a devDependency"],
      ...building ? [`that the build writes nothing into ${modules} the app needs (the runtime's come from \`${layout.install}\`)`] : []
    ]
  };
};
function sourceCopies(stage, ctx, building) {
  const context = ctx.context;
  if (building || !context || context.exists("node_modules") && !context.isIgnored("node_modules")) return null;
  const installsOnly = stage.runs.every((r) => r.commands.every((c) => c.program === "apt-get" || c.program === "apt" || c.program === "npm" && ["ci", "install", "i", "cache"].includes(c.words[1] ?? "")));
  if (!installsOnly) return null;
  const instructions = stage.stage.instructions;
  const copies = instructions.filter((n) => n.keyword === "COPY" || n.keyword === "ADD");
  if (!copies.length) return null;
  const first = instructions.indexOf(copies[0]);
  if (instructions.slice(first).some((n) => n.keyword === "USER" || n.keyword === "WORKDIR")) return null;
  const appDir = stage.finalWorkdir;
  if (!copies.every((n) => {
    const dest = ctx.facts.copyOperands(n)?.destResolved;
    return dest && (dest === appDir || dest.startsWith(`${appDir}/`) || `${dest}/` === `${appDir}/`);
  })) return null;
  const operands = (n) => ctx.facts.copyOperands(n);
  const plain = (n) => n.keyword === "COPY" && n.flags.length === 0;
  const whole = copies.findIndex((n) => plain(n) && operands(n)?.isWholeContext && operands(n)?.destResolved === appDir);
  const kept = copies.filter((n, i) => !(whole > i && plain(n) && operands(n)?.from === null));
  return kept.map((n) => ctx.dockerfile.source.text.slice(n.start, n.end));
}
var LOCAL_SPEC = /^(file:|link:|\.{1,2}\/|\/|~\/)/;
function localDependency(pkg, withDev) {
  if (pkg.workspaces !== void 0) return refuse("npm-local-dependency", "package.json names workspaces, whose folders the `deps` stage (package files only) would not have");
  const specs = { ...withDev ? pkg.devDependencies : {}, ...pkg.dependencies };
  const found = Object.entries(specs).find(([, spec]) => typeof spec === "string" && LOCAL_SPEC.test(spec));
  if (!found) return null;
  return refuse("npm-local-dependency", `the dependency ${found[0]} comes from the project's folder \`${found[1]}\`, which the \`deps\` stage (package files only) would not have`);
}
function nativeAddons(lock) {
  if (!lock) return [];
  try {
    const packages = JSON.parse(lock).packages ?? {};
    return Object.entries(packages).filter(([, p]) => p.hasInstallScript && !p.dev).map(([name]) => name.replace(/^.*node_modules\//, ""));
  } catch {
    return [];
  }
}
function depsLayout(stage, ctx, allDependencies) {
  const appDir = stage.finalWorkdir;
  const facts = ctx.facts;
  const installRuns = stage.runs.filter((r) => r.commands.some((c) => c.program === "npm" && ["ci", "install", "i"].includes(c.words[1] ?? "")));
  const installRun = installRuns[0];
  const installCommand = installRun.commands.find((c) => c.program === "npm" && ["ci", "install", "i"].includes(c.words[1] ?? ""));
  if (installRun.workdir !== appDir || installRun.changesDir) return refuse("npm-install-elsewhere", `line ${ctx.originalLine(installRun.node.line)}: npm installs outside the app folder ${appDir}`);
  const last = [...stage.stage.instructions].reverse().find((n) => ["RUN", "COPY", "ADD"].includes(n.keyword));
  const installUser = facts.userAt(installRun.node);
  if (facts.userAt(last) !== installUser) {
    return refuse("node-modules-owner", `line ${ctx.originalLine(last.line)}: the stage's last RUN or COPY is under another user than npm's install, so a RUN after it may not remove node_modules`);
  }
  const manifests = ["package.json", "package-lock.json", "npm-shrinkwrap.json", ".npmrc"];
  const fromRoot = stage.stage.instructions.some((node) => {
    if (node.keyword !== "COPY" || node.line > installRun.node.line) return false;
    const copy = facts.copyOperands(node);
    return copy?.destResolved?.replace(/\/$/, "") === appDir && copy.sources.some((s) => [".", "./"].includes(s) || s.startsWith("package"));
  });
  if (!fromRoot) return refuse("package-json-source", `package.json reaches ${appDir} in a way dfmod does not read (not a COPY of the context root or of package*.json into it)`);
  const context = ctx.context;
  const files = context ? manifests.filter((m) => context.exists(m) && !context.isIgnored(m)) : [];
  const copyLine = context ? `COPY ${files.join(" ")} ./` : "COPY package*.json ./";
  const verb = installCommand.words[1] === "ci" ? "ci" : "install";
  const major = stage.image.tag.version?.[0];
  const omitDev = major !== void 0 && major < 15 ? " --production" : " --omit=dev";
  const options = installCommand.words.slice(2);
  if (options.some((w) => w === null)) return refuse("npm-install-options", `line ${ctx.originalLine(installRun.node.line)}: npm's install options are computed by the shell`);
  const kept = options.filter((w) => !/^--(omit|production|only|include)(=|$)/.test(w));
  const runFlags = installRun.node.flags.map((f) => `${f.text} `).join("");
  const install = `npm ${verb}${allDependencies ? "" : omitDev}${kept.length ? ` ${kept.join(" ")}` : ""}`;
  const settings = stage.stage.instructions.filter((n) => (n.keyword === "ENV" || n.keyword === "ARG") && n.line < installRun.node.line).map((n) => ctx.dockerfile.source.text.slice(n.start, n.end));
  const eol = ctx.dockerfile.source.eol;
  const owner = installUser && installUser !== "root" && installUser !== "0" ? installUser : null;
  return {
    stage: [`FROM ${stage.stage.image} AS deps`, ...settings, `WORKDIR ${appDir}`, copyLine, `RUN ${runFlags}${install}`],
    removeModules: { start: last.end, end: last.end, text: `${eol}RUN rm -rf ${path14.posix.join(appDir, "node_modules")}` },
    install,
    owner
  };
}
function planStatic(stage, argv, server) {
  let dir = null;
  let port = server.defaultPort;
  let host = null;
  let spa = false;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (server.portFlags.includes(arg)) {
      const value = argv[++i] ?? "";
      const match = /^(?:tcp:\/\/([\d.]+):)?(\d+)$/.exec(value);
      if (!match) return refuse("static-listen-address", `${argv[0]} listens on \`${value}\`, which nginx is not set up for`);
      if (match[1]) host = match[1];
      port = Number(match[2]);
    } else if (server.hostFlags.includes(arg)) host = argv[++i] ?? null;
    else if (server.spaFlags.includes(arg)) spa = true;
    else if (server.otherFlags.test(arg)) continue;
    else if (!arg.startsWith("-") && dir === null) dir = arg;
    else return refuse("static-option", `${argv[0]} option \`${arg}\` has no nginx equivalent dfmod writes`);
  }
  if (dir === null) return refuse("static-serves-workdir", `${argv[0]} serves the working folder, not a build output folder`);
  const out = path14.posix.resolve(stage.finalWorkdir, dir);
  if (out === stage.finalWorkdir || out === "/") return refuse("static-serves-workdir", `${argv[0]} serves the whole working folder`);
  if (!stage.runs.some((r) => r.commands.some((c) => c.program === "npm" && ["run", "run-script"].includes(c.words[1] ?? "") || ["npx", "tsc", "node"].includes(c.program ?? "")))) {
    return refuse("static-not-built", `${out} is not produced by a build step`);
  }
  if (stage.stage.instructions.some((i) => i.keyword === "USER")) return refuse("static-user", "USER is set, and nginx needs root to start");
  const listen = host ? `${host}:${port}` : String(port);
  const location = spa ? " location / { try_files $uri $uri/ /index.html; }" : "";
  const payload = [`COPY --from=build ${out} ${STATIC_RUNTIME.root}`];
  if (port !== 80 || host || spa) {
    payload.push(`RUN echo 'server { listen ${listen}; root ${STATIC_RUNTIME.root};${location} }' > /etc/nginx/conf.d/default.conf`);
  }
  return {
    runtime: STATIC_RUNTIME.image,
    payload,
    buildEdits: [],
    buildTail: [],
    drop: /* @__PURE__ */ new Set(["CMD", "ENTRYPOINT"]),
    programs: [],
    copied: [STATIC_RUNTIME.root],
    summary: `${out} served by nginx on ${listen} in place of \`${stage.argv.join(" ")}\` (nginx's own CMD; its headers and directory listings differ from ${argv[0]}'s)`
  };
}

// transforms/multi-stage/python.ts
import path15 from "node:path";
var PYTHON = /^python(3(\.\d+)?)?$/;
var normalized = (name) => name.toLowerCase().replace(/[-_.]+/g, "-");
var planPython = (stage, ctx) => {
  const pipRuns = stage.runs.filter((r) => r.commands.some((c) => isPipInstall(c.words)));
  if (!pipRuns.length) return refuse("no-pip-install", "no `pip install` in the stage, so the dependencies are not named");
  const venv = stageVenv(stage, ctx);
  const argv0 = stage.argv[0] ?? "";
  const runner = venv && path15.posix.dirname(argv0) === `${venv}/bin` ? programName(argv0) : argv0;
  if (!PYTHON.test(runner)) {
    const requirements = ctx.context?.read("requirements.txt") ?? "";
    const installed = [
      ...requirements.split(/\r?\n/).map((l) => normalized(l.replace(/[\s#;<>=!~[].*$/, ""))),
      ...pipRuns.flatMap((r) => r.commands.filter((c) => isPipInstall(c.words)).flatMap((c) => c.words.slice(1).map((a) => normalized((a ?? "").replace(/[<>=!~[].*$/, "")))))
    ];
    if (!installed.includes(normalized(runner))) {
      return refuse("not-python", `the container runs \`${runner}\`, which is not python or a package the build installs`);
    }
  }
  const appDir = stage.finalWorkdir;
  if (appDir === "/") return refuse("python-no-workdir", "the stage sets no WORKDIR, so the app folder to copy is not named");
  const runtime = runtimeFor(stage, "dynamic");
  if (isRefusal(runtime)) return runtime;
  const leftBehind = stage.aptPackages.filter((p) => BUILD_TOOL_PACKAGES.has(p) || p.endsWith("-dev"));
  if (runtime.image === stage.image.ref.raw.replace(/^docker\.io\/(library\/)?/, "") && !leftBehind.length) return null;
  if (venv) {
    const inApp = venv === appDir || venv.startsWith(`${appDir}/`);
    return {
      runtime: runtime.image,
      payload: [...inApp ? [] : [`COPY --from=build ${venv} ${venv}`], `COPY --from=build ${appDir} ${appDir}`],
      buildEdits: [],
      buildTail: [],
      programs: ["python", "python3", argv0, `${venv}/bin/python`, `${venv}/bin/python3`],
      copied: inApp ? [appDir] : [venv, appDir],
      summary: `the stage's virtualenv ${venv}${inApp ? `, in ${appDir}` : ` and ${appDir}`}`
    };
  }
  const at = startWithComments(ctx.dockerfile, pipRuns[0].node);
  const eol = ctx.dockerfile.source.eol;
  return {
    runtime: runtime.image,
    payload: ["COPY --from=build /opt/venv /opt/venv", "ENV PATH=/opt/venv/bin:$PATH", `COPY --from=build ${appDir} ${appDir}`],
    buildEdits: [{ start: at, end: at, text: `RUN python -m venv /opt/venv${eol}ENV PATH=/opt/venv/bin:$PATH${eol}` }],
    buildTail: [],
    programs: ["python", "python3", runner],
    copied: ["/opt/venv", appDir],
    summary: `the virtualenv /opt/venv (installed in the build stage) and ${appDir}`
  };
};
var VENV_VALUE_OPTIONS = /* @__PURE__ */ new Set(["--prompt"]);
function stageVenv(stage, ctx) {
  let venv = null;
  let installs = 0;
  for (const run of stage.runs) {
    for (const command of run.commands) {
      const words3 = command.words;
      if (PYTHON.test(command.program ?? "") && words3[1] === "-m" && words3[2] === "venv") {
        const dir = venvFolder(words3.slice(3), run);
        if (dir === null || venv !== null || installs) return null;
        venv = dir;
        continue;
      }
      if (!isPipInstall(words3)) continue;
      installs++;
      if (venv === null || !runsVenvPip(words3[0], venv, run, ctx)) return null;
    }
  }
  return installs ? venv : null;
}
function venvFolder(args, run) {
  const dirs = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === null || arg === "--without-pip") return null;
    if (VENV_VALUE_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith("-")) dirs.push(arg);
  }
  if (dirs.length !== 1) return null;
  const dir = dirs[0];
  if (!dir.startsWith("/") && (run.workdir === null || run.changesDir)) return null;
  return path15.posix.resolve(run.workdir ?? "/", dir);
}
function runsVenvPip(program, venv, run, ctx) {
  if (program.includes("/")) return path15.posix.dirname(path15.posix.resolve(run.workdir ?? "/", program)) === `${venv}/bin`;
  const first = ctx.facts.pathHeadAt(run.node)[0];
  return first !== void 0 && path15.posix.normalize(first).replace(/\/$/, "") === `${venv}/bin`;
}

// transforms/multi-stage/read-stage.ts
import path16 from "node:path";
var INITS = Object.keys(INIT_PATHS);
var INIT_WRAPPERS2 = [...INITS, path16.posix.basename(TINI_STATIC)];
function readStage(ctx, stage, image, ecosystem) {
  const model = ctx.dockerfile;
  const facts = ctx.facts;
  const where = (node) => `line ${ctx.originalLine(node.line)}`;
  for (const node of stage.instructions) {
    if (node.keyword === "WORKDIR" && model.rawArguments(node).includes("$")) return refuse("workdir-variable", `${where(node)}: WORKDIR uses a variable`);
  }
  const final = facts.finalWorkdir(stage);
  if (final === null) return refuse("workdir-unknown", `the folder the container starts in is not known: the stage sets no absolute WORKDIR, and dfmod does not know ${image.ref.raw}'s`);
  for (const node of stage.instructions) {
    if (node.keyword !== "COPY" && node.keyword !== "ADD") continue;
    const copy = facts.copyOperands(node);
    if (!copy) return refuse("copy-unread", `${where(node)}: ${node.keyword} is not read (a heredoc, or no destination)`);
    const dest = copy.destResolved;
    if (dest === null) return refuse("workdir-unknown", `${where(node)}: where ${node.keyword} puts files is not known`);
    if (final === "/" && (ecosystem === "node" || ecosystem === "python")) {
      return refuse("copy-outside-app", `${where(node)}: ${node.keyword} puts files in ${dest}, and the stage sets no app folder (WORKDIR) to copy`);
    }
  }
  const runs2 = readRuns(ctx, stage);
  if (isRefusal(runs2)) return runs2;
  const command = containerArgv(ctx, stage);
  if (isRefusal(command)) return command;
  const entrypoint = image.defaults?.entrypoint ?? [];
  const { argv, wrappers } = unwrap2(command, /* @__PURE__ */ new Set([...INIT_WRAPPERS2, ...entrypoint.map((e) => path16.posix.basename(e))]));
  const inits = INITS.filter((init) => wrappers.some((w) => path16.posix.basename(w) === init));
  return { stage, image, ecosystem, runs: runs2, finalWorkdir: final, argv, inits };
}
function readRuns(ctx, stage) {
  const runs2 = [];
  for (const node of stage.instructions) {
    if (node.keyword !== "RUN") continue;
    const where = `line ${ctx.originalLine(node.line)}`;
    const read = ctx.facts.readRun(node);
    if (read.kind === "refused") return refuse(`run-${read.refusal.id}`, `${where}: RUN is not read: ${read.refusal.reason}`);
    const commands = ctx.facts.commandsOf(read);
    let changesDir = false;
    let cdSeen = false;
    for (const command of commands) {
      if (cdSeen) changesDir = true;
      if (command.program === "cd") cdSeen = true;
    }
    runs2.push({ node, commands, workdir: ctx.facts.workdirAt(node), changesDir, offsets: read.script.offsets });
  }
  return runs2;
}
function containerArgv(ctx, stage) {
  const { entrypointNode: entry, cmdNode: cmd } = ctx.facts.command(stage);
  if (!entry && !cmd) return refuse("no-command", "the stage has no CMD or ENTRYPOINT, so what runs is not named");
  if (entry) {
    const e = directArgv2(ctx, entry);
    if (isRefusal(e) || entry.form === "shell" || !cmd) return e;
    if (cmd.form === "shell") return refuse("shell-cmd-after-exec-entrypoint", "a shell-form CMD after a JSON ENTRYPOINT is not read");
    const c = directArgv2(ctx, cmd);
    return isRefusal(c) ? c : [...e, ...c];
  }
  return directArgv2(ctx, cmd);
}
function directArgv2(ctx, node) {
  const argv = ctx.facts.argvOf(node);
  if (argv?.direct) return argv.direct;
  const script = ctx.dockerfile.shellScript(node)?.text.trim() ?? "";
  return refuse("command-unread", `cannot tell what \`${script}\` runs${argv?.needsShell ? `: ${argv.needsShell.reason}` : ""}`);
}
function unwrap2(argv, known) {
  const wrappers = [];
  let rest = argv;
  while (rest.length && known.has(path16.posix.basename(rest[0]))) {
    wrappers.push(rest[0]);
    rest = rest.slice(1);
    const end = rest.indexOf("--");
    if (end !== -1 && rest.slice(0, end).every((a) => a.startsWith("-"))) rest = rest.slice(end + 1);
    else while (rest.length && rest[0].startsWith("-")) rest = rest.slice(1);
  }
  return { argv: rest, wrappers };
}

// transforms/multi-stage/index.ts
var PLANNERS = { go: planGo, node: planNode, python: planPython, java: planJava, native: planNative };
var LANGUAGE_ECOSYSTEMS = { go: "go", node: "node", python: "python", java: "java" };
var NATIVE_FAMILIES = /* @__PURE__ */ new Set(["debian", "ubuntu", "buildpack-deps"]);
var KEPT = /* @__PURE__ */ new Set(["ENV", "WORKDIR", "USER", "EXPOSE", "VOLUME", "LABEL", "HEALTHCHECK", "STOPSIGNAL", "ENTRYPOINT", "CMD", "MAINTAINER"]);
var LEADING = /* @__PURE__ */ new Set(["ENV", "ARG", "WORKDIR", "LABEL", "MAINTAINER"]);
var BUILD_STEPS = {
  go: (words3) => programName(words3[0] ?? "") === "go" && words3[1] === "build",
  node: runs("npm", "npx", "tsc", "yarn", "pnpm"),
  python: isPipInstall,
  java: runs("mvn", "mvnw", "gradle", "gradlew", "javac"),
  native: runs("gcc", "g++", "cc", "c++", "make", "cmake")
};
function runs(...programs) {
  const names = new Set(programs);
  return (words3) => names.has(programName(words3[0] ?? ""));
}
function ecosystemOf(image) {
  if (image.ref.registry !== null && !DOCKER_HUB.has(image.ref.registry)) return null;
  if (!IMAGE_FAMILIES.find((f) => f.id === image.family)?.runtime) return null;
  if (image.language) return LANGUAGE_ECOSYSTEMS[image.language] ?? null;
  return NATIVE_FAMILIES.has(image.family) ? "native" : null;
}
function looksLikeBuild(ctx, stage, ecosystem) {
  return stage.instructions.some((node) => node.keyword === "RUN" && runCommandWords(ctx, node).some(BUILD_STEPS[ecosystem]));
}
function runCommandWords(ctx, node) {
  const read = ctx.facts.readRun(node);
  if (read.kind === "script") return ctx.facts.commandsOf(read).map((c) => c.words);
  if (node.execArgs) return [node.execArgs];
  const scripts = node.form === "heredoc" ? heredocBodies(ctx.dockerfile, node) : [ctx.dockerfile.shellScript(node)?.text ?? ""];
  return scripts.flatMap((text) => ctx.facts.commandsOf({ root: ctx.shell.parse(text).rootNode }).map((c) => c.words));
}
function heredocBodies(model, node) {
  const heredocs = "getHeredocs" in node.ast ? node.ast.getHeredocs() : [];
  return heredocs.flatMap((heredoc) => {
    const range = heredoc.getContentRange();
    return range ? [model.source.text.slice(model.source.offsetAt(range.start), model.source.offsetAt(range.end))] : [];
  });
}
function plan(ctx) {
  const model = ctx.dockerfile;
  if (model.stages.length !== 1) return null;
  const stage = model.stages[0];
  const ref = parseImageRef(stage.image);
  const image = describeImage(ref.dynamic && !ref.name.includes("$") ? ref.name : stage.image);
  const ecosystem = ecosystemOf(image);
  if (!ecosystem || !looksLikeBuild(ctx, stage, ecosystem)) return null;
  if (ref.dynamic) return refuse("image-build-argument", `the base image \`${stage.image}\` uses a build argument`);
  if (ref.digest) return refuse("image-digest", "the base image is pinned by digest, and the runtime image's digest is not known");
  if (stage.platform) return refuse("from-platform", "FROM sets --platform");
  for (const node of stage.instructions) {
    if (node.keyword === "ONBUILD" || node.keyword === "SHELL") {
      return refuse("not-carried", `line ${ctx.originalLine(node.line)}: ${node.keyword} is not carried to a runtime stage`);
    }
    if (node.keyword === "COPY" && node.flags.some((f) => f.name === "from")) return refuse("copy-from", `line ${ctx.originalLine(node.line)}: COPY --from`);
  }
  if (ctx.facts.isWindows(stage)) return refuse("windows", "a Windows image");
  const read = readStage(ctx, stage, image, ecosystem);
  if (isRefusal(read)) return read;
  const aptPackages = checkBuildSteps(read, ctx);
  if (isRefusal(aptPackages)) return aptPackages;
  const reading = { ...read, aptPackages };
  const chosen = PLANNERS[ecosystem](reading, ctx);
  if (chosen === null || isRefusal(chosen)) return chosen;
  const health = healthcheckPrograms(ctx, stage);
  if (isRefusal(health)) return health;
  const closure = runtimeClosure(ctx, reading, chosen, health);
  if (isRefusal(closure)) return closure;
  const packages = [.../* @__PURE__ */ new Set([...chosen.packages ?? [], ...closure.packages])];
  const unfit = checkRuntime(ctx, reading, chosen, packages);
  if (unfit) return unfit;
  const inits = copyInits(reading, chosen);
  if (inits) return inits;
  const result = edits(ctx, stage, chosen, packages, closure.copies);
  if (isRefusal(result)) return result;
  return { fix: { line: stage.from.line, message: splitMessage(ctx, stage, chosen, packages, closure), edits: result } };
}
function splitMessage(ctx, stage, chosen, packages, closure) {
  const users = stage.instructions.filter((n) => n.keyword === "USER");
  const user = users.length ? `USER ${argsText2(ctx.dockerfile, users[users.length - 1])}` : `${chosen.runtime}'s default user`;
  const parts = [
    `split into a build stage and a runtime stage on ${chosen.runtime}`,
    `it gets ${chosen.summary}`,
    packages.length ? `apt packages ${packages.join(", ")}` : "no apt packages",
    ...closure.files.length ? [`also ${closure.files.join(", ")}`] : [],
    `runs as ${user}`
  ];
  const checks = [...chosen.checks ?? [], ...closure.checks, "that the app reads no other file of the build stage"];
  return `${parts.join("; ")}; check: ${checks.join("; ")}`;
}
function healthcheckPrograms(ctx, stage) {
  const programs = [];
  for (const node of stage.instructions) {
    if (node.keyword !== "HEALTHCHECK") continue;
    const health = healthcheckArgv(ctx, node);
    if (health === null) continue;
    if (isRefusal(health)) return health;
    programs.push(health.argv[0]);
  }
  return programs;
}
function copyInits(stage, chosen) {
  const glibc = libcOf(chosen.runtime) === "glibc";
  const distro = stage.image.release?.distro === "ubuntu" ? "ubuntu" : "debian";
  for (const init of stage.inits) {
    if (!stage.aptPackages.includes(init)) continue;
    const binary = INIT_PATHS[init][distro];
    const statically = init === "tini" ? TINI_STATIC : null;
    if (!glibc && !statically) return refuse("init-needs-glibc", `Debian's ${init} needs glibc, which ${chosen.runtime} lacks`);
    chosen.payload.push(`COPY --from=build ${glibc ? binary : statically} ${binary}`);
  }
  return null;
}
function healthcheckArgv(ctx, node) {
  const model = ctx.dockerfile;
  const subcommand = "getSubcommand" in node.ast ? node.ast.getSubcommand() : null;
  if (subcommand?.getValue().toUpperCase() === "NONE") return null;
  const start = subcommand ? model.source.offsetAt(subcommand.getRange().end) : node.end;
  const command = model.logicalText(start, node.end).text.trim();
  const where = `line ${ctx.originalLine(node.line)}`;
  if (command.startsWith("[")) {
    try {
      const value = JSON.parse(command);
      if (Array.isArray(value) && value.length && value.every((v) => typeof v === "string")) return { argv: value, shell: false };
    } catch {
    }
  }
  const read = scriptArgv(ctx.shell.parse(command).rootNode);
  if (!("argv" in read)) return refuse("healthcheck-unread", `${where}: cannot tell what HEALTHCHECK \`${command}\` runs: ${read.reason}`);
  return { argv: read.argv, shell: true };
}
function checkRuntime(ctx, stage, chosen, packages) {
  const model = ctx.dockerfile;
  const runtime = describeImage(chosen.runtime);
  const hasShell = runtime.hasShell === true;
  for (const node of stage.stage.instructions) {
    if (chosen.drop?.has(node.keyword)) continue;
    const where = `line ${ctx.originalLine(node.line)}`;
    if ((node.keyword === "CMD" || node.keyword === "ENTRYPOINT") && node.form === "shell" && !hasShell) {
      return refuse("shell-form-needs-shell", `${where}: ${node.keyword} in shell form needs /bin/sh, which ${chosen.runtime} lacks (exec-form can write it in JSON form first)`);
    }
    if (node.keyword === "USER") {
      const user = argsText2(model, node).split(":")[0];
      if (!/^\d+$/.test(user) && user !== "root" && !runtime.users.includes(user)) {
        return refuse("user-may-not-exist", `${where}: USER ${user} may not exist in ${chosen.runtime}`);
      }
    }
    if (node.keyword === "HEALTHCHECK") {
      const health = healthcheckArgv(ctx, node);
      if (health === null) continue;
      if (isRefusal(health)) return health;
      if (health.shell && !hasShell) return refuse("healthcheck-needs-shell", `${where}: HEALTHCHECK needs /bin/sh, which ${chosen.runtime} lacks`);
      const installed = PROGRAM_PACKAGES[path17.posix.basename(health.argv[0])];
      if (!chosen.programs.includes(health.argv[0]) && !(installed && packages.includes(installed))) {
        return refuse("healthcheck-program", `${where}: HEALTHCHECK runs \`${health.argv[0]}\`, which ${chosen.runtime} may not have`);
      }
    }
  }
  return null;
}
function edits(ctx, stage, chosen, packages, copies) {
  const model = ctx.dockerfile;
  const source = model.source.text;
  const eol = model.source.eol;
  const result = [...chosen.buildEdits];
  if (stage.name === null) result.push({ start: stage.from.end, end: stage.from.end, text: " AS build" });
  else if (stage.name !== "build") return refuse("stage-named", `the stage is already named ${stage.name}`);
  const kept = stage.instructions.filter((node) => KEPT.has(node.keyword) && !chosen.drop?.has(node.keyword));
  const keptText = kept.map((node) => source.slice(node.start, node.end)).join("\n");
  const args = stage.instructions.filter((node) => node.keyword === "ARG" && argNames(argsText2(model, node)).some((name) => new RegExp(`\\$\\{?${name}\\b`).test(keptText)));
  const ordered = stage.instructions.filter((node) => kept.includes(node) || args.includes(node));
  const index = (node) => stage.instructions.indexOf(node);
  const lastContent = Math.max(...stage.instructions.filter((n) => ["RUN", "COPY", "ADD"].includes(n.keyword)).map(index));
  const leading = ordered.filter((node) => index(node) < lastContent || LEADING.has(node.keyword) && node.keyword !== "WORKDIR");
  const rest = ordered.filter((node) => !leading.includes(node));
  const text = (node) => node.keyword === "WORKDIR" ? workdirText(ctx, stage, node) : source.slice(node.start, node.end);
  const install = packages.length ? [`RUN apt-get update && apt-get install -y --no-install-recommends ${packages.join(" ")} && rm -rf /var/lib/apt/lists/*`] : [];
  const lines = [
    `FROM ${chosen.runtime}`,
    ...install,
    ...leading.map(text),
    ...chosen.payload,
    ...copies,
    ...rest.map(text)
  ];
  const endsWithBreak = /[\r\n]$/.test(source);
  const tail = [
    endsWithBreak ? "" : eol,
    ...chosen.buildTail.map((l) => l + eol),
    eol,
    ...chosen.stages ? [chosen.stages.join(eol), eol, eol] : [],
    lines.join(eol),
    endsWithBreak ? eol : ""
  ].join("");
  result.push({ start: source.length, end: source.length, text: tail });
  return result;
}
function workdirText(ctx, stage, node) {
  const written = ctx.dockerfile.source.text.slice(node.start, node.end);
  if (argsText2(ctx.dockerfile, node).startsWith("/")) return written;
  const next = stage.instructions[stage.instructions.indexOf(node) + 1];
  const resolved = next ? ctx.facts.workdirAt(next) : ctx.facts.finalWorkdir(stage);
  return resolved === null ? written : `WORKDIR ${resolved}`;
}
function argNames(text) {
  return text.split(/\s+/).filter(Boolean).map((word) => word.split("=")[0]);
}
var multiStage = {
  id: "multi-stage",
  level: "review",
  effects: ["stages", "base-image", "run-commands", "copies", "order", "env", "command"],
  description: "Split a single-stage image into a build stage and a slim runtime stage that copies only what runs",
  rationale: "Compilers, dev dependencies and package caches are needed to build, not to run. A runtime stage on a slim or distroless image with only the build output makes the image smaller and gives an attacker less to work with.",
  reviewCheck: "the runtime stage has every file, library and tool the app needs at run time (shared libraries, CA certificates, time zones, a shell for scripts, files written outside the app folder, a user the app switches to): build the image and run it as you deploy it",
  enabledByDefault: true,
  run(ctx) {
    const outcome = plan(ctx);
    if (!outcome) return {};
    if (isRefusal(outcome)) {
      const { id, reason } = outcome.refuse;
      return { notes: [{ line: ctx.dockerfile.stages[0].from.line, id, message: `not split into build and runtime stages: ${reason}` }] };
    }
    return { fixes: [outcome.fix] };
  }
};

// transforms/multi-arch.ts
function goBuilds(ctx, stage) {
  const found = [];
  for (const node of stage.instructions) {
    if (node.keyword !== "RUN") continue;
    const read = ctx.facts.readRun(node);
    if (read.kind === "refused") return `line ${ctx.originalLine(node.line)}: RUN is not read: ${read.refusal.reason}`;
    for (const command of ctx.facts.commandsOf(read)) {
      if (command.program === "go" && command.words[1] === "build") found.push({ run: node, command, offsets: read.script.offsets });
    }
  }
  return found;
}
function assignments(command) {
  return command.node.namedChildren.filter((c) => c?.type === "variable_assignment").map((c) => c.text);
}
var multiArch = {
  id: "multi-arch",
  level: "review",
  effects: ["platform", "arg", "run-commands"],
  description: "Run platform-independent build stages on the build platform and cross-compile Go for TARGETOS/TARGETARCH",
  rationale: "With `docker buildx build --platform linux/amd64,linux/arm64`, a build stage on the target platform runs under emulation, often ten times slower. Go cross-compiles natively and jars are platform-independent, so their build stages can run on $BUILDPLATFORM while the runtime stage stays on the target platform.",
  reviewCheck: "the build stages compile for the target platform and not for the build machine (nothing they run on the build platform ends up in the runtime stage): build with `docker buildx build --platform` for every platform you ship and run each image",
  enabledByDefault: false,
  run(ctx) {
    const model = ctx.dockerfile;
    const fixes = [];
    const notes = [];
    const eol = model.source.eol;
    const facts = ctx.facts;
    const copied = (stage) => facts.usedBy(stage).some((user) => facts.copiedFrom(user).includes(stage));
    for (const stage of model.stages) {
      if (stage === model.finalStage || !copied(stage) || stage.platform !== null || facts.parentOf(stage)) continue;
      const cross = crossBuild(languageOf(stage.image));
      if (!cross) continue;
      const line = stage.from.line;
      if (cross.kind === "platform-bound") {
        notes.push({ line, id: "platform-bound-build", message: `build stage left on the target platform: ${cross.why}` });
        continue;
      }
      const platform = { start: stage.from.start + 4, end: stage.from.start + 4, text: " --platform=$BUILDPLATFORM" };
      if (cross.kind === "portable") {
        fixes.push({ line, message: "Java build stage runs on the build platform: jars and classes are platform-independent", edits: [platform] });
        continue;
      }
      const builds2 = goBuilds(ctx, stage);
      if (typeof builds2 === "string") {
        notes.push({ line, id: "run-not-read", message: `Go build stage left on the target platform: ${builds2}` });
        continue;
      }
      if (!builds2.length) continue;
      const cgo = builds2.find((b) => cgoSetting(facts, b.run, b.command) !== "0");
      if (cgo) {
        notes.push({ line, id: "cgo-may-be-in-use", message: "Go build stage left on the target platform: cgo may be in use (CGO_ENABLED=0 is not set), and cross-compiling C needs a cross toolchain" });
        continue;
      }
      const edits2 = [platform];
      for (const { command: { command }, offsets } of builds2) {
        if (assignments(command).some((a) => /^GO(OS|ARCH)=/.test(a))) continue;
        const at = offsets[(command.node.childForFieldName("name") ?? command.node).startIndex];
        edits2.push({ start: at, end: at, text: "GOOS=$TARGETOS GOARCH=$TARGETARCH " });
      }
      const declared = (name) => stage.instructions.some((i) => i.keyword === "ARG" && new RegExp(`^${name}(=|\\s|$)`).test(model.logicalText(i.argsStart, i.end).text.trim()));
      const args = ["TARGETOS", "TARGETARCH"].filter((name) => !declared(name)).map((name) => `ARG ${name}${eol}`).join("");
      if (args) {
        const fromLine = stage.from.endLine - 1;
        const at = model.source.lineEndWithBreak(fromLine);
        const atEnd = at === model.source.text.length && !/[\r\n]$/.test(model.source.text);
        edits2.push({ start: at, end: at, text: atEnd ? eol + args.slice(0, -eol.length) : args });
      }
      fixes.push({ line, message: "Go build stage runs on the build platform and cross-compiles for TARGETOS/TARGETARCH", edits: edits2 });
    }
    return { fixes, notes };
  }
};

// transforms/init-entrypoint.ts
var MISSING_IDS = {
  archived: "archived-release",
  "no-package": "no-init-package",
  "not-checked": "no-init-package",
  "not-in-base-repositories": "rhel-epel",
  "no-known-package": "no-init-package"
};
var OTHER_INIT = { tini: "dumb-init", "dumb-init": "tini" };
var ROOT_USERS2 = /* @__PURE__ */ new Set(["", "root", "0", "root:root", "0:0"]);
function isRoot(user) {
  return user === null || ROOT_USERS2.has(user);
}
function initIn(argv, shell2) {
  if (!argv) return null;
  for (const arg of argv) {
    if (isInitProgram(arg)) return arg;
    if (/\s/.test(arg)) {
      for (const command of simpleCommands(shell2.parse(arg).rootNode)) {
        const found = initIn([command.name ?? "", ...command.argValues.map((v) => v ?? "")].filter(Boolean), shell2);
        if (found) return found;
      }
    }
  }
  return null;
}
function installsPackage(stage, pkg, manager, facts) {
  return stage.instructions.some((node) => {
    if (node.keyword !== "RUN") return false;
    const read = facts.readRun(node);
    if (read.kind !== "script") return false;
    return facts.commandsOf(read).some((c) => {
      const install = isPackageInstall(c.words);
      return install !== null && install.manager === manager && install.packages.includes(pkg);
    });
  });
}
function inheritedUserText(stage, facts, model) {
  for (let s = facts.parentOf(stage); s; s = facts.parentOf(s)) {
    const user = [...s.instructions].reverse().find((n) => n.keyword === "USER");
    if (user) return model.rawArguments(user).trim();
  }
  return null;
}
var STATIC_ALTERNATIVE = "copy a static binary in with the option binary, or use `docker run --init`";
function missingNote(missing, init, other, release) {
  if (missing.reason === "archived") return `${missing.missing}; ${STATIC_ALTERNATIVE}`;
  if (missing.reason !== "no-package" || release === null) return missing.missing;
  const otherInit = OTHER_INIT[init];
  const alternative = other && "path" in other ? `use \`docker run --init\`, or the option init=${otherInit}: ${release} has ${otherInit} (dfmod does not switch packages by itself)` : `use \`docker run --init\` (${release} has no ${otherInit} either)`;
  return `${missing.missing}; ${alternative}`;
}
var ROLE_IDS = {
  base: "base-image",
  "official-image": "official-image",
  toolbox: "toolbox-image",
  devcontainer: "devcontainer",
  "dev-or-test": "dev-or-test-stage",
  "build-only": "build-only-stage",
  vendored: "vendored-file",
  sample: "teaching-sample"
};
var ROLE_WHY = {
  base: "a base image: every image built FROM it would inherit the init",
  "official-image": "an official-image definition: every image built FROM it would inherit the init",
  toolbox: "a tool or CI image, which jobs and people run commands in, not a deployed service: images built FROM it would inherit the init",
  devcontainer: "a dev container, not what is deployed",
  "dev-or-test": "a development or test stage, not what is deployed",
  "build-only": "a build stage, not what is deployed",
  vendored: "another project's file, rewritten when it is vendored again",
  sample: "a sample written to be read, whose text is the lesson"
};
function reasonOnDisk(ctx, role) {
  if (role.line === void 0) return role.reason;
  const cited = `line ${role.line} `;
  return role.reason.startsWith(cited) ? `line ${ctx.originalLine(role.line)} ${role.reason.slice(cited.length)}` : role.reason;
}
var NO_OPT_IN = /* @__PURE__ */ new Set(["vendored", "sample"]);
function pathListed(filename, paths) {
  if (!filename) return false;
  const file = filename.replace(/\\/g, "/");
  return paths.some((p) => {
    const listed = p.replace(/\\/g, "/").replace(/^\.\//, "");
    return file === listed || file.endsWith(`/${listed}`);
  });
}
function stringList(value, name) {
  if (value === void 0) return [];
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value;
  return `the option ${name} must be a list of strings`;
}
var NOT_ONCE = /* @__PURE__ */ new Set(["for_statement", "c_style_for_statement", "while_statement", "if_statement", "case_statement", "function_definition"]);
function insideControlFlow(node) {
  let child = node;
  for (let n = node.parent; n; child = n, n = n.parent) {
    if (NOT_ONCE.has(n.type)) return n.type.replace(/_statement$|_definition$/, "").replace(/_/g, "-");
    if (n.type === "list" && n.children.length === 3 && n.children[2]?.startIndex === child.startIndex) {
      const operator = n.children[1]?.type;
      const left = n.children[0];
      if (operator === "||") return "or-list";
      if (operator === "&&" && left && (left.type === "test_command" || /^(\[|test\s)/.test(left.text))) return "conditional";
    }
  }
  return null;
}
function virtualGroup(flags) {
  for (let i = 0; i < flags.length; i++) {
    if (flags[i] === "--virtual" || flags[i] === "-t") return flags[i + 1] ?? "";
    if (flags[i].startsWith("--virtual=")) return flags[i].slice("--virtual=".length);
  }
  return null;
}
function groupDeleted(ctx, stages, group) {
  if (group === "") return true;
  const removeVerbs = PACKAGE_MANAGER_FACTS.apk.removeVerbs ?? [];
  return stages.some((s) => s.instructions.some((node) => {
    if (node.keyword !== "RUN") return false;
    const read = ctx.facts.readRun(node);
    if (read.kind !== "script") return true;
    return ctx.facts.commandsOf(read).some((c) => {
      const command = managerCommand(c.words);
      if (command?.manager !== "apk" || command.subcommand === null || !removeVerbs.includes(command.subcommand)) return false;
      return c.words.slice(command.subcommandIndex + 1).some((w) => w === null || w === group);
    });
  }));
}
var packageName = (word) => word.split(/[=<>~]/)[0];
function joinableInstall(ctx, stage, manager, init) {
  const { facts, locked } = ctx;
  let blocked = null;
  let after = null;
  const chain = [];
  for (let s = stage; s; s = facts.parentOf(s)) chain.push(s);
  for (const [depth, s] of chain.entries()) {
    for (const node of s.instructions) {
      if (node.keyword !== "RUN") continue;
      const line = ctx.originalLine(node.line);
      const read = facts.readRun(node);
      if (read.kind !== "script") {
        if (read.refusal.id === "heredoc" || read.refusal.id === "shell-syntax-error") blocked ??= `the RUN at line ${line} may be the stage's install, and dfmod cannot read it (${read.refusal.reason}): add ${"`"}${init}${"`"} to its install`;
        continue;
      }
      const commands = facts.commandsOf(read);
      for (const c of commands) {
        const install = isPackageInstall(c.words);
        if (!install || install.manager !== manager || !["install", "add"].includes(install.verb)) continue;
        if (!install.packages.length && !install.computed) continue;
        if (insideControlFlow(c.nodes[0])) continue;
        const refuse2 = (why) => {
          blocked ??= `the ${manager} install at line ${line} ${why}: add ${"`"}${init}${"`"} where the image's packages are installed`;
        };
        if (locked(node)) {
          refuse2("is suppressed");
          continue;
        }
        if (commands.some((x) => x.program === "apt-mark")) {
          refuse2(`marks packages for autoremove (apt-mark), which would remove ${init} too`);
          continue;
        }
        const group = manager === "apk" ? virtualGroup(install.flags) : null;
        if (group !== null && groupDeleted(ctx, chain.slice(0, depth + 1), group)) {
          if (depth === 0) after ??= node;
          continue;
        }
        const asRoot2 = c.wrappers.includes("sudo") ? c.sudoAsRoot : isRoot(facts.userAt(node));
        if (!asRoot2) {
          refuse2(`runs as \`${facts.userAt(node)}\`, not root`);
          continue;
        }
        const items = install.packageAt.map((i) => ({ node: c.nodes[i], computed: c.words[i] === null }));
        return { node, edit: insertListWord(ctx.dockerfile, read, items, init, packageName) };
      }
    }
  }
  if (blocked !== null) return { blocked };
  return after ? { after } : null;
}
function withExec(argv, script, offset) {
  return argv.map((word) => word === script ? `${script.slice(0, offset)}exec ${script.slice(offset)}` : word);
}
function sameArgv(a, b) {
  return !!a && !!b && a.length === b.length && a.every((word, i) => word === b[i]);
}
function storedScript(ctx, node) {
  const argv = ctx.facts.argvOf(node);
  return argv && node.form === "shell" ? argv.stored[argv.stored.length - 1] : null;
}
function targets(ctx, stages, paths) {
  const model = ctx.dockerfile;
  if (stages.length) {
    const found = stages.map((name) => model.stages.find((s) => s.name === name.toLowerCase()));
    const missing = stages.filter((_, i) => !found[i]);
    if (missing.length === stages.length) {
      return { id: "unknown-stage", line: model.finalStage?.from.line ?? 1, message: `no init added: the option stages names ${missing.map((m) => `\`${m}\``).join(", ")}, and the file has no stage of that name` };
    }
    return found.filter((s) => s !== void 0).map((stage) => ({ stage, optedIn: true }));
  }
  const final = model.finalStage;
  return final ? [{ stage: final, optedIn: pathListed(ctx.filename, paths) }] : [];
}
var initEntrypoint = {
  id: "init-entrypoint",
  // A new ENTRYPOINT is a new contract: what `docker run IMAGE args` and `--entrypoint` users get changes.
  level: "review",
  // command: `exec` in front of a shell-form command's app, and npm start replaced by its script's command; copies: the option binary.
  effects: ["run-commands", "command-prefix", "command", "copies"],
  description: "Run the final stage under tini (or dumb-init) so signals reach the app and zombies are reaped",
  rationale: "PID 1 gets no default signal handlers and must reap orphaned processes. Most apps do neither, so `docker stop` waits 10 s and kills them. A minimal init as PID 1 forwards SIGTERM to the app and reaps zombies.",
  reviewCheck: "the app still handles SIGTERM as it should (the init forwards it, and now nothing else is PID 1), the base image's own entrypoint still runs behind the init, and whoever runs the image with arguments or `--entrypoint` gets what they got before: run the image, `docker stop` it, and run it as your deployment does",
  hadolintRules: [],
  run(ctx) {
    const { dockerfile: model, options } = ctx;
    const final = model.finalStage;
    if (!final) return {};
    const optionNote = (message) => ({ notes: [{ id: "unknown-option", line: final.from.line, message: `no init added: ${message}` }] });
    const option = options.init ?? "tini";
    if (option !== "tini" && option !== "dumb-init") return optionNote(`unknown option init=${JSON.stringify(option)} (use "tini" or "dumb-init")`);
    const stages = stringList(options.stages, "stages");
    const paths = stringList(options.paths, "paths");
    if (typeof stages === "string") return optionNote(stages);
    if (typeof paths === "string") return optionNote(paths);
    const chosen = targets(ctx, stages, paths);
    if (!Array.isArray(chosen)) return { notes: [chosen] };
    const result = { fixes: [], notes: [] };
    for (const { stage, optedIn } of chosen) {
      const planned = planStage(ctx, stage, option, optedIn);
      result.fixes.push(...planned.fixes ?? []);
      result.notes.push(...planned.notes ?? []);
    }
    return result;
  }
};
function firstAnchor(stage) {
  let anchor = stage.from;
  for (const node of stage.instructions.slice(1)) {
    if (!["ARG", "ENV", "LABEL", "WORKDIR"].includes(node.keyword)) break;
    anchor = node;
  }
  return anchor;
}
function installAnchor(ctx, stage, install) {
  const before = stage.instructions.slice(0, stage.instructions.indexOf(install));
  if (before.some((n) => n.keyword === "COPY" || n.keyword === "ADD") || !isRoot(ctx.facts.userAt(install)) || ctx.locked(install)) return firstAnchor(stage);
  return install;
}
function readBinary(value) {
  if (value === void 0) return null;
  const bad = 'the option binary must be {"from": "<stage or image>", "path": "/\u2026"} or {"url": "https://\u2026", "checksum": "sha256:\u2026", "path": "/\u2026"}';
  if (typeof value !== "object" || value === null) return bad;
  const b = value;
  const str = (k) => typeof b[k] === "string" && b[k].length > 0 && !/\s/.test(b[k]) ? b[k] : void 0;
  const path20 = str("path");
  if (!path20?.startsWith("/")) return bad;
  if (str("from") && !b.url) return { path: path20, from: str("from") };
  if (str("url") && /^https:\/\//.test(str("url")) && /^sha256:[0-9a-f]{64}$/.test(str("checksum") ?? "") && !b.from) return { path: path20, url: str("url"), checksum: str("checksum") };
  return bad;
}
function checksumSupported(model) {
  const syntax = model.directives.find((d) => d.name.toLowerCase() === "syntax")?.value.trim();
  if (!syntax) return false;
  const m = /^(?:docker\.io\/)?docker\/dockerfile(?:-upstream)?:(\d+)(?:\.(\d+))?[\w.-]*$/.exec(syntax) ?? /^(?:docker\.io\/)?docker\/dockerfile(?:-upstream)?:latest$/.exec(syntax);
  if (!m) return false;
  if (m[1] === void 0) return true;
  const major = Number(m[1]);
  return major > 1 || major === 1 && (m[2] === void 0 || Number(m[2]) >= 6);
}
var OS_ARG_WORDS = /* @__PURE__ */ new Set(["OS", "DISTRO", "DISTRIBUTION", "VARIANT", "FLAVOR", "FLAVOUR", "BASE", "DEBIAN", "ALPINE", "UBUNTU", "CODENAME", "RELEASE"]);
function osSelectingArg(ctx, stage) {
  let root = stage;
  for (let parent = ctx.facts.parentOf(root); parent; parent = ctx.facts.parentOf(root)) root = parent;
  const defaults = new Map(ctx.dockerfile.globalArgs.map((node) => {
    const text = ctx.dockerfile.rawArguments(node).trim();
    const eq = text.indexOf("=");
    return eq < 0 ? [text, ""] : [text.slice(0, eq), text.slice(eq + 1)];
  }));
  const seen = /* @__PURE__ */ new Set();
  const pending = [root.image];
  while (pending.length) {
    for (const match of pending.pop().matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
      const name = match[1];
      if (seen.has(name)) continue;
      seen.add(name);
      if (name.toUpperCase().split("_").some((word) => OS_ARG_WORDS.has(word))) return name;
      const value = defaults.get(name);
      if (value) pending.push(value);
    }
  }
  return null;
}
function packageRoute(image, raw, init, leave) {
  const manager = image.packageManager;
  const alternative = STATIC_ALTERNATIVE;
  if (image.hasShell === false) return leave("no-shell", `\`${raw}\` has no shell to RUN an install in, nor a package manager; ${alternative}`);
  if (manager === null) return leave("no-package-manager", `\`${raw}\` has no package manager dfmod installs ${init} with (apt, apk, dnf, yum, microdnf, zypper); ${alternative}`);
  const release = image.release;
  const found = release ? initPackage(release, init) : initPackageOfManager(manager, init, image.family);
  if ("missing" in found) {
    const other = release ? initPackage(release, OTHER_INIT[init]) : null;
    return leave(MISSING_IDS[found.reason], missingNote(found, init, other, release ? releaseName(release) : null));
  }
  if (!release && image.ref.digest && !found.everyRelease) {
    return leave("digest-release-unknown", `\`${raw}\` is pinned by digest, and a digest names no release, so dfmod cannot tell whether it has ${init}`);
  }
  return { manager, path: found.path, everyRelease: found.everyRelease === true };
}
function planStage(ctx, stage, init, optedIn) {
  const { dockerfile: model, shell: shell2, locked, facts, options } = ctx;
  if (locked(stage.from)) return {};
  const at = stage.from.line;
  const leave = (id, message, line2 = at) => ({ notes: [{ id, line: line2, message: `no init added: ${message}` }] });
  if (facts.isWindows(stage)) return leave("windows", "Windows images have no tini");
  const optIn = stage.name ? `{"init-entrypoint": {"stages": ["${stage.name}"]}}` : `{"init-entrypoint": {"paths": ["${(ctx.filename ?? "Dockerfile").replace(/\\/g, "/").split("/").slice(-2).join("/")}"]}}`;
  const where = optedIn ? null : facts.initHelps(stage, ctx.filename, void 0, ctx.context);
  if (where && !where.helps && where.role.role !== "application") {
    const role = where.role.role;
    const reason = reasonOnDisk(ctx, where.role);
    if (NO_OPT_IN.has(role)) return leave(ROLE_IDS[role], `${reason}, so this is ${ROLE_WHY[role]}`);
    return leave(ROLE_IDS[role], `${reason}, so this is ${ROLE_WHY[role]}; to add one anyway, name it in the option ${optIn}, or run its containers with \`docker run --init\``);
  }
  const command = facts.command(stage);
  const inEntrypoint = initIn(command.entrypoint, shell2);
  const existing = inEntrypoint ?? initIn(command.cmd, shell2);
  if (existing) {
    const binaryPath = readBinary(options.binary);
    const paths = [...Object.values(INIT_PATHS).flatMap((byDistro) => Object.values(byDistro)), ...typeof binaryPath === "object" && binaryPath ? [binaryPath.path] : []];
    const written = paths.some((path21) => {
      const e = command.entrypoint;
      return e?.[0] === path21 && (e[1] === "--" || e[1] === "-g" && e[2] === "--");
    });
    if (written) return {};
    const node = inEntrypoint ? command.entrypointNode : command.cmdNode;
    return leave("already-has-init", `the container already runs an init (\`${existing}\`)`, node?.line ?? at);
  }
  if (where?.sufficient) {
    const node = command.cmdNode ?? command.entrypointNode;
    return leave(where.sufficient.id, `${where.sufficient.reason} (to add one anyway: ${optIn})`, node && node.stage === stage ? node.line : at);
  }
  const raw = facts.baseImage(stage);
  if (raw === null || parseImageRef(raw).dynamic) {
    let root = stage;
    for (let parent = facts.parentOf(root); parent; parent = facts.parentOf(root)) root = parent;
    return leave("dynamic-base", `the base image \`${raw ?? root.image}\` is a build argument, so its package manager is unknown`);
  }
  const selector = osSelectingArg(ctx, stage);
  if (selector) return leave("dynamic-base", `the base image comes from the build argument ${selector}, which may name another OS (and package manager) than its default \`${raw}\``);
  const image = describeImage(raw);
  if (image.family === null) return leave("unknown-base", `dfmod does not know the base image \`${raw}\` (its package manager and entrypoint)`);
  const route = packageRoute(image, raw, init, leave);
  const binary = readBinary(options.binary);
  if (typeof binary === "string") return leave("unknown-option", binary);
  let pkg = null;
  if ("manager" in route) pkg = route;
  else if (!binary) return route;
  else if (binary.url && !checksumSupported(model)) {
    return leave("add-checksum-unsupported", `\`ADD --checksum\` needs the Dockerfile frontend 1.6 or later: add \`# syntax=docker/dockerfile:1\` as the first line, or give the option binary.from instead`);
  }
  const release = image.release;
  const initPath = pkg ? pkg.path : binary.path;
  const eol = model.source.eol;
  const edits2 = [];
  const insertions = /* @__PURE__ */ new Map();
  const insert = (offset, text) => insertions.set(offset, (insertions.get(offset) ?? "") + text);
  let installed;
  const chain = [];
  for (let s = stage; s; s = facts.parentOf(s)) chain.push(s);
  const manager = pkg?.manager ?? null;
  const already = manager !== null && chain.some((s) => installsPackage(s, init, manager, facts));
  const found = manager === null || already ? null : joinableInstall(ctx, stage, manager, init);
  if (found && "blocked" in found) return leave("install-not-joinable", found.blocked);
  const join2 = found && "edit" in found ? found : null;
  if (manager === null) {
    const line2 = binary.from ? `COPY --from=${binary.from} ${binary.path} ${binary.path}` : `ADD --checksum=${binary.checksum} --chmod=755 ${binary.url} ${binary.path}`;
    insert(firstAnchor(stage).end, eol + line2);
    installed = binary.from ? `a static binary copied from ${binary.from}` : `a static binary downloaded with a pinned checksum`;
  } else if (already) {
    installed = "installed by the stage already";
  } else if (join2) {
    insert(join2.edit.start, join2.edit.text);
    installed = `added to the ${manager} install of line ${ctx.originalLine(join2.node.line)}`;
  } else {
    const anchor = found && "after" in found ? installAnchor(ctx, stage, found.after) : firstAnchor(stage);
    const next = stage.instructions[stage.instructions.indexOf(anchor) + 1] ?? anchor;
    if (!model.hasPosixShell(next)) return leave("unknown-shell", "the stage runs RUN under a shell dfmod does not know");
    const userText = inheritedUserText(stage, facts, model);
    if (userText?.includes("$")) {
      return leave("dynamic-user", `the stage inherits \`USER ${userText}\`, which dfmod cannot restore after installing as root`);
    }
    const user = facts.userAt(anchor);
    const keepLists = manager === "apt" && facts.aptListsInherited(stage);
    const run = `RUN ${installScript(manager, [init], keepLists)}`;
    const installLines = isRoot(user) ? [run] : ["USER root", run, `USER ${user}`];
    insert(anchor.end, installLines.map((l) => eol + l).join(""));
    installed = `installed with ${manager}${keepLists ? ", keeping the package lists the stage inherits" : ""}`;
  }
  const signals = signalPath(facts, stage, ctx.context, shell2);
  const notes = [];
  let group = false;
  let signalsHow = "so signals reach the app and zombies are reaped";
  let entrypointArgv = command.entrypoint ?? null;
  let cmdArgv = command.cmd ?? null;
  let path20 = signals;
  while (path20.kind === "add-exec" || path20.kind === "run-script") {
    if (path20.kind === "add-exec") {
      const script = storedScript(ctx, path20.node);
      if (script === null) break;
      if (entrypointArgv) entrypointArgv = withExec(entrypointArgv, script, path20.offset);
      if (cmdArgv) cmdArgv = withExec(cmdArgv, script, path20.offset);
      if (path20.node.keyword === "CMD" && path20.node.stage === stage) {
        const read = facts.readRun(path20.node);
        if (read.kind !== "script" || locked(path20.node)) break;
        edits2.push({ start: read.script.offsets[path20.offset], end: read.script.offsets[path20.offset], text: "exec " });
      }
      signalsHow = `with \`exec\` in front of \`${path20.command}\`, so the app replaces the shell and receives the signals; zombies are reaped`;
    } else {
      const node = path20.node;
      const stored = facts.argvOf(node)?.stored;
      if (!stored || stored.join("\0") !== path20.runner.join("\0") || locked(node)) {
        path20 = { kind: "forced", why: `\`${path20.runner.join(" ")}\` exits at SIGTERM without waiting for its script`, fix: "run the script's command itself" };
        break;
      }
      if (node.keyword === "CMD") {
        edits2.push({ start: node.argsStart, end: node.end, text: jsonArray(path20.argv) });
        cmdArgv = path20.argv;
      } else entrypointArgv = path20.argv;
      signalsHow = `with \`${path20.runner.join(" ")}\` replaced by its script's command \`${path20.argv.join(" ")}\`, since ${path20.runner[0]} exits at SIGTERM without waiting for the app; zombies are reaped`;
    }
    path20 = path20.then;
  }
  if (path20.kind === "forced") {
    group = init === "tini";
    signalsHow = `${group ? "with -g, so SIGTERM goes to the whole process group" : "signalling the whole process group"} and zombies are reaped (shutdown stays forced: see the note)`;
    notes.push({
      id: "shutdown-forced",
      line: command.cmdNode?.line ?? command.entrypointNode?.line ?? at,
      message: `shutdown is forced, not graceful: ${path20.why}; ${init} ${group ? "-g " : ""}sends SIGTERM to the app too, but it may be killed before its handler finishes: ${path20.fix}`
    });
  }
  const prefix = group ? [initPath, "-g", "--"] : [initPath, "--"];
  let line = at;
  let how;
  const own = command.entrypointNode?.stage === stage ? command.entrypointNode : null;
  if (own) {
    line = own.line;
    if (own.form === "heredoc") return leave("heredoc-entrypoint", "the ENTRYPOINT is a here-document", own.line);
    const argv = facts.argvOf(own);
    if (argv === null) return leave("empty-entrypoint", "the ENTRYPOINT has no arguments, and dfmod does not know what Docker makes of that", own.line);
    const wrapped = entrypointArgv ?? (command.entrypoint === null ? [] : argv.stored);
    const inFront = command.entrypoint !== null && sameArgv(wrapped, own.execArgs) ? execFormPrefix(model, own, prefix) : null;
    if (inFront) edits2.push({ start: inFront.at, end: inFront.at, text: inFront.text });
    else edits2.push({ start: own.argsStart, end: own.end, text: jsonArray([...prefix, ...wrapped]) });
    how = "ENTRYPOINT wrapped";
  } else {
    if (command.entrypoint === void 0) {
      return leave("unknown-entrypoint", `dfmod does not know the ENTRYPOINT of \`${raw}\`, which a new ENTRYPOINT would replace`);
    }
    const fromNode = command.entrypointNode && sameArgv(entrypointArgv, command.entrypointNode.execArgs) ? execFormWithPrefix(model, command.entrypointNode, prefix) : null;
    const entrypoint = fromNode ?? jsonArray([...prefix, ...entrypointArgv ?? []]);
    const cmd = command.cmdNode?.stage === stage ? command.cmdNode : null;
    if (cmd) {
      line = cmd.line;
      insert(startWithComments(model, cmd), `ENTRYPOINT ${entrypoint}${eol}`);
    } else {
      if (command.cmd === void 0) {
        return leave("unknown-cmd", `dfmod does not know the CMD of \`${raw}\`, which a new ENTRYPOINT would reset`);
      }
      if (command.cmd === null && command.entrypoint === null) return leave("no-command", "the container has no command to run");
      const last = stage.instructions[stage.instructions.length - 1];
      const cmdText = command.cmdNode && sameArgv(cmdArgv, command.cmdNode.execArgs) ? model.rawArguments(command.cmdNode).trimEnd() : cmdArgv && jsonArray(cmdArgv);
      insert(last.end, `${eol}ENTRYPOINT ${entrypoint}` + (cmdText ? `${eol}CMD ${cmdText}` : ""));
    }
    how = command.entrypoint ? `the inherited ENTRYPOINT ${jsonArray(command.entrypoint)} wrapped` : "ENTRYPOINT added";
  }
  if (pkg && !release && image.defaults === null && !pkg.everyRelease) {
    return leave("unknown-release", `dfmod does not know which release \`${raw}\` is built on, so whether it has ${init}`);
  }
  for (const [offset, text] of insertions) edits2.push({ start: offset, end: offset, text });
  return {
    fixes: [{
      line,
      message: `${init} runs as PID 1 (${installed}; ${how}), ${signalsHow}`,
      edits: edits2
    }],
    notes
  };
}

// transforms/exec-form.ts
var STAGE_SHELL_NEEDS = /* @__PURE__ */ new Set(["windows-shell", "shell-instruction"]);
var SHELL_SCRIPT_NAME = /\.(sh|bash|ksh)$/;
var ELF_MAGIC = "\x7FELF";
function entrypointRefusal(node, facts) {
  const stage = node.stage;
  const receivers = [stage, ...facts.stagesBuiltOn(stage)].filter((s) => facts.command(s).entrypointNode === node);
  for (const s of receivers) {
    const command = facts.command(s);
    if (command.cmd === null) continue;
    if (s === stage) return { id: "entrypoint-with-cmd", reason: "the stage has a CMD, which a JSON-form ENTRYPOINT would receive as arguments" };
    const where = command.cmdNode ? `line ${command.cmdNode.line}` : "its base";
    return {
      id: "entrypoint-child-cmd",
      reason: `stage ${s.name ?? s.index} builds on this one and has a CMD (${where}), which a JSON-form ENTRYPOINT would receive as arguments`
    };
  }
  return {
    id: "entrypoint-run-arguments",
    reason: "a shell-form ENTRYPOINT ignores CMD and `docker run` arguments, which a JSON-form one would pass to the program"
  };
}
function scriptRefusal(node, program, facts, context) {
  if (!context) {
    if (program.includes("/") && SHELL_SCRIPT_NAME.test(program)) {
      return { id: "script-not-read", reason: `without a build context dfmod cannot read ${program} for a \`#!\` line, without which only the shell runs it` };
    }
    return null;
  }
  const found = facts.programFile(node, program, context);
  if (!found) return null;
  const { source } = found;
  if (source) {
    const first = context.firstLine?.(source.file) ?? context.read(source.file)?.split("\n")[0] ?? null;
    if (first !== null && !first.startsWith("#!") && !first.startsWith(ELF_MAGIC)) {
      return {
        id: "no-shebang",
        reason: `${source.file} (copied at line ${source.copy.node.line}) has no \`#!\` line: the shell runs it as a script, exec would fail with "exec format error"`
      };
    }
    return null;
  }
  if (SHELL_SCRIPT_NAME.test(program)) {
    return { id: "script-not-read", reason: `dfmod cannot read ${program} (it is not copied from the build context) for a \`#!\` line, without which only the shell runs it` };
  }
  return null;
}
function executableInImage(node, program, facts, context) {
  if (!context) return false;
  const source = facts.programFile(node, program, context)?.source;
  if (!source) return false;
  const chmod = source.copy.chmod;
  if (chmod !== null) return /^[0-7]{3,4}$/.test(chmod) ? (parseInt(chmod, 8) & 73) !== 0 : /x/.test(chmod);
  return context.isExecutable?.(source.file) === true;
}
function cmdRefusal(node, argv, facts, context) {
  const stage = node.stage;
  const receiver = facts.cmdReceiver(stage);
  if (receiver.kind === "none" || receiver.kind === "ignored" || receiver.kind === "unknown-image") return null;
  if (receiver.kind === "unknown") {
    const where = receiver.node ? `the ENTRYPOINT at line ${receiver.node.line}` : `the ENTRYPOINT of ${facts.baseImage(stage)}`;
    const named = receiver.entrypoint ? ` (${receiver.entrypoint.join(" ")})` : "";
    return {
      id: "entrypoint-not-known",
      reason: `${where}${named} receives the CMD as its arguments, \`/bin/sh -c \u2026\` in shell form and \`${argv[0]} \u2026\` in JSON form, and dfmod does not know that it treats both alike`
    };
  }
  if (!receiver.script) return null;
  const { actsOn, commands, image, argv: script } = receiver.script;
  const name = `${image}'s ${script[0]}`;
  const program = argv[0];
  if (actsOn.includes(program)) {
    return { id: "entrypoint-branches", reason: `${name} acts on a first argument \`${program}\` itself (in shell form it gets \`/bin/sh\` and only runs it)` };
  }
  if (program.startsWith("-")) {
    return { id: "entrypoint-branches", reason: `${name} takes a first argument starting with \`-\` as options of its own program` };
  }
  if (!commands.includes(program) && !executableInImage(node, program, facts, context)) {
    return {
      id: "entrypoint-branches",
      reason: `${name} runs its own program on a first argument that is not an executable command, and dfmod cannot tell that \`${program}\` is one`
    };
  }
  return null;
}
var execForm = {
  id: "exec-form",
  level: "safe",
  effects: ["command-form"],
  description: "Write shell-form CMD in JSON form when it uses no shell features",
  rationale: "In shell form /bin/sh is PID 1 and does not forward SIGTERM, so `docker stop` waits 10 s and kills the app. JSON (exec) form runs the program as PID 1, where it receives signals directly.",
  hadolintRules: ["DL3025"],
  run({ dockerfile, facts, context }) {
    const fixes = [];
    const notes = [];
    for (const node of dockerfile.instructions) {
      if (node.keyword !== "CMD" && node.keyword !== "ENTRYPOINT" || node.form !== "shell" || !node.stage) continue;
      const label = `${node.keyword} left in shell form`;
      const { direct, needsShell } = facts.argvOf(node);
      const imposed = needsShell && STAGE_SHELL_NEEDS.has(needsShell.id) ? needsShell : null;
      const refused2 = imposed ?? (node.keyword === "ENTRYPOINT" ? entrypointRefusal(node, facts) : null) ?? needsShell ?? scriptRefusal(node, direct[0], facts, context) ?? cmdRefusal(node, direct, facts, context);
      if (refused2 || !direct) {
        notes.push({ line: node.line, id: refused2.id, message: `${label}: ${refused2.reason}` });
        continue;
      }
      const program = direct[0].split("/").pop() ?? "";
      if (POSIX_SHELLS.has(program) && direct.length > 1) {
        notes.push({
          line: node.line,
          id: "runs-a-shell",
          message: `${label}: it runs \`${program}\` either way, which stays PID 1 and does not forward SIGTERM; to have the app receive signals, put \`exec\` in front of its last command, or run the app directly`
        });
        continue;
      }
      fixes.push({
        line: node.line,
        message: `${node.keyword} in JSON form, so ${direct[0]} runs as PID 1 and receives signals`,
        edits: [{ start: node.argsStart, end: node.end, text: jsonArray(direct) }]
      });
    }
    return { fixes, notes };
  }
};

// transforms/index.ts
var builtinTransforms = [
  copyDepsFirst,
  mergeRuns,
  aptCleanup,
  cacheCleanup,
  // JSON-form commands first: multi-stage and init-entrypoint read what the container runs from them.
  execForm,
  multiStage,
  multiArch,
  // Last: an init belongs in the final stage, which multi-stage may have just created.
  initEntrypoint
];

// lib/core/select.ts
var UsageError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "UsageError";
  }
};

// lib/core/guard.ts
var EFFECTS = [
  "run-grouping",
  "run-commands",
  "copies",
  "order",
  "command-form",
  "command-prefix",
  "command",
  "stages",
  "base-image",
  "platform",
  "env",
  "arg",
  "user",
  "workdir",
  "shell",
  "expose",
  "volume",
  "label",
  "stopsignal",
  "healthcheck",
  "onbuild"
];
var CONFIG_FIELDS = [
  { field: "env", effect: "env", label: "ENV" },
  { field: "arg", effect: "arg", label: "ARG defaults" },
  { field: "user", effect: "user", label: "USER" },
  { field: "workdir", effect: "workdir", label: "WORKDIR" },
  { field: "shell", effect: "shell", label: "SHELL" },
  { field: "expose", effect: "expose", label: "EXPOSE" },
  { field: "volume", effect: "volume", label: "VOLUME" },
  { field: "label", effect: "label", label: "LABEL" },
  { field: "stopsignal", effect: "stopsignal", label: "STOPSIGNAL" },
  { field: "healthcheck", effect: "healthcheck", label: "HEALTHCHECK" },
  { field: "onbuild", effect: "onbuild", label: "ONBUILD" }
];
function undeclaredDifferences(before, after, declared, name) {
  return differences(before, after, declared, name).filter((d) => !declared.has(d.effect));
}
function differences(before, after, declared, name) {
  const found = [];
  if (declared.has("stages")) {
    const from = deployed(before);
    const to = deployed(after);
    if (from && to) found.push(...configDifferences(from, to, declared, `the deployed stage (${name(from)})`));
    else if (from || to) found.push({ effect: "stages", what: "whether the file deploys a stage" });
    return found;
  }
  found.push(...graphDifferences(before, after, name));
  if (found.length) return found;
  for (let i = 0; i < before.stages.length; i++) {
    const from = before.stages[i];
    const to = after.stages[i];
    const where = `the stage at ${name(from)}`;
    if (from.base !== to.base) found.push({ effect: "base-image", what: `the base image of ${where} from ${from.base} to ${to.base}` });
    if (from.platform !== to.platform) found.push({ effect: "platform", what: `the --platform of ${where} from ${from.platform ?? "none"} to ${to.platform ?? "none"}` });
    found.push(...configDifferences(from, to, declared, where));
    found.push(...stepDifferences(from, to, where));
  }
  return found;
}
function deployed(meaning) {
  return meaning.deployed === null ? null : meaning.stages[meaning.deployed] ?? null;
}
function graphDifferences(before, after, name) {
  if (before.stages.length !== after.stages.length) {
    return [{ effect: "stages", what: `the number of stages from ${before.stages.length} to ${after.stages.length}` }];
  }
  const found = [];
  for (let i = 0; i < before.stages.length; i++) {
    const from = before.stages[i];
    const to = after.stages[i];
    const where = `the stage at ${name(from)}`;
    if (from.name !== to.name) found.push({ effect: "stages", what: `the name of ${where} from ${from.name ?? "none"} to ${to.name ?? "none"}` });
    if (from.parent !== to.parent) found.push({ effect: "stages", what: `the stage ${where} builds on` });
    if (from.uses.join() !== to.uses.join()) found.push({ effect: "stages", what: `the stages ${where} copies or mounts from` });
  }
  if (before.deployed !== after.deployed) found.push({ effect: "stages", what: "the deployed stage" });
  return found;
}
function configDifferences(from, to, declared, where) {
  const found = [];
  for (const { field, effect, label } of CONFIG_FIELDS) {
    const a = from.config[field];
    const b = to.config[field];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    found.push({ effect, what: `the ${label} of ${where}${describeChange(a, b)}` });
  }
  const rebased = from.base !== to.base && declared.has("base-image");
  const command = rebased ? writtenDifference(from.config.command, to.config.command) : commandDifference(from.config.command, to.config.command, declared);
  if (command) found.push({ effect: "command", what: `${command} of ${where}` });
  return found;
}
function commandDifference(a, b, declared) {
  if (declared.has("command")) return null;
  const stored = a.entrypoint === b.entrypoint && a.cmd === b.cmd;
  if (stored) return null;
  if (declared.has("command-prefix")) {
    if (a.stored === void 0 || b.stored === void 0) return null;
    const rest = b.stored.slice(b.stored.length - a.stored.length);
    if (b.stored.length > a.stored.length && JSON.stringify(rest) === JSON.stringify(a.stored)) return null;
    return `the command (${show(a.stored)} \u2192 ${show(b.stored)}) beyond a wrapper in front`;
  }
  if (declared.has("command-form")) {
    if (a.process !== void 0 && b.process !== void 0) {
      if (a.takesArguments !== b.takesArguments) return "whether `docker run` arguments reach the command";
      if (JSON.stringify(a.process) === JSON.stringify(b.process)) return null;
      return `the argv the container runs (${show(a.process)} \u2192 ${show(b.process)})`;
    }
    const argvOf = (written) => written === null ? null : JSON.stringify(JSON.parse(written)[1]);
    const formOf = (written) => written === null ? null : JSON.parse(written)[0];
    if (formOf(a.written.entrypoint) !== formOf(b.written.entrypoint)) return "whether `docker run` arguments reach the command";
    if (argvOf(a.written.entrypoint) === argvOf(b.written.entrypoint) && argvOf(a.written.cmd) === argvOf(b.written.cmd)) return null;
    return "the argv the container runs";
  }
  return `the command (ENTRYPOINT ${a.entrypoint ?? "unknown"} CMD ${a.cmd ?? "unknown"} \u2192 ENTRYPOINT ${b.entrypoint ?? "unknown"} CMD ${b.cmd ?? "unknown"})`;
}
function writtenDifference(a, b) {
  if (a.written.entrypoint === b.written.entrypoint && a.written.cmd === b.written.cmd) return null;
  return `the ENTRYPOINT/CMD the file writes (${a.written.entrypoint ?? "none"} ${a.written.cmd ?? "none"} \u2192 ${b.written.entrypoint ?? "none"} ${b.written.cmd ?? "none"})`;
}
function stepDifferences(from, to, where) {
  const found = [];
  const runsOf = (steps) => steps.filter((s) => s.kind === "RUN");
  const copiesOf = (steps) => steps.filter((s) => s.kind !== "RUN");
  const flat = (steps) => runsOf(steps).flatMap((run) => run.commands.map((command) => `${run.context}\0${command}`));
  const a = flat(from.steps);
  const b = flat(to.steps);
  if (a.join("") !== b.join("")) {
    found.push({ effect: "run-commands", what: `the commands RUN runs in ${where}${firstDifference(a, b)}` });
  } else if (JSON.stringify(runsOf(from.steps).map((r) => r.commands)) !== JSON.stringify(runsOf(to.steps).map((r) => r.commands))) {
    found.push({ effect: "run-grouping", what: `how the RUN commands of ${where} are grouped` });
  }
  const copyKey = (s) => `${s.kind} ${s.what} ${s.context}`;
  if (copiesOf(from.steps).map(copyKey).join("") !== copiesOf(to.steps).map(copyKey).join("")) {
    found.push({ effect: "copies", what: `what COPY/ADD copy in ${where}` });
  }
  const order = (steps) => steps.map((s) => s.kind === "RUN" ? `RUN ${s.commands.join("")}` : copyKey(s)).join("");
  if (found.length === 0 && order(from.steps) !== order(to.steps)) {
    found.push({ effect: "order", what: `the order of the build steps of ${where}` });
  }
  return found;
}
function firstDifference(a, b) {
  const command = (entry) => entry === void 0 ? null : entry.slice(entry.indexOf("\0") + 1);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    const was = command(a[i]);
    const now = command(b[i]);
    if (was !== null && now !== null && was === now) return ` (\`${clip2(was)}\` would run in another state: user, directory, environment or flags)`;
    if (was === null) return ` (\`${clip2(now)}\` added)`;
    if (now === null || b.slice(i).every((entry) => entry !== a[i])) return ` (\`${clip2(was)}\` ${now === null ? "removed" : `\u2192 \`${clip2(now)}\``})`;
    return ` (\`${clip2(now)}\` added)`;
  }
  return "";
}
function clip2(text) {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
function describeChange(a, b) {
  if (typeof a === "string" || typeof b === "string" || a === null || b === null) {
    return ` from ${a === null ? "unset" : JSON.stringify(a)} to ${b === null ? "unset" : JSON.stringify(b)}`;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const added = b.filter((x) => !a.includes(x));
    const removed = a.filter((x) => !b.includes(x));
    return [added.length ? ` (adds ${added.join(", ")})` : "", removed.length ? ` (removes ${removed.join(", ")})` : ""].join("");
  }
  const ra = a;
  const rb = b;
  const keys = [.../* @__PURE__ */ new Set([...Object.keys(ra), ...Object.keys(rb)])].filter((k) => JSON.stringify(ra[k]) !== JSON.stringify(rb[k]));
  return keys.length ? ` (${keys.slice(0, 3).join(", ")}${keys.length > 3 ? ", \u2026" : ""})` : "";
}
function show(argv) {
  return argv === void 0 ? "unknown" : JSON.stringify(argv);
}

// lib/registry.ts
function isBuiltin(id) {
  return builtinTransforms.some((b) => b.id === id);
}
function assemble(groups) {
  const available = [...builtinTransforms];
  const owner = new Map(builtinTransforms.map((t) => [t.id, "a built-in's"]));
  for (const { plugin, transforms } of groups) {
    for (const t of transforms) {
      const taken = available.find((a) => a.id === t.id);
      if (taken === t) continue;
      if (taken) {
        const detail = `transform id '${t.id}' is ${owner.get(t.id)}; choose another`;
        throw plugin === null ? new UsageError(detail) : new PluginError(plugin, detail);
      }
      available.push(t);
      owner.set(t.id, plugin === null ? "another custom transform's" : `plugin ${plugin}'s`);
    }
  }
  return available;
}
var PluginCache = class {
  modules = /* @__PURE__ */ new Map();
  assembled = /* @__PURE__ */ new Map();
  /** The built-ins plus the transforms of `plugins`, in order; errors name a plugin as it was given. */
  available(plugins2) {
    const key = JSON.stringify(plugins2.map((p) => [p.given, p.module]));
    let found = this.assembled.get(key);
    if (!found) {
      found = this.assemble(plugins2);
      this.assembled.set(key, found);
    }
    return found;
  }
  async assemble(plugins2) {
    const groups = [];
    const seen = /* @__PURE__ */ new Set();
    for (const { given, module } of plugins2) {
      if (seen.has(module)) continue;
      seen.add(module);
      try {
        groups.push({ plugin: given, transforms: await this.load(module) });
      } catch (error) {
        if (error instanceof PluginError) throw new PluginError(given, error.detail);
        throw error;
      }
    }
    return assemble(groups);
  }
  load(module) {
    let found = this.modules.get(module);
    if (!found) {
      found = importPlugin(module, module);
      this.modules.set(module, found);
    }
    return found;
  }
};
var PluginError = class extends Error {
  /** `detail`: what is wrong, without the plugin's name (which the message leads with). */
  constructor(plugin, detail) {
    super(`plugin ${plugin}: ${detail}`);
    this.plugin = plugin;
    this.detail = detail;
    this.name = "PluginError";
  }
  plugin;
  detail;
};
async function importPlugin(file, name) {
  let module;
  try {
    module = await import(pathToFileURL(file).href);
  } catch (error) {
    throw new PluginError(name, `cannot be loaded: ${error.message}`);
  }
  const exported = module.default ?? module.transforms ?? module.transform;
  const list = Array.isArray(exported) ? exported : [exported];
  if (list.length === 0 || list[0] === void 0) throw new PluginError(name, "exports no transform (default export, or `transforms`)");
  return list.map((candidate) => checkShape(name, candidate));
}
function checkShape(specifier, candidate) {
  const t = candidate;
  const problems = [];
  if (!t || typeof t !== "object") problems.push("is not an object");
  else {
    if (typeof t.id !== "string" || !/^[a-z][a-z0-9-]*$/.test(t.id)) problems.push("needs a kebab-case string `id`");
    if (t.level !== "safe" && t.level !== "review") problems.push("needs `level` 'safe' or 'review'");
    if (typeof t.description !== "string") problems.push("needs a `description` string");
    if (t.reviewCheck !== void 0 && typeof t.reviewCheck !== "string") problems.push("has a `reviewCheck` that is not a string");
    if (typeof t.run !== "function") problems.push("needs a `run(context)` function");
    if (t.effects !== void 0) {
      const unknown2 = Array.isArray(t.effects) ? t.effects.filter((e) => !EFFECTS.includes(e)) : null;
      if (unknown2 === null) problems.push("needs `effects` to be a list");
      else if (unknown2.length) problems.push(`declares unknown effects ${unknown2.map((e) => `'${String(e)}'`).join(", ")} (known: ${EFFECTS.join(", ")})`);
    }
  }
  if (problems.length) throw new PluginError(specifier, `transform ${problems.join(", ")}`);
  return { ...t, rationale: t.rationale ?? "" };
}

// lib/cli/process.ts
import { readFileSync as readFileSync2 } from "node:fs";
import path19 from "node:path";

// lib/core/dockerfile.ts
var import_dockerfile_ast2 = __toESM(require_main(), 1);

// lib/core/source.ts
var BOM = "\uFEFF";
function splitBom(text) {
  return text.startsWith(BOM) ? { bom: BOM, body: text.slice(1) } : { bom: "", body: text };
}
function lineOffsets(text) {
  const offsets = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      offsets.push(i + 1);
    } else if (ch === 10) {
      offsets.push(i + 1);
    }
  }
  return offsets;
}
var SourceText = class {
  text;
  lineStarts;
  /** The line ending new lines should use: the first one in the file, or \n. */
  eol;
  constructor(text) {
    this.text = text;
    this.lineStarts = lineOffsets(text);
    const match = /\r\n|\n|\r/.exec(text);
    this.eol = match ? match[0] : "\n";
  }
  get lineCount() {
    return this.lineStarts.length;
  }
  offsetAt(position) {
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    return Math.min(start + position.character, this.lineEnd(position.line));
  }
  positionAt(offset) {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = low + high + 1 >> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - this.lineStarts[low] };
  }
  /** 1-based line number of an offset, for messages. */
  lineNumberAt(offset) {
    return this.positionAt(offset).line + 1;
  }
  /** Offset of the end of a line's content (before its line break). */
  lineEnd(line) {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text[end - 1] === "\n") end--;
    if (end > this.lineStarts[line] && this.text[end - 1] === "\r") end--;
    return end;
  }
  /** Offset just past a line's line break (or the end of the text). */
  lineEndWithBreak(line) {
    return line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
  }
  lineText(line) {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }
  /** The whitespace a line starts with. */
  indentOf(line) {
    return /^[ \t]*/.exec(this.lineText(line))[0];
  }
};

// lib/core/ast-speed.ts
var import_dockerfile_ast = __toESM(require_main(), 1);
var import_parser = __toESM(require_parser2(), 1);
var astShortcuts = { enabled: true, installed: false };
var scanned = /* @__PURE__ */ Symbol("dfmod.rawArguments");
var instruction = import_dockerfile_ast.Instruction.prototype;
var probing = /* @__PURE__ */ Symbol("dfmod.probing");
var PATCHED = /* @__PURE__ */ Symbol.for("dfmod.astShortcuts");
var NO_HEREDOC = Object.freeze({});
var parser = import_parser.Parser.prototype;
if (!parser[PATCHED] && typeof instruction.getRawArguments === "function" && typeof parser.processArguments === "function" && typeof parser.createInstruction === "function" && typeof parser.processHeredocs === "function") {
  const scan = instruction.getRawArguments;
  instruction.getRawArguments = function() {
    if (!astShortcuts.enabled) return scan.call(this);
    const args = this[scanned] ??= scan.call(this);
    return args.slice();
  };
  const { processArguments, createInstruction, processHeredocs } = parser;
  parser.processArguments = function(dockerfile, keyword, keywordEnd, start, offset) {
    const outer = this[probing];
    this[probing] = start;
    try {
      return processArguments.call(this, dockerfile, keyword, keywordEnd, start, offset);
    } finally {
      this[probing] = outer;
    }
  };
  parser.createInstruction = function(dockerfile, keyword, start, keywordEnd, end) {
    if (astShortcuts.enabled && this[probing] === start && !holdsAngle(this.buffer, start, end)) return NO_HEREDOC;
    return createInstruction.call(this, dockerfile, keyword, start, keywordEnd, end);
  };
  parser.processHeredocs = function(built, offset) {
    return built === NO_HEREDOC ? offset : processHeredocs.call(this, built, offset);
  };
  parser[PATCHED] = true;
  astShortcuts.installed = true;
}
function holdsAngle(text, start, end) {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 60) return true;
  return false;
}

// lib/core/dockerfile.ts
var LAYER_KEYWORDS = /* @__PURE__ */ new Set(["RUN", "COPY", "ADD"]);
var SCRIPT_KEYWORDS = /* @__PURE__ */ new Set(["RUN", "CMD", "ENTRYPOINT", "SHELL"]);
var DockerfileModel = class {
  source;
  ast;
  escapeChar;
  instructions = [];
  stages = [];
  /** ARG instructions before the first FROM. */
  globalArgs = [];
  suppressions = [];
  directives;
  /** Every transform asks for the same scripts; the model never changes, so each is built once. */
  scripts = /* @__PURE__ */ new Map();
  constructor(text) {
    this.source = new SourceText(text);
    this.ast = import_dockerfile_ast2.DockerfileParser.parse(text);
    this.escapeChar = this.ast.getEscapeCharacter();
    this.directives = this.ast.getDirectives().map((d) => ({
      name: d.getName().toLowerCase(),
      value: d.getValue(),
      line: d.getRange().start.line + 1
    }));
    let stage = null;
    for (const ast of this.ast.getInstructions()) {
      const node = this.makeNode(ast, this.instructions.length);
      this.instructions.push(node);
      if (node.keyword === "FROM") {
        stage = this.makeStage(node);
        this.stages.push(stage);
      }
      node.stage = stage;
      if (stage) stage.instructions.push(node);
      else if (node.keyword === "ARG") this.globalArgs.push(node);
    }
    this.readSuppressions();
  }
  makeNode(ast, index) {
    const range = ast.getRange();
    const start = this.source.offsetAt(range.start);
    const end = this.source.offsetAt(range.end);
    const text = this.source.text;
    const flags = [];
    let argsStart = this.source.offsetAt(ast.getInstructionRange().end);
    const first = nextNonBlank(text, argsStart, end);
    const mayHaveFlags = first < end && (text[first] === "-" || text[first] === this.escapeChar);
    const astFlags = mayHaveFlags && "getFlags" in ast && typeof ast.getFlags === "function" ? ast.getFlags() : [];
    for (const flag of astFlags) {
      const flagRange = flag.getRange();
      const flagEnd = this.source.offsetAt(flagRange.end);
      flags.push({
        name: flag.getName(),
        value: flag.getValue(),
        text: text.slice(this.source.offsetAt(flagRange.start), flagEnd)
      });
      argsStart = Math.max(argsStart, flagEnd);
    }
    const node = {
      index,
      keyword: ast.getKeyword().toUpperCase(),
      ast,
      start,
      end,
      line: range.start.line + 1,
      endLine: range.end.line + 1,
      flags,
      argsStart: Math.min(argsStart, end),
      form: "none",
      execArgs: null,
      stage: null
    };
    const blankEnd = nextNonBlank(text, node.argsStart, end);
    if (blankEnd < end && text[blankEnd] !== this.escapeChar && text[blankEnd] !== "\r" && text[blankEnd] !== "\n") {
      node.argsStart = blankEnd;
    } else {
      const script = this.logicalText(node.argsStart, end);
      const lead = /^\s*/.exec(script.text)[0].length;
      node.argsStart = lead < script.text.length ? script.offsets[lead] : end;
    }
    if (SCRIPT_KEYWORDS.has(node.keyword)) {
      const heredocs = text.slice(node.argsStart, end).includes("<<") && "getHeredocs" in ast ? ast.getHeredocs() : [];
      if (heredocs.length > 0) node.form = "heredoc";
      else {
        const script = this.logicalText(node.argsStart, end);
        const args = script.text.trim();
        node.execArgs = parseJsonArray(args);
        node.form = node.execArgs ? "exec" : args.length > 0 ? "shell" : "none";
        if (node.form === "shell") this.scripts.set(node, script);
      }
    }
    return node;
  }
  makeStage(from) {
    const args = this.logicalText(from.argsStart, from.end).text.trim().split(/\s+/);
    const image = args[0] ?? "";
    const name = args.length >= 3 && args[1].toUpperCase() === "AS" ? args[2].toLowerCase() : null;
    const platform = from.flags.find((f) => f.name === "platform")?.value ?? null;
    const named = (image.includes("$") ? expandFromImage(this, image) : image)?.toLowerCase() ?? null;
    const parent = named === null ? null : this.stages.find((s) => s.name !== null && s.name === named) ?? null;
    return { index: this.stages.length, from, image, name, platform, parent, instructions: [] };
  }
  /**
   * The text BuildKit builds from source[start, end): continuation escapes and
   * their line breaks removed, comment lines and empty lines inside a
   * continuation dropped, leading whitespace of continued lines kept.
   */
  logicalText(start, end) {
    const src = this.source;
    const escape = this.escapeChar;
    let text = "";
    const offsets = [];
    let line = src.positionAt(start).line;
    let from = start;
    let first = true;
    while (from <= end && line < src.lineCount) {
      const lineEnd = Math.min(src.lineEnd(line), end);
      const content = src.text.slice(from, lineEnd);
      if (!first && (/^\s*#/.test(content) || content.trim() === "")) {
        line++;
        from = line < src.lineCount ? src.lineStarts[line] : end + 1;
        continue;
      }
      const continuation = continuationPattern(escape).exec(content);
      const keep = continuation ? continuation.index : content.length;
      text += content.slice(0, keep);
      for (let i = 0; i < keep; i++) offsets.push(from + i);
      first = false;
      if (!continuation || lineEnd >= end) break;
      line++;
      if (line >= src.lineCount) break;
      from = src.lineStarts[line];
    }
    offsets.push(offsets.length ? offsets[offsets.length - 1] + 1 : start);
    return { text, offsets };
  }
  /** The shell script of a shell-form RUN, CMD or ENTRYPOINT (null otherwise). */
  shellScript(node) {
    if (node.form !== "shell") return null;
    let script = this.scripts.get(node);
    if (!script) {
      script = this.logicalText(node.argsStart, node.end);
      this.scripts.set(node, script);
    }
    return script;
  }
  /** The arguments as written in the source, continuations and all. */
  rawArguments(node) {
    return this.source.text.slice(node.argsStart, node.end);
  }
  /**
   * The shell that runs the shell form of `node`: null for the default
   * (`/bin/sh -c`), otherwise the JSON array of the last SHELL before it in
   * its stage (or an ancestor stage).
   */
  shellOf(node) {
    let stage = node.stage;
    let before = node.index;
    while (stage) {
      const shells = stage.instructions.filter((i) => i.keyword === "SHELL" && i.index < before && i.execArgs);
      if (shells.length) return shells[shells.length - 1].execArgs;
      before = Infinity;
      stage = stage.parent;
    }
    return null;
  }
  /**
   * Whether shell form of `node` runs under a POSIX shell we can parse with
   * tree-sitter-bash: the default sh, or a SHELL naming sh/bash/dash/ash/zsh -c.
   */
  hasPosixShell(node) {
    if (node.stage && this.isWindowsStage(node.stage)) return false;
    const shell2 = this.shellOf(node);
    if (!shell2) return true;
    const program = (shell2[0] ?? "").split("/").pop() ?? "";
    return POSIX_SHELLS.has(program) && shell2[shell2.length - 1] === "-c";
  }
  /** Windows base images run shell form under cmd.exe, not /bin/sh (lib/facts holds the one predicate). */
  isWindowsStage(stage) {
    return isWindowsStage(this, stage);
  }
  get finalStage() {
    return this.stages.length ? this.stages[this.stages.length - 1] : null;
  }
  /** Instructions that make a filesystem layer (RUN, COPY, ADD) in the final stage: what an image built from the file carries. */
  get finalStageLayers() {
    return this.finalStage?.instructions.filter((node) => LAYER_KEYWORDS.has(node.keyword)).length ?? 0;
  }
  /** Whether `transformId` may touch `node` (inline `# dfmod-ignore` and `# hadolint ignore=`). */
  isSuppressed(node, transformId, hadolintRules = []) {
    return this.suppressionsOf(node, transformId, hadolintRules).length > 0;
  }
  /** The suppression comments that keep `transformId` off `node`. */
  suppressionsOf(node, transformId, hadolintRules = []) {
    return this.suppressions.filter(
      (s) => (s.instruction === null || s.instruction === node) && (s.transforms === null && s.hadolintRules.length === 0 || (s.transforms?.includes(transformId) ?? false) || s.hadolintRules.some((rule) => hadolintRules.includes(rule)))
    );
  }
  /** `# dfmod-ignore-file` among the comments before the first instruction. */
  get ignoresFile() {
    return this.suppressions.some((s) => s.instruction === null && s.transforms === null && s.hadolintRules.length === 0);
  }
  /** The instruction a comment line stands before, with only comment lines between. */
  instructionAfterComment(line) {
    if (this.instructions.some((i) => i.line <= line && i.endLine >= line)) return null;
    const next = this.instructions.find((i) => i.line > line);
    if (!next) return null;
    for (let l = line + 1; l < next.line; l++) {
      if (!/^\s*#/.test(this.source.lineText(l - 1))) return null;
    }
    return next;
  }
  readSuppressions() {
    const firstLine = this.instructions.length ? this.instructions[0].line : Infinity;
    const comments = [
      ...this.ast.getDirectives().map((d) => ({ line: d.getRange().start.line + 1, content: this.source.lineText(d.getRange().start.line).trim().replace(/^#/, "") })),
      ...this.ast.getComments().map((c) => ({ line: c.getRange().start.line + 1, content: c.getContent() }))
    ];
    for (const { line, content } of comments) {
      const parsed = parseSuppressionComment(content.trim());
      if (!parsed) continue;
      if (parsed.kind === "file") {
        if (line < firstLine) this.suppressions.push({ instruction: null, transforms: null, hadolintRules: [], line });
        continue;
      }
      if (parsed.kind === "file-hadolint") {
        this.suppressions.push({ instruction: null, transforms: [], hadolintRules: parsed.hadolintRules, line });
        continue;
      }
      const next = this.instructionAfterComment(line);
      if (!next) continue;
      if (parsed.kind === "next") this.suppressions.push({ instruction: next, transforms: parsed.transforms, hadolintRules: [], line });
      else this.suppressions.push({ instruction: next, transforms: [], hadolintRules: parsed.hadolintRules, line });
    }
  }
};
function parseSuppressionComment(content) {
  const words3 = content.split(/\s+/);
  if (words3[0] === "dfmod-ignore-file") return { kind: "file" };
  if (words3[0] === "dfmod-ignore") {
    const dash = words3.indexOf("--");
    const idWords = dash === -1 ? words3.slice(1) : words3.slice(1, dash);
    const ids = idWords.join(",").split(",").filter(Boolean);
    if (!ids.every((id) => /^[a-z][a-z0-9-]*$/.test(id))) return null;
    const reason = dash === -1 ? "" : words3.slice(dash + 1).join(" ");
    return { kind: "next", transforms: ids.length ? ids : null, ...reason ? { reason } : {} };
  }
  if (words3[0] !== "hadolint") return null;
  const global = words3[1] === "global";
  const rules = /^ignore=([A-Z]{2}\d+(?:\s*,\s*[A-Z]{2}\d+)*)/.exec(words3.slice(global ? 2 : 1).join(" "));
  if (!rules) return null;
  return { kind: global ? "file-hadolint" : "next-hadolint", hadolintRules: rules[1].split(/\s*,\s*/) };
}
function nextNonBlank(text, from, end) {
  let i = from;
  while (i < end && (text[i] === " " || text[i] === "	")) i++;
  return i;
}
function parseJsonArray(text) {
  if (!text.startsWith("[")) return null;
  try {
    const value = JSON.parse(text);
    if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value;
  } catch {
  }
  return null;
}
var continuationPatterns = /* @__PURE__ */ new Map();
function continuationPattern(escape) {
  let pattern = continuationPatterns.get(escape);
  if (!pattern) {
    pattern = new RegExp(`${escapeRegExp(escape)}[ \\t]*$`);
    continuationPatterns.set(escape, pattern);
  }
  return pattern;
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function parseDockerfile(text) {
  return new DockerfileModel(text);
}

// lib/core/validate.ts
var InputError = class extends Error {
  constructor(message, line = null) {
    super(message);
    this.line = line;
    this.name = "InputError";
  }
  line;
};
var KNOWN_INSTRUCTIONS = /* @__PURE__ */ new Set([
  "ADD",
  "ARG",
  "CMD",
  "COPY",
  "ENTRYPOINT",
  "ENV",
  "EXPOSE",
  "FROM",
  "HEALTHCHECK",
  "LABEL",
  "MAINTAINER",
  "ONBUILD",
  "RUN",
  "SHELL",
  "STOPSIGNAL",
  "USER",
  "VOLUME",
  "WORKDIR"
]);
var utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function decodeDockerfile(bytes) {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const line = countLines(bytes, nul);
    throw new InputError("binary file (contains NUL bytes); left untouched", line);
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw new InputError("not valid UTF-8; left untouched");
  }
}
function countLines(bytes, end) {
  let line = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 10) line++;
  return line;
}
var MAX_FILE_CHARS = 1024 * 1024;
var MAX_INSTRUCTION_CHARS = 64 * 1024;
var MAX_INSTRUCTIONS = 2e3;
function checkSize(text) {
  if (text.length > MAX_FILE_CHARS) {
    throw new InputError(`too large (${text.length} characters, the limit is ${MAX_FILE_CHARS}); left untouched`);
  }
}
function checkParseable(dockerfile) {
  if (dockerfile.instructions.length > MAX_INSTRUCTIONS) {
    throw new InputError(`too many instructions (${dockerfile.instructions.length}, the limit is ${MAX_INSTRUCTIONS}); left untouched`);
  }
  for (const node of dockerfile.instructions) {
    if (node.end - node.start > MAX_INSTRUCTION_CHARS) {
      throw new InputError(`instruction too large (${node.end - node.start} characters, the limit is ${MAX_INSTRUCTION_CHARS}); left untouched`, node.line);
    }
    if (!KNOWN_INSTRUCTIONS.has(node.keyword)) {
      throw new InputError(`unknown instruction: ${node.ast.getKeyword()}`, node.line);
    }
    if (node.keyword === "ONBUILD") {
      const trigger = node.ast.getTriggerWord?.();
      if (trigger && !KNOWN_INSTRUCTIONS.has(trigger.toUpperCase())) {
        throw new InputError(`unknown instruction: ${trigger}`, node.line);
      }
    }
    if ("getHeredocs" in node.ast) {
      const heredocs = node.ast.getHeredocs();
      for (const heredoc of heredocs) {
        if (heredoc.getDelimiterRange() === null && !delimiterLineFollows(dockerfile, node, heredoc.getName())) {
          throw new InputError(`unterminated heredoc <<${heredoc.getName()}`, node.line);
        }
      }
    }
  }
}
function delimiterLineFollows(dockerfile, node, name) {
  for (let line = node.line; line < node.endLine; line++) {
    if (dockerfile.source.lineText(line).replace(/^\t+/, "").replace(/\r$/, "") === name) return true;
  }
  return false;
}

// lib/core/origins.ts
var LineOrigins = class _LineOrigins {
  /** origin[i]: the 1-based line of the file as read that line i (0-based) of the current text comes from. */
  constructor(origin) {
    this.origin = origin;
  }
  origin;
  static identity(model) {
    return new _LineOrigins(model.source.lineStarts.map((_, i) => i + 1));
  }
  /** The line of the file as read for 1-based `line` of the current text. */
  of(line) {
    if (this.origin.length === 0) return line;
    return this.origin[Math.min(Math.max(line, 1), this.origin.length) - 1];
  }
  /**
   * The origins of `after`, the text `edits` made of `before`. A line that
   * starts in text kept from `before` comes from where that text came from;
   * a line that starts in text an edit wrote comes from the instruction the
   * edit starts in, or, for an insertion between instructions, the
   * instruction it was inserted before.
   */
  after(before, edits2, after) {
    const sorted = [...edits2].sort((a, b) => a.start - b.start || a.end - b.end);
    const segments = [];
    let oldAt = 0;
    let newAt = 0;
    for (const edit of sorted) {
      if (edit.start > oldAt) {
        segments.push({ newStart: newAt, newEnd: newAt + edit.start - oldAt, oldStart: oldAt, anchor: 0 });
        newAt += edit.start - oldAt;
      }
      segments.push({ newStart: newAt, newEnd: newAt + edit.text.length, oldStart: null, anchor: this.of(anchorLine(before, edit)) });
      newAt += edit.text.length;
      oldAt = Math.max(oldAt, edit.end);
    }
    const oldLength = before.source.text.length;
    segments.push({ newStart: newAt, newEnd: newAt + oldLength - oldAt, oldStart: oldAt, anchor: 0 });
    const origin = [];
    let s = 0;
    for (const lineStart of after.source.lineStarts) {
      while (s < segments.length - 1 && (segments[s].newEnd <= lineStart || segments[s].newStart === segments[s].newEnd)) s++;
      const segment = segments[s];
      if (segment.oldStart === null) origin.push(segment.anchor);
      else {
        const old = Math.min(segment.oldStart + Math.max(0, lineStart - segment.newStart), oldLength);
        origin.push(this.of(before.source.positionAt(old).line + 1));
      }
    }
    return new _LineOrigins(origin);
  }
};
function anchorLine(before, edit) {
  const within = before.instructions.find((node) => node.start <= edit.start && edit.start <= node.end);
  if (within) return within.line;
  const next = before.instructions.find((node) => node.start >= edit.start);
  if (next) return next.line;
  const previous = [...before.instructions].reverse().find((node) => node.end <= edit.start);
  if (previous) return previous.line;
  return before.source.positionAt(edit.start).line + 1;
}
function mapOffset(offset, edits2) {
  let shift = 0;
  for (const edit of edits2) {
    if (edit.start === edit.end) {
      if (edit.start <= offset) shift += edit.text.length;
      continue;
    }
    if (edit.end <= offset) shift += edit.text.length - (edit.end - edit.start);
    else if (edit.start <= offset) return null;
  }
  return offset + shift;
}

// lib/core/engine.ts
var FACTS_OPTIONS = { imageDefaults: (image) => describeImage(image).defaults };
var TRANSFORM_FAILED = "transform-failed";
function runTransformsWith(shell2, text, options) {
  checkSize(text);
  const { bom, body } = splitBom(text);
  const model = parseDockerfile(body);
  checkParseable(model);
  const layersBefore = model.finalStageLayers;
  const level = options.level ?? "safe";
  const kind = options.everyFile ? null : fileKind(model, options.filename ?? null);
  if (model.ignoresFile || kind) {
    const notes2 = kind ? [{ transform: "engine", line: kind.line, id: kind.kind, message: `${kind.reason} (--no-ignore rewrites it)` }] : [];
    return { input: text, output: text, changed: false, changes: [], suggestions: [], notes: notes2, passes: 0, layers: { before: layersBefore, after: layersBefore }, failures: [], level, levels: { safe: text, review: text }, unusedSuppressions: [] };
  }
  const maxPasses = options.maxPasses ?? 10;
  const state = { model, origins: LineOrigins.identity(model), notes: new NoteBook(), failures: [], settledOn: /* @__PURE__ */ new Map(), passes: 0, notesOnSafe: [], usedSuppressions: /* @__PURE__ */ new Set() };
  const safeTransforms = options.transforms.filter((t) => t.level === "safe");
  const hasReview = safeTransforms.length < options.transforms.length;
  const safeRun = settle(shell2, state, safeTransforms, "safe", maxPasses, options);
  const safeModel = state.model;
  const safeNotes = state.notes.final();
  state.safeText = safeModel.source.text;
  const reviewRun = hasReview ? settle(shell2, state, options.transforms, "review", maxPasses, options) : { changes: [], settled: true };
  const reviewNotes = state.notes.final();
  const unsettled = [safeRun, reviewRun].some((r) => !r.settled);
  const levels = { safe: bom + safeModel.source.text, review: bom + state.model.source.text };
  const output = levels[level];
  const notes = level === "review" ? reviewNotes : [...safeNotes, ...state.notesOnSafe.filter((n, i, all) => !safeNotes.some((s) => sameNote(s, n)) && all.findIndex((o) => sameNote(o, n)) === i)];
  if (unsettled) notes.push({ transform: "engine", line: 1, message: `still changing after ${maxPasses} passes; later changes may remain` });
  const changes = level === "review" ? [...safeRun.changes, ...reviewRun.changes] : safeRun.changes;
  const suggestions = level === "review" ? [] : reviewRun.changes;
  const layers = { before: layersBefore, after: (level === "review" ? state.model : safeModel).finalStageLayers };
  const ran = new Set(options.transforms.map((t) => t.id));
  const unusedSuppressions = model.suppressions.filter((s) => s.instruction !== null && s.hadolintRules.length === 0 && !state.usedSuppressions.has(s.line)).filter((s) => s.transforms === null ? ran.size > 0 : s.transforms.some((id) => ran.has(id))).map((s) => ({ line: s.line, transforms: s.transforms }));
  return { input: text, output, changed: output !== text, changes, suggestions, notes, passes: state.passes, layers, failures: state.failures, level, levels, unusedSuppressions };
}
function sameNote(a, b) {
  return a.transform === b.transform && a.line === b.line && a.message === b.message && a.id === b.id;
}
function settle(shell2, state, transforms, level, maxPasses, options) {
  const changes = [];
  for (let passes = 0; passes < maxPasses; passes++) {
    state.passes++;
    let changedThisPass = false;
    for (const transform of transforms) {
      const { model, origins } = state;
      const text = model.source.text;
      if (state.settledOn.get(transform) === text) continue;
      const outcome = runOne(transform, model, origins, shell2, options, state.usedSuppressions);
      if (outcome.failure !== void 0 && !state.failures.some((f) => f.transform === transform.id && f.message === outcome.failure)) {
        state.failures.push({ transform: transform.id, message: outcome.failure });
      }
      const accepted = acceptFixes(transform, outcome, model, origins, shell2);
      state.notes.record(transform.id, outcome.notes, accepted ? outcome.changes.map((c) => c.line) : [], model, origins);
      if (level === "review" && text === state.safeText && transform.level !== "safe") {
        for (const n of outcome.notes) state.notesOnSafe.push({ transform: transform.id, line: origins.of(n.line), message: n.message, ...n.id ? { id: n.id } : {} });
      }
      if (!accepted) {
        state.settledOn.set(transform, text);
        continue;
      }
      for (const change of outcome.changes) changes.push({ ...change, line: origins.of(change.line), level });
      state.origins = origins.after(model, outcome.edits, accepted.model);
      state.notes.follow(outcome.edits);
      state.model = accepted.model;
      changedThisPass = true;
    }
    if (!changedThisPass) return { changes, settled: true };
  }
  return { changes, settled: false };
}
var NoteBook = class {
  held = [];
  /** `inputs` and `changed` (lines of applied fixes) in the lines of `model`, the text the transform saw. */
  record(transform, inputs, changed, model, origins) {
    const anchorOf = (line) => model.instructions.find((i) => i.line === line)?.start ?? null;
    const fresh = inputs.map((input) => {
      const note = { transform, line: origins.of(input.line), message: input.message, ...input.id ? { id: input.id } : {} };
      return { note, transform, anchor: anchorOf(input.line) };
    });
    const restated = /* @__PURE__ */ new Set([...fresh.map((f) => f.anchor), ...changed.map(anchorOf).filter((a) => a !== null)]);
    this.held = this.held.filter((h) => h.transform !== transform || !restated.has(h.anchor));
    for (const f of fresh) {
      const same = this.held.some((h) => h.transform === f.transform && h.anchor === f.anchor && h.note.line === f.note.line && h.note.message === f.note.message && h.note.id === f.note.id);
      if (!same) this.held.push(f);
    }
  }
  /** Carries the anchors through edits just applied; notes whose instruction they rewrote go. */
  follow(edits2) {
    const sorted = [...edits2].sort((a, b) => a.start - b.start || a.end - b.end);
    this.held = this.held.flatMap((h) => {
      if (h.anchor === null) return [h];
      const anchor = mapOffset(h.anchor, sorted);
      return anchor === null ? [] : [{ ...h, anchor }];
    });
  }
  final() {
    return this.held.map((h) => h.note);
  }
};
function runOne(transform, model, origins, shell2, options, usedSuppressions) {
  const outcome = { fixes: [], edits: [], changes: [], notes: [] };
  const use = (suppressions) => {
    for (const s of suppressions) usedSuppressions.add(origins.of(s.line));
  };
  const locked = (node) => {
    const by = model.suppressionsOf(node, transform.id, transform.hadolintRules);
    use(by);
    return by.length > 0;
  };
  let result;
  try {
    result = transform.run({
      source: model.source.text,
      dockerfile: model,
      facts: fileFacts(model, shell2, FACTS_OPTIONS),
      shell: shell2,
      context: options.context ?? null,
      options: options.options?.[transform.id] ?? {},
      filename: options.filename ?? null,
      locked,
      suppressionComment: (node) => suppressionComment(model, node),
      originalLine: (line) => origins.of(line)
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    outcome.notes.push({ line: 1, id: TRANSFORM_FAILED, message: `internal error, transform skipped: ${message}` });
    return { ...outcome, failure: message };
  }
  const byLine = new Map(model.instructions.map((i) => [i.line, i]));
  for (const note of result.notes ?? []) {
    const node = byLine.get(note.line);
    if (node && locked(node)) continue;
    outcome.notes.push(note.id ? { line: note.line, message: note.message, id: note.id } : { line: note.line, message: note.message });
  }
  const taken = [];
  const fixes = [...result.fixes ?? []].sort((a, b) => firstStart(a) - firstStart(b));
  for (const fix of fixes) {
    if (fix.edits.length === 0) continue;
    const about = byLine.get(fix.line);
    if (about && locked(about) || touchedInstructions(fix, model).some(locked)) continue;
    const joined = joinedSuppressions(fix, model);
    if (joined.length) {
      use(joined);
      continue;
    }
    if (fix.edits.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    if (overlapsItself(fix.edits)) continue;
    taken.push(...fix.edits);
    outcome.fixes.push({ edits: fix.edits, change: { transform: transform.id, line: fix.line, message: fix.message } });
  }
  return outcome;
}
function acceptFixes(transform, outcome, model, origins, shell2) {
  if (outcome.fixes.length === 0) return null;
  const text = model.source.text;
  const trial = (fixes) => {
    const edits2 = closingContinuation(model, fixes.flatMap((f) => f.edits));
    const candidate = applyEdits(text, edits2);
    if (candidate === text) return { problem: "", id: "" };
    const checked = checkCandidate(candidate, model, shell2, edits2);
    if ("problem" in checked) {
      const where = checked.at ? ` at line ${origins.after(model, edits2, checked.at.model).of(checked.at.line)}` : "";
      return { problem: `${checked.problem}${where}`, id: checked.id };
    }
    const changed = meaningChange(transform, model, checked.model, shell2, origins);
    return changed ?? checked;
  };
  const all = trial(outcome.fixes);
  let kept = outcome.fixes;
  let result = "model" in all ? all : null;
  if (!result) {
    kept = [];
    for (const fix of outcome.fixes) {
      const tried = trial([...kept, fix]);
      if ("model" in tried) {
        kept.push(fix);
        result = tried;
      } else if (tried.problem) {
        outcome.notes.push({ line: fix.change.line, id: tried.id, message: `change withheld: it would ${tried.problem}` });
      }
    }
  }
  outcome.edits = closingContinuation(model, kept.flatMap((f) => f.edits));
  outcome.changes = kept.map((f) => f.change);
  return result;
}
function closingContinuation(model, edits2) {
  const end = model.source.text.length;
  if (!edits2.some((e) => e.start === end)) return edits2;
  const close = closeOpenContinuation(model);
  if (!close || edits2.some((e) => overlaps(e, close) || e.start < close.end && e.end > close.start)) return edits2;
  return [...edits2, close];
}
var meanings = /* @__PURE__ */ new WeakMap();
function meaningOf(model, shell2) {
  let meaning = meanings.get(model);
  if (!meaning) {
    meaning = imageMeaning(fileFacts(model, shell2, FACTS_OPTIONS));
    meanings.set(model, meaning);
  }
  return meaning;
}
function meaningChange(transform, before, after, shell2, origins) {
  if (!transform.effects) return null;
  const name = (stage) => `line ${origins.of(stage.line)}${stage.name ? ` (${stage.name})` : ""}`;
  const found = undeclaredDifferences(meaningOf(before, shell2), meaningOf(after, shell2), new Set(transform.effects), name);
  if (found.length === 0) return null;
  return { problem: `change ${found[0].what}, which ${transform.id} does not declare`, id: `withheld-${found[0].effect}` };
}
function suppressionComment(model, node) {
  const found = model.suppressions.find((s) => s.instruction === node);
  return found ? model.source.lineText(found.line - 1).trim() : null;
}
function joinedSuppressions(fix, model) {
  return fix.edits.flatMap((edit) => {
    if (edit.start === edit.end) return [];
    const touched = model.instructions.filter((node) => edit.start < node.end && edit.end > node.start);
    const joins = touched.length > 1 && touched[0].start < edit.start;
    return joins ? model.suppressions.filter((s) => s.instruction !== null && touched.includes(s.instruction)) : [];
  });
}
function firstStart(fix) {
  return Math.min(...fix.edits.map((e) => e.start));
}
function overlaps(a, b) {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return a.start > b.start && a.start < b.end;
  if (b.start === b.end) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}
function overlapsItself(edits2) {
  for (let i = 0; i < edits2.length; i++) {
    for (let j = i + 1; j < edits2.length; j++) if (overlaps(edits2[i], edits2[j])) return true;
  }
  return false;
}
function touchedInstructions(fix, model) {
  return model.instructions.filter((node) => (
    // An insertion at `end` (just before the line break) appends to the instruction, so it touches it too.
    fix.edits.some((e) => e.start === e.end ? e.start > node.start && e.start <= node.end : e.start < node.end && e.end > node.start)
  ));
}
function applyEdits(text, edits2) {
  const sorted = [...edits2].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of sorted) {
    if (edit.start < 0 || edit.end > text.length || edit.start > edit.end) {
      throw new RangeError(`edit out of range: ${edit.start}-${edit.end}`);
    }
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}
function checkCandidate(candidate, before, shell2, edits2) {
  let after;
  try {
    after = parseDockerfile(candidate);
    checkParseable(after);
  } catch (error) {
    return { problem: `not parse as a Dockerfile (${error instanceof InputError ? error.message : String(error)})`, id: "withheld-dockerfile-syntax" };
  }
  if (after.instructions.length === 0 && before.instructions.length > 0) return { problem: "remove every instruction", id: "withheld-empty" };
  const swallowed = swallowedInstruction(before, after, edits2);
  if (swallowed) return { problem: `join new text into the instruction at line ${swallowed.line}`, id: "withheld-joins-instruction", at: void 0 };
  let brokenBefore = null;
  for (const node of after.instructions) {
    const script = after.shellScript(node);
    if (!script || !after.hasPosixShell(node) || !hasSyntaxError(shell2.parse(script.text).rootNode)) continue;
    brokenBefore ??= brokenScripts(before, shell2);
    if (!brokenBefore.has(script.text)) return { problem: "leave a shell syntax error", id: "withheld-shell-syntax", at: { model: after, line: node.line } };
  }
  return { model: after };
}
function swallowedInstruction(before, after, edits2) {
  const sorted = [...edits2].sort((a, b) => a.start - b.start || a.end - b.end);
  const starts = new Map(after.instructions.map((node) => [node.start, node]));
  for (const node of before.instructions) {
    const touched = edits2.some((e) => e.start === e.end ? e.start > node.start && (e.start < node.end || e.start === node.end && !/^\r?\n/.test(e.text)) : e.start < node.end && e.end > node.start);
    if (touched) continue;
    const start = mapOffset(node.start, sorted);
    const found = start === null ? void 0 : starts.get(start);
    const text = before.source.text.slice(node.start, node.end);
    if (!found || after.source.text.slice(found.start, found.end) !== text) return node;
  }
  return null;
}
function brokenScripts(model, shell2) {
  const broken = /* @__PURE__ */ new Set();
  for (const node of model.instructions) {
    const script = model.shellScript(node);
    if (script && model.hasPosixShell(node) && hasSyntaxError(shell2.parse(script.text).rootNode)) broken.add(script.text);
  }
  return broken;
}

// lib/core/context.ts
var import_dockerignore = __toESM(require_ignore(), 1);
import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, statSync } from "node:fs";
import path18 from "node:path";
var ignore = import_dockerignore.default.default;
var FIRST_LINE_BYTES = 256;
var WALK_LIMIT = 5e3;
function anyFileSent(context, dir) {
  if (context.isIgnored(dir) && !(context.dockerignore() ?? []).some((p) => p.startsWith("!"))) return false;
  let seen = 0;
  const pending = [dir.replace(/\/+$/, "")];
  while (pending.length) {
    const folder = pending.pop();
    for (const name of context.list(folder)) {
      if (++seen > WALK_LIMIT) return true;
      const entry = `${folder}/${name}`;
      const children = context.list(entry);
      if (children.length) pending.push(entry);
      else if (!context.isIgnored(entry)) return true;
    }
  }
  return false;
}
function folderContext(root) {
  const absoluteRoot = path18.resolve(root);
  const resolve = (relativePath) => {
    const full = path18.resolve(absoluteRoot, relativePath.replace(/^\/+/, ""));
    return full === absoluteRoot || full.startsWith(absoluteRoot + path18.sep) ? full : null;
  };
  const existing = /* @__PURE__ */ new Map();
  const contents = /* @__PURE__ */ new Map();
  const listings = /* @__PURE__ */ new Map();
  let ignoreLines;
  let matcher;
  return {
    root: absoluteRoot,
    exists(relativePath) {
      const full = resolve(relativePath);
      if (full === null) return false;
      let found = existing.get(full);
      if (found === void 0) {
        found = existsSync(full);
        existing.set(full, found);
      }
      return found;
    },
    read(relativePath) {
      const full = resolve(relativePath);
      if (!full) return null;
      let text = contents.get(full);
      if (text === void 0) {
        try {
          text = statSync(full).isFile() ? readFileSync(full, "utf8") : null;
        } catch {
          text = null;
        }
        contents.set(full, text);
      }
      return text;
    },
    list(relativePath) {
      const full = resolve(relativePath);
      if (!full) return [];
      let names = listings.get(full);
      if (names === void 0) {
        try {
          names = readdirSync(full);
        } catch {
          names = [];
        }
        listings.set(full, names);
      }
      return names.slice();
    },
    dockerignore() {
      if (ignoreLines === void 0) ignoreLines = ignoreFileLines(this.read(".dockerignore"));
      return ignoreLines && ignoreLines.slice();
    },
    isIgnored(relativePath) {
      matcher ??= ignoreMatcher(this.dockerignore());
      return matcher(relativePath);
    },
    sendsFilesUnder(relativePath) {
      return this.exists(relativePath) && anyFileSent(this, relativePath);
    },
    firstLine(relativePath) {
      const full = resolve(relativePath);
      if (!full) return null;
      try {
        if (!statSync(full).isFile()) return null;
        const fd = openSync(full, "r");
        try {
          const buffer = Buffer.alloc(FIRST_LINE_BYTES);
          const length = readSync(fd, buffer, 0, FIRST_LINE_BYTES, 0);
          return buffer.subarray(0, length).toString("latin1").split("\n")[0];
        } finally {
          closeSync(fd);
        }
      } catch {
        return null;
      }
    },
    isExecutable(relativePath) {
      const full = resolve(relativePath);
      if (!full) return null;
      try {
        const stat = statSync(full);
        return stat.isFile() ? (stat.mode & 73) !== 0 : null;
      } catch {
        return null;
      }
    }
  };
}
function ignoreMatcher(patterns) {
  if (patterns === null) return () => false;
  const rules = ignore({ ignorecase: false }).add(patterns);
  return (relativePath) => {
    const normal = path18.posix.normalize(relativePath.replace(/^\/+/, "")).replace(/\/+$/, "");
    return normal !== "." && !normal.startsWith("../") && rules.ignores(normal);
  };
}
function ignoreFileLines(text) {
  if (text === null) return null;
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
}

// lib/cli/process.ts
function processText(shell2, displayPath, text, options, contextDir) {
  try {
    const result = runTransformsWith(shell2, text, {
      transforms: options.transforms,
      filename: displayPath,
      context: contextDir ? folderContext(contextDir) : null,
      options: options.options,
      level: options.level ?? "safe",
      everyFile: options.everyFile ?? false
    });
    const warnings = options.known ? unknownSuppressions(displayPath, text, options.known) : [];
    if (options.reportUnused) warnings.push(...result.unusedSuppressions.map((u) => unusedWarning(displayPath, u)));
    const failed = result.failures.find((f) => !isBuiltin(f.transform));
    if (failed) {
      const message = `plugin transform '${failed.transform}' failed, file left untouched: ${failed.message}`;
      const notes = result.notes.filter((n) => !(n.id === TRANSFORM_FAILED && n.transform === failed.transform));
      return { path: displayPath, status: "error", error: { line: null, message }, changes: [], notes, ...warnings.length ? { warnings } : {} };
    }
    return {
      path: displayPath,
      status: result.changed ? "changed" : "unchanged",
      changes: result.changes,
      ...result.suggestions.length ? { suggestions: result.suggestions } : {},
      notes: result.notes,
      input: text,
      output: result.output,
      levels: result.levels,
      ...result.changed ? { layers: result.layers } : {},
      ...warnings.length ? { warnings } : {}
    };
  } catch (error) {
    return errorResult(displayPath, error);
  }
}
function processFile(shell2, file, options, cwd2 = process.cwd()) {
  let bytes;
  try {
    bytes = readFileSync2(path19.resolve(cwd2, file));
  } catch (error) {
    const code = error.code;
    const message = code === "ENOENT" ? "no such file or directory" : code === "EACCES" ? "permission denied" : code === "EISDIR" ? "is a folder" : `cannot be read (${code ?? error.message})`;
    return { path: file, status: "error", error: { line: null, message }, changes: [], notes: [] };
  }
  let text;
  try {
    text = decodeDockerfile(bytes);
  } catch (error) {
    return errorResult(file, error);
  }
  const contextDir = options.contextDir ?? path19.dirname(path19.resolve(cwd2, file));
  const result = processText(shell2, file, text, options, contextDir);
  result.bytes = bytes;
  return result;
}
function errorResult(file, error) {
  if (error instanceof InputError) {
    return { path: file, status: "error", error: { line: error.line, message: error.message }, changes: [], notes: [] };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { path: file, status: "error", error: { line: null, message: `internal error, file left untouched: ${message}` }, changes: [], notes: [] };
}
function unusedWarning(displayPath, unused) {
  const ids = unused.transforms?.join(", ");
  return `${displayPath}:${unused.line}: unused dfmod-ignore${ids ? ` ${unused.transforms.join(",")}` : ""}: no change or note${ids ? ` of ${ids}` : ""} was kept off the instruction below it`;
}
function unknownSuppressions(displayPath, text, known) {
  if (!text.includes("dfmod-ignore")) return [];
  let model;
  try {
    model = parseDockerfile(text.replace(/^\uFEFF/, ""));
  } catch {
    return [];
  }
  return model.suppressions.flatMap(
    (s) => (s.transforms ?? []).filter((id) => !known.includes(id)).map((id) => `${displayPath}:${s.line}: unknown transform '${id}' in dfmod-ignore`)
  );
}

// lib/cli/bulk.ts
function runJob(shell2, file, transforms, job, cwd2) {
  const result = processFile(shell2, file, { transforms, options: job.options, level: job.level, everyFile: job.everyFile, contextDir: job.contextDir, known: job.known, reportUnused: job.reportUnused }, cwd2);
  if (!job.keepBytes) delete result.bytes;
  return result;
}
var READY = "ready";

// lib/cli/bulk-worker.ts
var { cwd } = workerData;
var shell = await loadShellParser();
var plugins = new PluginCache();
parentPort.postMessage(READY);
async function transformsFor(job) {
  const available = await plugins.available(job.pluginModules.map((module) => ({ given: module, module })));
  return job.transformIds.map((id) => {
    const found = available.find((t) => t.id === id);
    if (!found) throw new Error(`transform '${id}' is not available in the worker`);
    return found;
  });
}
var outbox = [];
var outboxSince = 0;
var flush = () => {
  if (outbox.length === 0) return;
  parentPort.postMessage(outbox);
  outbox = [];
};
parentPort.on("message", async (job) => {
  let result;
  try {
    result = runJob(shell, job.file, await transformsFor(job), job, cwd);
  } catch (error) {
    result = { path: job.file, status: "error", error: { line: null, message: error.message }, changes: [], notes: [] };
  }
  if (outbox.length === 0) {
    outboxSince = Date.now();
    setImmediate(flush);
  }
  outbox.push({ id: job.id, result });
  if (Date.now() - outboxSince > 50) flush();
});
/*! Bundled license information:

@balena/dockerignore/ignore.js:
  (**
   * @license
   * Copyright 2020 Balena Ltd.
   *
   * Licensed under the Apache License, Version 2.0 (the "License");
   * you may not use this file except in compliance with the License.
   * You may obtain a copy of the License at
   *
   *    http://www.apache.org/licenses/LICENSE-2.0
   *
   * Unless required by applicable law or agreed to in writing, software
   * distributed under the License is distributed on an "AS IS" BASIS,
   * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
   * See the License for the specific language governing permissions and
   * limitations under the License.
   *
   * ------------------------------------------------------------------------
   *
   * Copyright 2018 Zeit, Inc.
   * Licensed under the MIT License. See file LICENSE.md for a full copy.
   *
   * ------------------------------------------------------------------------
   *)
*/
