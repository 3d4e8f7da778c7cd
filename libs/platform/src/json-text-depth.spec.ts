import { jsonTextDepth } from './json-text-depth';

const depthOf = (text: string, stopAbove = 1_000) => jsonTextDepth(Buffer.from(text, 'utf8'), stopAbove);

describe('jsonTextDepth', () => {
  it('measures nesting as JSON.parse would build it', () => {
    expect(depthOf('1')).toBe(0);
    expect(depthOf('[]')).toBe(1);
    expect(depthOf('{"a":[1,{"b":[]}],"c":{}}')).toBe(4);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(depthOf('{"a":"[[[{{{"}')).toBe(1);
    expect(depthOf('["\\"[[[", "\\\\", [1]]')).toBe(2);
    expect(depthOf('{"ü€😀":"[[" }')).toBe(1);
  });

  it('stops as soon as the text passes the bound', () => {
    expect(depthOf('['.repeat(1_000_000), 64)).toBe(65);
  });
});
