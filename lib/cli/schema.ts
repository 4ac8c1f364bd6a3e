/**
 * Configuration checked against schema/dfmodrc.schema.json, the schema that
 * ships with the package (editors read it too). The checker knows the part of
 * JSON Schema that file uses: type, enum, pattern, items, properties,
 * additionalProperties, anyOf and local $ref. It reports every problem, each
 * with the path of the key it is about.
 */
import { readFileSync } from 'node:fs';
import { ownFile } from './package.js';

export interface Schema {
  type?: string;
  enum?: unknown[];
  pattern?: string;
  /** What a value the pattern refuses is told (the name editors read too). */
  patternErrorMessage?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  anyOf?: Schema[];
  $ref?: string;
  $defs?: Record<string, Schema>;
  description?: string;
}

export interface SchemaProblem {
  /** Keys and indexes from the top of the configuration down to the value in question. */
  path: (string | number)[];
  message: string;
  /** Whether the key itself is the problem (unknown), rather than its value. */
  aboutKey?: boolean;
}

let loaded: Schema | null = null;

export function configSchema(): Schema {
  loaded ??= JSON.parse(readFileSync(ownFile('schema/dfmodrc.schema.json', import.meta.url), 'utf8')) as Schema;
  return loaded;
}

export function checkAgainstSchema(value: unknown, schema: Schema = configSchema()): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  check(value, schema, schema, [], problems);
  return problems;
}

const typeName = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'number' && Number.isInteger(value) ? 'integer' : typeof value;

const ARTICLES: Record<string, string> = { object: 'an object', array: 'a list', string: 'a string', boolean: 'true or false', number: 'a number', integer: 'a whole number' };

function hasType(value: unknown, type: string): boolean {
  const actual = typeName(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

/** What a schema accepts, in words, for a message. */
function expected(schema: Schema, root: Schema): string {
  const resolved = resolve(schema, root);
  if (resolved.anyOf) return resolved.anyOf.map((s) => expected(s, root)).join(' or ');
  if (resolved.enum) return `one of ${resolved.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  if (resolved.type === 'array' && resolved.items) return `a list of ${expected(resolved.items, root).replace(/^an? /, '')}s`;
  return resolved.type ? ARTICLES[resolved.type] ?? resolved.type : 'a value';
}

function resolve(schema: Schema, root: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = /^#\/\$defs\/(.+)$/.exec(schema.$ref)?.[1];
  const target = name ? root.$defs?.[name] : undefined;
  if (!target) throw new Error(`schema: cannot resolve ${schema.$ref}`);
  return { ...target, ...schema, $ref: undefined };
}

function check(value: unknown, raw: Schema, root: Schema, path: (string | number)[], problems: SchemaProblem[]): void {
  const schema = resolve(raw, root);
  if (schema.anyOf) {
    // The first alternative of the value's type explains the problem best.
    const candidates = schema.anyOf.map((s) => resolve(s, root));
    const sameType = candidates.find((s) => !s.type || hasType(value, s.type));
    if (!sameType) {
      problems.push({ path, message: `must be ${expected(schema, root)}` });
      return;
    }
    check(value, sameType, root, path, problems);
    return;
  }
  if (schema.type && !hasType(value, schema.type)) {
    problems.push({ path, message: `must be ${expected(schema, root)}` });
    return;
  }
  if (schema.enum && !schema.enum.some((allowed) => allowed === value)) {
    problems.push({ path, message: `must be ${expected(schema, root)} (not ${JSON.stringify(value)})` });
    return;
  }
  if (schema.pattern && typeof value === 'string' && !new RegExp(schema.pattern, 'u').test(value)) {
    problems.push({ path, message: `${schema.patternErrorMessage ?? `must match ${schema.pattern}`} (not ${JSON.stringify(value)})` });
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, index) => check(item, schema.items!, root, [...path, index], problems));
  }
  if (typeName(value) === 'object' && (schema.properties || schema.additionalProperties !== undefined)) {
    const known = Object.keys(schema.properties ?? {});
    for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
      const property = schema.properties?.[key];
      if (property) check(member, property, root, [...path, key], problems);
      else if (schema.additionalProperties === false) {
        const what = path.length ? 'unknown option' : 'unknown key';
        problems.push({ path: [...path, key], aboutKey: true, message: `${what} (${known.length ? `known: ${known.join(', ')}` : 'this transform takes no options'})` });
      } else if (typeof schema.additionalProperties === 'object') {
        check(member, schema.additionalProperties, root, [...path, key], problems);
      }
    }
  }
}
