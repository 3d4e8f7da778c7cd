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
const ANY_SURROGATE = /[\uD800-\uDFFF]/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Where a value sits, as a chain to the root: the `$.a[2].b` string is only built for an error,
 * since building it for every member measured as most of the cost of encoding a ledger entry.
 */
interface Path {
  parent: Path | undefined;
  /** An array index or an object key. */
  step: number | string;
}

const ROOT: Path = { parent: undefined, step: '$' };

function pathText(path: Path): string {
  const steps: string[] = [];
  for (let at: Path | undefined = path; at?.parent; at = at.parent) {
    const step = at.step;
    steps.push(
      typeof step === 'number' ? `[${step}]` : IDENTIFIER.test(step) ? `.${step}` : `[${JSON.stringify(step)}]`,
    );
  }
  return `$${steps.reverse().join('')}`;
}

export function canonicalJson(value: unknown): string {
  return serialise(value, ROOT, new Set());
}

/** The canonical form as UTF-8 bytes: what gets hashed or signed. */
export function canonicalJsonBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), 'utf8');
}

function serialise(value: unknown, path: Path, ancestors: Set<object>): string {
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
      throw new CanonicalJsonError('unsupported-type', pathText(path), `${typeof value} has no JSON representation`);
  }
}

function serialiseNumber(value: number, path: Path): string {
  if (!Number.isFinite(value)) {
    throw new CanonicalJsonError(
      'not-finite-number',
      pathText(path),
      `${value} is not allowed: RFC 8785 admits finite numbers only`,
    );
  }
  return JSON.stringify(value); // -0 becomes "0", as the RFC requires
}

function serialiseString(value: string, path: Path): string {
  // The plain class test first: almost no string holds a surrogate at all.
  const lone = ANY_SURROGATE.test(value) ? LONE_SURROGATE.exec(value) : null;
  if (lone) {
    const unit = lone[0].charCodeAt(0).toString(16);
    throw new CanonicalJsonError(
      'lone-surrogate',
      pathText(path),
      `string has a lone surrogate \\u${unit} at offset ${lone.index}`,
    );
  }
  return JSON.stringify(value);
}

function serialiseContainer(value: object, path: Path, ancestors: Set<object>): string {
  if (ancestors.has(value)) throw new CanonicalJsonError('cyclic-structure', pathText(path), 'value refers to itself');
  ancestors.add(value);
  try {
    return Array.isArray(value) ? serialiseArray(value, path, ancestors) : serialiseObject(value, path, ancestors);
  } finally {
    ancestors.delete(value);
  }
}

function serialiseArray(value: readonly unknown[], path: Path, ancestors: Set<object>): string {
  let text = '[';
  for (let i = 0; i < value.length; i++) {
    const itemPath: Path = { parent: path, step: i };
    if (!(i in value))
      throw new CanonicalJsonError('unsupported-type', pathText(itemPath), 'arrays must not have holes');
    text += (i === 0 ? '' : ',') + serialise(value[i], itemPath, ancestors);
  }
  return `${text}]`;
}

function serialiseObject(value: object, path: Path, ancestors: Set<object>): string {
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) {
    const kind = (value.constructor as { name?: string } | undefined)?.name ?? 'non-plain object';
    throw new CanonicalJsonError(
      'unsupported-type',
      pathText(path),
      `${kind} is not a plain JSON object; convert it first`,
    );
  }
  if (Object.getOwnPropertySymbols(value).length > 0) {
    throw new CanonicalJsonError(
      'unsupported-type',
      pathText(path),
      'symbol-keyed properties have no JSON representation',
    );
  }
  const record = value as Record<string, unknown>;
  // Array.prototype.sort's default order compares UTF-16 code units, as section 3.2.3 requires.
  const keys = Object.keys(record).sort();
  let text = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const memberPath: Path = { parent: path, step: key };
    text += `${i === 0 ? '' : ','}${serialiseString(key, memberPath)}:${serialise(record[key], memberPath, ancestors)}`;
  }
  return `${text}}`;
}
