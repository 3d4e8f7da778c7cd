import fc from 'fast-check';
import { canonicalJson, canonicalJsonBytes } from './canonical-json';
import { CanonicalJsonError, type CanonicalJsonErrorCode } from './canonical-json.errors';

function refusal(value: unknown): { code: CanonicalJsonErrorCode; path: string; message: string } {
  try {
    canonicalJson(value);
  } catch (error) {
    if (error instanceof CanonicalJsonError) return { code: error.code, path: error.path, message: error.message };
    throw error;
  }
  throw new Error('the value was accepted');
}

const fromIeee754 = (bits: string): number => Buffer.from(bits, 'hex').readDoubleBE(0);

describe('canonicalJson on the RFC 8785 examples', () => {
  it('section 3.2.2: the sample object, numbers, string escapes and literals', () => {
    const input = String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`;
    const expected = String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`;
    expect(canonicalJson(JSON.parse(input))).toBe(expected);
    const bytes = canonicalJsonBytes(JSON.parse(input));
    expect(bytes.equals(Buffer.from(expected, 'utf8'))).toBe(true);
    expect(bytes.includes(Buffer.from('"string":"\xe2\x82\xac$', 'latin1'))).toBe(true); // € as UTF-8
  });

  it('section 3.2.3: properties sorted by UTF-16 code units, not code points', () => {
    const input = String.raw`{
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis"
    }`;
    expect(canonicalJson(JSON.parse(input))).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  // Appendix B: IEEE 754 bit patterns and their ECMAScript serialisation.
  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ])('Appendix B: %s serialises as %s', (bits, expected) => {
    expect(canonicalJson(fromIeee754(bits))).toBe(expected);
  });

  it.each([
    ['7fffffffffffffff', 'NaN'],
    ['7ff0000000000000', 'Infinity'],
    ['fff0000000000000', '-Infinity'],
  ])('Appendix B: %s (%s) is refused', (bits, name) => {
    expect(refusal([fromIeee754(bits)])).toEqual({
      code: 'not-finite-number',
      path: '$[0]',
      message: `$[0]: ${name} is not allowed: RFC 8785 admits finite numbers only`,
    });
  });
});

// testdata of cyberphone/json-canonicalization, the RFC's reference implementations.
describe('canonicalJson on the RFC authors’ published test data', () => {
  it.each([
    [
      'structures.json',
      '{"1": {"f": {"f": "hi","F": 5} ,"\\n": 56.0}, "10": { }, "": "empty", "a": { }, "111": [ { } ], "A": { }}',
      '{"":"empty","1":{"\\n":56,"f":{"F":5,"f":"hi"}},"10":{},"111":[{}],"A":{},"a":{}}',
    ],
    [
      'weird.json',
      String.raw`{"\u20ac": "Euro Sign", "1": "One", "\u0080": "Control\u007f", "\ud83d\ude02": "Smiley",
        "\u00f6": "Latin Small Letter O With Diaeresis", "\ufb33": "Hebrew Letter Dalet With Dagesh",
        "</script>": "Browser Challenge"}`,
      '{"1":"One","</script>":"Browser Challenge","\u0080":"Control\u007f","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude02":"Smiley","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    ],
    [
      'french.json',
      '{"peach": "This sorting order", "péché": "is wrong according to French", "pêche": "but canonicalization MUST", "sin": "ingnore locale"}',
      '{"peach":"This sorting order","péché":"is wrong according to French","pêche":"but canonicalization MUST","sin":"ingnore locale"}',
    ],
    ['unicode.json', String.raw`{"Unnormalized Unicode":"\u1e0d\u0307"}`, '{"Unnormalized Unicode":"\u1e0d\u0307"}'],
  ])('%s', (_file, input, expected) => {
    expect(canonicalJson(JSON.parse(input))).toBe(expected);
  });
});

describe('canonicalJson on JavaScript values', () => {
  it('serialises scalars as JSON.stringify does', () => {
    expect([null, true, false, 0, -0, 1.5, 'a'].map(canonicalJson)).toEqual([
      'null',
      'true',
      'false',
      '0',
      '0',
      '1.5',
      '"a"',
    ]);
  });

  it('sorts integer-like keys as strings, unlike JavaScript property order', () => {
    expect(canonicalJson({ 9: 'nine', 10: 'ten', a: [{ z: 1, y: 2 }] })).toBe(
      '{"10":"ten","9":"nine","a":[{"y":2,"z":1}]}',
    );
  });

  it('escapes only what RFC 8785 escapes: ", \\ and U+0000..U+001F', () => {
    const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
    expect(canonicalJson(controls)).toBe(
      '"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f' +
        '\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f"',
    );
    expect(canonicalJson('"\\/\u007f\u2028\u2029<>&')).toBe('"\\"\\\\/\u007f\u2028\u2029<>&"');
  });

  it('accepts objects without a prototype, as JSON.parse can produce', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.b = 1;
    bare.a = 2;
    expect(canonicalJson(bare)).toBe('{"a":2,"b":1}');
  });

  it('keeps an own "__proto__" member of parsed JSON', () => {
    expect(canonicalJson(JSON.parse('{"__proto__":{"x":1},"a":0}'))).toBe('{"__proto__":{"x":1},"a":0}');
  });

  it('encodes as UTF-8 without a byte order mark', () => {
    expect(canonicalJsonBytes({ '€': '😀' }).toString('hex')).toBe('7b22e282ac223a22f09f9880227d');
  });

  it('is a fixed point, and keeps the meaning of any JSON value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'grapheme' }), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJsonBytes(value).toString('utf8')).toBe(text);
      }),
    );
  });

  it('does not depend on the order properties were added (property)', () => {
    const entries = fc.uniqueArray(fc.tuple(fc.string({ unit: 'grapheme' }), fc.jsonValue()), {
      selector: ([key]) => key,
    });
    fc.assert(
      fc.property(entries, (pairs) => {
        const forwards = Object.fromEntries(pairs);
        const backwards = Object.fromEntries([...pairs].reverse());
        expect(canonicalJson(backwards)).toBe(canonicalJson(forwards));
      }),
    );
  });
});

