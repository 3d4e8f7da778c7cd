import { CanonicalJsonError } from './canonical-json.errors';

/*
 * RFC 8785 (JCS). Primitives are serialised as ECMAScript's JSON.stringify does, which is what
 * the RFC specifies (section 3.2.2): shortest round-trip numbers, and strings escaping only
 * '"', '\' and U+0000..U+001F (\b \t \n \f \r or lowercase \u00xx). What JSON.stringify would
 * quietly change — undefined members dropped, NaN turned into null, toJSON() called, lone
 * surrogates escaped — is refused instead, so a digest never covers something the caller did
 * not mean.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function canonicalJson(value: unknown): string {
  return serialise(value, '$', new Set());
}

/** The canonical form as UTF-8 bytes: what gets hashed or signed. */
export function canonicalJsonBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), 'utf8');
}

function serialise(value: unknown, path: string, ancestors: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return serialiseNumber(value, path);
    case 'string':
      return serialiseString(value, path);
    case 'object':
      return serialiseContainer(value, path, ancestors);
    default: // undefined, bigint, symbol, function
      throw new CanonicalJsonError('unsupported-type', path, `${typeof value} has no JSON representation`);
  }
}

function serialiseNumber(value: number, path: string): string {
  if (!Number.isFinite(value)) {
    throw new CanonicalJsonError(
      'not-finite-number',
      path,
      `${value} is not allowed: RFC 8785 admits finite numbers only`,
    );
  }
  return JSON.stringify(value); // -0 becomes "0", as the RFC requires
}

function serialiseString(value: string, path: string): string {
  const lone = LONE_SURROGATE.exec(value);
  if (lone) {
    const unit = lone[0].charCodeAt(0).toString(16);
    throw new CanonicalJsonError(
      'lone-surrogate',
      path,
      `string has a lone surrogate \\u${unit} at offset ${lone.index}`,
    );
  }
  return JSON.stringify(value);
}

function serialiseContainer(value: object, path: string, ancestors: Set<object>): string {
  if (ancestors.has(value)) throw new CanonicalJsonError('cyclic-structure', path, 'value refers to itself');
  ancestors.add(value);
  try {
    return Array.isArray(value) ? serialiseArray(value, path, ancestors) : serialiseObject(value, path, ancestors);
  } finally {
    ancestors.delete(value);
  }
}

function serialiseArray(value: readonly unknown[], path: string, ancestors: Set<object>): string {
  const items: string[] = [];
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) throw new CanonicalJsonError('unsupported-type', `${path}[${i}]`, 'arrays must not have holes');
    items.push(serialise(value[i], `${path}[${i}]`, ancestors));
  }
  return `[${items.join(',')}]`;
}

function serialiseObject(value: object, path: string, ancestors: Set<object>): string {
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) {
    const kind = (value.constructor as { name?: string } | undefined)?.name ?? 'non-plain object';
    throw new CanonicalJsonError('unsupported-type', path, `${kind} is not a plain JSON object; convert it first`);
  }
  if (Object.getOwnPropertySymbols(value).length > 0) {
    throw new CanonicalJsonError('unsupported-type', path, 'symbol-keyed properties have no JSON representation');
  }
  const record = value as Record<string, unknown>;
  // Default string comparison is by UTF-16 code units, as section 3.2.3 requires.
  const keys = Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const members = keys.map((key) => {
    const memberPath = IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
    return `${serialiseString(key, memberPath)}:${serialise(record[key], memberPath, ancestors)}`;
  });
  return `{${members.join(',')}}`;
}
