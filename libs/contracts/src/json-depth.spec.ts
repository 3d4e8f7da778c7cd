import { jsonDepthExceeds, MAX_BODY_DEPTH } from './json-depth';

function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

describe('jsonDepthExceeds', () => {
  it('counts a scalar as depth 0 and an empty container as depth 1', () => {
    expect(jsonDepthExceeds('text', 0)).toBe(false);
    expect(jsonDepthExceeds(null, 0)).toBe(false);
    expect(jsonDepthExceeds([], 0)).toBe(true);
    expect(jsonDepthExceeds({}, 0)).toBe(true);
    expect(jsonDepthExceeds([], 1)).toBe(false);
    expect(jsonDepthExceeds({ a: [1, { b: 2 }] }, 3)).toBe(false);
    expect(jsonDepthExceeds({ a: [1, { b: [] }] }, 3)).toBe(true);
  });

  it('accepts exactly the limit and refuses one level more', () => {
    expect(jsonDepthExceeds(nested(MAX_BODY_DEPTH), MAX_BODY_DEPTH)).toBe(false);
    expect(jsonDepthExceeds(nested(MAX_BODY_DEPTH + 1), MAX_BODY_DEPTH)).toBe(true);
  });

  it('finds the deep branch beside wide shallow ones', () => {
    const wide = { many: Array.from({ length: 1000 }, (_, i) => ({ i })), deep: nested(MAX_BODY_DEPTH) };
    expect(jsonDepthExceeds(wide, MAX_BODY_DEPTH)).toBe(true);
  });

  it('walks 100,000 levels without overflowing the stack', () => {
    const hostile: unknown = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(jsonDepthExceeds(hostile, MAX_BODY_DEPTH)).toBe(true);
    expect(jsonDepthExceeds(hostile, 100_000)).toBe(false);
  });
});