describe('canonicalJson refuses what JSON cannot carry', () => {
  class Entry {
    constructor(readonly id: number) {}
  }
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = { back: cyclic };

  it.each([
    ['undefined', undefined, 'unsupported-type', '$', 'undefined has no JSON representation'],
    [
      'an undefined member',
      { a: { b: undefined } },
      'unsupported-type',
      '$.a.b',
      'undefined has no JSON representation',
    ],
    ['an undefined element', [1, undefined], 'unsupported-type', '$[1]', 'undefined has no JSON representation'],
    ['an array hole', [1, , 3], 'unsupported-type', '$[1]', 'arrays must not have holes'],
    ['a function', { f: () => 1 }, 'unsupported-type', '$.f', 'function has no JSON representation'],
    ['a bigint', { n: 10n }, 'unsupported-type', '$.n', 'bigint has no JSON representation'],
    ['a symbol', [Symbol('s')], 'unsupported-type', '$[0]', 'symbol has no JSON representation'],
    [
      'NaN',
      { 'odd key': NaN },
      'not-finite-number',
      '$["odd key"]',
      'NaN is not allowed: RFC 8785 admits finite numbers only',
    ],
    ['a Date', { at: new Date(0) }, 'unsupported-type', '$.at', 'Date is not a plain JSON object; convert it first'],
    ['a Map', new Map(), 'unsupported-type', '$', 'Map is not a plain JSON object; convert it first'],
    [
      'a Buffer',
      { b: Buffer.from('x') },
      'unsupported-type',
      '$.b',
      'Buffer is not a plain JSON object; convert it first',
    ],
    [
      'a class instance',
      [new Entry(1)],
      'unsupported-type',
      '$[0]',
      'Entry is not a plain JSON object; convert it first',
    ],
    [
      'a symbol key',
      { [Symbol('k')]: 1 },
      'unsupported-type',
      '$',
      'symbol-keyed properties have no JSON representation',
    ],
    ['a cycle', cyclic, 'cyclic-structure', '$.self.back', 'value refers to itself'],
    ['a lone high surrogate', 'ab\ud83d', 'lone-surrogate', '$', 'string has a lone surrogate \\ud83d at offset 2'],
    ['a lone low surrogate', ['\ude00x'], 'lone-surrogate', '$[0]', 'string has a lone surrogate \\ude00 at offset 0'],
    ['a reversed pair', '\ude00\ud83d', 'lone-surrogate', '$', 'string has a lone surrogate \\ude00 at offset 0'],
    [
      'a lone surrogate in a key',
      { 'k\udc00': 1 },
      'lone-surrogate',
      '$["k\\udc00"]',
      'string has a lone surrogate \\udc00 at offset 1',
    ],
  ])('refuses %s', (_name, value, code, path, reason) => {
    expect(refusal(value)).toEqual({ code, path, message: `${path}: ${reason}` });
  });

  it('accepts the same object twice when it is shared, not cyclic', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: [shared] })).toBe('{"a":{"x":1},"b":[{"x":1}]}');
  });
});
