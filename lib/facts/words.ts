/**
 * Dockerfile word expansion: the `$VAR`, `${VAR}`, `${VAR:-word}` and quote
 * rules BuildKit applies to the arguments of ENV, ARG, WORKDIR, USER, COPY,
 * FROM and friends. This is Dockerfile syntax, not shell: there is no word
 * splitting, globbing or command substitution, so a small scanner reads it.
 */

/**
 * A variable's value for expansion: a string when known, `undefined` when the
 * variable is not set (it expands to nothing, and `${VAR:-default}` applies),
 * null when it is set to something dfmod cannot know (a build argument
 * without a default, an ENV computed from the base image's environment).
 */
export type VariableLookup = (name: string) => string | null | undefined;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const BRACED = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([\s\S]*))?$/;

/**
 * The value of a Dockerfile word after quote removal and variable expansion,
 * or null when it depends on a value dfmod does not know, or uses an
 * expansion form it does not read (`${VAR#pattern}`, `${VAR:?}`).
 */
export function expandWord(text: string, lookup: VariableLookup, escape = '\\'): string | null {
  let out = '';
  let quote: '"' | "'" | null = null;
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
      // Inside double quotes the escape only escapes a quote, a `$` or itself.
      out += quote === '"' && next !== '"' && next !== '$' && next !== escape ? c + next : next;
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
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    if (text[i + 1] === '{') {
      const close = matchingBrace(text, i + 1);
      if (close < 0) return null;
      const value = expandBraced(text.slice(i + 2, close), lookup, escape);
      if (value === null) return null;
      out += value;
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
    out += value ?? '';
    i += 1 + name.length;
  }
  return quote === null ? out : null;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function expandBraced(inner: string, lookup: VariableLookup, escape: string): string | null {
  const match = BRACED.exec(inner);
  if (!match) return null;
  const [, name, operator, word] = match;
  const value = lookup(name);
  if (value === null) return null;
  const set = value !== undefined;
  const nonEmpty = set && value !== '';
  switch (operator) {
    case undefined:
      return value ?? '';
    case ':-':
      return nonEmpty ? value! : expandWord(word, lookup, escape);
    case '-':
      return set ? value! : expandWord(word, lookup, escape);
    case ':+':
      return nonEmpty ? expandWord(word, lookup, escape) : '';
    case '+':
      return set ? expandWord(word, lookup, escape) : '';
    default:
      return null;
  }
}
